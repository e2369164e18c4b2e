/**
 * The Prometheus text exposition (format 0.0.4) of gatehouse's lifetime totals — a small writer
 * of our own, since prom-client is Node-only and this runs on Workers too. The numbers are the
 * shared store's, so every instance answers the same picture (up to each one's unflushed batch):
 * scrape one target, not every instance.
 *
 * Cardinality: labels are bounded by the code (route patterns × methods × status classes, policy
 * names, cache states, backend × reason); the only tenant-labelled series are requests and
 * rate-limited requests of the `tenantLimit` busiest tenants (METRICS_TENANT_LABELS).
 */
import { CACHE_STATES, type Decoded, decode, LATENCY_BOUNDS_MS } from './fields.ts'

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

type Labels = Record<string, string>

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')

class Exposition {
  #lines: string[] = []

  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): this {
    this.#lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`)
    return this
  }

  sample(name: string, labels: Labels, value: number): this {
    const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    this.#lines.push(`${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${Number.isFinite(value) ? value : 0}`)
    return this
  }

  toString(): string {
    return `${this.#lines.join('\n')}\n`
  }
}

export interface TenantTotals {
  tenantId: string
  counts: Record<string, number>
}

/** The exposition of the overall totals and the busiest tenants' totals. */
export function prometheusText(overall: Record<string, number>, tenants: TenantTotals[]): string {
  const d = decode(overall)
  const out = new Exposition()
  requests(out, d)
  latency(out, d)

  out.family('gatehouse_rate_limited_requests_total', 'counter', 'Requests refused by a rate limit or quota (429).')
  out.sample('gatehouse_rate_limited_requests_total', {}, d.denied)
  out.family('gatehouse_rate_limit_denials_total', 'counter', 'Violated policies of refused requests (one request may violate several).')
  for (const [policy, n] of Object.entries(d.deniedBy).sort()) out.sample('gatehouse_rate_limit_denials_total', { policy }, n)

  out.family('gatehouse_cache_answers_total', 'counter', 'Answers of the cached routes, by X-Cache result.')
  for (const result of CACHE_STATES) out.sample('gatehouse_cache_answers_total', { result }, d.cache[result])

  out.family('gatehouse_backend_failures_total', 'counter', 'Requests answered 503 because a backend failed, by backend and reason.')
  for (const [key, n] of [...d.backend].sort()) {
    const [backend = '', reason = ''] = key.split('|')
    out.sample('gatehouse_backend_failures_total', { backend, reason }, n)
  }

  out.family('gatehouse_sign_ins_total', 'counter', 'Sign-in attempts answered 200 (success) or 401 (failure).')
  out.sample('gatehouse_sign_ins_total', { result: 'success' }, d.events.sign_in)
  out.sample('gatehouse_sign_ins_total', { result: 'failure' }, d.events.sign_in_failed)
  const sessions = [
    ['gatehouse_sessions_opened_total', 'Sessions opened (sign-ins).', d.events.session_opened],
    ['gatehouse_sessions_refreshed_total', 'Successful token refreshes.', d.events.session_refreshed],
    ['gatehouse_sessions_revoked_total', 'Sessions ended by logout or revocation.', d.events.session_revoked],
  ] as const
  for (const [name, help, n] of sessions) out.family(name, 'counter', help).sample(name, {}, n)

  out.family('gatehouse_tenant_requests_total', 'counter', 'Requests of the busiest tenants (METRICS_TENANT_LABELS of them).')
  for (const t of tenants) out.sample('gatehouse_tenant_requests_total', { tenant: t.tenantId }, t.counts.n ?? 0)
  out.family('gatehouse_tenant_rate_limited_requests_total', 'counter', 'Refused (429) requests of the busiest tenants.')
  for (const t of tenants) out.sample('gatehouse_tenant_rate_limited_requests_total', { tenant: t.tenantId }, t.counts.dn ?? 0)
  return out.toString()
}

function requests(out: Exposition, d: Decoded): void {
  out.family('gatehouse_requests_total', 'counter', 'Answered requests, by route pattern, method and status class.')
  for (const [key, n] of [...d.routes].sort()) {
    const [method = '', route = '', status = ''] = key.split('|')
    out.sample('gatehouse_requests_total', { route, method, status }, n)
  }
}

function latency(out: Exposition, d: Decoded): void {
  const name = 'gatehouse_request_duration_seconds'
  out.family(name, 'histogram', 'Time from the request to its answer, as the app measures it.')
  let cumulative = 0
  LATENCY_BOUNDS_MS.forEach((bound, i) => {
    cumulative += d.latency[i]!
    out.sample(`${name}_bucket`, { le: String(bound / 1000) }, cumulative)
  })
  cumulative += d.latency[LATENCY_BOUNDS_MS.length]!
  out.sample(`${name}_bucket`, { le: '+Inf' }, cumulative)
  out.sample(`${name}_sum`, {}, d.latencyMicros / 1e6)
  out.sample(`${name}_count`, {}, cumulative)
}
