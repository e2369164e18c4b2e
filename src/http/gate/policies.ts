/**
 * Which rate-limit policies the gate applies to a request, under which key, and what it does
 * when the limiter cannot answer. Pure logic: no I/O, so it is the same on every runtime.
 *
 * ## The policies (one RateLimiter.check, atomic: a denied request consumes from none of them)
 * - `burst`  — RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW seconds (the seeds' setting), sliding
 *   window, for every caller: the user when the bearer token verifies, else the client IP.
 * - `hourly` — the caller's plan: the profile's `api_quota.api_calls_per_hour` (config default
 *   QUOTA_API_CALLS_PER_HOUR), a fixed UTC-aligned hour — the same window as the usage counter
 *   of src/services/quotas.ts. Authenticated callers only. The tenant's plan reaches the gate
 *   through the profile quota its admins set; there is no separate tenant-wide budget because
 *   one check covers one key, and two checks could not be atomic together.
 * - per-route budgets (ROUTES, `extra`): checked in the same call, e.g. `maintenance` (10 index
 *   initialisations per hour) on the two initialize-indexes routes. The credential routes
 *   (register, login, refresh, password) are stricter, but their budgets — per IP and per
 *   account+IP per minute — are counted ONCE, in src/services/auth-attempts.ts, which knows the
 *   account (the gate does not: it is in the body). The gate only advertises them in
 *   RateLimit-Policy (`advertised`) and charges the request to `burst` like any other.
 *
 * ## Failure modes
 * When the limiter is slow or down: `closed` answers 503, `open` serves the request unmetered.
 * Credential routes and writes are always closed; reads follow FAIL_OPEN_READS; public static
 * reads (the JWKS) are always open. A signed-in read still needs its session check, which
 * cannot be made without Redis: requireAuth answers 503 whatever the gate decided.
 */
import type { Config } from '../config.ts'
import type { RatePolicy } from '../ports.ts'
import { ATTEMPT_WINDOW_SECONDS } from './auth-attempts.ts'

export type FailMode = 'open' | 'closed'

/** How the gate treats one route. */
export interface RouteRule {
  /** Short name for logs. */
  id: string
  failMode: FailMode
  /** Route budgets checked together with the caller's policies (same key). */
  extra: RatePolicy[]
  /** Policies counted elsewhere (e.g. brute-force limits in the handler), only advertised. */
  advertised: RatePolicy[]
}

/** Who a request is charged to: the authenticated user, else the client address. */
export interface CallerIdentity {
  userId: string
  tenantId: string
}

/** Settings this module reads. */
export type LimitsConfig = Pick<
  Config,
  'RATE_LIMIT_REQUESTS' | 'RATE_LIMIT_WINDOW' | 'FAIL_OPEN_READS' | 'AUTH_RATE_LIMIT_ACCOUNT' | 'AUTH_RATE_LIMIT_IP' | 'QUOTA_API_CALLS_PER_HOUR'
>

interface RouteEntry {
  method: string
  pattern: RegExp
  /** The rule; without failMode the method decides (reads may fail open, writes never). */
  rule: (config: LimitsConfig, match: RegExpExecArray) => Omit<RouteRule, 'failMode'> & { failMode?: FailMode }
}

const attemptPolicies = (config: LimitsConfig, action: string): RatePolicy[] => [
  { name: `${action}-ip`, limit: config.AUTH_RATE_LIMIT_IP, windowSeconds: ATTEMPT_WINDOW_SECONDS },
  { name: `${action}-account`, limit: config.AUTH_RATE_LIMIT_ACCOUNT, windowSeconds: ATTEMPT_WINDOW_SECONDS },
]

/** Index initialisations per caller per hour (both index routes share it). */
export const maintenancePolicy: RatePolicy = { name: 'maintenance', limit: 10, windowSeconds: 3600, algorithm: 'fixed' }

// Paths are matched without trailing slashes (routes answer with and without them).
const ROUTES: RouteEntry[] = [
  {
    method: 'POST',
    pattern: /^\/api\/v1\/auth\/(register|login|refresh|password)$/,
    rule: (config, m) => ({ id: 'credentials', failMode: 'closed', extra: [], advertised: attemptPolicies(config, m[1]!) }),
  },
  {
    // Index (re)builds are heavy on MongoDB and idempotent: a few per hour is plenty.
    method: 'POST',
    pattern: /^\/api\/v1\/(users\/admin\/initialize-indexes|logs\/admin\/initialize-metadata-indexes)$/,
    rule: () => ({ id: 'maintenance', failMode: 'closed', extra: [maintenancePolicy], advertised: [] }),
  },
  {
    method: 'GET',
    pattern: /^\/\.well-known\/jwks\.json$/,
    rule: () => ({ id: 'jwks', failMode: 'open', extra: [], advertised: [] }),
  },
]

