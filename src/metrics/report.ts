/**
 * A tenant's time series as its admins read it (GET /api/v1/metrics/tenant): every bucket of the
 * period (empty ones as zeros, so plots have a continuous time axis), each with requests by
 * status class, denials by policy, cache answers and hit rate, latency p50/p95 estimated from the
 * histogram, backend failures and session revocations; plus the period's totals and its routes.
 */
import type { Metrics, MetricsBucket, MetricsResolution } from '../ports.ts'
import { type Decoded, decode, quantileMs } from './fields.ts'

const BUCKET_MS: Record<MetricsResolution, number> = { minute: 60_000, hour: 3_600_000 }

/** The longest period of each resolution (what the store keeps). */
export const MAX_HOURS: Record<MetricsResolution, number> = { minute: 48, hour: 30 * 24 }

/** The default resolution of a period: minutes up to 6 hours, hours beyond. */
export const defaultResolution = (hours: number): MetricsResolution => (hours <= 6 ? 'minute' : 'hour')

interface SeriesStats {
  requests: number
  status: Record<string, number>
  denied: number
  denied_by_policy: Record<string, number>
  cache: { hit: number; miss: number; stale: number }
  /** Hits / (hits + misses + stale), null without cached answers. */
  cache_hit_rate: number | null
  latency_ms: { p50: number | null; p95: number | null }
  backend_errors: number
  backend_timeouts: number
  sessions_revoked: number
}

export interface TenantSeries {
  tenant_id: string
  resolution: MetricsResolution
  bucket_seconds: number
  from: string
  to: string
  points: Array<SeriesStats & { t: string }>
  totals: SeriesStats
  routes: Array<{ method: string; route: string; requests: number; status: Record<string, number> }>
}

function statsOf(d: Decoded): SeriesStats {
  const status: Record<string, number> = {}
  for (const [key, n] of d.routes) {
    const cls = key.slice(key.lastIndexOf('|') + 1)
    status[cls] = (status[cls] ?? 0) + n
  }
  const cached = d.cache.hit + d.cache.miss + d.cache.stale
  let errors = 0
  let timeouts = 0
  for (const [key, n] of d.backend) {
    if (key.endsWith('|timeout')) timeouts += n
    else errors += n
  }
  return {
    requests: d.requests,
    status,
    denied: d.denied,
    denied_by_policy: d.deniedBy,
    cache: d.cache,
    cache_hit_rate: cached === 0 ? null : Math.round((d.cache.hit / cached) * 10_000) / 10_000,
    latency_ms: { p50: quantileMs(d.latency, 0.5), p95: quantileMs(d.latency, 0.95) },
    backend_errors: errors,
    backend_timeouts: timeouts,
    sessions_revoked: d.events.session_revoked,
  }
}

function sum(buckets: MetricsBucket[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const b of buckets) for (const [f, v] of Object.entries(b.counts)) out[f] = (out[f] ?? 0) + v
  return out
}

/** Reads and shapes the tenant's series for the `hours` up to `now` (the current bucket included). */
export async function tenantSeries(metrics: Metrics, tenantId: string, hours: number, resolution: MetricsResolution, now: number): Promise<TenantSeries> {
  const size = BUCKET_MS[resolution]
  const last = now - (now % size)
  const first = last - (Math.round((hours * 3_600_000) / size) - 1) * size
  const buckets = await metrics.series(tenantId, resolution, first, last)
  const byStart = new Map(buckets.map((b) => [b.start, b.counts]))
  const points: TenantSeries['points'] = []
  for (let t = first; t <= last; t += size) points.push({ t: new Date(t).toISOString(), ...statsOf(decode(byStart.get(t) ?? {})) })
  const total = decode(sum(buckets))
  const routes = [...total.routes]
    .reduce((acc, [key, n]) => {
      const [method = '', route = '', cls = ''] = key.split('|')
      const id = `${method} ${route}`
      const entry = acc.get(id) ?? { method, route, requests: 0, status: {} as Record<string, number> }
      entry.requests += n
      entry.status[cls] = (entry.status[cls] ?? 0) + n
      return acc.set(id, entry)
    }, new Map<string, TenantSeries['routes'][number]>())
    .values()
  return {
    tenant_id: tenantId,
    resolution,
    bucket_seconds: size / 1000,
    from: new Date(first).toISOString(),
    to: new Date(last + size).toISOString(),
    points,
    totals: statsOf(total),
    routes: [...routes].sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route)),
  }
}
