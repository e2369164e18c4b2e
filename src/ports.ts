/**
 * The ports: every storage-facing interface gatehouse uses, and nothing else — one file per
 * family in src/ports/, all re-exported here, so `import type { X } from './ports.ts'` finds them.
 *
 * Each port has one adapter per backend family (src/adapters/upstash, src/adapters/mongo,
 * src/adapters/embedded) and ONE contract suite in tests/contracts run against every adapter.
 * Services and routes depend on these interfaces only.
 */
import type { Pingable } from './ports/common.ts'
import type { DocumentStore } from './ports/documents.ts'
import type { ApiKeyStore, Gatekeeper, RateLimiter, TenantPlans } from './ports/limits.ts'
import type { Revocations, SessionStore, SessionTimes } from './ports/sessions.ts'
import type { Cache, Counters, IdempotencyStore, Locks, Metrics } from './ports/state.ts'

export type * from './ports/common.ts'
export type * from './ports/documents.ts'
export type * from './ports/limits.ts'
export type * from './ports/sessions.ts'
export type * from './ports/state.ts'

// ---------------------------------------------------------------------------------------------
// Everything a running app needs from storage, built once per mode (src/backends.ts).
// ---------------------------------------------------------------------------------------------

export interface Backends {
  /** "embedded" (node:sqlite) or "remote" (Upstash REST + Data API / driver). */
  mode: 'embedded' | 'remote'
  sessions: SessionStore
  revocations: Revocations
  cache: Cache
  rateLimiter: RateLimiter
  gatekeeper: Gatekeeper
  apiKeys: ApiKeyStore
  tenantPlans: TenantPlans
  counters: Counters
  locks: Locks
  idempotency: IdempotencyStore
  metrics: Metrics
  documents: DocumentStore
  /** Health of the Redis-side (key-value) backend. */
  kv: Pingable
  close?(): Promise<void>
}

/** The Redis-side half of Backends, as each key-value adapter family builds it. */
export type KvBackends = Pick<
  Backends,
  'sessions' | 'revocations' | 'cache' | 'rateLimiter' | 'gatekeeper' | 'apiKeys' | 'tenantPlans' | 'counters' | 'locks' | 'idempotency' | 'metrics' | 'kv'
> & {
  close?(): Promise<void>
}

/** Settings every key-value adapter family takes. */
export interface KvOptions {
  session: SessionTimes
  /** Key prefix so several apps can share one Redis (default "gh"). */
  prefix?: string
}
