import { OpenAPIHono } from '@hono/zod-openapi'
import { InputError } from '../errors.ts'
import type { AppEnv } from './types.ts'

/** A router carrying the app's types and the validation hook (InputError → 422 with field issues). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
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
}
