import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { PayloadTooLargeError } from '../errors.ts'
import type { Logger } from '../logger.ts'
import { routeOf } from './route.ts'
import type { AppEnv } from './types.ts'

/**
 * Hono's `c.var` getter copies every variable into a fresh object on each access (tens of times
 * a request); this replaces it, for the request, with a view that reads the one asked for.
 */
export function directVars(): MiddlewareHandler<AppEnv> {
  return async function directVars(c, next) {
    const view = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? c.get(key as never) : undefined) })
    Object.defineProperty(c, 'var', { value: view, configurable: true })
    await next()
  }
}

/**
 * One structured log line per request: id, method, route, status, duration. Every answer carries
 * its `X-Request-Id`: hono/request-id prepares the header for `c.json`/`c.body` answers only, and
 * the ones built as a Response (cached hits, 304s, replays, problems, assets) would go without it.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    await next()
    const id = c.get('requestId')
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', id)
    logger.info('request', {
      id,
      method: c.req.method,
      route: routeOf(c) ?? c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    })
  }
}

/** Refuses bodies over `maxSize` bytes with 413, whether or not Content-Length is sent. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(`Request bodies are limited to ${maxSize} bytes`)
    },
  })
  // GET and HEAD requests have no body (the Fetch API refuses one): skipping them spares the
  // Node adapter from building a full Request just to find `body` null.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next))
}
