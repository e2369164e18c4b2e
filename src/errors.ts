/**
 * Storage-level errors that callers must tell apart, shared by every adapter family.
 * Append-only: several helpers add classes here. Messages never carry document values, keys of
 * secrets or request bodies — only names of indexes, fields and states.
 */

/** A write hit a unique index (duplicate email, user_id, upload_id...). API level: 409. */
export class DuplicateKeyError extends Error {
  override name = 'DuplicateKeyError'
  /** Name of the unique index that refused the write, when the backend says. */
  readonly index: string | undefined

  constructor(message = 'duplicate key', options: { index?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.index = options.index
  }
}

/** Optimistic concurrency: the record changed since the version the caller saw. API level: 412. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError'
  readonly expected: number
  /** The version found, or null when the record is gone. */
  readonly actual: number | null

  constructor(expected: number, actual: number | null) {
    super(`version conflict: expected ${expected}, found ${actual ?? 'none'}`)
    this.expected = expected
    this.actual = actual
  }
}

/** A state change the record's lifecycle does not allow (e.g. success → processing). API level: 409. */
export class InvalidTransitionError extends Error {
  override name = 'InvalidTransitionError'
  readonly from: string
  readonly to: string

  constructor(from: string, to: string) {
    super(`status cannot change from ${from} to ${to}`)
    this.from = from
    this.to = to
  }
}

/**
 * A value handed to a repository or store is not of the expected type or shape (an object where
 * a string belongs, an operator in a filter value, an unknown sort field...). API level: 400/422.
 */
export class ValidationError extends Error {
  override name = 'ValidationError'
  /** The field (or option) that was refused. */
  readonly field: string

  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

/** An index of that name already exists with a different key or options. */
export class IndexConflictError extends Error {
  override name = 'IndexConflictError'
  readonly index: string

  constructor(index: string, message = `index ${index} already exists with a different definition`) {
    super(message)
    this.index = index
  }
}

/**
 * A backend (Redis over HTTP, MongoDB...) did not answer in time, is unreachable, or refused the
 * command. Callers choose: fail closed (503) or fail open. The message names the backend and the
 * kind of failure only — never the command, its keys or values.
 */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError'
  /** Which backend failed ("redis", "mongodb", "sqlite"...). */
  readonly backend: string
  /** "timeout" (no answer within the bound), "unreachable" (network), "error" (an error answer). */
  readonly reason: 'timeout' | 'unreachable' | 'error'

  constructor(backend: string, reason: 'timeout' | 'unreachable' | 'error', detail?: string) {
    super(`${backend} ${reason === 'error' ? 'refused the command' : reason === 'timeout' ? 'timed out' : 'is unreachable'}${detail ? `: ${detail}` : ''}`)
    this.backend = backend
    this.reason = reason
  }
}

/** A lock could not be had within the allowed wait. API level: 409 or 503. */
export class LockBusyError extends Error {
  override name = 'LockBusyError'
  /** The lock's name. */
  readonly lock: string

  constructor(lock: string) {
    super(`lock ${lock} is busy`)
    this.lock = lock
  }
}

/**
 * The backend lacks a feature the operation needs (FerretDB v1: `$avg`, `$facet`, `$lookup`,
 * Decimal128…). A programming or deployment problem, not bad input. API level: 500/501.
 */
export class UnsupportedOperationError extends Error {
  override name = 'UnsupportedOperationError'
  /** Which backend refused ("mongodb"...). */
  readonly backend: string

  constructor(backend: string, detail: string) {
    super(`${backend} does not support this operation: ${detail}`)
    this.backend = backend
  }
}

// ---------------------------------------------------------------------------------------------
// Domain refusals: what services and the gate throw. Only src/http/problem-table.ts turns them
// into HTTP answers (status, problem type) — nothing else picks a status.
// ---------------------------------------------------------------------------------------------

/** A refusal that names its own problem type when the default of its class is not precise enough. */
abstract class Refusal extends Error {
  /** Problem type slug (e.g. "invalid-credentials"); the table's default when absent. */
  readonly code: string | undefined
  constructor(message: string, code?: string) {
    super(message)
    this.code = code
  }
}

