import { z } from '@hono/zod-openapi'

/**
 * RFC 9457 problem details. Every error gatehouse answers is one of these, served as
 * `application/problem+json`. Throw an ApiError anywhere; the app's onError renders it.
 */

export const PROBLEM_BASE = 'https://gatehouse.dev/problems/'

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: `${PROBLEM_BASE}not-found` }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem')

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
  503: 'Service Unavailable',
}

export type ProblemStatus = keyof typeof TITLES

export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly slug: string
  readonly extensions: Record<string, unknown>
  readonly headers: Record<string, string>

  constructor(
    status: number,
    slug: string,
    detail?: string,
    options: { extensions?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail ?? TITLES[status] ?? 'Error', { cause: options.cause })
    this.status = status
    this.slug = slug
    this.extensions = options.extensions ?? {}
    this.headers = options.headers ?? {}
  }
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

/** Shorthands used by handlers. */
export const problems = {
  badRequest: (detail: string, ext?: Record<string, unknown>) => new ApiError(400, 'bad-request', detail, { extensions: ext }),
  unauthorized: (detail = 'Missing or invalid credentials') =>
    new ApiError(401, 'unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: (detail = 'Not allowed') => new ApiError(403, 'forbidden', detail),
  notFound: (detail = 'Not found') => new ApiError(404, 'not-found', detail),
  conflict: (detail: string) => new ApiError(409, 'conflict', detail),
  preconditionFailed: (detail: string) => new ApiError(412, 'precondition-failed', detail),
  unavailable: (detail = 'A backend is unavailable; try again shortly', cause?: unknown) =>
    new ApiError(503, 'backend-unavailable', detail, { headers: { 'retry-after': '1' }, cause }),
}

/** Reusable OpenAPI response entries so every route documents its failures. */
export const problemContent = { 'application/problem+json': { schema: ProblemSchema } } as const

export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  const out: Record<number, { description: string; content: typeof problemContent }> = {}
  for (const s of statuses) out[s] = { description: TITLES[s] ?? 'Error', content: problemContent }
  return out as { [K in S[number]]: { description: string; content: typeof problemContent } }
}
