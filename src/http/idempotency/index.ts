/**
 * Idempotency-Key for writes (draft-ietf-httpapi-idempotency-key-header): the route middleware a
 * write route gets from its definition (`idempotency: 'keyed'` in its GateRule, src/http/route.ts),
 * after the gate — the key is scoped to the caller it checked.
 *
 * With a key, the first request reserves it (IdempotencyStore, atomic) and runs; its answer is
 * kept 24 h — unless it is "try again later" (5xx, 429: the key is released) — and a retry with
 * the same key and the same request (fingerprint: method, path, query, If-Match, body) gets that
 * answer again, marked `Idempotent-Replayed: true`, without running anything. The same key for
 * another request → 422; while the first is still running → 409. A write that outlives its answer
 * deadline keeps its eventual answer here too (settle.ts). Without a key nothing changes.
 *
 * Scope: the tenant and user of a signed-in caller; the client address for public routes.
 */
import type { MiddlewareHandler } from 'hono'
import { IdempotencyKeyError, WriteDeadlineError } from '../../errors.ts'
import { errorFields } from '../../logger.ts'
import type { IdempotencyScope, KeptAnswer } from '../../ports.ts'
import { clientAddress } from '../identity.ts'
import type { AppEnv, Ctx } from '../types.ts'
import { fingerprintOf, isFinal, keptAnswerOf, replayOf } from './answers.ts'
import { parseIdempotencyKey } from './key.ts'

/**
 * How a write answers a retry — every write route declares one:
 * - `'keyed'`: the Idempotency-Key header is honoured (this module);
 * - `{ natural }`: a retry is safe by itself, for the reason given (documented on the route), and
 *   no answer is kept — e.g. a sign-in (its answer carries tokens, which are never stored).
 */
export type IdempotencyRule = 'keyed' | { natural: string }

/** How long a kept answer is replayed. */
const KEPT_SECONDS = 24 * 3600

/** Public routes have no tenant: their keys live in this scope, per client address. */
const ANONYMOUS_TENANT = '~anonymous'

function scopeOf(c: Ctx): IdempotencyScope {
  const p = c.get('principal')
  return p ? { tenantId: p.tenantId, caller: p.userId } : { tenantId: ANONYMOUS_TENANT, caller: `ip:${clientAddress(c)}` }
}

/**
 * How long a reservation holds while its request runs: the answer deadline plus room for a write
 * that settles in the background (a few sequential writes). A holder that dies frees it by then.
 */
const leaseMs = (c: Ctx) => c.var.deps.config.BACKEND_TIMEOUT_MS + 3 * c.var.deps.config.BACKEND_WRITE_TIMEOUT_MS

/** The Idempotency-Key middleware of a keyed write route. */
export function keptAnswers(): MiddlewareHandler<AppEnv> {
  return async function keptAnswers(c, next) {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'))
    if (key === null) return next()
    const { backends, logger } = c.var.deps
    const scope = scopeOf(c)
    const reservation = await backends.idempotency.reserve(scope, key, await fingerprintOf(c, key), leaseMs(c))
    if (reservation.state === 'done') return replayOf(reservation.answer)
    if (reservation.state !== 'reserved') throw new IdempotencyKeyError(reservation.state === 'mismatch' ? 'reused' : 'in-use')

    /** Keeps the answer (or frees the key); the write happened either way, so failures are logged only. */
    const settle = async (answer: KeptAnswer | null) => {
      try {
        if (answer && isFinal(answer.status)) await backends.idempotency.complete(scope, key, reservation.token, answer, KEPT_SECONDS)
        else await backends.idempotency.release(scope, key, reservation.token)
      } catch (err) {
        logger.warn('idempotency answer not kept', { id: c.get('requestId'), ...errorFields(err) })
      }
    }
    c.set('write', { settledLate: settle })
    await next()
    // Past its deadline the write settles in the background and keeps its own answer (settle.ts).
    if (c.error instanceof WriteDeadlineError) return
    await settle(await keptAnswerOf(c.res))
  }
}
