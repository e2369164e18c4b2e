/**
 * The gate: rate limits and plan quotas on every request (except health, /openapi.json, /docs),
 * with the IETF RateLimit headers, a 429 `quota-exceeded` problem, and a failure mode per route.
 *
 * ## One round trip
 * The gate queues its reads with `queueHotPathRead` and flushes with `resolveCaller`, so the
 * following leave in the SAME Redis pipeline as the auth checks (session alive, token not
 * revoked): every rate-limit policy (one atomic RateLimiter.check), the caller's usage counter
 * (quotas.ts `apiCallsKey`), the caller's cached profile (for the plan quota, below), and any
 * route-level read marked with `prefetch()` (e.g. the cache read of a cacheable GET). Background
 * writes (limiter sync, usage corrections, quota cache fill) go to `runInBackground`/waitUntil.
 *
 * ## The hourly plan quota without a MongoDB call per request
 * The policy needs the caller's `api_calls_per_hour` BEFORE the check, but the profile lives in
 * MongoDB. The gate keeps the last known value per user in memory (per app instance / Worker
 * isolate), checks with it (config default when unknown), and reads the caller's cached profile
 * (services/profiles.ts `lookupProfileCache`, generation-checked, invalidated on every profile
 * write) in the same pipeline to refresh it. A cache miss fills the profile cache from MongoDB in
 * the background, once per user and profile generation per FILL_RETRY_MS (a profile write starts
 * a new generation, so it is seen at once). When the fresh value differs from the
 * one used, the answer is reconciled at once (a lower quota that is already spent denies). So a
 * quota change applies from the very next request of every instance that has seen the user,
 * with no MongoDB read on the hot path.
 *
 * ## When Redis is slow or down
 * Nothing waits longer than BACKEND_TIMEOUT_MS. The route's rule (services/limits.ts) decides:
 * fail closed → 503 problem+json with Retry-After; fail open → served unmetered (RateLimit-Policy
 * is still sent, RateLimit is not: nothing is known). The first failure is logged as a warning
 * and the recovery as info; every request tries again, so recovery needs nothing.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { BackendUnavailableError } from '../errors.ts'
import type { PolicyResult, RatePolicy, RateResult } from '../ports.ts'
import {
  hourlyPolicy,
  ipLimitKey,
  isUngated,
  routeRule,
  selectPolicies,
  userLimitKey,
  type RouteRule,
} from '../services/limits.ts'
import { lookupProfileCache, readProfile, type ProfileLookup } from '../services/profiles.ts'
import { API_CALLS_TTL_SECONDS, apiCallsKey, quotaLimits } from '../services/quotas.ts'
import { clientIp, queueHotPathRead, resolveCaller, runInBackground, type CallerResult } from './auth.ts'
import { errorFields, type Logger } from './logger.ts'
import { ApiError } from './problems.ts'
import { rateLimitHeaders, retryAfterSeconds } from './ratelimit-headers.ts'
import type { AppDeps, AppEnv, Principal } from './types.ts'

type Ctx = Context<AppEnv>

/** How long a user whose profile could not be found (or loaded) keeps the default quota, unless the profile changes. */
export const FILL_RETRY_MS = 60_000
/** Users remembered per app instance (least recently refreshed are dropped first). */
const MEMO_SIZE = 10_000

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

/** What the gate issued in the round trip for one request. */
interface HotPath {
  /** The request's clock reading (usage windows). */
  now: number
  caller: Principal | null
  /** Every policy of the request, in header order (limits as checked). */
  policies: RatePolicy[]
  /** The api_calls_per_hour the check used (authenticated callers). */
  hourlyLimit?: number
  rate: Promise<Settled<RateResult | null>>
  usage?: Promise<Settled<number>>
  profile?: ProfileLookup
}

/** Per app instance: the plan quotas seen, fills in flight, and whether the limiter is down. */
interface GateState {
  quotas: Map<string, number>
  /** Profile-cache fills started (or found nothing) recently, by user: until when, under which generation. */
  fills: Map<string, { until: number; gen: string | null }>
  degraded: boolean
}

