import { tenantInView } from '../../domain/principal.ts'
import { InputError, NotFoundError, UnauthenticatedError } from '../../errors.ts'
import { principalOf } from '../../http/principal.ts'
import type { AppRouteHandler, Ctx } from '../../http/types.ts'
import { errorFields } from '../../logger.ts'
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from '../../metrics/prometheus.ts'
import { defaultResolution, MAX_HOURS, tenantSeries } from '../../metrics/report.ts'
import type { TenantMetricsRoute } from './metrics.routes.ts'

/** This instance's batch first, so the answer includes its own traffic (a read route: worth the wait). */
async function flushOwnBatch(c: Ctx): Promise<void> {
  await c.var.deps.metrics?.flush().catch((err: unknown) => {
    c.var.deps.logger.warn('metrics: flush before read failed', errorFields(err))
  })
}

export const tenantMetrics: AppRouteHandler<TenantMetricsRoute> = async (c) => {
  const me = principalOf(c)
  const q = c.req.valid('query')
  const tenantId = tenantInView(me, q.tenant_id)
  const resolution = q.resolution ?? defaultResolution(q.hours)
  if (q.hours > MAX_HOURS[resolution]) {
    throw new InputError([{ path: 'hours', code: 'too_big', message: `${resolution} buckets cover at most ${MAX_HOURS[resolution]} hours` }])
  }
  await flushOwnBatch(c)
  const now = c.var.deps.now?.() ?? Date.now()
  c.header('cache-control', 'no-store')
  return c.json(await tenantSeries(c.var.deps.backends.metrics, tenantId, q.hours, resolution, now), 200)
}

const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))

/** Compares two secrets in time independent of where they differ (and of their lengths: digests are compared). */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)])
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** GET /metrics: the Prometheus exposition, for the bearer of METRICS_TOKEN; 404 when none is configured. */
export async function prometheus(c: Ctx): Promise<Response> {
  const { config, backends } = c.var.deps
  if (!config.METRICS_TOKEN) throw new NotFoundError('No such resource')
  const token = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '')?.[1]
  if (!token) throw new UnauthenticatedError('missing', 'The metrics token is required (Authorization: Bearer)')
  if (!(await sameSecret(token, config.METRICS_TOKEN))) throw new UnauthenticatedError('invalid', 'The metrics token is not valid')
  await flushOwnBatch(c)
  const [overall, top] = await Promise.all([backends.metrics.totals(null), backends.metrics.topTenants(config.METRICS_TENANT_LABELS)])
  const tenants = await Promise.all(top.map(async (t) => ({ tenantId: t.tenantId, counts: await backends.metrics.totals(t.tenantId) })))
  return c.body(prometheusText(overall, tenants), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' })
}