/** Not there — or not the caller's to see (another tenant's data is "not found", never "forbidden"). */
export class NotFoundError extends Refusal {
  override name = 'NotFoundError'
}

/** The caller is known but may not do this. */
export class ForbiddenError extends Refusal {
  override name = 'ForbiddenError'
}

/** The state of the data forbids it (an existing profile, a taken id...). */
export class ConflictError extends Refusal {
  override name = 'ConflictError'
}

/** An If-Match precondition does not hold. */
export class PreconditionFailedError extends Refusal {
  override name = 'PreconditionFailedError'
}

/** Why there is no authenticated caller. */
export type AuthFailure = 'missing' | 'invalid' | 'revoked' | 'credentials' | 'refresh'

/** No (valid) credentials. */
export class UnauthenticatedError extends Refusal {
  override name = 'UnauthenticatedError'
  readonly reason: AuthFailure
  constructor(reason: AuthFailure, message: string, code?: string) {
    super(message, code)
    this.reason = reason
  }
}

/** A bad request that is not about one field: a malformed header, an unparsable value. */
export class MalformedRequestError extends Refusal {
  override name = 'MalformedRequestError'
}

/** One refused input field, for InputError. */
export interface InputIssue {
  path: string
  code: string
  message: string
}

/** Request fields that fail validation (the route schemas, a required body). */
export class InputError extends Error {
  override name = 'InputError'
  readonly issues: InputIssue[]
  constructor(issues: InputIssue[]) {
    super('The request has invalid fields')
    this.issues = issues
  }
}

/** A request body over the configured limit. */
export class PayloadTooLargeError extends Refusal {
  override name = 'PayloadTooLargeError'
}

/** One policy of a refusal: what the 429 body lists (the same shape for every limiter). */
export interface ViolatedPolicy {
  name: string
  limit: number
  remaining: number
  windowSeconds: number
  /** When the window resets (ms epoch). */
  reset: number
}

/**
 * A rate limit or quota is spent: the gate's policies, sign-in attempts, the daily logs quota.
 * `headers` are the rate-limit headers of the refusal (RateLimit, RateLimit-Policy...).
 */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError'
  readonly violated: ViolatedPolicy[]
  /** Seconds until the last violated policy resets, at least 1. */
  readonly retryAfter: number
  readonly headers: Record<string, string>
  /** Problem type slug: "quota-exceeded" unless a limiter names its own ("too-many-attempts"). */
  readonly code: string
  constructor(violated: ViolatedPolicy[], now: number, options: { message?: string; headers?: Record<string, string>; code?: string } = {}) {
    const retryAfter = Math.max(1, ...violated.map((p) => Math.ceil((p.reset - now) / 1000)))
    super(options.message ?? `Quota exceeded for ${violated.map((p) => p.name).join(', ')}; retry in ${retryAfter} s`)
    this.violated = violated
    this.retryAfter = retryAfter
    this.headers = options.headers ?? {}
    this.code = options.code ?? 'quota-exceeded'
  }
}

/**
 * An Idempotency-Key that cannot serve this request: `reused` — it was used for another request
 * (another method, path or body; API 422); `in-use` — the same request is still running under it
 * (API 409, retry shortly). draft-ietf-httpapi-idempotency-key-header.
 */
export class IdempotencyKeyError extends Error {
  override name = 'IdempotencyKeyError'
  readonly reason: 'reused' | 'in-use'
  constructor(reason: 'reused' | 'in-use') {
    super(reason === 'reused' ? 'This Idempotency-Key was used for another request' : 'A request with this Idempotency-Key is still running')
    this.reason = reason
  }
}

/**
 * A write did not settle within its answer deadline (BACKEND_TIMEOUT_MS). It is NOT abandoned: it
 * goes on in the background with all its side effects, and its answer is kept for its
 * Idempotency-Key. API level: 503 — retry with the same key to get the outcome.
 */
export class WriteDeadlineError extends Error {
  override name = 'WriteDeadlineError'
  constructor() {
    super('write still running at its deadline')
  }
}
