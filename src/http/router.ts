import { OpenAPIHono } from '@hono/zod-openapi'
import { InputError } from '../errors.ts'
import { isWriteMethod, settled } from './idempotency/settle.ts'
import type { AppEnv } from './types.ts'

/**
 * A router carrying the app's types and the validation hook (InputError → 422 with field issues).
 * Write routes' handlers answer within the write deadline (idempotency/settle.ts).
 */
export function createRouter() {
  const router = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) {
        throw new InputError(
          result.error.issues.map((i) => ({
            path: i.path.map(String).join('.'),
            code: i.code,
            message: i.message,
          })),
        )
      }
    },
  })
  const register = router.openapi
  router.openapi = ((route, handler, hook) => register(route, isWriteMethod(route.method) ? settled(handler) : handler, hook)) as typeof register
  return router
}
