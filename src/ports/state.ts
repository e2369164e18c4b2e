/** Shared state beside sign-in: the Cache, Counters, Idempotency (kept write answers), Locks and Metrics ports. */
import type { Pingable } from './common.ts'

// ---------------------------------------------------------------------------------------------
// Cache (QueryCache / CacheStore). Keys are hashed and scoped by tenant (and user when given).
// Entries are generation-checked: a tag's generation changes on every invalidation, an entry
// records the generations it was computed under, and is a hit only while they are current.
// ---------------------------------------------------------------------------------------------

export interface CacheScope {
  tenantId: string
  /** Present for per-user entries (clearUser drops them all). */
  userId?: string
}

/** A read: the value (null on a miss) and the generations seen, to pass to `set` as `stamp`. */
export interface CacheRead<T> {
  value: T | null
  /** Opaque: the scope's and tags' generations at the time of the read. */
  stamp: string
}

interface CacheSetOptions {
  ttlSeconds: number
  /** Tags (within the scope's tenant) that invalidate this entry. */
  tags?: string[]
  /**
   * The stamp of the read that preceded the computation: the entry records THOSE generations, so
   * a value computed before an invalidation that lands after it is never served. Without one,
   * the current generations are recorded.
   */
  stamp?: string
}

export interface Cache extends Pingable {
  /** Issues its command synchronously (it can join the request's round trip). `tags` as set. */
  get<T = unknown>(scope: CacheScope, key: string, tags?: string[]): Promise<CacheRead<T>>
  set(scope: CacheScope, key: string, value: unknown, options: CacheSetOptions): Promise<void>
  delete(scope: CacheScope, key: string): Promise<void>
  /** Drops every entry of the tenant carrying any of the tags. No whole-keyspace scans. */
  invalidateTags(tenantId: string, tags: string[]): Promise<void>
  /** Drops every per-user entry of that user. */
  clearUser(tenantId: string, userId: string): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Counters (API usage per user per window; atomic increments with expiry)
// ---------------------------------------------------------------------------------------------

export interface Counters extends Pingable {
  /** Adds `by` to the counter and returns the new value; the counter expires after ttlSeconds. */
  increment(key: string, by: number, ttlSeconds: number): Promise<number>
  get(key: string): Promise<number>
}

// ---------------------------------------------------------------------------------------------
// Idempotency (the Idempotency-Key header): the first answer of a write, kept so that a retry with
// the same key and request gets it again instead of doing the write twice. A key lives under its
// tenant, per caller; the store never sees the request, only its fingerprint.
// ---------------------------------------------------------------------------------------------

export interface IdempotencyScope {
  tenantId: string
  /** Who sent the request: a user id (signed in), or `ip:<address>` for public routes. */
  caller: string
}

/** An answer as kept: status, the headers worth replaying, the body text. */
export interface KeptAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * - `reserved`: the key was free — the caller runs the request, then `complete`s or `release`s
 *   it with `token`;
 * - `running`: the same request is still running under this key (→ 409);
 * - `mismatch`: the key was used for another request (another fingerprint; → 422);
 * - `done`: the first answer, to replay.
 */
export type Reservation = { state: 'reserved'; token: string } | { state: 'running' } | { state: 'mismatch' } | { state: 'done'; answer: KeptAnswer }

export interface IdempotencyStore extends Pingable {
  /**
   * Claims the key for this fingerprint, atomically (of N concurrent reservations one wins), for
   * `leaseMs` — long enough for the request to settle; a holder that dies frees it by expiry.
   */
  reserve(scope: IdempotencyScope, key: string, fingerprint: string, leaseMs: number): Promise<Reservation>
  /** Keeps the answer for `ttlSeconds`. False when `token` no longer holds the key (lease lost). */
  complete(scope: IdempotencyScope, key: string, token: string, answer: KeptAnswer, ttlSeconds: number): Promise<boolean>
  /** Frees the key (the request ended without an answer worth keeping); only by its holder. */
  release(scope: IdempotencyScope, key: string, token: string): Promise<void>
  /** What the key holds: its fingerprint and, once complete, the answer. Null when free. */
  lookup(scope: IdempotencyScope, key: string): Promise<{ fingerprint: string; answer: KeptAnswer | null } | null>
}

// ---------------------------------------------------------------------------------------------
// Locks (ELK seed's DistributedLock)
// ---------------------------------------------------------------------------------------------

export interface LockHandle {
  readonly name: string
  readonly owner: string
  /** Releases only if still owned; false otherwise. */
  release(): Promise<boolean>
  /** Extends the TTL only if still owned. */
  extend(ttlMs: number): Promise<boolean>
}

export interface AcquireOptions {
  ttlMs: number
  /** How long to keep retrying before giving up (default 0: one attempt). */
  waitMs?: number
}

export interface Locks extends Pingable {
  acquire(name: string, options: AcquireOptions): Promise<LockHandle | null>
  /** Runs fn under the lock; throws LockBusyError when it cannot be had in time. */
  withLock<T>(name: string, options: AcquireOptions, fn: () => Promise<T>): Promise<T>
}

// ---------------------------------------------------------------------------------------------
// Metrics: counts kept in the shared store, so every instance and isolate adds to one picture.
// Per scope (a tenant, or the overall series) counts live in minute buckets (kept 48 h) and hour
// buckets (kept 30 days); every count also adds to its scope's lifetime totals (never expire:
// what Prometheus counters expose). Field names are the caller's (src/metrics/fields.ts); the
// store only adds integers. A tenant's increments also move it in the tenants' standings (by
// `weight`), so an operator can label the busiest few without reading every tenant.
// ---------------------------------------------------------------------------------------------

export type MetricsResolution = 'minute' | 'hour'

export interface MetricsIncrement {
  /** The tenant's series; absent: the overall series. */
  tenantId?: string
  /** Start of the minute the counts belong to (ms epoch, a multiple of 60 000). */
  minute: number
  /** Field → integer to add. */
  counts: Record<string, number>
  /** Tenant increments: how far this moves the tenant in the standings (e.g. its requests). */
  weight?: number
}

export interface MetricsBucket {
  /** Start of the bucket (ms epoch). */
  start: number
  counts: Record<string, number>
}

export interface Metrics extends Pingable {
  /**
   * Adds a batch in ONE round trip (one command per scope, issued together). Buckets past their
   * retention are not written (their counts still reach the lifetime totals).
   */
  record(increments: MetricsIncrement[]): Promise<void>
  /** The scope's non-empty buckets with `from <= start <= to`, oldest first (at most 5 000 buckets in the range). */
  series(tenantId: string | null, resolution: MetricsResolution, from: number, to: number): Promise<MetricsBucket[]>
  /** The scope's lifetime totals. */
  totals(tenantId: string | null): Promise<Record<string, number>>
  /** The `limit` tenants with the most weight, heaviest first (ties: by id). */
  topTenants(limit: number): Promise<Array<{ tenantId: string; weight: number }>>
}