const states = new WeakMap<AppDeps, GateState>()
const stateOf = (deps: AppDeps): GateState => {
  let s = states.get(deps)
  if (!s) states.set(deps, (s = { quotas: new Map(), fills: new Map(), degraded: false }))
  return s
}

/** Map.set that keeps the map bounded, dropping the least recently set entries first. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MEMO_SIZE) map.delete(map.keys().next().value!)
}
const rememberFill = (state: GateState, key: string, value: { until: number; gen: string | null }) => remember(state.fills, key, value)

const profileLookups = new WeakMap<Ctx, ProfileLookup>()

/**
 * The caller's profile-cache lookup the gate already issued in this request's round trip; pass
 * it to `readProfile(deps, t, u, { lookup })` to read the profile without a second trip.
 */
export function gateProfileLookup(c: Ctx): ProfileLookup | undefined {
  return profileLookups.get(c)
}

/**
 * The gate middleware. Mount once, before the route groups: `app.use('*', gate())`.
 *
 * @example
 * app.use('*', gate())
 * app.route('/', authRoutes())
 */
export function gate(): MiddlewareHandler<AppEnv> {
  return async function gate(c, next) {
    if (isUngated(c.req.path)) return next()
    const deps = c.var.deps
    const { config, logger } = deps
    const now = deps.now?.() ?? Date.now()
    const rule = routeRule(c.req.method, c.req.path, config)
    const state = stateOf(deps)
    const ip = clientAddress(c)
    const within = deadline(config.BACKEND_TIMEOUT_MS)

    runPrefetchers(c)
    const queued = queueHotPathRead(c, (caller) => Promise.resolve(startHotPath(c, state, rule, caller, ip, now)))
    const who = settle(resolveCaller(c)) // verifies the token, then flushes: one round trip

    let hot: HotPath | undefined
    let rate: Settled<RateResult | null>
    try {
      hot = await within(queued)
      rate = await within(hot.rate)
    } catch (error) {
      rate = { ok: false, error }
    }

    if (!rate.ok) {
      noteFailure(state, logger, rate.error, rule)
      const headers = rateLimitHeaders(hot?.policies ?? selectPolicies(config, rule, null), undefined, now, rule.advertised)
      if (rule.failMode === 'closed') throw unavailable(headers, rate.error)
      await next()
      setHeaders(c, headers)
      return
    }
    noteRecovery(state, logger)
    hot = hot!

    const decision = await decide(c, state, hot, rate.value, now)
    if (rate.value) runInBackground(c, rate.value.pending)
    const headers = rateLimitHeaders(decision.policies, decision.results, now, rule.advertised)

    // The auth answer came in the same round trip as the limiter's: it is there (or never will be).
    const signedIn = hot.caller ? await within(who).then((r) => r.ok && !!r.value.principal, () => false) : false
    correctUsage(c, hot, decision.allowed && (signedIn || !hot.caller))
    if (!decision.allowed) throw quotaExceeded(decision.results.filter((r) => !r.allowed), headers, now)
    await next()
    setHeaders(c, headers)
  }
}

/**
 * Usage counts admitted, authenticated calls: the hot-path increment is undone (in the
 * background) for a denied request, or when the token turned out revoked.
 */
function correctUsage(c: Ctx, hot: HotPath, admitted: boolean): void {
  const { caller, usage } = hot
  if (!caller || !usage || admitted) return
  const undo = usage.then((counted) => {
    if (counted.ok) return c.var.deps.backends.counters.increment(apiCallsKey(caller.tenantId, caller.userId, hot.now), -1, API_CALLS_TTL_SECONDS)
  })
  runInBackground(c, undo)
}

/**
 * Issues every read of the round trip — synchronously, before the caller of this function
 * returns to the auth flush (which awaits them all together).
 */
