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
    // Kept short: the text ships in the Worker (README "Writes and retries" says the rest).
    description: 'draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).',
    schema: { type: 'string', minLength: 1, maxLength: 257 },
    example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
  })
  app.openAPIRegistry.registerComponent('headers', 'Idempotent-Replayed', {
    description: 'A replayed answer.',
    schema: { type: 'string', enum: ['true'] },
  })
}

export const idempotencyParameter = { $ref: '#/components/parameters/IdempotencyKey' }
const replayedHeader = { 'Idempotent-Replayed': { $ref: '#/components/headers/Idempotent-Replayed' } }

type Responses = RouteConfig['responses']

/** Notes for a write's description: what a retry does, and the 503 of a write still settling. */
export function idempotencyNotes(rule: 'keyed' | { natural: string }): string {
  const late = 'Still running at the deadline: 503 `write-pending`, completed in the background.'
  return rule === 'keyed' ? `Idempotency-Key makes retries safe. ${late}` : `Retries: ${rule.natural} ${late}`
}

/**
 * What keyed writes add to their answers' documentation: the 409/422 of the Idempotency-Key
 * (merged into a route's own 409/422) and the Idempotent-Replayed header on successes.
 */
export function withIdempotency(responses: Responses): Responses {
  const out: Responses = { ...responses }
  const extra = { 409: 'or the Idempotency-Key is in use', 422: 'or the Idempotency-Key was used for another request' }
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
