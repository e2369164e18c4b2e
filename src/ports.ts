/**
 * The ports: every storage-facing interface gatehouse uses, and nothing else.
 *
 * Each port has one adapter per backend family (src/adapters/upstash, src/adapters/mongo,
 * src/adapters/embedded) and ONE contract suite in tests/contracts run against every adapter.
 * Services and routes depend on these interfaces only.
 */

import type { Role } from './domain/roles.ts'

/** Background work a caller hands to `executionCtx.waitUntil` (or awaits when there is none). */
type Pending = Promise<unknown>

/** Something health checks can ask. `ping` resolves when the backend answers, rejects otherwise. */
export interface Pingable {
  ping(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Sessions (DataWise seed's SessionStore). Raw session ids never reach storage: records are keyed
// by SHA-256(id) — the "handle" — which is also what listings and the API expose. Everything of
// a session lives under its tenant (one hash slot on Redis Cluster), so every call names it.
// ---------------------------------------------------------------------------------------------

export interface SessionInput {
  userId: string
  tenantId: string
  /** The role authorization uses: server-side state, updated when the account's role changes. */
  role: Role
  /** The user's plan (api_calls_per_hour) the gate applies; the configured default when absent. */
  hourlyLimit?: number
  device?: string
  ip?: string
  userAgent?: string
  /** SHA-256 of the current refresh token (rotated on every refresh). */
  refreshHash?: string
  data?: Record<string, unknown>
}

export interface Session extends SessionInput {
  /** SHA-256 hex of the raw session id. */
  handle: string
  createdAt: number
  lastActiveAt: number
  /** Idle expiry (ms epoch); slides forward on touch, never past absoluteExpiresAt. */
  expiresAt: number
  /** Absolute lifetime end (ms epoch). */
  absoluteExpiresAt: number
}

export interface SessionTimes {
  /** Idle expiry in seconds (SESSION_EXPIRE_MINUTES * 60). */
  idleSeconds: number
  /** Absolute maximum lifetime in seconds. */
  maxLifetimeSeconds: number
}

interface RefreshRotationRequest {
  /** SHA-256 of the presented refresh secret. */
  presented: string
  /** SHA-256 of the secret that replaces it. */
  next: string
  /** What the next secret was derived with (kept, so a replay within the grace gets the same one). */
  nonce: string
  /** How long after a rotation the previous token may be presented again (0: never). */
  graceMs: number
}

/**
 * - `rotated`: the presented token was the current one; `next` is current now.
 * - `replayed`: the presented token is the PREVIOUS one, presented again within the grace of its
 *   rotation (a client retrying): nothing changes; `nonce` is what its successor was derived with.
 * - `reused`: a token already traded (outside the grace, or an older one) or a forged one — the
 *   caller treats it as theft and revokes the session.
 * - `missing`: no such live session.
 */
export type RefreshRotation = { outcome: 'rotated' } | { outcome: 'replayed'; nonce: string } | { outcome: 'reused' } | { outcome: 'missing' }

/** What a change of the account applies to every live session of the user. */
type SessionAuthority = Partial<Pick<Session, 'role' | 'hourlyLimit'>>

export interface SessionStore extends Pingable {
  /** Creates a session; returns the raw id (only ever given to the client) and the record. */
  create(input: SessionInput): Promise<{ id: string; session: Session }>
  /** The live session for a raw id, or null when unknown, expired or revoked. */
  get(tenantId: string, id: string): Promise<Session | null>
  /** Slides the idle expiry forward (bounded by the absolute lifetime). Null when not alive. */
  touch(tenantId: string, id: string): Promise<Session | null>
  /** Merges fields into a live session (refreshHash rotation, data). Null when not alive. */
  update(tenantId: string, id: string, patch: Partial<Pick<Session, 'refreshHash' | 'data' | 'device'> & SessionAuthority>): Promise<Session | null>
  /**
   * Trades the presented refresh token, atomically (see RefreshRotation): when `presented` is the
   * current hash, it becomes the previous one and `next` (with its `nonce`) the current one.
   */
  rotateRefresh(tenantId: string, id: string, rotation: RefreshRotationRequest): Promise<RefreshRotation>
  /** Live sessions of a user, newest first. Never returns expired or revoked ones. */
  list(tenantId: string, userId: string): Promise<Session[]>
  /** Applies a role / plan change to every live session of the user; returns how many. */
  updateUser(tenantId: string, userId: string, patch: SessionAuthority): Promise<number>
  /** Revokes one session of `userId` by handle. False when it was not that user's live session. */
  revoke(tenantId: string, userId: string, handle: string): Promise<boolean>
  /** Revokes all sessions of a user except the given handles; returns how many were revoked. */
  revokeAll(tenantId: string, userId: string, exceptHandles?: string[]): Promise<number>
  /** Drops expired records and index entries; returns how many were removed. */
  cleanupExpired(): Promise<number>
}

// ---------------------------------------------------------------------------------------------
// Revocations (ELK seed's JWT blacklist)
// ---------------------------------------------------------------------------------------------

export interface Revocations extends Pingable {
  /** Refuses the token id until `expiresAt` (ms epoch), after which the entry may vanish. */
  revokeToken(tenantId: string, jti: string, expiresAt: number): Promise<void>
  isRevoked(tenantId: string, jti: string): Promise<boolean>
  /**
   * Every token of the user issued before `atSeconds` (epoch SECONDS, the unit of a JWT's `iat`)
   * is refused, for `ttlSeconds`. A token issued in that very second or later stays valid.
   */
  revokeUserBefore(tenantId: string, userId: string, atSeconds: number, ttlSeconds: number): Promise<void>
  /** The user's cutoff (epoch seconds), or null. */
  revokedBefore(tenantId: string, userId: string): Promise<number | null>
}

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
// Rate limits
// ---------------------------------------------------------------------------------------------

export type RateAlgorithm = 'sliding' | 'fixed' | 'token'

export interface RatePolicy {
  /** Name used in headers and problem details ("burst", "hourly", "daily", "login"...). */
  name: string
  limit: number
  windowSeconds: number
  algorithm?: RateAlgorithm
  /**
   * Gatekeeper only: a record read in the same admission may carry this policy's own limit;
   * `limit` (and `windowSeconds`) apply when it does not. Never applies to token buckets.
   * - `session`: the session's `hourlyLimit` (the user's plan);
   * - `key`: the API key's own rate limit — its limit AND window (sliding or fixed only);
   * - `tenant`: the tenant's plan override (TenantPlans), the tenant-wide budget.
   */
  limitFrom?: LimitSource
}

/** Where a Gatekeeper policy's own limit comes from (see RatePolicy.limitFrom). */
export type LimitSource = 'session' | 'key' | 'tenant'

export interface PolicyResult {
  name: string
  limit: number
  remaining: number
  /** When the window resets (ms epoch). */
  reset: number
  windowSeconds: number
  allowed: boolean
}

export interface RateResult {
  allowed: boolean
  policies: PolicyResult[]
  /** Background work (analytics, sync) for waitUntil. */
  pending: Pending
}

export interface CheckOptions {
  /** Units one request consumes (default 1). 0 reads the policies without consuming. */
  cost?: number
}

export interface RateLimiter extends Pingable {
  /** Checks all policies for one key in one atomic call: all consume, or none. */
  check(key: string, policies: RatePolicy[], options?: CheckOptions): Promise<RateResult>
  /** Forgets a key's usage (e.g. after a successful login). */
  reset(key: string, policies: RatePolicy[]): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Gatekeeper: the request's admission in ONE atomic step — is the signed-in subject still valid
// (session alive, token and user not revoked; or the API key known, its secret accepted, not
// expired) and, only if so, every rate-limit policy charged together. A refused subject consumes
// nothing: a stolen, revoked token cannot spend its owner's budget. All keys of one admission
// live under the subject's tenant.
// ---------------------------------------------------------------------------------------------

/** A bearer token's subject: our session token, or an external provider's token. */
export interface TokenSubject {
  kind?: 'token'
  tenantId: string
  userId: string
  /** Raw session id (our tokens): the session must be alive and belong to userId in tenantId. */
  sessionId?: string
  /** Ids refused when revoked (Revocations.revokeToken): the jti, an external `sid:<id>`. */
  tokenIds: string[]
  /** Token issue time, epoch seconds: refused when before the user's cutoff. */
  issuedAt: number
}

/** An API key's subject: its record must exist, accept the secret's hash and not be expired. */
export interface KeySubject {
  kind: 'key'
  tenantId: string
  keyId: string
  /** SHA-256 hex of the presented key (the current secret's, or the previous one within its grace). */
  keyHash: string
}

export type AdmissionSubject = TokenSubject | KeySubject

/** A policy and the bucket (within the tenant) it counts in: `u:<user>`, `k:<key>`, `tenant`... */
export interface Charge {
  bucket: string
  policy: RatePolicy
}

export interface AdmissionRequest {
  subject: AdmissionSubject
  charges: Charge[]
  /** Units the request consumes from every charged policy (default 1; 0 reads only). */
  cost?: number
}

export type Admission =
  | {
      valid: true
      /** The live session (our tokens), else null. */
      session: Session | null
      /** The key's record (key subjects), else null. */
      key: ApiKeyRecord | null
      rate: RateResult
    }
  | { valid: false; reason: 'revoked' }

export interface Gatekeeper extends Pingable {
  admit(request: AdmissionRequest): Promise<Admission>
}

// ---------------------------------------------------------------------------------------------
// API keys (server-to-server callers) and tenant plans. The key-value store is the ONE source of
// truth for both: the Gatekeeper reads them inside the admission, so a change applies from the
// next request on every instance. Keys are stored as SHA-256 of the key, never the key itself.
// ---------------------------------------------------------------------------------------------

/** An API key's own rate limit: `limit` requests per `windowSeconds` (sliding window). */
export interface KeyRateLimit {
  limit: number
  windowSeconds: number
}

export interface ApiKeyRecord {
  id: string
  tenantId: string
  name: string
  role: Role
  /** SHA-256 hex of the current key. */
  hash: string
  /** The key before the last rotation, accepted until `until` (ms epoch). */
  previous: { hash: string; until: number } | null
  createdAt: number
  /** Who created it (a user id). */
  createdBy: string
  /** ms epoch; null: never expires. */
  expiresAt: number | null
  /** Null: the configured default (RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW). */
  rateLimit: KeyRateLimit | null
  /** Updated in the background, at most about once a minute (ms epoch). */
  lastUsedAt: number | null
  rotatedAt: number | null
}

export interface ApiKeyStore extends Pingable {
  /** Stores a new key; false when the id is taken in that tenant. */
  create(record: ApiKeyRecord): Promise<boolean>
  get(tenantId: string, id: string): Promise<ApiKeyRecord | null>
  /** The tenant's keys, oldest first. */
  list(tenantId: string): Promise<ApiKeyRecord[]>
  /** Replaces the hash; the old one stays accepted until `graceUntil` (ms epoch). Null when unknown. */
  rotate(tenantId: string, id: string, hash: string, graceUntil: number, at: number): Promise<ApiKeyRecord | null>
  /** Sets (or, with null, clears) the key's own rate limit. Null when unknown. */
  setRateLimit(tenantId: string, id: string, rateLimit: KeyRateLimit | null): Promise<ApiKeyRecord | null>
  /** Deletes the key: refused from the next admission on. False when unknown. */
  revoke(tenantId: string, id: string): Promise<boolean>
  /** Records a use (never moves back; never recreates a revoked key). */
  touch(tenantId: string, id: string, at: number): Promise<void>
}

/** Per-tenant plan overrides; null: the configured default applies. */
export interface TenantPlans extends Pingable {
  /** The tenant-wide API calls per hour, when overridden. */
  hourlyLimit(tenantId: string): Promise<number | null>
  setHourlyLimit(tenantId: string, limit: number | null): Promise<void>
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
// Documents: the small collection interface that the Data API client, the mongodb driver and
// the embedded SQLite store all implement; repositories are written once against it.
// ---------------------------------------------------------------------------------------------

export type Doc = Record<string, unknown>
export type Filter = Record<string, unknown>
export type Update = Record<string, unknown>
export type Sort = Record<string, 1 | -1>

export interface FindOptions {
  projection?: Record<string, 0 | 1>
  sort?: Sort
  limit?: number
  skip?: number
}

export interface UpdateResult {
  matchedCount: number
  modifiedCount: number
  upsertedId?: unknown
}

export interface IndexSpec {
  key: Record<string, 1 | -1>
  name: string
  unique?: boolean
}

export interface Collection<T extends Doc = Doc> {
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null>
  find(filter: Filter, options?: FindOptions): Promise<T[]>
  count(filter: Filter): Promise<number>
  /** Throws DuplicateKeyError on a unique index violation. */
  insertOne(doc: T): Promise<{ insertedId: unknown }>
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>
  deleteOne(filter: Filter): Promise<{ deletedCount: number }>
  deleteMany(filter: Filter): Promise<{ deletedCount: number }>
  aggregate<R extends Doc = Doc>(pipeline: Doc[]): Promise<R[]>
  /** Idempotent: existing indexes with the same name and key are left alone. */
  createIndexes(indexes: IndexSpec[]): Promise<void>
  listIndexes(): Promise<IndexSpec[]>
  /** Drops one index by name (migrations); false when there is none. `_id_` is refused. */
  dropIndex(name: string): Promise<boolean>
}

export interface DocumentStore extends Pingable {
  collection<T extends Doc = Doc>(name: string): Collection<T>
  close?(): Promise<void>
}

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
