/**
 * The key-value ports on node:sqlite (embedded mode): the twins of src/adapters/upstash with the
 * same semantics — expiry, sliding sessions, atomic counters, exact rate limits, owner-only
 * locks — persistent across restarts. Tables are created idempotently and all start with `kv_`.
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
import { createEmbeddedMetrics, sweepMetrics } from './kv-metrics.ts'
import { createEmbeddedRateLimiter } from './kv-rate.ts'
import { createEmbeddedRevocations } from './kv-revocations.ts'
import { createEmbeddedSessions } from './kv-sessions.ts'
import { openKvDb, sweepExpired } from './kv-store.ts'

/** How often expired rows are deleted (Redis expires keys by itself; SQLite needs a sweep). */
const SWEEP_INTERVAL_MS = 60_000

/**
 * Builds every key-value port on an open database (shared with the document store). The caller
 * owns `db`; `close()` only stops the background sweep.
 *
 * @example
 * const kv = createEmbeddedKv(new DatabaseSync('./data/gatehouse.db'), { session: { idleSeconds: 3600, maxLifetimeSeconds: 2592000 } })
 * const { id } = await kv.sessions.create({ userId: 'u1', tenantId: 't1', role: 'viewer' })
 */
export function createEmbeddedKv(db: DatabaseSync, options: KvOptions): KvBackends {
  const kv = openKvDb(db)
  const metrics = createEmbeddedMetrics(kv)
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
    },
  }
}
