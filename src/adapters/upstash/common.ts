/**
 * Pure helpers both key-value adapter families share (Upstash and embedded), so that session
 * handles, cache entry ids and rate-limit arithmetic are defined once and the two adapters give
 * identical answers. No runtime-specific imports: this file runs on Workers too.
 */
import { LockBusyError } from '../../errors.ts'
import type {
  AcquireOptions,
  ApiKeyRecord,
  CacheScope,
  KeyRateLimit,
  LimitSource,
  LockHandle,
  Locks,
  PolicyResult,
  RateAlgorithm,
  RatePolicy,
} from '../../ports.ts'
import { sha256Hex } from './sha256.ts'

/** A new raw session id: 128 random bits, base64url (22 chars). Only the client ever sees it. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Raw ids we hand out are 22 base64url chars; anything else cannot be a session (no lookup). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** The storage key of a session: SHA-256 hex of the raw id (what listings and the API show). */
export const sessionHandle = (id: string): string => sha256Hex(id)

/** Where a cache entry lives: the logical key hashed together with its tenant (and user) scope. */
export function cacheEntryId(scope: CacheScope, key: string): string {
  return sha256Hex(JSON.stringify([scope.tenantId, scope.userId ?? null, key]))
}

/** The id of a tenant's tag (generation counter or tag row). */
export const cacheTagId = (tenantId: string, tag: string): string => sha256Hex(JSON.stringify(['tag', tenantId, tag]))

/** The id of a user's cache generation (clearUser bumps it). */
export const cacheUserId = (tenantId: string, userId: string): string => sha256Hex(JSON.stringify(['user', tenantId, userId]))

