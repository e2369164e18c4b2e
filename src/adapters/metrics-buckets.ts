/**
 * What both Metrics adapters (Upstash, embedded) share: bucket sizes and retention, the checks on
 * a batch, and the batch grouped by scope — so the two stores accept and refuse the same input and
 * keep the same buckets. No runtime-specific imports: this file runs on Workers too.
 */
import type { MetricsIncrement, MetricsResolution } from '../ports.ts'

const BUCKET_MS: Record<MetricsResolution, number> = { minute: 60_000, hour: 3_600_000 }

/** How long buckets are kept: minutes 48 h, hours 30 days (from the bucket's start). */
const RETENTION_MS: Record<MetricsResolution, number> = { minute: 48 * 3_600_000, hour: 30 * 24 * 3_600_000 }

/** A series read covers at most this many buckets (48 h of minutes is 2 880). */
const MAX_SERIES_BUCKETS = 5000

const FIELD = /^[\x21-\x7e]{1,200}$/

/** One minute of one scope, with the hour bucket it also adds to and when each expires. */
interface MinuteWrite {
  minute: number
  hour: number
  /** Expiry of the minute bucket (ms epoch), or null when it is already past its retention. */
  minuteExpiresAt: number | null
  hourExpiresAt: number | null
  counts: Map<string, number>
}

export interface ScopeWrite {
  /** null: the overall series. */
  tenantId: string | null
  minutes: MinuteWrite[]
}

export interface GroupedBatch {
  scopes: ScopeWrite[]
  /** Tenant → weight to add to the standings. */
  standings: Map<string, number>
}

/** Validates a batch and sums it per scope and minute (zero counts dropped). Throws TypeError on bad input. */
export function groupIncrements(increments: MetricsIncrement[], now: number): GroupedBatch {
  const scopes = new Map<string | null, Map<number, Map<string, number>>>()
  const standings = new Map<string, number>()
  for (const inc of increments) {
    const tenantId = inc.tenantId ?? null
    if (tenantId !== null && (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > 200)) {
      throw new TypeError('metrics: tenantId must be a non-empty string of at most 200 characters')
    }
    if (!Number.isSafeInteger(inc.minute) || inc.minute % BUCKET_MS.minute !== 0) throw new TypeError('metrics: minute must be a multiple of 60000')
    if (inc.weight !== undefined && (!Number.isSafeInteger(inc.weight) || inc.weight < 0)) throw new TypeError('metrics: weight must be a non-negative integer')
    let minutes = scopes.get(tenantId)
    if (!minutes) scopes.set(tenantId, (minutes = new Map()))
    let counts = minutes.get(inc.minute)
    if (!counts) minutes.set(inc.minute, (counts = new Map()))
    for (const [field, value] of Object.entries(inc.counts)) {
      if (!FIELD.test(field)) throw new TypeError(`metrics: field names are 1-200 printable ASCII characters: ${JSON.stringify(field.slice(0, 40))}`)
      if (!Number.isSafeInteger(value)) throw new TypeError(`metrics: ${field} must be an integer`)
      counts.set(field, (counts.get(field) ?? 0) + value)
    }
    if (tenantId !== null && inc.weight) standings.set(tenantId, (standings.get(tenantId) ?? 0) + inc.weight)
  }
  const live = (start: number, res: MetricsResolution) => (start + RETENTION_MS[res] > now ? start + RETENTION_MS[res] : null)
  const out: ScopeWrite[] = []
  for (const [tenantId, minutes] of scopes) {
    const writes: MinuteWrite[] = []
    for (const [minute, counts] of [...minutes].sort((a, b) => a[0] - b[0])) {
      for (const [f, v] of counts) if (v === 0) counts.delete(f)
      if (counts.size === 0) continue
      const hour = minute - (minute % BUCKET_MS.hour)
      writes.push({ minute, hour, minuteExpiresAt: live(minute, 'minute'), hourExpiresAt: live(hour, 'hour'), counts })
    }
    if (writes.length > 0) out.push({ tenantId, minutes: writes })
  }
  return { scopes: out, standings }
}

/** Starts of the buckets a series read covers (`from <= start <= to`). Throws TypeError beyond 5 000. */
export function bucketStarts(resolution: MetricsResolution, from: number, to: number): number[] {
  const size = BUCKET_MS[resolution]
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new TypeError('metrics: from and to must be numbers')
  const first = Math.ceil(from / size) * size
  if (to < first) return []
  const n = Math.floor((to - first) / size) + 1
  if (n > MAX_SERIES_BUCKETS) throw new TypeError(`metrics: a series covers at most ${MAX_SERIES_BUCKETS} buckets`)
  return Array.from({ length: n }, (_, i) => first + i * size)
}

/** A flat [field, value, ...] reply as counts (values are integers). */
export function countsOf(flat: unknown): Record<string, number> {
  const out: Record<string, number> = {}
  if (!Array.isArray(flat)) return out
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = Number(flat[i + 1])
  return out
}
