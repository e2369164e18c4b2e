import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../types.ts'

const HEADER_DOCS: Record<string, { description: string; example: string | number }> = {
  'RateLimit-Policy': {
    description: 'The quota policies that govern this request (draft-ietf-httpapi-ratelimit-headers): q = quota, w = window in seconds.',
    example: '"burst";q=100;w=3600, "hourly";q=1000;w=3600',
  },
  RateLimit: {
    description: 'What is left of each checked policy: r = remaining quota, t = seconds until it resets. Absent when the limiter is unavailable.',
    example: '"burst";r=57;t=1800, "hourly";r=998;t=1800',
  },
  'X-RateLimit-Limit': { description: 'Quota of the most restrictive policy.', example: 100 },
  'X-RateLimit-Remaining': { description: 'Requests left under the most restrictive policy.', example: 57 },
  'X-RateLimit-Reset': { description: 'When the most restrictive policy resets, Unix time in seconds.', example: 1764000000 },
  'Retry-After': { description: 'Seconds to wait before retrying.', example: 30 },
}

/** Registers the rate-limit header components that every gated operation's answers reference. */
export function documentGateHeaders(app: OpenAPIHono<AppEnv>): void {
  for (const [name, doc] of Object.entries(HEADER_DOCS)) {
    app.openAPIRegistry.registerComponent('headers', name, {
      description: doc.description,
      schema: typeof doc.example === 'number' ? { type: 'integer' } : { type: 'string' },
      example: doc.example,
    })
  }
}
