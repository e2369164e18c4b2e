/**
 * THE answer deadline of writes, in one place. Every write route (POST, PATCH, PUT, DELETE) that
 * createRouter registers runs its handler — the service's whole operation — through `settled`:
 *
 * - settled within BACKEND_TIMEOUT_MS: its answer, as usual;
 * - still running then: the client gets 503 `write-pending` at once (WriteDeadlineError), and
 *   the handler is NOT abandoned: it goes on in the background (`executionCtx.waitUntil`) with
 *   every side effect it has — cache invalidation, quota counters, session updates — and its
 *   eventual answer is kept for the request's Idempotency-Key (index.ts), so a retry with that
 *   key gets the real outcome.
 *
 * Why not cut the write off: the database may apply a write whose client gave up (the Data API
 * gateway and MongoDB go on), so a cut-off write is half done — the record changed, its side
 * effects not. So the transport waits longer for writes (BACKEND_WRITE_TIMEOUT_MS, the Data API
 * client and the driver) than the client does for the answer. Only a write that outlives even that
 * bound has an unknown outcome; its key is then released, and the retry runs it again.
 */
import type { Handler } from 'hono'
import { WriteDeadlineError } from '../../errors.ts'
import { errorFields } from '../../logger.ts'
import type { KeptAnswer } from '../../ports.ts'
import { deferOf } from '../background.ts'
import type { AppEnv, Ctx } from '../types.ts'
import { keptAnswerOf, problemAnswerOf } from './answers.ts'

const STILL_RUNNING = Symbol('still running')

/** Methods whose handlers are writes. */
export const isWriteMethod = (method: string) => ['post', 'patch', 'put', 'delete'].includes(method.toLowerCase())

/** A write handler answered within the deadline, or 503 while it settles in the background. */
export function settled<H extends Handler<AppEnv>>(handler: H): H {
  const settledWrite = async (c: Ctx, next: Parameters<H>[1]) => {
    const work = Promise.resolve().then(() => handler(c, next) as Promise<Response> | Response)
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<typeof STILL_RUNNING>((resolve) => {
      timer = setTimeout(() => resolve(STILL_RUNNING), c.var.deps.config.BACKEND_TIMEOUT_MS)
    })
    const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer))
    if (first !== STILL_RUNNING) return first
    const { logger } = c.var.deps
    const write = c.var.write
    const started = Date.now()
    const late = async () => {
      let answer: KeptAnswer | null
      try {
        answer = await keptAnswerOf(await work)
      } catch (err) {
        answer = problemAnswerOf(c, err)
        logger.warn('late write failed', { id: c.get('requestId'), ...errorFields(err) })
      }
      logger.info('late write settled', { id: c.get('requestId'), status: answer?.status ?? 500, late_ms: Date.now() - started })
      await write?.settledLate(answer)
    }
    deferOf(c)(late())
    throw new WriteDeadlineError()
  }
  return settledWrite as unknown as H
}
