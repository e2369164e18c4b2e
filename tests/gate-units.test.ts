/** Pure parts of the gate: client-address buckets, route rules and header formatting. */
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { formatRateLimit, formatRateLimitPolicy, mostRestrictive, rateLimitHeaders, retryAfterSeconds } from '../src/http/ratelimit-headers.ts'
import { ipBucket, isUngated, routeRule, selectPolicies } from '../src/services/limits.ts'
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

describe('route rules', () => {
  const config = loadConfig({})
  const openReads = loadConfig({ FAIL_OPEN_READS: 'true' })

  it('fails closed by default, open for reads only when FAIL_OPEN_READS is set, always open for the JWKS', () => {
    expect(routeRule('GET', '/api/v1/logs/metadata/', config).failMode).toBe('closed')
    expect(routeRule('GET', '/api/v1/logs/metadata/', openReads).failMode).toBe('open')
    expect(routeRule('HEAD', '/api/v1/logs/metadata', openReads).failMode).toBe('open')
    expect(routeRule('POST', '/api/v1/logs/metadata/', openReads).failMode).toBe('closed')
    expect(routeRule('GET', '/.well-known/jwks.json', config).failMode).toBe('open')
  })

  it('keeps credential routes closed and advertises their brute-force budgets', () => {
    for (const action of ['register', 'login', 'refresh', 'password']) {
      const rule = routeRule('POST', `/api/v1/auth/${action}/`, openReads)
      expect(rule.failMode).toBe('closed')
      expect(rule.advertised.map((p) => p.name)).toEqual([`${action}-ip`, `${action}-account`])
      expect(rule.extra).toEqual([])
    }
  })

  it('adds the maintenance budget to both index routes', () => {
    for (const path of ['/api/v1/users/admin/initialize-indexes/', '/api/v1/logs/admin/initialize-metadata-indexes']) {
      const rule = routeRule('POST', path, openReads)
      expect(rule.extra.map((p) => [p.name, p.limit, p.windowSeconds])).toEqual([['maintenance', 10, 3600]])
      expect(selectPolicies(config, rule, { userId: 'u', tenantId: 't' }).map((p) => p.name)).toEqual(['burst', 'hourly', 'maintenance'])
    }
  })

  it('selects burst for everyone and hourly for signed-in callers', () => {
    const rule = routeRule('GET', '/x', config)
    expect(selectPolicies(config, rule, null).map((p) => [p.name, p.limit, p.windowSeconds])).toEqual([['burst', 100, 3600]])
    expect(selectPolicies(config, rule, { userId: 'u', tenantId: 't' }, 7).map((p) => [p.name, p.limit, p.windowSeconds])).toEqual([
      ['burst', 100, 3600],
      ['hourly', 7, 3600],
    ])
  })

  it('leaves probes and the API description ungated', () => {
    for (const p of ['/health', '/health/', '/health/ready', '/openapi.json', '/docs']) expect(isUngated(p)).toBe(true)
    for (const p of ['/api/v1/auth/me', '/.well-known/jwks.json', '/healthz', '/docsx']) expect(isUngated(p)).toBe(false)
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
    expect(retryAfterSeconds([{ ...results[0]!, reset: now - 5 }], now)).toBe(1)
    expect(retryAfterSeconds(results, now)).toBe(1801)
  })
})
