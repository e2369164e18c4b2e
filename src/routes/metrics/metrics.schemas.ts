import { z } from '@hono/zod-openapi'
import { ID_PATTERN } from '../../repositories/values.ts'

/** Query and answer of GET /api/v1/metrics/tenant. */

export const TenantMetricsQuery = z.strictObject({
  hours: z
    .string()
    .regex(/^\d{1,4}$/, 'an integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(720))
    .default(24)
    .openapi({ type: 'integer', minimum: 1, maximum: 720, description: 'Period up to now, in hours (default 24; minutes: at most 48)' }),
  resolution: z
    .enum(['minute', 'hour'])
    .optional()
    .openapi({ description: 'Bucket size; default: minute up to 6 hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days.' }),
  tenant_id: z.string().regex(ID_PATTERN).optional().openapi({ description: 'Superadmin only: another tenant' }),
})

const Count = z.number().int()
const ByKey = z.record(z.string(), Count)

const StatsShape = {
  requests: Count,
  status: ByKey.openapi({ description: 'Requests by status class ("2xx", "4xx", ...)' }),
  denied: Count.openapi({ description: 'Requests refused by a rate limit or quota (429)' }),
  denied_by_policy: ByKey.openapi({ description: 'Violated policies of those refusals (one request may violate several)' }),
  cache: z.object({ hit: Count, miss: Count, stale: Count }).openapi({ description: 'Answers of the cached routes (X-Cache)' }),
  cache_hit_rate: z.number().nullable().openapi({ description: 'hit / (hit + miss + stale); null without cached answers' }),
  latency_ms: z
    .object({ p50: z.number().nullable(), p95: z.number().nullable() })
    .openapi({ description: 'Estimated from a fixed-bucket histogram (linear within a bucket); null without requests' }),
  backend_errors: Count.openapi({ description: 'Requests answered 503: a backend refused or was unreachable' }),
  backend_timeouts: Count.openapi({ description: 'Requests answered 503: a backend did not answer in time' }),
  sessions_revoked: Count.openapi({ description: 'Sessions ended by logout or revocation' }),
}

const StatsSchema = z.object(StatsShape).openapi('MetricsStats')

export const TenantMetricsSchema = z
  .object({
    tenant_id: z.string(),
    resolution: z.enum(['minute', 'hour']),
    bucket_seconds: Count,
    from: z.string().openapi({ format: 'date-time', description: 'Start of the first bucket' }),
    to: z.string().openapi({ format: 'date-time', description: 'End of the last (current) bucket' }),
    points: z.array(z.object({ t: z.string().openapi({ format: 'date-time', description: 'Start of the bucket' }), ...StatsShape })).openapi({
      description:
        'Every bucket of the period, oldest first (empty ones as zeros). Sign-ins are anonymous requests: they count in the overall series (/metrics) only.',
    }),
    totals: StatsSchema,
    routes: z.array(z.object({ method: z.string(), route: z.string().openapi({ description: 'The route pattern' }), requests: Count, status: ByKey })),
  })
  .openapi('TenantMetrics')
