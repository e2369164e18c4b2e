import { createRoute } from '@hono/zod-openapi'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import * as s from './metrics.schemas.ts'

export const tenantMetrics = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/metrics/tenant',
      tags: ['Metrics'],
      summary: "The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any tenant)",
      description:
        'Counted by every instance into the shared store; an instance writes its batch every METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own first.',
      request: { query: s.TenantMetricsQuery },
      responses: { 200: { description: 'The series', content: { 'application/json': { schema: s.TenantMetricsSchema } } }, ...problemResponses(404) },
    },
    { access: 'signed-in', role: 'admin' },
  ),
)

export type TenantMetricsRoute = typeof tenantMetrics
