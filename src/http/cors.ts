/**
 * Browser access (CORS) from CORS_ORIGINS, with hono/cors. Installed first in the pipeline after
 * the request id and the log line, so a preflight is answered 204 before authentication and the
 * gate — never charged to any rate limit — and every other answer, problem+json errors included
 * (onError's answer takes the headers already set on the context), carries the CORS headers for
 * an allowed origin.
 *
 * @example
 * const browsers = browserAccess(config) // null when CORS_ORIGINS is unset
 * if (browsers) app.use('*', browsers)
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import type { Config } from '../config.ts'
import type { AppEnv } from './types.ts'

/** Answer headers a browser script may read: rate limits, validators, ids, cache state. */
export const EXPOSED_HEADERS = [
  'RateLimit',
  'RateLimit-Policy',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'ETag',
  'X-Request-Id',
  'Location',
  'X-Cache',
  'Idempotent-Replayed',
]

/** Request headers a browser script may send (beyond the CORS-safelisted ones). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-API-Key', 'X-Request-Id']

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 h). */
const PREFLIGHT_MAX_AGE_SECONDS = 600

/** The CORS middleware for the configured origins, or null when there are none (no CORS headers at all). */
export function browserAccess(config: Pick<Config, 'CORS_ORIGINS' | 'CORS_ALLOW_CREDENTIALS'>): MiddlewareHandler<AppEnv> | null {
  const origins = config.CORS_ORIGINS
  if (!origins || origins.length === 0) return null
  const anyOrigin = origins.includes('*')
  const handler = cors({
    origin: anyOrigin ? '*' : origins,
    allowMethods: ALLOWED_METHODS,
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: config.CORS_ALLOW_CREDENTIALS,
  })
  return async function browserAccess(c, next) {
    const origin = c.req.header('origin')
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined
    // Not a cross-origin call (no Origin), or an OPTIONS that is no preflight: nothing to add —
    // but answers still vary by Origin, so no cache hands one to a browser without its headers.
    if (!origin || (c.req.method === 'OPTIONS' && !preflight)) {
      await next()
      if (!anyOrigin) c.header('Vary', 'Origin', { append: true })
      return
    }
    return handler(c, next)
  }
}
