/**
 * The vocabulary of gatehouse's metrics: what one answered request adds (an Observation → field
 * counts), and how stored fields read back. Every label value is bounded by the code — route
 * PATTERNS (never raw URLs), methods, status classes, policy names, cache states, backend names —
 * so no email, token, user id or query string can ever become a field.
 *
 * Fields (counts; the Metrics port only adds integers):
 *   n                          requests
 *   r|<METHOD>|<route>|<5xx>   requests by route and status class
 *   l|<i>                      latency histogram: answers with LATENCY_BOUNDS_MS[i-1] < ms <= [i] (last: +Inf)
 *   lt                         total latency, in microseconds
 *   dn                         requests refused by a rate limit or quota (429)
 *   d|<policy>                 ... by violated policy (one request may violate several)
 *   c|hit c|miss c|stale       cached answers (the X-Cache header of the cached routes)
 *   b|<backend>|<reason>       backend failures answered 503 (reason: timeout, unreachable, error)
 *   e|<event>                  sign-ins, failed sign-ins, sessions opened / refreshed / revoked
 */

/** Upper bounds of the latency buckets, in ms (a last bucket catches the rest: +Inf). */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000] as const

export const CACHE_STATES = ['hit', 'miss', 'stale'] as const
export type CacheState = (typeof CACHE_STATES)[number]

const EVENTS = ['sign_in', 'sign_in_failed', 'session_opened', 'session_refreshed', 'session_revoked'] as const
export type MetricEvent = (typeof EVENTS)[number]

/** The route label of a request that matched no route (404/405): one value, whatever the URL. */
export const UNMATCHED_ROUTE = '(unmatched)'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** What the app knows about one answered request. */
export interface Observation {
  /** The caller's tenant; absent for anonymous requests (counted in the overall series only). */
  tenantId?: string
  method: string
  /** The matched route's pattern (`/api/v1/logs/metadata/:upload_id`), or UNMATCHED_ROUTE. */
  route: string
  status: number
  durationMs: number
  /** Names of the violated policies of a 429. */
  denied?: string[]
  cache?: CacheState
  /** A backend failure behind a 503. */
  backend?: { name: string; reason: string }
  events?: Partial<Record<MetricEvent, number>>
}

/** A label value made safe for a field: printable, no separators, bounded. */
function safeLabel(value: string, max = 120): string {
  const clean = value.replace(/[^A-Za-z0-9/_.:{}*()@+-]/g, '_').slice(0, max)
  return clean.length > 0 ? clean : '_'
}

/** Index of the latency bucket an answer time falls in. */
export function latencyBucket(ms: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((b) => ms <= b)
  return i === -1 ? LATENCY_BOUNDS_MS.length : i
}

/** The counts one request adds (to the overall series, and to its tenant's). */
export function countsOf(o: Observation, into: Map<string, number> = new Map()): Map<string, number> {
  const add = (f: string, v = 1) => {
    if (v) into.set(f, (into.get(f) ?? 0) + v)
  }
  const method = METHODS.has(o.method) ? o.method : 'OTHER'
  const status = o.status >= 100 && o.status <= 599 ? `${Math.floor(o.status / 100)}xx` : 'other'
  add('n')
  add(`r|${method}|${safeLabel(o.route)}|${status}`)
  const ms = Math.max(0, o.durationMs)
  add(`l|${latencyBucket(ms)}`)
  add('lt', Math.round(ms * 1000))
  if (o.denied) {
    add('dn')
    for (const p of new Set(o.denied)) add(`d|${safeLabel(p, 64)}`)
  }
  if (o.cache) add(`c|${o.cache}`)
  if (o.backend) add(`b|${safeLabel(o.backend.name, 32)}|${safeLabel(o.backend.reason, 32)}`)
  for (const [event, n] of Object.entries(o.events ?? {})) if (n && n > 0) add(`e|${event}`, Math.trunc(n))
  return into
}

/** Stored counts read back into their families. */
export interface Decoded {
  requests: number
  /** `${METHOD}|${route}|${class}` → count. */
  routes: Map<string, number>
  /** Count per latency bucket (index as LATENCY_BOUNDS_MS, last +Inf). */
  latency: number[]
  latencyMicros: number
  denied: number
  deniedBy: Record<string, number>
  cache: Record<CacheState, number>
  /** `${backend}|${reason}` → count. */
  backend: Map<string, number>
  events: Record<MetricEvent, number>
}

export function decode(counts: Record<string, number>): Decoded {
  const out: Decoded = {
    requests: counts.n ?? 0,
    routes: new Map(),
    latency: new Array(LATENCY_BOUNDS_MS.length + 1).fill(0),
    latencyMicros: counts.lt ?? 0,
    denied: counts.dn ?? 0,
    deniedBy: {},
    cache: { hit: counts['c|hit'] ?? 0, miss: counts['c|miss'] ?? 0, stale: counts['c|stale'] ?? 0 },
    backend: new Map(),
    events: Object.fromEntries(EVENTS.map((e) => [e, counts[`e|${e}`] ?? 0])) as Record<MetricEvent, number>,
  }
  for (const [field, value] of Object.entries(counts)) {
    const bar = field.indexOf('|')
    if (bar < 0) continue
    const family = field.slice(0, bar)
    const rest = field.slice(bar + 1)
    if (family === 'r') out.routes.set(rest, (out.routes.get(rest) ?? 0) + value)
    else if (family === 'l') {
      const i = Number(rest)
      if (Number.isInteger(i) && i >= 0 && i < out.latency.length) out.latency[i]! += value
    } else if (family === 'd') out.deniedBy[rest] = value
    else if (family === 'b') out.backend.set(rest, value)
  }
  return out
}

/**
 * A quantile (0..1) estimated from histogram counts, in ms: linear within the bucket it falls in
 * (as Prometheus' histogram_quantile); in the +Inf bucket, the highest finite bound. Null when empty.
 */
export function quantileMs(latency: number[], q: number): number | null {
  const total = latency.reduce((a, b) => a + b, 0)
  if (total === 0) return null
  const rank = q * total
  let seen = 0
  for (let i = 0; i < latency.length; i++) {
    const inBucket = latency[i]!
    if (inBucket > 0 && seen + inBucket >= rank) {
      if (i >= LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS.at(-1)!
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!
      const upper = LATENCY_BOUNDS_MS[i]!
      return Math.round((lower + ((upper - lower) * (rank - seen)) / inBucket) * 100) / 100
    }
    seen += inBucket
  }
  return LATENCY_BOUNDS_MS.at(-1)!
}
