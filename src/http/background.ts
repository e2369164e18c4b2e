import type { Defer } from '../deps.ts'
import { errorFields } from '../logger.ts'
import type { Ctx } from './types.ts'

/**
 * Where a request's background work goes: `executionCtx.waitUntil` (Workers, and the Node
 * entry's tracked set), so it finishes after the answer. Failures are logged, never thrown.
 */
export function deferOf(c: Ctx): Defer {
  return (work) => {
    const guarded = work.catch((err: unknown) => c.var.deps.logger.warn('background work failed', errorFields(err)))
    try {
      c.executionCtx.waitUntil(guarded)
    } catch {
      // No execution context (app.request in tests): the promise runs by itself.
    }
  }
}