function startHotPath(c: Ctx, state: GateState, rule: RouteRule, caller: Principal | null, ip: string, now: number): HotPath {
  const deps = c.var.deps
  const { config, backends } = deps
  const memoKey = caller ? userLimitKey(caller) : ''
  const hourlyLimit = caller ? (state.quotas.get(memoKey) ?? quotaLimits(null, config).api_calls_per_hour) : undefined
  const policies = selectPolicies(config, rule, caller, hourlyLimit)
  const key = caller ? memoKey : ipLimitKey(ip)

  // A zero quota blocks without consulting (or charging) anything.
  const blocked = policies.some((p) => p.limit < 1)
  const rate: Promise<RateResult | null> = blocked ? Promise.resolve(null) : backends.rateLimiter.check(key, policies)
  const hot: HotPath = { now, caller, policies, rate: settle(rate) }
  if (caller) {
    hot.hourlyLimit = hourlyLimit
    if (!blocked) hot.usage = settle(backends.counters.increment(apiCallsKey(caller.tenantId, caller.userId, now), 1, API_CALLS_TTL_SECONDS))
    hot.profile = lookupProfileCache(deps, caller.tenantId, caller.userId)
    profileLookups.set(c, hot.profile)
  }
  return hot
}

interface Decision {
  allowed: boolean
  /** Policies as they apply (the hourly limit reconciled with the profile's). */
  policies: RatePolicy[]
  results: PolicyResult[]
}

/** The verdict: the limiter's, with zero quotas and a changed plan quota taken into account. */
async function decide(c: Ctx, state: GateState, hot: HotPath, rate: RateResult | null, now: number): Promise<Decision> {
  let policies = hot.policies
  let results: PolicyResult[] = rate
    ? rate.policies
    : policies.filter((p) => p.limit < 1).map((p) => ({ name: p.name, limit: 0, remaining: 0, reset: windowEnd(p, now), windowSeconds: p.windowSeconds, allowed: false }))

  if (hot.caller && hot.profile && hot.hourlyLimit !== undefined) {
    const fresh = await planQuota(c, state, hot.caller, hot.profile, now)
    if (fresh !== undefined && fresh !== hot.hourlyLimit) {
      const used = hot.hourlyLimit
      policies = policies.map((p) => (p.name === 'hourly' ? hourlyPolicy(fresh) : p))
      results = results.map((r) => {
        if (r.name !== 'hourly') return r
        // Allowed: this request brought the window's count to used - remaining.
        if (r.allowed) {
          const count = used - r.remaining
          return count > fresh ? { ...r, limit: fresh, remaining: 0, allowed: false } : { ...r, limit: fresh, remaining: fresh - count }
        }
        return { ...r, limit: fresh }
      })
    }
  }
  return { allowed: rate !== null && results.every((r) => r.allowed), policies, results }
}

/** The caller's api_calls_per_hour from the profile cache read in the round trip (undefined when unknown). */
async function planQuota(c: Ctx, state: GateState, caller: Principal, lookup: ProfileLookup, now: number): Promise<number | undefined> {
  const deps = c.var.deps
  const key = userLimitKey(caller)
  const found = await lookup.result
  const entry = found?.entry as { view?: { user_id?: unknown; api_quota?: unknown }; gen?: unknown } | null | undefined
  if (found && entry && entry.view?.user_id === caller.userId && entry.gen === found.gen) {
    const limit = quotaLimits(entry.view as { api_quota?: null }, deps.config).api_calls_per_hour
    remember(state.quotas, key, limit)
    return limit
  }
  // Miss: fill the profile cache from MongoDB in the background — once per user and profile
  // generation (a profile write starts a new one) per FILL_RETRY_MS.
  const blocked = state.fills.get(key)
  if (found && (!blocked || blocked.until <= now || blocked.gen !== found.gen)) {
    rememberFill(state, key, { until: now + FILL_RETRY_MS, gen: found.gen })
    const fill = readProfile(deps, caller.tenantId, caller.userId, { lookup, defer: (work) => runInBackground(c, work) }).then((p) => {
      remember(state.quotas, key, quotaLimits(p?.view ?? null, deps.config).api_calls_per_hour)
      if (p) state.fills.delete(key)
    })
    runInBackground(c, fill)
  }
  return state.quotas.get(key)
}

