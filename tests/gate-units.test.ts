/** Pure parts of the gate: client-address buckets, the policies charged, header formatting. */
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { RateLimitedError } from '../src/errors.ts'
import { formatRateLimit, formatRateLimitPolicy, mostRestrictive, rateLimitHeaders } from '../src/http/gate/headers.ts'
import { addressPolicies, callerCharges, ipBucket, ipLimitKey, maintenancePolicy, userCharges } from '../src/http/gate/policies.ts'
import { parseSfList } from './gate-helpers.ts'

describe('ipBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:198.51.100.9', '198.51.100.9'],
    ['::ffff:c633:6409', '198.51.100.9'],
    ['1:2:3:4:5:6:7.8.9.10', '1:2:3:4::/64'],
    ['unknown', 'unknown'],
    ['256.1.1.1', 'unknown'],
    ['1::2::3', 'unknown'],
    ['1:2:3:4:5:6:7:8:9', 'unknown'],
    ['12345::', 'unknown'],
  ])('%s → %s', (ip, bucket) => {
    expect(ipBucket(ip)).toBe(bucket)
  })
})

describe('gate policies', () => {
  const config = loadConfig({})

  it('charges a signed-in user burst and hourly (the session plan) in the user bucket, the route budgets, then the tenant budget', () => {
    expect(userCharges(config, 'u1').map((c) => [c.bucket, c.policy.name, c.policy.limit, c.policy.windowSeconds, c.policy.limitFrom])).toEqual([
      ['u:u1', 'burst', 100, 3600, undefined],
      ['u:u1', 'hourly', 1000, 3600, 'session'],
      ['tenant', 'tenant', 100_000, 3600, 'tenant'],
    ])
    expect(userCharges(config, 'a:b', [maintenancePolicy]).map((c) => [c.bucket, c.policy.name])).toEqual([
      ['u:a%3Ab', 'burst'],
      ['u:a%3Ab', 'hourly'],
      ['u:a%3Ab', 'maintenance'],
      ['tenant', 'tenant'],
    ])
  })

  it('charges an API key its own `key` policy (in place of burst) and hourly in the key bucket, then the tenant budget', () => {
    expect(callerCharges(config, { keyId: 'k-1' }).map((c) => [c.bucket, c.policy.name, c.policy.limit, c.policy.windowSeconds, c.policy.limitFrom])).toEqual([
      ['k:k-1', 'key', 100, 3600, 'key'],
      ['k:k-1', 'hourly', 1000, 3600, 'session'],
      ['tenant', 'tenant', 100_000, 3600, 'tenant'],
    ])
  })

  it('charges an address burst plus the route budgets, never hourly (no plan without a user)', () => {
    expect(addressPolicies(config).map((p) => p.name)).toEqual(['burst'])
    expect(addressPolicies(config, [maintenancePolicy]).map((p) => p.name)).toEqual(['burst', 'maintenance'])
    expect(ipLimitKey('2001:db8:1:2:3:4:5:6')).toBe('gate:ip:2001:db8:1:2::/64')
  })
})

describe('rate-limit headers', () => {
  const now = 1_800_000_000_000
  const results = [
    { name: 'burst', limit: 100, remaining: 57, reset: now + 30_000, windowSeconds: 60, allowed: true },
    { name: 'hourly', limit: 1000, remaining: 57, reset: now + 1_800_500, windowSeconds: 3600, allowed: true },
  ]

  it('formats draft-ietf-httpapi-ratelimit-headers lists that parse as Structured Fields', () => {
    const policy = formatRateLimitPolicy([
      { name: 'burst', limit: 100, windowSeconds: 60 },
      { name: 'hourly', limit: 1000, windowSeconds: 3600 },
    ])
    expect(policy).toBe('"burst";q=100;w=60, "hourly";q=1000;w=3600')
    expect(formatRateLimit(results, now)).toBe('"burst";r=57;t=30, "hourly";r=57;t=1801')
    expect(parseSfList(policy)).toEqual([
      { value: 'burst', params: { q: 100, w: 60 } },
      { value: 'hourly', params: { q: 1000, w: 3600 } },
    ])
  })

  it('reports the most restrictive policy in X-RateLimit-* (ties: the later reset)', () => {
    expect(mostRestrictive(results)!.name).toBe('hourly')
    const h = rateLimitHeaders(results, results, now)
    expect(h).toMatchObject({ 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '57', 'x-ratelimit-reset': String(Math.ceil((now + 1_800_500) / 1000)) })
  })

  it('sends only the policy fields when nothing is known, and a Retry-After of at least 1 s', () => {
    const h = rateLimitHeaders(results, undefined, now, [{ name: 'login-ip', limit: 10, windowSeconds: 60 }])
    expect(h.ratelimit).toBeUndefined()
    expect(parseSfList(h['ratelimit-policy']!).map((i) => i.value)).toEqual(['burst', 'hourly', 'login-ip'])
    expect(new RateLimitedError([{ ...results[0]!, reset: now - 5 }], now).retryAfter).toBe(1)
    expect(new RateLimitedError(results, now).retryAfter).toBe(1801)
  })
})
