/**
 * What keyed writes look like in the OpenAPI document: the Idempotency-Key parameter, the
 * Idempotent-Replayed answer header, and the 409/422/503 answers the layer adds.
 */
import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi'
import { problemResponses } from '../problems.ts'
import type { AppEnv } from '../types.ts'

/** Registers the components keyed write operations reference. */
export function documentIdempotency(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('parameters', 'IdempotencyKey', {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes the write safe to retry (draft-ietf-httpapi-idempotency-key-header): the first answer is kept 24 h for this key and caller and replayed ' +
      '(with `Idempotent-Replayed: true`) for a retry with the same key and request; nothing runs twice. The same key with another request → 422 ' +
      '`idempotency-key-reused`; a retry while the first is still running → 409 `idempotency-key-in-use`. An sf-string (`"…"`) or the bare form; ' +
      '1–255 printable ASCII characters. Answers that mean "try later" (429, 5xx) are not kept.',
    schema: { type: 'string', minLength: 1, maxLength: 257 },
    example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
  })
  app.openAPIRegistry.registerComponent('headers', 'Idempotent-Replayed', {
    description: '`true` when this answer is the kept answer of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  })
}

export const idempotencyParameter = { $ref: '#/components/parameters/IdempotencyKey' }
const replayedHeader = { 'Idempotent-Replayed': { $ref: '#/components/headers/Idempotent-Replayed' } }

type Responses = RouteConfig['responses']

/** Notes for a write's description: what a retry does, and the 503 of a write still settling. */
export function idempotencyNotes(rule: 'keyed' | { natural: string }): string {
  const late = 'A write still running at the answer deadline is answered 503 `write-pending` and completes in the background with all its effects.'
  return rule === 'keyed' ? `Send an Idempotency-Key to retry safely. ${late} Retry with the same key to get its outcome.` : `Retries: ${rule.natural} ${late}`
}

/**
 * What keyed writes add to their answers' documentation: the 409/422 of the Idempotency-Key
 * (merged into a route's own 409/422) and the Idempotent-Replayed header on successes.
 */
export function withIdempotency(responses: Responses): Responses {
  const out: Responses = { ...responses }
  const extra = { 409: 'or the Idempotency-Key is in use by a request still running', 422: 'or the Idempotency-Key was used for another request' }
  for (const [status, note] of Object.entries(extra)) {
    const own = out[status] as { description: string } | undefined
    const base = own ?? problemResponses(Number(status))[Number(status)]!
    out[status] = { ...base, description: `${base.description}; ${note}` } as Responses[string]
  }
  for (const [status, response] of Object.entries(out)) {
    if (!status.startsWith('2') || '$ref' in response) continue
    out[status] = { ...response, headers: { ...(response.headers as object | undefined), ...replayedHeader } } as Responses[string]
  }
  return out
}
