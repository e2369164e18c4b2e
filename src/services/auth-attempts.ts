/**
 * Brute-force protection for credential checks (login, refresh, password change), through the
 * RateLimiter port. Two budgets per minute by default: per account+IP (AUTH_RATE_LIMIT_ACCOUNT,
 * 10) — a guesser is stopped without locking the owner out from elsewhere — and per IP
 * (AUTH_RATE_LIMIT_IP, 100) — one address spraying many accounts. Limits fail closed: if the
 * limiter cannot answer, the attempt is refused with 503 rather than allowed unmetered.
 */
import type { Config } from '../config.ts'
import { RateLimitedError } from '../errors.ts'
import type { RateLimiter, RatePolicy, RateResult } from '../ports.ts'

const ATTEMPT_WINDOW_SECONDS = 60

export type AttemptLimits = Pick<Config, 'AUTH_RATE_LIMIT_ACCOUNT' | 'AUTH_RATE_LIMIT_IP'>

/** What is being guessed: the account (e-mail hash, session handle) and where from. */
export interface AttemptSubject {
  /** e.g. "login", "refresh", "password" — keeps the budgets of different actions apart. */
  action: string
  /** A stable, non-secret id of the target account or session (already hashed). */
  account: string
  ip: string
}

const accountPolicy = (limits: AttemptLimits, action: string): RatePolicy => ({
  name: `${action}-account`,
  limit: limits.AUTH_RATE_LIMIT_ACCOUNT,
  windowSeconds: ATTEMPT_WINDOW_SECONDS,
})
const ipPolicy = (limits: AttemptLimits, action: string): RatePolicy => ({
  name: `${action}-ip`,
  limit: limits.AUTH_RATE_LIMIT_IP,
  windowSeconds: ATTEMPT_WINDOW_SECONDS,
})

const accountKey = (s: AttemptSubject) => `auth:${s.action}:acct:${s.account}:${s.ip}`
const ipKey = (s: AttemptSubject) => `auth:${s.action}:ip:${s.ip}`

/** SHA-256 hex, for account keys that must not carry an e-mail address or a session id. */
export async function digestHex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The attempt policies of an action, as the routes advertise them in RateLimit-Policy. */
export const attemptPolicies = (limits: AttemptLimits, action: string): RatePolicy[] => [ipPolicy(limits, action), accountPolicy(limits, action)]

/** Counts one attempt against both budgets; throws RateLimitedError when either is spent. */
export async function countAttempt(limiter: RateLimiter, limits: AttemptLimits, subject: AttemptSubject, now: number): Promise<RateResult['pending']> {
  const results = await Promise.all([
    limiter.check(accountKey(subject), [accountPolicy(limits, subject.action)]),
    limiter.check(ipKey(subject), [ipPolicy(limits, subject.action)]),
  ])
  const denied = results.flatMap((r) => r.policies).filter((p) => !p.allowed)
  if (denied.length > 0) throw new RateLimitedError(denied, now, { message: 'Too many attempts; wait before trying again', code: 'too-many-attempts' })
  return Promise.all(results.map((r) => r.pending))
}

/** After a success the account+IP budget starts over (the per-IP one does not). */
export function forgetAttempts(limiter: RateLimiter, limits: AttemptLimits, subject: AttemptSubject): Promise<void> {
  return limiter.reset(accountKey(subject), [accountPolicy(limits, subject.action)])
}