/** Paths the gate never sees: probes, the API description and its viewer. */
export function isUngated(path: string): boolean {
  return /^\/(health(\/.*)?|openapi\.json|docs(\/.*)?)$/.test(trimSlashes(path))
}

const trimSlashes = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p)

/**
 * The rule for a request. Reads not listed fail open when FAIL_OPEN_READS is set; every other
 * method fails closed.
 */
export function routeRule(method: string, path: string, config: LimitsConfig): RouteRule {
  const m = method.toUpperCase()
  const p = trimSlashes(path)
  const read = m === 'GET' || m === 'HEAD'
  for (const entry of ROUTES) {
    const methodMatches = entry.method === m || (entry.method === 'GET' && m === 'HEAD')
    const found = methodMatches ? entry.pattern.exec(p) : null
    if (!found) continue
    const r = entry.rule(config, found)
    return { ...r, failMode: r.failMode ?? (read && config.FAIL_OPEN_READS ? 'open' : 'closed') }
  }
  return { id: read ? 'read' : 'write', failMode: read && config.FAIL_OPEN_READS ? 'open' : 'closed', extra: [], advertised: [] }
}

/** The `burst` policy: the seeds' RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW. */
export const burstPolicy = (config: LimitsConfig): RatePolicy => ({
  name: 'burst',
  limit: config.RATE_LIMIT_REQUESTS,
  windowSeconds: config.RATE_LIMIT_WINDOW,
  algorithm: 'sliding',
})

/** The `hourly` plan policy with the caller's api_calls_per_hour. */
export const hourlyPolicy = (limit: number): RatePolicy => ({ name: 'hourly', limit, windowSeconds: 3600, algorithm: 'fixed' })

/**
 * Every policy checked for this request, in header order. `hourlyLimit` is the caller's
 * api_calls_per_hour (undefined for anonymous callers, who have no plan).
 */
export function selectPolicies(config: LimitsConfig, rule: RouteRule, caller: CallerIdentity | null, hourlyLimit?: number): RatePolicy[] {
  const out: RatePolicy[] = [burstPolicy(config)]
  if (caller) out.push(hourlyPolicy(hourlyLimit ?? config.QUOTA_API_CALLS_PER_HOUR))
  out.push(...rule.extra)
  return out
}

const part = (s: string) => encodeURIComponent(s)

/** The limiter key of an authenticated caller (tenant-scoped: ids are unique per tenant). */
export const userLimitKey = (caller: CallerIdentity) => `gate:u:${part(caller.tenantId)}:${part(caller.userId)}`

/** The limiter key of an anonymous caller: its address bucket (see ipBucket). */
export const ipLimitKey = (ip: string) => `gate:ip:${ipBucket(ip)}`

/**
 * The rate-limit bucket of a client address: IPv4 as is, IPv6 by its /64 prefix (one host
 * usually owns a whole /64, so per-address limits would be trivial to dodge), IPv4-mapped IPv6
 * as IPv4. Anything unparsable (or "unknown": no trusted client-IP header) shares one bucket.
 *
 * @example
 * ipBucket('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function ipBucket(ip: string): string {
  const v4 = parseV4(ip)
  if (v4) return v4
  const groups = parseV6(ip)
  if (!groups) return 'unknown'
  // ::ffff:a.b.c.d (and its hex spelling) is an IPv4 client seen through a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.')
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`
}

function parseV4(ip: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  return parts.every((n) => n <= 255) ? parts.join('.') : null
}

/** The eight 16-bit groups of an IPv6 address, or null. Accepts "::" and a dotted IPv4 tail. */
function parseV6(raw: string): number[] | null {
  let ip = raw.toLowerCase()
  const zone = ip.indexOf('%')
  if (zone >= 0) ip = ip.slice(0, zone)
  if (!/^[0-9a-f:.]+$/.test(ip) || !ip.includes(':')) return null
  let tail: number[] = []
  const lastColon = ip.lastIndexOf(':')
  const last = ip.slice(lastColon + 1)
  if (last.includes('.')) {
    const v4 = parseV4(last)
    if (!v4) return null
    const b = v4.split('.').map(Number)
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!]
    ip = ip.slice(0, lastColon + 1)
    if (!ip.endsWith('::')) ip = ip.slice(0, -1)
  }
  const halves = ip.split('::')
  if (halves.length > 2) return null
  const groups = (s: string) => (s === '' ? [] : s.split(':'))
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  const nums = (list: string[]) => list.map((g) => parseInt(g, 16))
  const count = head.length + rest.length + tail.length
  if (halves.length === 2) {
    if (count > 7) return null
    return [...nums(head), ...new Array<number>(8 - count).fill(0), ...nums(rest), ...tail]
  }
  return count === 8 ? [...nums(head), ...tail] : null
}
