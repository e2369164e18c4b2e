/**
 * Metrics on node:sqlite — the twin of src/adapters/upstash/metrics.ts: minute and hour buckets
 * with absolute expiry (rows past it read as absent; the sweep deletes them), lifetime totals,
 * the tenants' standings. One batch is one transaction.
 */
import type { Metrics } from '../../ports.ts'
import { bucketStarts, groupIncrements } from '../metrics-buckets.ts'
import type { KvDb } from './kv-store.ts'

// scope: '' = the overall series (tenant ids are never empty) · res: 'm' minute, 'h' hour, 't' lifetime totals (start 0).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv_metrics (
  scope TEXT NOT NULL,
  res TEXT NOT NULL,
  start INTEGER NOT NULL,
  field TEXT NOT NULL,
  value INTEGER NOT NULL,
  expires_at INTEGER,
  PRIMARY KEY (scope, res, start, field)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_metrics_expiry ON kv_metrics (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS kv_metrics_top (
  tenant TEXT PRIMARY KEY,
  weight INTEGER NOT NULL
);
`

const ADD = `INSERT INTO kv_metrics (scope, res, start, field, value, expires_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (scope, res, start, field) DO UPDATE SET value = value + excluded.value, expires_at = excluded.expires_at`

/** Builds the SQLite-backed Metrics (creates its tables idempotently). */
export function createEmbeddedMetrics(kv: KvDb): Metrics {
  kv.db.exec(SCHEMA)
  return {
    async record(increments) {
      const now = Date.now()
      const { scopes, standings } = groupIncrements(increments, now)
      const add = kv.sql(ADD)
      kv.tx(() => {
        for (const scope of scopes) {
          const id = scope.tenantId ?? ''
          for (const m of scope.minutes) {
            for (const [field, value] of m.counts) {
              add.run(id, 't', 0, field, value, null)
              if (m.minuteExpiresAt !== null) add.run(id, 'm', m.minute, field, value, m.minuteExpiresAt)
              if (m.hourExpiresAt !== null) add.run(id, 'h', m.hour, field, value, m.hourExpiresAt)
            }
          }
        }
        const top = kv.sql('INSERT INTO kv_metrics_top (tenant, weight) VALUES (?, ?) ON CONFLICT (tenant) DO UPDATE SET weight = weight + excluded.weight')
        for (const [tenant, weight] of standings) top.run(tenant, weight)
      })
    },
    async series(tenantId, resolution, from, to) {
      const starts = bucketStarts(resolution, from, to)
      if (starts.length === 0) return []
      const rows = kv
        .sql('SELECT start, field, value FROM kv_metrics WHERE scope = ? AND res = ? AND start BETWEEN ? AND ? AND expires_at > ? ORDER BY start')
        .all(tenantId ?? '', resolution === 'minute' ? 'm' : 'h', starts[0]!, starts.at(-1)!, Date.now()) as Array<{
        start: number
        field: string
        value: number
      }>
      const out: Array<{ start: number; counts: Record<string, number> }> = []
      for (const r of rows) {
        if (out.at(-1)?.start !== r.start) out.push({ start: r.start, counts: {} })
        out.at(-1)!.counts[r.field] = r.value
      }
      return out
    },
    async totals(tenantId) {
      const rows = kv.sql("SELECT field, value FROM kv_metrics WHERE scope = ? AND res = 't' AND start = 0").all(tenantId ?? '') as Array<{
        field: string
        value: number
      }>
      return Object.fromEntries(rows.map((r) => [r.field, r.value]))
    },
    async topTenants(limit) {
      if (!Number.isInteger(limit) || limit < 0) throw new TypeError('metrics: limit must be a non-negative integer')
      // Ties as Redis orders them in ZREVRANGE: by member, descending.
      const rows = kv.sql('SELECT tenant, weight FROM kv_metrics_top ORDER BY weight DESC, tenant DESC LIMIT ?').all(limit) as Array<{
        tenant: string
        weight: number
      }>
      return rows.map((r) => ({ tenantId: r.tenant, weight: r.weight }))
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}

/** Deletes buckets past their retention (the embedded stand-in for Redis' own key expiry). */
export function sweepMetrics(kv: KvDb, now: number): void {
  kv.sql('DELETE FROM kv_metrics WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now)
}
