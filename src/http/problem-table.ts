/**
 * THE table from errors to problem answers: every status gatehouse answers with is chosen here,
 * from the error's class. Services and the gate throw domain errors (src/errors.ts); the app's
 * onError calls `problemFor`. Details shown to clients are our own texts — never a stack, a
 * backend message, a token or a secret.
 */
import { HTTPException } from 'hono/http-exception'
import {
  BackendUnavailableError,
  ConflictError,
  DuplicateKeyError,
  ForbiddenError,
  IdempotencyKeyError,
  IndexConflictError,
  InputError,
  InvalidTransitionError,
  LockBusyError,
  MalformedRequestError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RateLimitedError,
  UnauthenticatedError,
  UnsupportedOperationError,
  ValidationError,
  VersionConflictError,
  WriteDeadlineError,
} from '../errors.ts'
import { KeySourceError } from '../services/tokens.ts'

export interface ProblemSpec {
  status: number
  /** Problem type slug (`https://gatehouse.dev/problems/<slug>`). */
  slug: string
  detail?: string
  extensions?: Record<string, unknown>
  headers?: Record<string, string>
  /** Worth a warning in the logs (backend trouble), with the error's own (safe) message. */
  warn?: boolean
}

type Rule<E> = [new (...args: never[]) => E, (err: E) => ProblemSpec]
const rule = <E>(cls: new (...args: never[]) => E, map: (err: E) => ProblemSpec): Rule<unknown> => [cls, map as (err: unknown) => ProblemSpec]

const retryShortly = { 'retry-after': '1' }

const TABLE: Rule<unknown>[] = [
  rule(InputError, (e) => ({ status: 422, slug: 'validation-failed', detail: e.message, extensions: { errors: e.issues } })),
  rule(ValidationError, (e) => ({
    status: 422,
    slug: 'validation-failed',
    detail: 'The request has invalid fields',
    extensions: { errors: [{ path: e.field, code: 'invalid', message: e.message }] },
  })),
  rule(MalformedRequestError, (e) => ({ status: 400, slug: e.code ?? 'bad-request', detail: e.message })),
  rule(PayloadTooLargeError, (e) => ({ status: 413, slug: 'body-too-large', detail: e.message })),
  rule(UnauthenticatedError, (e) => ({ status: 401, slug: e.code ?? 'unauthorized', detail: e.message, headers: { 'www-authenticate': 'Bearer' } })),
  rule(ForbiddenError, (e) => ({ status: 403, slug: e.code ?? 'forbidden', detail: e.message })),
  rule(NotFoundError, (e) => ({ status: 404, slug: e.code ?? 'not-found', detail: e.message })),
  rule(ConflictError, (e) => ({ status: 409, slug: e.code ?? 'conflict', detail: e.message })),
  rule(DuplicateKeyError, () => ({ status: 409, slug: 'conflict', detail: 'A record with this identifier already exists' })),
  rule(InvalidTransitionError, (e) => ({ status: 409, slug: 'invalid-transition', detail: e.message, extensions: { from: e.from, to: e.to } })),
  rule(IndexConflictError, (e) => ({ status: 409, slug: 'index-conflict', detail: `Index ${e.index} exists with a different definition` })),
  rule(PreconditionFailedError, (e) => ({ status: 412, slug: e.code ?? 'precondition-failed', detail: e.message })),
  rule(VersionConflictError, () => ({ status: 412, slug: 'precondition-failed', detail: 'The record changed since you read it' })),
  rule(RateLimitedError, (e) => ({
    status: 429,
    slug: e.code,
    detail: e.message,
    headers: { ...e.headers, 'retry-after': String(e.retryAfter) },
    extensions: {
      'violated-policies': e.violated.map((p) => p.name),
      policies: e.violated.map((p) => ({
        name: p.name,
        limit: p.limit,
        remaining: p.remaining,
        window_seconds: p.windowSeconds,
        reset_at: new Date(p.reset).toISOString(),
      })),
      retry_after: e.retryAfter,
    },
  })),
  rule(BackendUnavailableError, () => ({
    status: 503,
    slug: 'backend-unavailable',
    detail: 'A backend is unavailable; try again shortly',
    headers: retryShortly,
    warn: true,
  })),
  rule(KeySourceError, () => ({
    status: 503,
    slug: 'backend-unavailable',
    detail: 'The identity provider cannot be reached; try again shortly',
    headers: retryShortly,
    warn: true,
  })),
  rule(LockBusyError, () => ({
    status: 503,
    slug: 'busy',
    detail: 'Another change of the same data is still running; try again shortly',
    headers: retryShortly,
  })),
  rule(IdempotencyKeyError, (e) =>
    e.reason === 'reused'
      ? { status: 422, slug: 'idempotency-key-reused', detail: e.message }
      : { status: 409, slug: 'idempotency-key-in-use', detail: e.message, headers: retryShortly },
  ),
  rule(WriteDeadlineError, () => ({
    status: 503,
    slug: 'write-pending',
    detail: 'The write is still being applied; retry with the same Idempotency-Key for its outcome',
    headers: { 'retry-after': '2' },
    warn: true,
  })),
  rule(UnsupportedOperationError, () => ({ status: 501, slug: 'not-implemented', detail: 'The database does not support this operation', warn: true })),
]

/** The problem answer for an error, or null for an unexpected one (a 500, logged in full). */
export function problemFor(err: unknown): ProblemSpec | null {
  for (const [cls, map] of TABLE) if (err instanceof cls) return map(err)
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own client errors (malformed JSON, unsupported content type...).
    return { status: err.status, slug: err.status === 400 ? 'bad-request' : `http-${err.status}`, ...(err.message ? { detail: err.message } : {}) }
  }
  return null
}
