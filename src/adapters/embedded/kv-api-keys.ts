/**
 * ApiKeyStore and TenantPlans on node:sqlite — the twins of src/adapters/upstash/api-keys.ts: a
 * key's record is one row of `kv_api_keys` (JSON, keyed by tenant and id), a tenant's plan
 * override one `kv_values` row. The embedded gatekeeper reads both inside its transaction.
 */
import type { ApiKeyRecord, ApiKeyStore, TenantPlans } from '../../ports.ts'
import { type KvDb, values } from './kv-store.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv_api_keys (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
);`

/** kv_values key of a tenant's plan override, shared with the embedded gatekeeper. */
const tenantPlanKey = (tenantId: string) => `plan:${JSON.stringify(tenantId)}`

/** The key's record (read inside the gatekeeper's transaction too); null when unknown. */
export function keyRecord(kv: KvDb, tenantId: string, id: string): ApiKeyRecord | null {
  const row = kv.sql('SELECT record FROM kv_api_keys WHERE tenant_id = ? AND id = ?').get(tenantId, id) as { record: string } | undefined
  return row ? (JSON.parse(row.record) as ApiKeyRecord) : null
}

/** The tenant's plan override (inside the gatekeeper's transaction too). */
export function tenantPlan(kv: KvDb, tenantId: string, now: number): number | null {
  const row = values(kv).get(tenantPlanKey(tenantId), now)
  return row ? Number(row.value) : null
}

export function createEmbeddedApiKeys(kv: KvDb): ApiKeyStore {
  kv.db.exec(SCHEMA)
  const save = (r: ApiKeyRecord) => kv.sql('UPDATE kv_api_keys SET record = ? WHERE tenant_id = ? AND id = ?').run(JSON.stringify(r), r.tenantId, r.id)
  /** Applies `change` to the record in a transaction; null when unknown. */
  const change = (tenantId: string, id: string, fn: (r: ApiKeyRecord) => ApiKeyRecord) =>
    kv.tx(() => {
      const r = keyRecord(kv, tenantId, id)
      if (!r) return null
      const next = fn(r)
      save(next)
      return next
    })
  return {
    async create(record) {
      const res = kv
        .sql('INSERT INTO kv_api_keys (tenant_id, id, record, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(record.tenantId, record.id, JSON.stringify(record), record.createdAt)
      return Number(res.changes) === 1
    },
    async get(tenantId, id) {
      return keyRecord(kv, tenantId, id)
    },
    async list(tenantId) {
      const rows = kv.sql('SELECT record FROM kv_api_keys WHERE tenant_id = ? ORDER BY created_at, id').all(tenantId) as unknown as Array<{ record: string }>
      return rows.map((r) => JSON.parse(r.record) as ApiKeyRecord)
    },
    async rotate(tenantId, id, hash, graceUntil, at) {
      return change(tenantId, id, (r) => ({ ...r, previous: { hash: r.hash, until: graceUntil }, hash, rotatedAt: at }))
    },
    async setRateLimit(tenantId, id, rateLimit) {
      return change(tenantId, id, (r) => ({ ...r, rateLimit }))
    },
    async revoke(tenantId, id) {
      return Number(kv.sql('DELETE FROM kv_api_keys WHERE tenant_id = ? AND id = ?').run(tenantId, id).changes) === 1
    },
    async touch(tenantId, id, at) {
      change(tenantId, id, (r) => ({ ...r, lastUsedAt: Math.max(r.lastUsedAt ?? 0, Math.floor(at)) }))
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}

export function createEmbeddedTenantPlans(kv: KvDb): TenantPlans {
  const vals = values(kv)
  return {
    async hourlyLimit(tenantId) {
      return tenantPlan(kv, tenantId, Date.now())
    },
    async setHourlyLimit(tenantId, limit) {
      if (limit === null) vals.delete(tenantPlanKey(tenantId))
      else vals.set(tenantPlanKey(tenantId), String(limit), null)
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
