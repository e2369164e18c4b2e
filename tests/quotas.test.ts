/**
 * Quota limits and usage (src/services/quotas.ts): limits from profile over config defaults,
 * UTC-aligned windows, tenant-scoped keys, the report. Live usage through HTTP on real backends
 * is tests/profiles.test.ts and tests/gate.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { dayWindow, defaultQuota, hourWindow, logsKey, quotaLimits, usageReport } from '../src/services/quotas.ts'

const config = loadConfig({})

describe('quota limits', () => {
  it('defaults come from config (seed values) and QUOTA_* settings override them', () => {
    expect(defaultQuota(config)).toEqual({ logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 })
    const custom = loadConfig({ QUOTA_LOGS_PER_DAY: '5', QUOTA_API_CALLS_PER_HOUR: '7', QUOTA_RETENTION_DAYS: '30' })
    expect(quotaLimits(null, custom)).toEqual({ logs_per_day: 5, api_calls_per_hour: 7, retention_days: 30 })
  })

  it('a profile’s api_quota wins where it sets a valid value', () => {
    expect(quotaLimits({ api_quota: { api_calls_per_hour: 50 } }, config)).toEqual({ logs_per_day: 100000, api_calls_per_hour: 50, retention_days: 90 })
    expect(quotaLimits({ api_quota: { logs_per_day: 0, retention_days: 0 } }, config)).toEqual({
      logs_per_day: 0,
      api_calls_per_hour: 1000,
      retention_days: 90,
    })
    const junk = { api_quota: { logs_per_day: -1, api_calls_per_hour: 1.5, retention_days: Number.NaN } }
    expect(quotaLimits(junk, config)).toEqual(defaultQuota(config))
    expect(quotaLimits({ api_quota: null }, config)).toEqual(defaultQuota(config))
  })

  it('refuses invalid QUOTA_* settings with the setting named', () => {
    expect(() => loadConfig({ QUOTA_API_CALLS_PER_HOUR: '-3' })).toThrow(/QUOTA_API_CALLS_PER_HOUR/)
    expect(() => loadConfig({ QUOTA_RETENTION_DAYS: '0' })).toThrow(/QUOTA_RETENTION_DAYS/)
  })
})

describe('usage windows and keys', () => {
  const at = Date.UTC(2025, 10, 24, 10, 59, 59, 999)

  it('windows are UTC-aligned: hour xx:00, day 00:00Z', () => {
    expect(hourWindow(at)).toEqual({ start: Date.UTC(2025, 10, 24, 10), reset: Date.UTC(2025, 10, 24, 11), seconds: 3600 })
    expect(dayWindow(at)).toEqual({ start: Date.UTC(2025, 10, 24), reset: Date.UTC(2025, 10, 25), seconds: 86400 })
  })

  it('the logs key changes with the UTC day and is tenant-scoped', () => {
    expect(logsKey('acme-corp', at)).toBe('quota:logs:acme-corp:2025-11-24')
    expect(logsKey('acme-corp', Date.UTC(2025, 10, 25))).toBe('quota:logs:acme-corp:2025-11-25')
    expect(logsKey('a:b', at)).toBe('quota:logs:a%3Ab:2025-11-24')
  })

  it('the report: limit, used, remaining (never negative) and the reset of the current windows', () => {
    const limits = { logs_per_day: 1000, api_calls_per_hour: 3, retention_days: 90 }
    const report = usageReport(limits, { apiCalls: 5, logs: 1500 }, at)
    expect(report.api_calls_per_hour).toEqual({ limit: 3, used: 5, remaining: 0, window_seconds: 3600, reset_at: new Date(hourWindow(at).reset).toISOString() })
    expect(report.logs_per_day).toEqual({ limit: 1000, used: 1500, remaining: 0, window_seconds: 86400, reset_at: new Date(dayWindow(at).reset).toISOString() })
  })
})
