/**
 * Route definitions with their behaviour declared in one place: `apiRoute(config, rule)` is a
 * `createRoute` config whose middleware is the gate for that rule (src/http/gate), and whose
 * OpenAPI entry tells the truth about it — bearer (and, unless the route is for people only, API
 * key) security and 401/403 for signed-in routes, the 429/503 problems and the RateLimit headers
 * on every answer, the required role, the cost.
 *
 * @example
 * export const me = createRoute(apiRoute({ method: 'get', path: '/api/v1/auth/me', responses: {...} }, { access: 'signed-in' }))
 */
import type { RouteConfig } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { InputError } from '../errors.ts'
import { gate } from './gate/index.ts'
import type { GateRule } from './gate/rule.ts'
import { idempotencyNotes, idempotencyParameter, withIdempotency } from './idempotency/docs.ts'
import { type IdempotencyRule, keptAnswers } from './idempotency/index.ts'
import { isWriteMethod } from './idempotency/settle.ts'
import { problemResponses } from './problems.ts'
import type { AppEnv, Ctx } from './types.ts'

/** Response headers every gated answer documents (components registered by documentGateHeaders). */
const RATE_HEADER_NAMES = ['RateLimit-Policy', 'RateLimit', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] as const
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` })

type Responses = RouteConfig['responses']

function withRateHeaders(responses: Responses): Responses {
  const out: Responses = {}
  for (const [status, response] of Object.entries(responses)) {
    if ('$ref' in response) {
      out[status] = response
      continue
    }
    const headers = Object.fromEntries(RATE_HEADER_NAMES.map((n) => [n, ref(n)]))
    if (status === '429' || status === '503') headers['Retry-After'] = ref('Retry-After')
    out[status] = { ...response, headers: { ...headers, ...(response.headers as object | undefined) } } as Responses[string]
  }
  return out
}

/** A JSON request body declared by the route, if any. */
function jsonBody(route: RouteConfig) {
  const body = route.request?.body
  return body && Object.keys(body.content ?? {}).some((t) => /json/i.test(t)) ? body : undefined
}

/**
 * The problems the shared machinery answers before any handler runs: 400 (malformed JSON), 413
 * (body limit) and 415 (not JSON) for a JSON body; 422 (validation) for any validated part.
 */
function requestProblems(route: RouteConfig) {
  const req = route.request
  const validated = !!(req?.params || req?.query || req?.headers || req?.cookies || req?.body)
  return { ...(jsonBody(route) ? problemResponses(400, 413, 415) : {}), ...(validated ? problemResponses(422) : {}) }
}

/**
 * The validator lets a request with no body at all through as `{}`; a route that declares its
 * body required refuses that with 422. (Without a Content-Type there is no body here: the
 * media-type check already answered 415 to one that had content.)
 */
const requiredBody: MiddlewareHandler<AppEnv> = async function requiredBody(c, next) {
  if (c.req.header('content-type') === undefined) {
    throw new InputError([{ path: '', code: 'invalid_type', message: 'A JSON request body is required' }])
  }
  await next()
}

type WriteMethod = 'post' | 'patch' | 'put' | 'delete'
type Failures = ReturnType<typeof problemResponses<readonly [401, 403, 429, 503]>>
type ApiRouteConfig<R extends RouteConfig> = R & { security?: Array<Record<string, string[]>>; responses: Failures & R['responses'] }

/** A write route: its rule must say how it answers a retry (`idempotency`). */
/** Names the answering route for logs and metrics (its pattern in Hono's `:param` form). */
function labelRoute(path: string): MiddlewareHandler<AppEnv> {
  const pattern = path.replace(/\{([^}]+)\}/g, ':$1')
  return async function labelRoute(c, next) {
    c.set('route', pattern)
    await next()
  }
}

/**
 * The route a request is counted and logged under: the one its definition declared (it answered),
 * else the first route it matched (an answer from app middleware, e.g. 413, or an unlabelled
 * route such as /health), else null (no route at all: 404/405).
 */
export function routeOf(c: Ctx): string | null {
  return c.var.route ?? matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? null
}

export function apiRoute<const R extends RouteConfig & { method: WriteMethod }>(route: R, rule: GateRule & { idempotency: IdempotencyRule }): ApiRouteConfig<R>
export function apiRoute<const R extends RouteConfig & { method: Exclude<RouteConfig['method'], WriteMethod> }>(route: R, rule: GateRule): ApiRouteConfig<R>
export function apiRoute(route: RouteConfig, rule: GateRule): ApiRouteConfig<RouteConfig> {
  const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware]
  const signedIn = rule.access === 'signed-in'
  const people = rule.caller === 'person'
  const credential = people ? 'a bearer token of a signed-in person (API keys are refused with 403)' : 'a bearer token or an API key'
  const write = isWriteMethod(route.method) && rule.idempotency ? rule.idempotency : undefined
  const keyed = write === 'keyed'
  const notes = [
    signedIn ? (rule.role ? `Requires ${credential} with role ${rule.role} or above.` : `Requires ${credential}.`) : undefined,
    rule.cost && rule.cost !== 1 ? `Weighted: costs ${rule.cost} units of every rate-limit policy (RateLimit shows them spent).` : undefined,
    rule.chargeTo === 'address' ? 'Charged to the client address, never to the user’s own rate limit.' : undefined,
    write ? idempotencyNotes(write) : undefined,
  ].filter(Boolean)
  const description = [route.description, notes.join(' ')].filter(Boolean).join('\n\n')
  const failures = signedIn ? problemResponses(401, 403, 429, 503) : problemResponses(429, 503)
  const responses = withRateHeaders({ ...requestProblems(route), ...failures, ...route.responses })
  return {
    ...route,
    ...(signedIn ? { security: people ? [{ bearerAuth: [] }] : [{ bearerAuth: [] }, { apiKey: [] }] } : {}),
    ...(description ? { description } : {}),
    ...(rule.role ? { 'x-required-role': rule.role } : {}),
    ...(rule.cost && rule.cost !== 1 ? { 'x-rate-cost': rule.cost } : {}),
    ...(keyed ? { parameters: [...((route as { parameters?: unknown[] }).parameters ?? []), idempotencyParameter] } : {}),
    middleware: [labelRoute(route.path), gate(rule), ...(keyed ? [keptAnswers()] : []), ...(jsonBody(route)?.required ? [requiredBody] : []), ...own],
    responses: keyed ? withIdempotency(responses) : responses,
  } as unknown as ApiRouteConfig<RouteConfig>
}
