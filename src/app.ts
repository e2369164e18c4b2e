import { Scalar } from '@scalar/hono-api-reference'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { limitBody, requestLog } from './http/middleware.ts'
import { errorFields } from './http/logger.ts'
import { BackendUnavailableError, ValidationError } from './errors.ts'
import { ApiError, problemBody, problemResponse } from './http/problems.ts'
import { createRouter } from './http/router.ts'
import { toOpenApi30 } from './openapi.ts'
import { documentGate, gate } from './http/gate.ts'
import type { AppDeps, AppOpenAPI } from './http/types.ts'
import { healthRoutes } from './routes/health/health.index.ts'
import { usersRoutes } from './routes/users/users.index.ts'
import { logsRoutes } from './routes/logs/logs.index.ts'
import { authRoutes } from './routes/auth/auth.index.ts'
import { wellKnownRoutes } from './routes/wellknown/wellknown.index.ts'

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'gatehouse',
    version: '0.1.0',
    description:
      'An edge API for multi-tenant SaaS backends: sign-in and server-side sessions with instant revocation, rate limits and tenant quotas, a per-tenant query cache, profiles and upload metadata. Every error is application/problem+json (RFC 9457).',
  },
} as const

/**
 * Builds the whole HTTP app from its dependencies. Entry points (src/entry/*) only load config,
 * build backends and call this; tests call it with real backends and use `app.request`.
 */
export function createApp(deps: AppDeps): AppOpenAPI {
  const app = createRouter()
  const { config, logger } = deps

  app.use('*', requestId({ headerName: 'x-request-id' }))
  app.use('*', requestLog(logger))
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use('*', async function provideDeps(c, next) {
    c.set('deps', deps)
    await next()
  })
  app.use('*', limitBody(config.BODY_LIMIT_BYTES))

  // Rate limits and quotas on every route but health/docs/openapi (one Redis round trip with auth).
  app.use('*', gate())
  documentGate(app)

  app.route('/', healthRoutes())
  app.route('/', usersRoutes())
  app.route('/', logsRoutes())
  app.route('/', authRoutes())
  app.route('/', wellKnownRoutes())

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  // Built once: the document only changes with the code.
  let openapi: ReturnType<AppOpenAPI['getOpenAPI31Document']> | undefined
  app.get('/openapi.json', (c) => c.json((openapi ??= app.getOpenAPI31Document(OPENAPI_INFO))))
  let openapi30: ReturnType<typeof toOpenApi30> | undefined
  app.get('/openapi-3.0.json', (c) => c.json((openapi30 ??= toOpenApi30((openapi ??= app.getOpenAPI31Document(OPENAPI_INFO))))))
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'gatehouse API' }))

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path)
    if (allowed.length > 0) {
      return problemResponse(
        { ...problemBody(405, 'method-not-allowed', `${c.req.method} is not allowed here`), request_id: c.get('requestId') },
        { allow: allowed.join(', ') },
      )
    }
    return problemResponse({ ...problemBody(404, 'not-found', 'No such resource'), request_id: c.get('requestId') })
  })

  app.onError((err, c) => {
    const id = c.get('requestId')
    if (err instanceof ApiError) {
      return problemResponse({ ...problemBody(err.status, err.slug, err.message, err.extensions), request_id: id }, err.headers)
    }
    if (err instanceof BackendUnavailableError) {
      // A backend timed out or is unreachable: a retryable 503, not a 500 (names the backend only).
      logger.warn('backend unavailable', { id, route: c.req.path, backend: err.backend, reason: err.reason })
      return problemResponse(
        { ...problemBody(503, 'backend-unavailable', 'A backend is unavailable; try again shortly'), request_id: id },
        { 'retry-after': '1' },
      )
    }
    if (err instanceof ValidationError) {
      // A value a repository refused (the route schema should have): the caller's input, so 422.
      return problemResponse({
        ...problemBody(422, 'validation-failed', 'The request has invalid fields', {
          errors: [{ path: err.field, code: 'invalid', message: err.message }],
        }),
        request_id: id,
      })
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own client errors (malformed JSON, unsupported content type...).
      const slug = err.status === 400 ? 'bad-request' : `http-${err.status}`
      return problemResponse({ ...problemBody(err.status, slug, err.message || undefined), request_id: id })
    }
    logger.error('unhandled error', { id, route: c.req.path, ...errorFields(err) })
    return problemResponse({ ...problemBody(500, 'internal', 'Something went wrong on our side'), request_id: id })
  })

  return app
}

/**
 * Methods registered for a concrete path (for 405 answers). Only the most specific routes count:
 * `/logs/metadata/recent` is its own resource (GET), not an `{upload_id}` that can be patched.
 */
function allowedMethods(app: AppOpenAPI, path: string): string[] {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p)
  const target = trim(path)
  const byParams = new Map<number, Set<string>>()
  for (const r of app.routes) {
    if (r.method === 'ALL') continue
    const escaped = trim(r.path).replace(/[.+?^$()|[\]\\]/g, '\\$&')
    const source = escaped.replace(/:[A-Za-z0-9_]+/g, '[^/]+').replace(/\*/g, '.*')
    if (!new RegExp('^' + source + '$').test(target)) continue
    const params = (r.path.match(/[:*]/g) ?? []).length
    byParams.set(params, (byParams.get(params) ?? new Set()).add(r.method))
  }
  if (byParams.size === 0) return []
  return [...byParams.get(Math.min(...byParams.keys()))!]
}
