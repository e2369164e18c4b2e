import { createRoute, z } from '@hono/zod-openapi'

const BackendHealthSchema = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  latency_ms: z.number(),
})

const HealthSchema = z
  .object({
    status: z.enum(['healthy', 'unhealthy']),
    mode: z.enum(['embedded', 'remote']),
    mongodb: BackendHealthSchema,
    redis: BackendHealthSchema,
  })
  .openapi('Health', {
    example: {
      status: 'healthy',
      mode: 'remote',
      mongodb: { status: 'healthy', latency_ms: 3.2 },
      redis: { status: 'healthy', latency_ms: 1.1 },
    },
  })

const tags = ['Health']

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags,
  summary: 'Status of the API and its backends (MongoDB, Redis); 503 when any backend is unhealthy',
  responses: {
    200: { description: 'Every backend answers', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'A backend is unhealthy (same body, `status: unhealthy`)', content: { 'application/json': { schema: HealthSchema } } },
  },
})

export const live = createRoute({
  method: 'get',
  path: '/health/live',
  tags,
  summary: 'Liveness: the process answers',
  responses: {
    200: { description: 'Alive', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
  },
})

export const ready = createRoute({
  method: 'get',
  path: '/health/ready',
  tags,
  summary: 'Readiness: every backend answers (503 otherwise)',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'A backend is down', content: { 'application/json': { schema: HealthSchema } } },
  },
})

export type HealthRoute = typeof health
export type LiveRoute = typeof live
export type ReadyRoute = typeof ready
