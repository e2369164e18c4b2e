/**
 * Limits of API keys through HTTP, on embedded and remote backends, with TWO app instances
 * sharing one state (embedded: of one process, the owner of the data dir): a key's own limit admits exactly its limit of concurrent requests spread
 * over both; a per-key override (admin) and a tenant budget override (superadmin) apply from the
 * next request on the other instance; a tenant-wide budget of N admits exactly N across two keys
 * and a user; a weighted route costs its weight in the RateLimit headers; the quota endpoint
 * reports a key's own usage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appPair, createKey, newAdmin, newSuperadmin, statuses, withKey } from './api-keys-helpers.ts'
import { call } from './auth-helpers.ts'
import { readRateHeaders } from './gate-helpers.ts'
import type { TestApp } from './harness/app.ts'

const TENANT_BUDGET = 40

describe.each(['embedded', 'remote'] as const)('API key limits on %s backends (two instances)', (kind) => {
  let a: TestApp
  let b: TestApp

  beforeAll(async () => {
    // Exact counts: embedded, both apps are of the process that owns the data dir (see appPair).
    ;[a, b] = await appPair(kind, { TENANT_API_CALLS_PER_HOUR: String(TENANT_BUDGET) }, { processes: 1 })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
  })

  it('a key’s own limit admits exactly 100 of 250 concurrent requests spread over two instances; an override applies at once', async () => {
    // This test's key lives in a tenant with a large budget of its own (set by a superadmin).
    const boss = await newSuperadmin(a)
    const owner = await newAdmin(a)
    const raised = await call(b.app, 'PUT', `/api/v1/tenants/${owner.tenantId}/budget`, { token: boss.token, body: { api_calls_per_hour: 100_000 } })
    expect(raised.status, JSON.stringify(raised.body)).toBe(200)
    expect(raised.body).toEqual({ tenant_id: owner.tenantId, api_calls_per_hour: 100_000, default_api_calls_per_hour: TENANT_BUDGET, overridden: true })
    const { apiKey, id } = await createKey(a, owner, { rate_limit: { limit: 100, window_seconds: 3600 } })
    const apps = [a, b]
    const { counts, replies } = await statuses(Array.from({ length: 250 }, (_, i) => () => withKey(apps[i % 2]!, 'GET', '/api/v1/auth/me', apiKey)))
    expect(counts).toEqual({ 200: 100, 429: 150 })
    const denied = replies.find((r) => r.status === 429)!
    expect(denied.body['violated-policies']).toEqual(['key'])
    expect(readRateHeaders(denied.headers).policy.key).toEqual({ q: 100, w: 3600 })
    expect(Number(denied.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)

    // The admin raises the key's own limit: the next request, on the other instance, is admitted.
    const patched = await call(a.app, 'PATCH', `/api/v1/api-keys/${id}`, { token: owner.token, body: { rate_limit: { limit: 150, window_seconds: 3600 } } })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    expect(patched.body.rate_limit).toEqual({ limit: 150, window_seconds: 3600 })
    const next = await withKey(b, 'GET', '/api/v1/auth/me', apiKey)
    expect(next.status).toBe(200)
    const h = readRateHeaders(next.headers)
    expect(h.policy.key).toEqual({ q: 150, w: 3600 })
    expect(h.limit.key!.r).toBe(49)
    // A smaller window changes the policy too (its own window, counted afresh).
    await call(a.app, 'PATCH', `/api/v1/api-keys/${id}`, { token: owner.token, body: { rate_limit: { limit: 5, window_seconds: 30 } } })
    const small = readRateHeaders((await withKey(b, 'GET', '/api/v1/auth/me', apiKey)).headers)
    expect(small.policy.key).toEqual({ q: 5, w: 30 })
    expect(small.limit.key!.t).toBeLessThanOrEqual(30)
    // Back to the default (RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW).
    const cleared = await call(a.app, 'PATCH', `/api/v1/api-keys/${id}`, { token: owner.token, body: { rate_limit: null } })
    expect(cleared.body.rate_limit).toBeNull()
    expect(readRateHeaders((await withKey(a, 'GET', '/api/v1/auth/me', apiKey)).headers).policy.key).toEqual({ q: 1_000_000, w: 3600 })
  })

  it(`a tenant-wide budget of ${TENANT_BUDGET} admits exactly ${TENANT_BUDGET} across two keys and a user; a superadmin override applies at once`, async () => {
    const owner = await newAdmin(a)
    const k1 = await createKey(a, owner, { name: 'one' })
    const k2 = await createKey(b, owner, { name: 'two' })
    // The two creations were the owner's calls: they drew from the budget too.
    const quota = await call(a.app, 'GET', '/api/v1/users/profile/quota', { token: owner.token })
    const tenant = quota.body.rate_limits.find((p: { name: string }) => p.name === 'tenant')
    expect(tenant).toMatchObject({ limit: TENANT_BUDGET, used: 2, remaining: TENANT_BUDGET - 2, window_seconds: 3600 })

    const apps = [a, b]
    const callers = [
      (t: TestApp) => withKey(t, 'GET', '/api/v1/auth/me', k1.apiKey),
      (t: TestApp) => withKey(t, 'GET', '/api/v1/auth/me', k2.apiKey, { as: 'bearer' }),
      (t: TestApp) => call(t.app, 'GET', '/api/v1/auth/me', { token: owner.token }),
    ]
    const { counts, replies } = await statuses(Array.from({ length: 120 }, (_, i) => () => callers[i % 3]!(apps[i % 2]!)))
    expect(counts).toEqual({ 200: TENANT_BUDGET - 2, 429: 120 - (TENANT_BUDGET - 2) })
    const refusals = replies.filter((r) => r.status === 429)
    expect(new Set(refusals.map((r) => JSON.stringify(r.body['violated-policies'])))).toEqual(new Set([JSON.stringify(['tenant'])]))
    expect(readRateHeaders(refusals[0]!.headers).policy.tenant).toEqual({ q: TENANT_BUDGET, w: 3600 })
    // Every caller of the tenant is refused now; another tenant is not.
    for (const caller of callers) expect((await caller(b)).status).toBe(429)
    const neighbour = await newAdmin(b)
    expect((await call(b.app, 'GET', '/api/v1/auth/me', { token: neighbour.token })).status).toBe(200)

    // A superadmin raises the budget at runtime: the next requests, on the other instance, pass.
    const boss = await newSuperadmin(a)
    const raised = await call(a.app, 'PUT', `/api/v1/tenants/${owner.tenantId}/budget`, { token: boss.token, body: { api_calls_per_hour: TENANT_BUDGET + 3 } })
    expect(raised.status).toBe(200)
    const after = await statuses(callers.map((caller) => () => caller(b)).concat(callers.map((caller) => () => caller(a))))
    expect(after.counts).toEqual({ 200: 3, 429: 3 })
    const seen = await call(b.app, 'GET', `/api/v1/tenants/${owner.tenantId}/budget`, { token: boss.token })
    expect(seen.body).toEqual({ tenant_id: owner.tenantId, api_calls_per_hour: TENANT_BUDGET + 3, default_api_calls_per_hour: TENANT_BUDGET, overridden: true })
    // An admin reads their own tenant's budget but cannot change it, and cannot see another's.
    const own = await call(b.app, 'GET', `/api/v1/tenants/${neighbour.tenantId}/budget`, { token: neighbour.token })
    expect(own.body).toEqual({ tenant_id: neighbour.tenantId, api_calls_per_hour: TENANT_BUDGET, default_api_calls_per_hour: TENANT_BUDGET, overridden: false })
    const put = await call(b.app, 'PUT', `/api/v1/tenants/${neighbour.tenantId}/budget`, { token: neighbour.token, body: { api_calls_per_hour: 1e6 } })
    expect(put.status).toBe(403)
    expect((await call(b.app, 'GET', `/api/v1/tenants/${owner.tenantId}/budget`, { token: neighbour.token })).status).toBe(404)
    // Back to the default.
    const reset = await call(b.app, 'PUT', `/api/v1/tenants/${owner.tenantId}/budget`, { token: boss.token, body: { api_calls_per_hour: null } })
    expect(reset.body).toMatchObject({ api_calls_per_hour: TENANT_BUDGET, overridden: false })
  })

  it('the quota endpoint reports a key’s own usage and limits; a weighted route costs its weight in the headers', async () => {
    const boss = await newSuperadmin(a)
    const owner = await newAdmin(a)
    await call(a.app, 'PUT', `/api/v1/tenants/${owner.tenantId}/budget`, { token: boss.token, body: { api_calls_per_hour: 1000 } })
    const { apiKey, id } = await createKey(a, owner, { rate_limit: { limit: 50, window_seconds: 600 } })
    const first = await withKey(a, 'GET', '/api/v1/logs/metadata/stats?days=7', apiKey)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const h1 = readRateHeaders(first.headers)
    expect(h1.limit.key!.r).toBe(45) // 50 − 5
    expect(h1.x).toMatchObject({ limit: 50, remaining: 45 })
    const second = await withKey(b, 'GET', '/api/v1/logs/metadata/stats?days=7', apiKey)
    expect(readRateHeaders(second.headers).limit.key!.r).toBe(40)
    expect((await withKey(b, 'GET', '/api/v1/auth/me', apiKey)).status).toBe(200) // weight 1: 39 left

    const quota = await withKey(b, 'GET', '/api/v1/users/profile/quota', apiKey)
    expect(quota.status, JSON.stringify(quota.body)).toBe(200)
    expect(quota.body).toMatchObject({ user_id: `key:${id}`, tenant_id: owner.tenantId, key_id: id })
    expect(quota.body.usage.api_calls_per_hour).toMatchObject({ used: 11, remaining: 1_000_000 - 11 })
    const byName = Object.fromEntries(quota.body.rate_limits.map((p: { name: string }) => [p.name, p]))
    expect(Object.keys(byName)).toEqual(['key', 'hourly', 'tenant'])
    expect(byName.key).toMatchObject({ limit: 50, used: 11, remaining: 39, window_seconds: 600 })
    // The tenant budget counts the owner's key creation, and the key's 11 units.
    expect(byName.tenant).toMatchObject({ limit: 1000, used: 12, remaining: 988 })
    // The quota read itself is charged to the address, never to the key.
    expect((await withKey(a, 'GET', '/api/v1/users/profile/quota', apiKey)).body.rate_limits[0].used).toBe(11)

    // A weight above what is left is refused, and consumes nothing.
    await call(a.app, 'PATCH', `/api/v1/api-keys/${id}`, { token: owner.token, body: { rate_limit: { limit: 14, window_seconds: 600 } } })
    const over = await withKey(a, 'GET', '/api/v1/logs/metadata/stats?days=7', apiKey)
    expect(over.status).toBe(429)
    expect(over.body['violated-policies']).toEqual(['key'])
    expect(readRateHeaders((await withKey(b, 'GET', '/api/v1/auth/me', apiKey)).headers).limit.key!.r).toBe(2)
  })
})
