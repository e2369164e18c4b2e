import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { routePath } from 'hono/route'
import { PayloadTooLargeError } from '../errors.ts'
import type { Logger } from '../logger.ts'
import type { AppEnv } from './types.ts'

/** One structured log line per request: id, method, route, status, duration. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    await next()
    logger.info('request', {
      id: c.get('requestId'),
      method: c.req.method,
      route: routePath(c, -1) ?? c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    })
  }
}

/** Refuses bodies over `maxSize` bytes with 413, whether or not Content-Length is sent. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(`Request bodies are limited to ${maxSize} bytes`)
    },
  })
}
