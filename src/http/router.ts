import { OpenAPIHono } from '@hono/zod-openapi'
import { ApiError } from './problems.ts'
import type { AppEnv } from './types.ts'

/** A router carrying the app's types and the validation hook (422 problem with field issues). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
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
}
