import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { browserAccess } from './http/cors.ts'
import { documentGateHeaders } from './http/gate/docs.ts'
import { documentIdempotency } from './http/idempotency/docs.ts'
import { observeRequests } from './http/metrics.ts'
import { directVars, limitBody, requestLog } from './http/middleware.ts'
import { problemFor } from './http/problem-table.ts'
import { problemBody, problemResponse } from './http/problems.ts'
import { createRouter } from './http/router.ts'
import type { AppDeps, AppOpenAPI } from './http/types.ts'
import { errorFields } from './logger.ts'
import { MetricsRecorder } from './metrics/recorder.ts'
import { toOpenApi30 } from './openapi.ts'
import { accountsRoutes } from './routes/accounts/accounts.index.ts'
import { authRoutes } from './routes/auth/auth.index.ts'
import { dashboardRoutes } from './routes/dashboard/dashboard.index.ts'
import { docsRoutes } from './routes/docs/docs.index.ts'
import { healthRoutes } from './routes/health/health.index.ts'
import { keysRoutes } from './routes/keys/keys.index.ts'
import { logsRoutes } from './routes/logs/logs.index.ts'
import { metricsRoutes } from './routes/metrics/metrics.index.ts'
import { usersRoutes } from './routes/users/users.index.ts'
import { wellKnownRoutes } from './routes/wellknown/wellknown.index.ts'

const OPENAPI_INFO = {
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
 *
 * The pipeline of a request: request id → log line → CORS (a preflight ends here: 204, before any
 * gate) → metrics → security headers → body limit → the route * (its definition's gate: identity, the one round trip, 401/403/429 — src/http/gate) → its
 * handler → services → ports. Every error, wherever thrown, ends in `onError` below and is
 * answered from ONE table (src/http/problem-table.ts).
 */
export function createApp(given: AppDeps): AppOpenAPI {
  const app = createRouter()
  const { config, logger } = given
  // One metrics batch per app instance (Node process, Worker isolate): see src/metrics/recorder.ts.
  const metrics =
    given.metrics ?? new MetricsRecorder(given.backends.metrics, { flushSeconds: config.METRICS_FLUSH_SECONDS, flushRequests: config.METRICS_FLUSH_REQUESTS })
  const deps: AppDeps = { ...given, metrics }

  app.use('*', directVars())
  app.use('*', requestId({ headerName: 'x-request-id' }))
  app.use('*', requestLog(logger))
  const browsers = browserAccess(config)
  if (browsers) app.use('*', browsers)
  app.use('*', observeRequests(metrics, logger))
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use('*', async function provideDeps(c, next) {
    c.set('deps', deps)
    await next()
  })
  app.use('*', limitBody(config.BODY_LIMIT_BYTES))
  documentGateHeaders(app)
  documentIdempotency(app)

  app.route('/', healthRoutes())
  app.route('/', usersRoutes())
  app.route('/', logsRoutes())
  app.route('/', authRoutes())
  app.route('/', accountsRoutes())
  app.route('/', keysRoutes())
  app.route('/', wellKnownRoutes())
  app.route('/', metricsRoutes())

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'An API key (`gh_live_…`, from POST /api/v1/api-keys). `Authorization: Bearer <key>` is accepted too.',
  })
  // Built once: the document only changes with the code.
  let openapi: ReturnType<AppOpenAPI['getOpenAPI31Document']> | undefined
  app.get('/openapi.json', (c) => c.json((openapi ??= app.getOpenAPI31Document(OPENAPI_INFO))))
  let openapi30: ReturnType<typeof toOpenApi30> | undefined
  app.get('/openapi-3.0.json', (c) => c.json((openapi30 ??= toOpenApi30((openapi ??= app.getOpenAPI31Document(OPENAPI_INFO))))))
  app.route('/', docsRoutes('gatehouse API'))
  app.route('/', dashboardRoutes())

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
    const spec = problemFor(err)
    if (!spec) {
      logger.error('unhandled error', { id, route: c.req.path, ...errorFields(err) })
      return problemResponse({ ...problemBody(500, 'internal', 'Something went wrong on our side'), request_id: id }, c.get('rateHeaders'))
    }
    if (spec.warn) logger.warn('backend trouble', { id, route: c.req.path, ...errorFields(err) })
    return problemResponse(
      { ...problemBody(spec.status, spec.slug, spec.detail, spec.extensions), request_id: id },
      { ...c.get('rateHeaders'), ...spec.headers },
    )
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
    if (!new RegExp(`^${source}$`).test(target)) continue
    const params = (r.path.match(/[:*]/g) ?? []).length
    byParams.set(params, (byParams.get(params) ?? new Set()).add(r.method))
  }
  if (byParams.size === 0) return []
  return [...byParams.get(Math.min(...byParams.keys()))!]
}