/**
 * The client address anonymous requests are charged to: the trusted header (auth's clientIp),
 * else — on Node — the TCP peer, which cannot be forged (behind a proxy every client shares the
 * proxy's address: set TRUSTED_IP_HEADER). Elsewhere without the header: one shared "unknown".
 */
function clientAddress(c: Ctx): string {
  const ip = clientIp(c)
  if (ip !== 'unknown') return ip
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined
  const peer = env?.incoming?.socket?.remoteAddress
  return typeof peer === 'string' && peer.length <= 45 ? peer : ip
}

const windowEnd = (p: RatePolicy, now: number) => (Math.floor(now / (p.windowSeconds * 1000)) + 1) * p.windowSeconds * 1000

function quotaExceeded(violated: PolicyResult[], headers: Record<string, string>, now: number): ApiError {
  const retryAfter = retryAfterSeconds(violated, now)
  const names = violated.map((p) => p.name)
  return new ApiError(429, 'quota-exceeded', `Quota exceeded for ${names.join(', ')}; retry in ${retryAfter} s`, {
    headers: { ...headers, 'retry-after': String(retryAfter) },
    extensions: {
      'violated-policies': names,
      retry_after: retryAfter,
      policies: violated.map((p) => ({ name: p.name, limit: p.limit, window_seconds: p.windowSeconds, reset_at: new Date(p.reset).toISOString() })),
    },
  })
}

function unavailable(headers: Record<string, string>, cause: unknown): ApiError {
  return new ApiError(503, 'backend-unavailable', 'Rate limits cannot be checked right now; try again shortly', {
    headers: { ...headers, 'retry-after': '1' },
    cause,
  })
}

function setHeaders(c: Ctx, headers: Record<string, string>): void {
  try {
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v)
  } catch {
    // Immutable headers (a fetched Response): copy it once.
    c.res = new Response(c.res.body, c.res)
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v)
  }
}

function noteFailure(state: GateState, logger: Logger, err: unknown, rule: RouteRule): void {
  if (state.degraded) return
  state.degraded = true
  logger.warn('rate limiter unavailable: reads marked fail-open are served unmetered, the rest get 503', { route_rule: rule.id, ...errorFields(err) })
}

function noteRecovery(state: GateState, logger: Logger): void {
  if (!state.degraded) return
  state.degraded = false
  logger.info('rate limiter available again')
}

/** A race against one deadline shared by every await of the request. */
function deadline(ms: number) {
  const end = Date.now() + ms
  return <T>(p: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BackendUnavailableError('redis', 'timeout')), Math.max(0, end - Date.now()))
    })
    return Promise.race([p, expired]).finally(() => clearTimeout(timer))
  }
}

// ---------------------------------------------------------------------------------------------
// Route-level reads that join the round trip
// ---------------------------------------------------------------------------------------------

const PREFETCH = Symbol.for('gatehouse.gate.prefetch')
type Prefetchable = MiddlewareHandler<AppEnv> & { [PREFETCH]?: MiddlewareHandler<AppEnv> }
const prefetched = new WeakMap<Ctx, Set<unknown>>()
const prefetchedOf = (c: Ctx) => {
  let s = prefetched.get(c)
  if (!s) prefetched.set(c, (s = new Set()))
  return s
}

/**
 * Marks a route middleware whose job is to queue hot-path reads (`queueHotPathRead`) before
 * calling `next()`. The gate runs it BEFORE its flush, so its reads join the one round trip; in
 * the normal chain it is then skipped. Without the mark, a route-level read queued after the gate
 * costs a second round trip. The middleware must queue synchronously and not read the body.
 *
 * @example
 * middleware: [prefetch(cacheLookup(spec)), requireAuth()]
 */
