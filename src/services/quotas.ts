/**
 * API quotas (the ELK Vision seed's `api_quota`): the limits a profile carries, with defaults from
 * config, and what they are measured against.
 *
 * Who uses what:
 * - `api_calls_per_hour` is the gate's `hourly` policy (http/gate/policies.ts): its limit lives in
 *   the user's sessions, its fixed UTC-hour window count IS the usage;
 * - uploads add each upload's log count to `logsKey` (Counters) and compare with `logs_per_day`;
 * - GET /api/v1/users/profile/quota reports both (`usageReport`).
 *
 * Windows are fixed and aligned to UTC (hour: xx:00:00, day: 00:00:00Z) so every instance agrees
 * on the current window without coordination; a counter outlives its window by one window so a
 * late read near the boundary still finds it, then expires by itself.
 */
import type { Config } from '../config.ts'

/** The limits of a profile's `api_quota` (seed field names). */
export interface QuotaLimits {
  logs_per_day: number
  api_calls_per_hour: number
  retention_days: number
}

/** The config settings quotas read (so callers can pass the whole Config or just these). */
export type QuotaConfig = Pick<Config, 'QUOTA_LOGS_PER_DAY' | 'QUOTA_API_CALLS_PER_HOUR' | 'QUOTA_RETENTION_DAYS'>

/** Anything carrying a (possibly partial) `api_quota`, e.g. a profile record. */
export interface HasQuota {
  api_quota?: Partial<QuotaLimits> | null
}

const HOUR_SECONDS = 3600
export const DAY_SECONDS = 86_400

/** The deployment-wide default limits (QUOTA_* settings; seed values 100000 / 1000 / 90). */
export function defaultQuota(config: QuotaConfig): QuotaLimits {
  return {
    logs_per_day: config.QUOTA_LOGS_PER_DAY,
    api_calls_per_hour: config.QUOTA_API_CALLS_PER_HOUR,
    retention_days: config.QUOTA_RETENTION_DAYS,
  }
}

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/**
 * The effective limits for a caller: the profile's `api_quota` where it sets a valid value, the
 * config defaults elsewhere (and for callers without a profile).
 *
 * @example
 * const { api_calls_per_hour } = quotaLimits(await profiles.get(userId), c.var.deps.config)
 */
export function quotaLimits(profile: HasQuota | null | undefined, config: QuotaConfig): QuotaLimits {
  const base = defaultQuota(config)
  const own = profile?.api_quota
  if (!own) return base
  return {
    logs_per_day: usable(own.logs_per_day) ? own.logs_per_day : base.logs_per_day,
    api_calls_per_hour: usable(own.api_calls_per_hour) ? own.api_calls_per_hour : base.api_calls_per_hour,
    retention_days: usable(own.retention_days) && own.retention_days > 0 ? own.retention_days : base.retention_days,
  }
}

/** A fixed, UTC-aligned window: its start and its reset (end), both ms epoch. */
export interface QuotaWindow {
  start: number
  reset: number
  seconds: number
}

/** The window of `seconds` length containing `now` (ms epoch). */
function windowAt(seconds: number, now: number): QuotaWindow {
  const ms = seconds * 1000
  const start = Math.floor(now / ms) * ms
  return { start, reset: start + ms, seconds }
}

export const hourWindow = (now: number) => windowAt(HOUR_SECONDS, now)
export const dayWindow = (now: number) => windowAt(DAY_SECONDS, now)

/** The logs counter outlives its day by one more, so boundary reads still see the closing day. */
export const LOGS_TTL_SECONDS = 2 * DAY_SECONDS

// Ids may contain ':' (ID_PATTERN), so each part is encoded to keep keys unambiguous.
const part = (s: string) => encodeURIComponent(s)

/**
 * Counter key of a tenant's uploaded log lines in the UTC day containing `now`.
 * Example: `quota:logs:acme-corp:2025-11-24`.
 */
export function logsKey(tenantId: string, now: number): string {
  return `quota:logs:${part(tenantId)}:${new Date(dayWindow(now).start).toISOString().slice(0, 10)}`
}

/** One measured quota: limit, usage in the current window, what is left and when it resets. */
interface QuotaUsage {
  limit: number
  used: number
  remaining: number
  window_seconds: number
  /** ISO time the current window ends. */
  reset_at: string
}

export interface UsageReport {
  api_calls_per_hour: QuotaUsage
  logs_per_day: QuotaUsage
}

function usage(limit: number, used: number, w: QuotaWindow): QuotaUsage {
  return { limit, used, remaining: Math.max(0, limit - used), window_seconds: w.seconds, reset_at: new Date(w.reset).toISOString() }
}

/** The quota report: limits and live usage of the current windows. */
export function usageReport(limits: QuotaLimits, used: { apiCalls: number; logs: number }, now: number): UsageReport {
  return {
    api_calls_per_hour: usage(limits.api_calls_per_hour, used.apiCalls, hourWindow(now)),
    logs_per_day: usage(limits.logs_per_day, used.logs, dayWindow(now)),
  }
}
