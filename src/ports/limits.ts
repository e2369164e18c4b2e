/** Admission and limits: the RateLimiter, the Gatekeeper (one atomic admission per request), API keys and tenant plans. */
import type { Role } from '../domain/roles.ts'
import type { Pending, Pingable } from './common.ts'
import type { Session } from './sessions.ts'

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
