/**
 * The policies the gate charges, and the buckets they count in. Pure: no I/O.
 *
 * - `burst`  — RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW seconds (the seeds' setting), sliding
 *   window, for every caller: the signed-in user, else the client address.
 * - `key`    — an API key's own rate limit (`limitFrom: 'key'`: limit AND window from the key's
 *   record, read in the admission), else the burst setting; it takes burst's place for keys.
 * - `hourly` — the user's plan: `api_calls_per_hour` in a fixed UTC-aligned hour. The limit is the
 *   session's (`hourlyLimit`, written at sign-in and on every plan change: `limitFrom: 'session'`),
 *   the configured QUOTA_API_CALLS_PER_HOUR when the session has none. Signed-in callers only.
 *   Its window count IS the user's API usage this hour (GET /users/profile/quota reads it).
 *   API keys get the same policy in their own bucket (the default plan: a key has no profile).
 * - `tenant` — the tenant-wide budget: API calls per hour that every user AND key of a tenant
 *   draws from (one bucket per tenant). The limit is the tenant's override (`limitFrom: 'tenant'`,
 *   set by a superadmin), else TENANT_API_CALLS_PER_HOUR.
 * - route budgets, declared on the route (e.g. `maintenance` on the index routes), checked in the
 *   same atomic call.
 * Policies counted elsewhere (sign-in attempts, per account: services/auth-attempts.ts) are only
 * advertised in RateLimit-Policy by the routes that declare them.
 */
import type { Config } from '../../config.ts'
import type { Charge, RatePolicy } from '../../ports.ts'

/** Settings this module reads. */
export type LimitsConfig = Pick<Config, 'RATE_LIMIT_REQUESTS' | 'RATE_LIMIT_WINDOW' | 'QUOTA_API_CALLS_PER_HOUR' | 'TENANT_API_CALLS_PER_HOUR'>

/** Index initialisations per caller per hour (both index routes share it). */
export const maintenancePolicy: RatePolicy = { name: 'maintenance', limit: 10, windowSeconds: 3600, algorithm: 'fixed' }

/** The `burst` policy: the seeds' RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW. */
const burstPolicy = (config: LimitsConfig): RatePolicy => ({
  name: 'burst',
  limit: config.RATE_LIMIT_REQUESTS,
  windowSeconds: config.RATE_LIMIT_WINDOW,
  algorithm: 'sliding',
})

/** The `hourly` plan policy: the session's api_calls_per_hour, else the configured default. */
const hourlyPolicy = (config: LimitsConfig): RatePolicy => ({
  name: 'hourly',
  limit: config.QUOTA_API_CALLS_PER_HOUR,
  windowSeconds: 3600,
  algorithm: 'fixed',
  limitFrom: 'session',
})

/** The `key` policy: the API key's own rate limit, else the burst setting. */
const keyPolicy = (config: LimitsConfig): RatePolicy => ({
  name: 'key',
  limit: config.RATE_LIMIT_REQUESTS,
  windowSeconds: config.RATE_LIMIT_WINDOW,
  algorithm: 'sliding',
  limitFrom: 'key',
})

/** The `tenant` policy: the tenant's API calls per hour (its override, else the configured default). */
const tenantPolicy = (config: LimitsConfig): RatePolicy => ({
  name: 'tenant',
  limit: config.TENANT_API_CALLS_PER_HOUR,
  windowSeconds: 3600,
  algorithm: 'fixed',
  limitFrom: 'tenant',
})

/** The bucket (within the tenant) a user's policies count in. */
const userBucket = (userId: string) => `u:${encodeURIComponent(userId)}`

/** The bucket (within the tenant) an API key's policies count in. */
const keyBucket = (keyId: string) => `k:${encodeURIComponent(keyId)}`

/** The one bucket of a tenant's budget (every user and key of the tenant). */
const TENANT_BUCKET = 'tenant'

/** Who pays for a signed-in request: a user, or an API key. */
export type Payer = { userId: string; keyId?: undefined } | { keyId: string }

/**
 * What a signed-in caller is charged: a user burst + hourly in the user's bucket, a key its own
 * `key` policy + hourly in the key's bucket; then the route's budgets; then the tenant budget.
 */
export function callerCharges(config: LimitsConfig, payer: Payer, budgets: readonly RatePolicy[] = []): Charge[] {
  const own = payer.keyId !== undefined ? [keyPolicy(config), hourlyPolicy(config)] : [burstPolicy(config), hourlyPolicy(config)]
  const bucket = payer.keyId !== undefined ? keyBucket(payer.keyId) : userBucket(payer.userId)
  return [...[...own, ...budgets].map((policy) => ({ bucket, policy })), { bucket: TENANT_BUCKET, policy: tenantPolicy(config) }]
}

/** What a signed-in user is charged (callerCharges for a user). */
export const userCharges = (config: LimitsConfig, userId: string, budgets: readonly RatePolicy[] = []): Charge[] => callerCharges(config, { userId }, budgets)

/** What an anonymous request (or one charged to its address) is charged. */
export const addressPolicies = (config: LimitsConfig, budgets: readonly RatePolicy[] = []): RatePolicy[] => [burstPolicy(config), ...budgets]

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
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
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
