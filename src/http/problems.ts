import { z } from '@hono/zod-openapi'

/**
 * RFC 9457 problem details: the shape of every error answer (`application/problem+json`), and
 * their OpenAPI entries. Which error becomes which problem is decided in ONE place:
 * problem-table.ts.
 */

const PROBLEM_BASE = 'https://gatehouse.dev/problems/'

const problemFields = {
  type: z.string().openapi({ example: `${PROBLEM_BASE}not-found` }),
  title: z.string().openapi({ example: 'Not Found' }),
  status: z.number().int().openapi({ example: 404 }),
  detail: z.string().optional(),
  instance: z.string().optional(),
  request_id: z.string().optional(),
}

const ProblemSchema = z.object(problemFields).catchall(z.unknown()).openapi('Problem')

/**
 * The one 429 body, whatever the limiter (the gate, sign-in attempts, the daily logs quota). A
 * schema of its own rather than an allOf over Problem: generators that cannot merge open objects
 * (oapi-codegen) still type it.
 */
export const RateLimitProblemSchema = z
  .object({
    ...problemFields,
    'violated-policies': z.array(z.string()).openapi({ example: ['burst'] }),
    policies: z.array(
      z.object({
        name: z.string(),
        limit: z.number().int(),
        remaining: z.number().int(),
        window_seconds: z.number(),
        reset_at: z.string().openapi({ format: 'date-time' }),
      }),
    ),
    retry_after: z.number().int().openapi({ description: 'Seconds to wait (also in Retry-After)', example: 30 }),
  })
  .catchall(z.unknown())
  .openapi('RateLimitProblem')

export type Problem = z.infer<typeof ProblemSchema>

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
}

export function problemBody(status: number, slug: string, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    type: `${PROBLEM_BASE}${slug}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...extensions,
  }
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

/** Reusable OpenAPI response entries so every route documents its failures. */
const problemContent = { 'application/problem+json': { schema: ProblemSchema } } as const
const rateLimitContent = { 'application/problem+json': { schema: RateLimitProblemSchema } } as const

type ProblemEntry = { description: string; content: typeof problemContent | typeof rateLimitContent }

export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  const out: Record<number, ProblemEntry> = {}
  for (const s of statuses) out[s] = { description: TITLES[s] ?? 'Error', content: s === 429 ? rateLimitContent : problemContent }
  return out as { [K in S[number]]: ProblemEntry }
}
