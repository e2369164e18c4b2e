import { OpenAPIHono } from '@hono/zod-openapi'
import type { RouteConfig } from '@hono/zod-openapi'
import type { Handler } from 'hono'
import { ApiError, problemResponses } from './problems.ts'
import type { AppEnv } from './types.ts'

/** A router carrying the app's types and the validation hook (422 problem with field issues). */
export function createRouter() {
  const router = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(422, 'validation-failed', 'The request has invalid fields', {
          extensions: {
            errors: result.error.issues.map((i) => ({
              path: i.path.map(String).join('.'),
              code: i.code,
              message: i.message,
            })),
          },
        })
      }
    },
  })
  // Every route registered here documents the failures its request parts can cause and gets the
  // required body it declares — in one place, so no route can forget either.
  const register = router.openapi.bind(router)
  router.openapi = ((route: RouteConfig, handler: Handler<AppEnv>, hook?: unknown) =>
    register(withRequestProblems(route) as never, withRequiredBody(route, handler) as never, hook as never)) as typeof router.openapi
  return router
}

/** A JSON request body declared by the route, if any. */
function jsonBody(route: RouteConfig) {
  const body = route.request?.body
  return body && Object.keys(body.content ?? {}).some((t) => /json/i.test(t)) ? body : undefined
}

/**
 * Adds the problem answers the shared machinery gives before any handler runs: 400 (malformed
 * JSON), 413 (body limit) and 415 (not JSON) for a JSON body; 422 (validation) for any validated
 * part. A route's own entries win.
 */
function withRequestProblems(route: RouteConfig): RouteConfig {
  const req = route.request
  const validated = !!(req?.params || req?.query || req?.headers || req?.cookies || req?.body)
  const added = {
    ...(jsonBody(route) ? problemResponses(400, 413, 415) : {}),
    ...(validated ? problemResponses(422) : {}),
  }
  return { ...route, responses: { ...added, ...route.responses } }
}

/**
 * The validator lets a request with no body at all through as `{}`; a route that declares its
 * body required refuses that with 422. (Without a Content-Type there is no body here: the
 * media-type gate already answered 415 to one that had content.)
 */
function withRequiredBody(route: RouteConfig, handler: Handler<AppEnv>): Handler<AppEnv> {
  if (!jsonBody(route)?.required) return handler
  return function requiredBody(c, next) {
    if (c.req.header('content-type') === undefined) {
      throw new ApiError(422, 'validation-failed', 'The request has invalid fields', {
        extensions: { errors: [{ path: '', code: 'invalid_type', message: 'A JSON request body is required' }] },
      })
    }
    return handler(c, next)
  }
}
