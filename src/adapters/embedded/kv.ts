/**
 * The key-value ports on node:sqlite (embedded mode): the twins of src/adapters/upstash with the
 * same semantics — expiry, sliding sessions, atomic counters, exact rate limits, owner-only
 * locks — persistent across restarts. Tables are created idempotently and all start with `kv_`.
 * The process that owns the data dir runs them in memory mode (kv-memory.ts).
 * `options.prefix` does not apply: one database file serves one app.
 */
import type { DatabaseSync } from 'node:sqlite'
import type { KvBackends, KvOptions } from '../../ports.ts'
import { createEmbeddedApiKeys, createEmbeddedTenantPlans } from './kv-api-keys.ts'
import { createEmbeddedCache } from './kv-cache.ts'
import { createEmbeddedCounters } from './kv-counters.ts'
import { createEmbeddedGatekeeper } from './kv-gatekeeper.ts'
import { createEmbeddedIdempotency } from './kv-idempotency.ts'
import { createEmbeddedLocks } from './kv-locks.ts'
import { FLUSH_INTERVAL_MS } from './kv-memory.ts'
import { createEmbeddedMetrics, sweepMetrics } from './kv-metrics.ts'
import { createEmbeddedRateLimiter } from './kv-rate.ts'
import { createEmbeddedRevocations } from './kv-revocations.ts'
import { createEmbeddedSessions } from './kv-sessions.ts'
import { openKvDb, sweepExpired } from './kv-store.ts'

/** How often expired rows are deleted (Redis expires keys by itself; SQLite needs a sweep). */
const SWEEP_INTERVAL_MS = 60_000

/**
 * Builds every key-value port on an open database (shared with the document store). The caller
 * owns `db`; `close()` stops the background sweep and writes what is only in memory (call it
 * before closing `db`). `mode.owner`: this process owns the data dir (createEmbeddedBackends
 * holds its lock) — memory mode; otherwise transactional mode.
 *
 * @example
 * const kv = createEmbeddedKv(new DatabaseSync('./data/gatehouse.db'), { session: { idleSeconds: 3600, maxLifetimeSeconds: 2592000 } })
 * const { id } = await kv.sessions.create({ userId: 'u1', tenantId: 't1', role: 'viewer' })
 */
export function createEmbeddedKv(db: DatabaseSync, options: KvOptions, mode: { owner?: boolean } = {}): KvBackends {
  const kv = openKvDb(db, mode)
  const metrics = createEmbeddedMetrics(kv)
  const memory = kv.memory
  // Memory mode: the changed rate-limit windows reach the file every FLUSH_INTERVAL_MS, on
  // close, and when the process exits (process.exit, end of the event loop; not kill -9).
  let closed = false
  const flush = () => {
    try {
      if (memory && !closed && !db.isTransaction) memory.flush()
    } catch {
      // Kept in memory: the next flush writes them.
    }
  }
  const flusher = memory ? setInterval(flush, FLUSH_INTERVAL_MS) : undefined
  flusher?.unref?.()
  if (memory) atExit.add(flush)
  const sweep = setInterval(() => {
    try {
      sweepExpired(kv, Date.now())
      kv.sql('DELETE FROM kv_sessions WHERE expires_at <= ?').run(Date.now())
      sweepMetrics(kv, Date.now())
    } catch {
      // Busy or closed database: the next sweep (or the reads' own expiry checks) covers it.
    }
  }, SWEEP_INTERVAL_MS)
  sweep.unref?.()
  return {
    sessions: createEmbeddedSessions(kv, options.session),
    revocations: createEmbeddedRevocations(kv),
    cache: createEmbeddedCache(kv),
    rateLimiter: createEmbeddedRateLimiter(kv),
    gatekeeper: createEmbeddedGatekeeper(kv),
    apiKeys: createEmbeddedApiKeys(kv),
    tenantPlans: createEmbeddedTenantPlans(kv),
    counters: createEmbeddedCounters(kv),
    locks: createEmbeddedLocks(kv),
    idempotency: createEmbeddedIdempotency(kv),
    metrics,
    kv: {
      async ping() {
        kv.sql('SELECT 1').get()
      },
    },
    async close() {
      clearInterval(sweep)
      clearInterval(flusher)
      flush()
      closed = true
      atExit.delete(flush)
    },
  }
}

/** The flushes of every open memory-mode store, run once when the process exits. */
const atExit = new Set<() => void>()
globalThis.process?.once?.('exit', () => {
  for (const flush of atExit) flush()
})