/** A policy with everything an algorithm needs, validated once. */
export interface ResolvedPolicy {
  name: string
  algorithm: RateAlgorithm
  limit: number
  windowSeconds: number
  windowMs: number
  /** Token bucket: one refill of `refillRate` tokens every `intervalMs`. */
  intervalMs: number
  refillRate: number
  /** Key prefix (without identifier), unique per name, algorithm and window. */
  tag: string
  /** Gatekeeper: the record whose own limit replaces `limit` (RatePolicy.limitFrom). */
  from: LimitSource | null
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Validates a policy and derives its parameters. The token bucket holds `limit` tokens and
 * refills gradually — about limit/window — rather than all at once (that would be a fixed window).
 * The limit is NOT part of the key: a tenant whose plan changes keeps its usage. A limit of 0
 * (a blocked plan) denies every request and is evaluated as a fixed window.
 */
export function resolvePolicy(p: RatePolicy): ResolvedPolicy {
  if (!NAME.test(p.name)) throw new TypeError(`rate policy name must match ${NAME}: ${JSON.stringify(p.name)}`)
  if (!Number.isInteger(p.limit) || p.limit < 0) throw new TypeError(`rate policy ${p.name}: limit must be a non-negative integer`)
  if (!(p.windowSeconds > 0)) throw new TypeError(`rate policy ${p.name}: windowSeconds must be positive`)
  const algorithm = p.limit === 0 ? 'fixed' : (p.algorithm ?? 'sliding')
  if (p.limitFrom === 'key' && algorithm === 'token') throw new TypeError(`rate policy ${p.name}: limitFrom 'key' needs a sliding or fixed window`)
  const windowMs = Math.round(p.windowSeconds * 1000)
  const intervalMs = Math.max(1, Math.round(windowMs / Math.max(1, p.limit)))
  const refillRate = Math.max(1, Math.round((p.limit * intervalMs) / windowMs))
  const short = algorithm === 'sliding' ? 's' : algorithm === 'fixed' ? 'f' : 't'
  return {
    name: p.name,
    algorithm,
    limit: p.limit,
    windowSeconds: p.windowSeconds,
    windowMs,
    intervalMs,
    refillRate,
    tag: `${short}:${windowMs}:${p.name}`,
    from: p.limitFrom ?? null,
  }
}

/** What the records of one admission say about its policies' limits (RatePolicy.limitFrom). */
export interface OwnLimits {
  session?: number | undefined
  key?: KeyRateLimit | null | undefined
  tenant?: number | null | undefined
}

/**
 * The policy as the admission applies it: the record's own limit (a key's: and window) in place
 * of the default. Token buckets keep theirs. The embedded twin of the Lua in rate-lua.ts.
 */
export function ownPolicy(policy: RatePolicy, own: OwnLimits): RatePolicy {
  if (!policy.limitFrom || policy.algorithm === 'token') return policy
  if (policy.limitFrom === 'key') {
    const k = own.key
    return k ? { ...policy, limit: k.limit, windowSeconds: k.windowSeconds } : policy
  }
  const limit = policy.limitFrom === 'session' ? own.session : own.tenant
  return limit === undefined || limit === null ? policy : { ...policy, limit }
}

/**
 * Whether a key record admits the presented key's hash at `now`: the current hash, or the one
 * before the last rotation until its grace ends (exclusive); never once expired. Mirrored by the
 * admission script (gatekeeper.ts).
 */
export function keyAccepts(record: Pick<ApiKeyRecord, 'hash' | 'previous' | 'expiresAt'>, hash: string, now: number): boolean {
  if (record.expiresAt !== null && record.expiresAt <= now) return false
  return record.hash === hash || (record.previous !== null && record.previous.hash === hash && record.previous.until > now)
}

/** The storage keys (relative to the limiter prefix) a policy touches for `identifier` at `now`. */
export function policyKeys(p: ResolvedPolicy, identifier: string, now: number): string[] {
  const base = `${p.tag}:${identifier}`
  if (p.algorithm === 'token') return [base]
  const window = Math.floor(now / p.windowMs)
  return p.algorithm === 'sliding' ? [`${base}:${window}`, `${base}:${window - 1}`] : [`${base}:${window}`]
}

const SOURCE_CODE: Record<LimitSource, string> = { session: 's', key: 'k', tenant: 't' }

/** A policy as the shared Lua reads it from ARGV (see rate-lua.ts): alg, limit, w, refill, source. */
export function policyArgs(p: ResolvedPolicy): Array<string | number> {
  const alg = p.algorithm === 'sliding' ? 's' : p.algorithm === 'fixed' ? 'f' : 't'
  return [alg, p.limit, p.algorithm === 'token' ? p.intervalMs : p.windowMs, p.refillRate, p.from ? SOURCE_CODE[p.from] : '0']
}

/** Units a check consumes: a non-negative integer (default 1). */
export function costOf(cost: number | undefined): number {
  const c = cost ?? 1
  if (!Number.isInteger(c) || c < 0) throw new TypeError(`rate cost must be a non-negative integer: ${c}`)
  return c
}

/** The per-policy part of the shared Lua's answer ({ok, remaining, reset, limit} each) as results. */
export function policyResults(resolved: ResolvedPolicy[], out: number[], offset: number): PolicyResult[] {
  return resolved.map((p, i) => {
    const at = offset + i * 4
    return { name: p.name, limit: out[at + 3]!, remaining: out[at + 1]!, reset: out[at + 2]!, windowSeconds: p.windowSeconds, allowed: out[at] === 1 }
  })
}

/** Shared by both adapter families: retries `tryOnce` until it succeeds or `waitMs` has passed. */
export async function acquireWithWait(_name: string, options: AcquireOptions, tryOnce: () => Promise<LockHandle | null>): Promise<LockHandle | null> {
  const deadline = Date.now() + (options.waitMs ?? 0)
  for (let attempt = 0; ; attempt++) {
    const handle = await tryOnce()
    if (handle) return handle
    const left = deadline - Date.now()
    if (left <= 0) return null
    // Short, jittered, growing pauses: contenders spread out instead of retrying in lockstep.
    const pause = Math.min(left, Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()))
    await new Promise((r) => setTimeout(r, pause))
  }
}

/** Shared by both adapter families: acquire, run, always release. */
export async function runWithLock<T>(locks: Pick<Locks, 'acquire'>, name: string, options: AcquireOptions, fn: () => Promise<T>): Promise<T> {
  const handle = await locks.acquire(name, options)
  if (!handle) throw new LockBusyError(name)
  try {
    return await fn()
  } finally {
    await handle.release().catch(() => false) // an expired lease is released by its TTL anyway
  }
}
