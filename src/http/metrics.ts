/**
 * The one metrics hook: an app-level middleware that, once a request is answered, reads what the
 * request already knows and counts it in this instance's batch (src/metrics/recorder.ts) — the
 * matched route PATTERN (never the URL), status class and latency; a 429's violated policies
 * (`c.error`); the `X-Cache` state of cached routes; the backend behind a 503; sign-ins and
 * session changes from the answers of the routes that make them. When the batch is due, its write
 * goes to the request's background work: no request ever waits for metrics.
 */

import type { MiddlewareHandler } from 'hono'
import { BackendUnavailableError, RateLimitedError } from '../errors.ts'
import { errorFields, type Logger } from '../logger.ts'
import { CACHE_STATES, type CacheState, type MetricEvent, type Observation, UNMATCHED_ROUTE } from '../metrics/fields.ts'
import type { MetricsRecorder } from '../metrics/recorder.ts'
import { KeySourceError } from '../services/tokens.ts'
import { deferOf } from './background.ts'
import { routeOf } from './route.ts'
import type { AppEnv, Ctx } from './types.ts'

type Events = Partial<Record<MetricEvent, number>>
type EventRule = (status: number, body: () => Promise<Record<string, unknown>>) => Events | Promise<Events>

const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0)

/** Routes whose answers are sign-ins or session changes (`METHOD pattern` → what the answer means). */
const EVENT_ROUTES: Record<string, EventRule> = {
  'POST /api/v1/auth/login': (s) => (s === 200 ? { sign_in: 1, session_opened: 1 } : s === 401 ? { sign_in_failed: 1 } : {}),
  'POST /api/v1/auth/refresh': (s) => (s === 200 ? { session_refreshed: 1 } : {}),
  'POST /api/v1/auth/logout': (s) => (s === 204 ? { session_revoked: 1 } : {}),
  'DELETE /api/v1/auth/sessions/:session_id': (s) => (s === 204 ? { session_revoked: 1 } : {}),
  'DELETE /api/v1/auth/sessions': async (s, body) => (s === 200 ? { session_revoked: count((await body()).revoked) } : {}),
  'DELETE /api/v1/auth/users/:user_id/sessions': async (s, body) => (s === 200 ? { session_revoked: count((await body()).revoked) } : {}),
  'POST /api/v1/auth/password': async (s, body) => (s === 200 ? { session_revoked: count((await body()).revoked_sessions) } : {}),
}

/** Counts every answered request in `recorder`; flushes its batch in the background when due. */
export function observeRequests(recorder: MetricsRecorder, logger: Logger): MiddlewareHandler<AppEnv> {
  return async function observeRequests(c, next) {
    const started = performance.now()
    await next()
    const durationMs = performance.now() - started
    try {
      if (recorder.observe(await observationOf(c, durationMs))) deferOf(c)(recorder.flush())
    } catch (err) {
      // Metrics never cost an answer.
      logger.warn('metrics: request not counted', errorFields(err))
    }
  }
}

async function observationOf(c: Ctx, durationMs: number): Promise<Observation> {
  // No route matched at all (404/405): one label for every such URL.
  const route = routeOf(c) ?? UNMATCHED_ROUTE
  const status = c.res.status
  const err = c.error
  const o: Observation = { method: c.req.method, route, status, durationMs }
  // A 429 is thrown before the gate sets `principal`: it counts against the verified token's tenant.
  const tenantId = c.var.principal?.tenantId ?? (err instanceof RateLimitedError ? c.var.trip?.tenantId : undefined)
  if (tenantId) o.tenantId = tenantId
  if (err instanceof RateLimitedError) o.denied = err.violated.map((p) => p.name)
  if (err instanceof BackendUnavailableError) o.backend = { name: err.backend, reason: err.reason }
  else if (err instanceof KeySourceError) o.backend = { name: 'identity-provider', reason: 'unreachable' }
  const cache = c.res.headers.get('x-cache')
  if (cache && (CACHE_STATES as readonly string[]).includes(cache)) o.cache = cache as CacheState
  const rule = EVENT_ROUTES[`${c.req.method} ${route}`]
  if (rule) {
    const events = await rule(status, async () => (await c.res.clone().json()) as Record<string, unknown>)
    if (Object.keys(events).length > 0) o.events = events
  }
  return o
}