export function prefetch(mw: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  const wrapped: Prefetchable = async function prefetched(c, next) {
    const done = prefetchedOf(c)
    if (done.has(wrapped)) return next()
    done.add(wrapped)
    return mw(c, next)
  }
  wrapped[PREFETCH] = mw
  return wrapped
}

/** Runs the marked middleware of the matched route, with its own route index (for params). */
function runPrefetchers(c: Ctx): void {
  matchedRoutes(c).forEach((route, index) => {
    const h = route.handler as Prefetchable & { __COMPOSED_HANDLER?: Prefetchable }
    const target = h[PREFETCH] ? h : h.__COMPOSED_HANDLER?.[PREFETCH] ? h.__COMPOSED_HANDLER : undefined
    if (!target) return
    const done = prefetchedOf(c)
    if (done.has(target)) return
    done.add(target)
    const saved = c.req.routeIndex
    c.req.routeIndex = index
    try {
      void target[PREFETCH]!(c, async () => undefined)?.catch(() => done.delete(target))
    } catch {
      done.delete(target)
    } finally {
      c.req.routeIndex = saved
    }
  })
}

// ---------------------------------------------------------------------------------------------
// OpenAPI: what every gated operation may answer
// ---------------------------------------------------------------------------------------------

const HEADER_DOCS: Record<string, { description: string; example: string | number }> = {
  'RateLimit-Policy': {
    description: 'The quota policies that govern this request (draft-ietf-httpapi-ratelimit-headers): q = quota, w = window in seconds.',
    example: '"burst";q=100;w=3600, "hourly";q=1000;w=3600',
  },
  RateLimit: {
    description: 'What is left of each checked policy: r = remaining quota, t = seconds until it resets. Absent when the limiter is unavailable.',
    example: '"burst";r=57;t=1800, "hourly";r=998;t=1800',
  },
  'X-RateLimit-Limit': { description: 'Quota of the most restrictive policy.', example: 100 },
  'X-RateLimit-Remaining': { description: 'Requests left under the most restrictive policy.', example: 57 },
  'X-RateLimit-Reset': { description: 'When the most restrictive policy resets, Unix time in seconds.', example: 1764000000 },
}

/**
 * Documents the gate in the app's OpenAPI document: the rate-limit headers on every answer of
 * every gated operation, and its 429 (quota-exceeded) and 503 (fail-closed) problem answers.
 */
export function documentGate(app: OpenAPIHono<AppEnv>): void {
  for (const [name, doc] of Object.entries(HEADER_DOCS)) {
    app.openAPIRegistry.registerComponent('headers', name, {
      description: doc.description,
      schema: typeof doc.example === 'number' ? { type: 'integer' } : { type: 'string' },
      example: doc.example,
    })
  }
  app.openAPIRegistry.registerComponent('headers', 'Retry-After', {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer' },
    example: 30,
  })
  const generate = app.getOpenAPI31Document
  app.getOpenAPI31Document = (objectConfig, generatorConfig) => addGateDocs(generate(objectConfig, generatorConfig))
}

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` })
const problemJson = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }

function addGateDocs<D extends { paths?: Record<string, unknown> }>(doc: D): D {
  const rateHeaders = Object.fromEntries(Object.keys(HEADER_DOCS).map((n) => [n, ref(n)]))
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (isUngated(path.replace(/\{[^}]+\}/g, 'x'))) continue
    for (const [method, op] of Object.entries(item as Record<string, { responses?: Record<string, Record<string, unknown>> }>)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method) || !op?.responses) continue
      const responses = op.responses
      responses['429'] ??= { description: 'Too Many Requests: a quota policy is exhausted (type quota-exceeded)', content: problemJson }
      responses['503'] ??= { description: 'Service Unavailable: a backend cannot be reached', content: problemJson }
      for (const [status, response] of Object.entries(responses)) {
        if ('$ref' in response) continue
        const headers = { ...rateHeaders, ...(status === '429' || status === '503' ? { 'Retry-After': ref('Retry-After') } : {}) }
        response.headers = { ...headers, ...(response.headers as object | undefined) }
      }
    }
  }
  return doc
}
