/**
 * A 429 is the one answer the client throws: "come back later" is no answer to the call, and
 * every caller must handle it the same way. It is a RateLimitedError carrying the problem+json
 * body and `retryAfter` (seconds, from the problem's `retry_after`, else the Retry-After header).
 */
import type { Middleware } from 'openapi-fetch'
import type { components } from './schema.ts'

type Problem = components['schemas']['Problem']

export class RateLimitedError extends Error {
  override name = 'RateLimitedError'
  readonly status = 429
  /** The answer's application/problem+json body (RFC 9457). */
  readonly problem: Problem
  /** The 429 answer itself (headers such as RateLimit and Retry-After). */
  readonly response: Response
  /** Seconds to wait before retrying (undefined when the server said nothing usable). */
  readonly retryAfter: number | undefined

  constructor(problem: Problem, response: Response) {
    super(`${problem.title}: ${problem.detail ?? problem.type}`)
    this.problem = problem
    this.response = response
    this.retryAfter = retryAfterSeconds(problem, response.headers)
  }
}

function retryAfterSeconds(problem: Problem, headers: Headers): number | undefined {
  const fromBody = problem.retry_after
  if (typeof fromBody === 'number' && Number.isFinite(fromBody)) return fromBody
  const header = headers.get('retry-after')?.trim()
  if (!header) return undefined
  if (/^\d+$/.test(header)) return Number(header)
  const when = Date.parse(header)
  return Number.isNaN(when) ? undefined : Math.max(0, Math.round((when - Date.now()) / 1000))
}

/** The problem+json body of an error answer (a minimal one when the body is something else). */
async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.clone().json()) as Partial<Problem>
    if (typeof body?.type === 'string' && typeof body.title === 'string' && typeof body.status === 'number') return body as Problem
  } catch {
    // not JSON
  }
  return { type: 'about:blank', title: response.statusText || 'Too Many Requests', status: response.status }
}

/** openapi-fetch middleware: throws RateLimitedError for a 429 answer. */
export function rateLimitErrors(): Middleware {
  return {
    async onResponse({ response }) {
      if (response.status === 429) throw new RateLimitedError(await problemOf(response), response)
      return undefined
    },
  }
}
