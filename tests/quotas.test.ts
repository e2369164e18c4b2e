/**
 * Quota limits and usage counters (src/services/quotas.ts): limits from profile over config
 * defaults, UTC-aligned windows and tenant-scoped keys, and live usage read from the real
 * Counters of both backend families.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import {
  apiCallsKey,
  dayWindow,
  defaultQuota,
  hourWindow,
  logsKey,
  quotaLimits,
  readUsage,
  recordApiCall,
  recordLogs,
} from '../src/services/quotas.ts'
import { makeTestApp, type BackendKind, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const config = loadConfig({})

describe('quota limits', () => {
  it('defaults come from config (seed values) and QUOTA_* settings override them', () => {
    expect(defaultQuota(config)).toEqual({ logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 })
    const custom = loadConfig({ QUOTA_LOGS_PER_DAY: '5', QUOTA_API_CALLS_PER_HOUR: '7', QUOTA_RETENTION_DAYS: '30' })
    expect(quotaLimits(null, custom)).toEqual({ logs_per_day: 5, api_calls_per_hour: 7, retention_days: 30 })
  })

  it('a profile’s api_quota wins where it sets a valid value', () => {
    expect(quotaLimits({ api_quota: { api_calls_per_hour: 50 } }, config)).toEqual({ logs_per_day: 100000, api_calls_per_hour: 50, retention_days: 90 })
    expect(quotaLimits({ api_quota: { logs_per_day: 0, retention_days: 0 } }, config)).toEqual({ logs_per_day: 0, api_calls_per_hour: 1000, retention_days: 90 })
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

  it('keys change with the window and are tenant-scoped and unambiguous', () => {
    expect(apiCallsKey('acme-corp', 'u1', at)).toBe('quota:calls:acme-corp:u1:2025-11-24T10')
    expect(apiCallsKey('acme-corp', 'u1', at + 1)).toBe('quota:calls:acme-corp:u1:2025-11-24T11')
    expect(logsKey('acme-corp', at)).toBe('quota:logs:acme-corp:2025-11-24')
    expect(logsKey('acme-corp', Date.UTC(2025, 10, 25))).toBe('quota:logs:acme-corp:2025-11-25')
    expect(apiCallsKey('a', 'b', at)).not.toBe(apiCallsKey('b', 'a', at))
    // Ids may contain ':'; the parts are encoded so "a:b"+"c" never meets "a"+"b:c".
    expect(apiCallsKey('a:b', 'c', at)).not.toBe(apiCallsKey('a', 'b:c', at))
  })
})

describe.each<BackendKind>(['embedded', 'remote'])('usage counters on %s backends', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp(kind)
  })

  afterAll(async () => {
    await t?.close()
  })

  it('counts per user per hour and per tenant per day; readUsage reports the current windows', async () => {
    const tenant = uniq('tenant')
    const now = Date.now()
    expect(await recordApiCall(t.backends.counters, tenant, 'u1', now)).toBe(1)
    expect(await recordApiCall(t.backends.counters, tenant, 'u1', now, 4)).toBe(5)
    expect(await recordApiCall(t.backends.counters, tenant, 'u2', now)).toBe(1)
    expect(await recordLogs(t.backends.counters, tenant, 1200, now)).toBe(1200)
    expect(await recordLogs(t.backends.counters, tenant, 300, now)).toBe(1500)

    const limits = { logs_per_day: 1000, api_calls_per_hour: 3, retention_days: 90 }
    const u1 = await readUsage(t.backends.counters, limits, tenant, 'u1', now)
    expect(u1.api_calls_per_hour).toEqual({
      limit: 3,
      used: 5,
      remaining: 0,
      window_seconds: 3600,
      reset_at: new Date(hourWindow(now).reset).toISOString(),
    })
    expect(u1.logs_per_day).toEqual({
      limit: 1000,
      used: 1500,
      remaining: 0,
      window_seconds: 86400,
      reset_at: new Date(dayWindow(now).reset).toISOString(),
    })
    // Another tenant shares nothing; the next hour starts from zero.
    const other = await readUsage(t.backends.counters, limits, uniq('tenant'), 'u1', now)
    expect([other.api_calls_per_hour.used, other.logs_per_day.used]).toEqual([0, 0])
    const later = await readUsage(t.backends.counters, limits, tenant, 'u1', hourWindow(now).reset)
    expect(later.api_calls_per_hour.used).toBe(0)
    expect(later.api_calls_per_hour.remaining).toBe(3)
  })
})
