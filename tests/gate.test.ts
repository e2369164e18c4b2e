/**
 * The gate over HTTP on real backends (embedded SQLite, and redis-http → redis-server + the
 * Data API gateway → FerretDB): exact admission under concurrency, the IETF and X-RateLimit
 * headers on allowed and denied answers (parsed), the 429 problem, "a denied request consumes
 * nothing", the plan quota from the profile, IPv6 /64 buckets and the credential routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureIndexes } from '../src/repositories/indexes.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { GATE_ENV, newUser, parseSfList, randomIp, readRateHeaders } from './gate-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'

const PROBLEM = 'https://gatehouse.dev/problems/quota-exceeded'

async function app(kind: BackendKind, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await makeTestApp(kind, { ...GATE_ENV, JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()), ...env })
  await ensureIndexes(t.backends.documents, { only: ['users', 'tenants', 'profiles'] })
  return t
}

const get = (t: TestApp, path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })
const bearer = (token: string, ip = randomIp()) => ({ authorization: `Bearer ${token}`, 'x-test-ip': ip })

/**
 * Waits until the current 60 s window has at least 5 s left. The sliding window (@upstash/ratelimit's
 * arithmetic) weighs the previous window with floor(): just after a boundary, a full previous
 * window counts one short and lets one more request in — the algorithm, not a race.
 */
async function awayFromBoundary(windowSeconds = 60) {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000))
  if (left < 5000) await new Promise((r) => setTimeout(r, left + 100))
}

/** Fires `n` requests at once (spread over the apps) and counts the statuses. */
async function burst(apps: TestApp[], n: number, path: string, headers: Record<string, string>) {
  await awayFromBoundary()
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => get(apps[i % apps.length]!, path, headers)))
  const counts: Record<number, number> = {}
  for (const r of answers) counts[r.status] = (counts[r.status] ?? 0) + 1
  return { counts, answers }
}

describe.each(['embedded', 'remote'] as const)('the gate on %s backends', (kind) => {
  let t: TestApp
  let small: TestApp

  beforeAll(async () => {
    // 500 requests at once queue up behind each other: a generous backend bound keeps this
    // about exactness (fault behaviour under a tight bound is tests/faults.test.ts).
    t = await app(kind, { RATE_LIMIT_REQUESTS: '100', RATE_LIMIT_WINDOW: '60', BACKEND_TIMEOUT_MS: '15000' })
    small = await app(kind, { RATE_LIMIT_REQUESTS: '4', RATE_LIMIT_WINDOW: '60', QUOTA_API_CALLS_PER_HOUR: '1000' })
  })
  afterAll(async () => {
    await t?.close()
    await small?.close()
  })

  it('admits exactly 100 of 500 concurrent requests against a limit of 100', async () => {
    const user = await newUser(t.app)
    const { counts } = await burst([t], 500, '/api/v1/auth/me', bearer(user.token))
    expect(counts).toEqual({ 200: 100, 429: 400 })
  })

  it('sends RateLimit-Policy, RateLimit and X-RateLimit-* on allowed and denied answers', async () => {
    const ip = randomIp()
    let last: Response | undefined
    for (let i = 1; i <= 4; i++) {
      last = await get(small, '/.well-known/jwks.json', { 'x-test-ip': ip })
      expect(last.status).toBe(200)
      const h = readRateHeaders(last.headers)
      // Anonymous: charged to the address, only `burst` applies.
      expect(h.policy).toEqual({ burst: { q: 4, w: 60 } })
      expect(h.limit.burst!.r).toBe(4 - i)
      expect(h.limit.burst!.t).toBeLessThanOrEqual(60)
      expect(h.x).toMatchObject({ limit: 4, remaining: 4 - i })
    }
    const denied = await get(small, '/.well-known/jwks.json', { 'x-test-ip': ip })
    expect(denied.status).toBe(429)
    expect(denied.headers.get('content-type')).toBe('application/problem+json')
    const h = readRateHeaders(denied.headers)
    expect(h.limit.burst!.r).toBe(0)
    expect(h.x.remaining).toBe(0)
    const retryAfter = Number(denied.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(h.limit.burst!.t) // never before the window ends
    const body = await denied.json()
    expect(body).toMatchObject({ type: PROBLEM, status: 429, title: 'Too Many Requests', 'violated-policies': ['burst'], retry_after: retryAfter })
    expect(body.policies).toEqual([expect.objectContaining({ name: 'burst', limit: 4, window_seconds: 60 })])
  })

  it('checks burst, hourly and the tenant budget together for a signed-in caller, with headers on every answer', async () => {
    const user = await newUser(small.app)
    const ok = await get(small, '/api/v1/auth/me', bearer(user.token))
    expect(ok.status).toBe(200)
    const h = readRateHeaders(ok.headers)
    expect(h.policy).toEqual({ burst: { q: 4, w: 60 }, hourly: { q: 1000, w: 3600 }, tenant: { q: 100_000, w: 3600 } })
    expect(h.limit).toMatchObject({ burst: { r: 3 }, hourly: { r: 999 }, tenant: { r: 99_999 } })
    expect(h.limit.hourly!.t).toBeLessThanOrEqual(3600)
    // Error answers of gated routes carry them too.
    const missing = await get(small, '/api/v1/logs/metadata/no-such-upload', bearer(user.token))
    expect(missing.status).toBe(404)
    expect(readRateHeaders(missing.headers).limit.burst!.r).toBe(2)
  })

  it('a request denied by one policy consumes nothing from the others (burst denies)', async () => {
    const user = await newUser(small.app)
    const statuses: number[] = []
    const hourlyLeft: number[] = []
    for (let i = 0; i < 8; i++) {
      const r = await get(small, '/api/v1/auth/me', bearer(user.token))
      statuses.push(r.status)
      hourlyLeft.push(readRateHeaders(r.headers).limit.hourly!.r)
      if (r.status === 429) expect((await r.json())['violated-policies']).toEqual(['burst'])
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429])
    // hourly went 999..996 on the admitted four and stayed at 996 while burst denied.
    expect(hourlyLeft).toEqual([999, 998, 997, 996, 996, 996, 996, 996])
    // The usage this hour counts admitted calls only (the quota read is charged to the address).
    const quota = await get(small, '/api/v1/users/profile/quota', bearer(user.token))
    expect(quota.status).toBe(200)
    expect((await quota.json()).usage.api_calls_per_hour).toMatchObject({ used: 4, limit: 1000, remaining: 996 })
  })

  it('a request denied by one policy consumes nothing from the others (hourly denies)', async () => {
    const q = await app(kind, { RATE_LIMIT_REQUESTS: '10', RATE_LIMIT_WINDOW: '60', QUOTA_API_CALLS_PER_HOUR: '3' })
    try {
      const user = await newUser(q.app)
      const statuses: number[] = []
      const burstLeft: number[] = []
      for (let i = 0; i < 6; i++) {
        const r = await get(q, '/api/v1/auth/me', bearer(user.token))
        statuses.push(r.status)
        burstLeft.push(readRateHeaders(r.headers).limit.burst!.r)
        if (r.status === 429) {
          const body = await r.json()
          expect(body['violated-policies']).toEqual(['hourly'])
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(readRateHeaders(r.headers).limit.hourly!.t)
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429])
      expect(burstLeft).toEqual([9, 8, 7, 7, 7, 7])
    } finally {
      await q.close()
    }
  })

  it("applies the plan quota from the caller's profile (api_calls_per_hour) from the next request, without a MongoDB read", async () => {
    const user = await newUser(t.app)
    const auth = { ...bearer(user.token), 'content-type': 'application/json' }
    // Registration created the admin's profile; the admin lowers their own plan quota.
    const patched = await t.app.request(`/api/v1/users/admin/profile/${user.userId}/`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ api_quota: { api_calls_per_hour: 6 } }),
    })
    expect(patched.status, await patched.clone().text()).toBe(200)
    // The plan lives in the user's sessions: the very next request applies it.
    const statuses: number[] = []
    let denied: Response | undefined
    for (let i = 0; i < 6; i++) {
      const r = await get(t, '/api/v1/auth/me', bearer(user.token))
      statuses.push(r.status)
      expect(readRateHeaders(r.headers).policy.hourly).toEqual({ q: 6, w: 3600 })
      if (r.status === 429) denied ??= r
    }
    // The patch was call 1 of the hour: 5 more fit in a quota of 6.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    expect((await denied!.json())['violated-policies']).toEqual(['hourly'])
  })

  it('adds route budgets to the same check: index initialisation is limited to 10 per hour', async () => {
    const user = await newUser(t.app)
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 11; i++) {
      last = await t.app.request('/api/v1/users/admin/initialize-indexes/', { method: 'POST', headers: bearer(user.token) })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([...new Array(10).fill(200), 429])
    const h = readRateHeaders(last!.headers)
    expect(h.policy.maintenance).toEqual({ q: 10, w: 3600 })
    expect(h.limit.maintenance!.r).toBe(0)
    expect((await last!.json())['violated-policies']).toEqual(['maintenance'])
    // Not charged to burst or hourly by the denied call: 10 admitted calls so far.
    expect(h.limit.hourly!.r).toBe(h.policy.hourly!.q - 10)
  })

  it('charges anonymous IPv6 clients per /64 prefix', async () => {
    const b = crypto.getRandomValues(new Uint16Array(2))
    const prefix = `2001:db8:${b[0]!.toString(16)}:${b[1]!.toString(16)}`
    const first = await get(small, '/.well-known/jwks.json', { 'x-test-ip': `${prefix}::1` })
    expect(readRateHeaders(first.headers).limit.burst!.r).toBe(3)
    // Another address of the same /64 (different spelling too): the same budget.
    const second = await get(small, '/.well-known/jwks.json', { 'x-test-ip': `${prefix}:0:0:ffff:abcd` })
    expect(readRateHeaders(second.headers).limit.burst!.r).toBe(2)
    // The neighbouring /64 has its own.
    const other = await get(small, '/.well-known/jwks.json', { 'x-test-ip': `${prefix.replace(/:[0-9a-f]+$/, ':ffff')}::1` })
    expect(readRateHeaders(other.headers).limit.burst!.r).toBe(3)
  })

  it('advertises the brute-force budgets on credential routes without counting them twice', async () => {
    const ip = randomIp()
    const r = await small.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-ip': ip },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
    })
    expect(r.status).toBe(401)
    const policies = parseSfList(r.headers.get('ratelimit-policy')!).map((i) => i.value)
    expect(policies).toEqual(['burst', 'login-ip', 'login-account'])
    // Only burst is checked by the gate (the login handler counts login-ip / login-account).
    const limits = parseSfList(r.headers.get('ratelimit')!).map((i) => i.value)
    expect(limits).toEqual(['burst'])
    expect(readRateHeaders(r.headers).limit.burst!.r).toBe(3)
  })

  it('leaves health, the OpenAPI document and the docs ungated', async () => {
    for (const path of ['/health/live', '/openapi.json']) {
      const r = await get(small, path, { 'x-test-ip': '10.0.0.1' })
      expect(r.status).toBe(200)
      expect(r.headers.get('ratelimit-policy')).toBeNull()
    }
  })
})

describe('the gate across two app instances sharing Redis', () => {
  let a: TestApp
  let b: TestApp

  beforeAll(async () => {
    // Same signing key and database: two stateless instances of one deployment.
    const env = {
      ...GATE_ENV,
      RATE_LIMIT_REQUESTS: '100',
      RATE_LIMIT_WINDOW: '60',
      BACKEND_TIMEOUT_MS: '15000',
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      MONGO_DB_NAME: `gate${Date.now().toString(36)}`,
    }
    a = await makeTestApp('remote', env)
    b = await makeTestApp('remote', env)
    await ensureIndexes(a.backends.documents, { only: ['users', 'tenants', 'profiles'] })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
  })

  it('admits exactly 100 of 500 concurrent requests of one user spread over both', async () => {
    const user = await newUser(a.app)
    // 250 on each: per-instance budgets would admit 200, a shared one exactly 100.
    const { counts } = await burst([a, b], 500, '/api/v1/auth/me', bearer(user.token))
    expect(counts).toEqual({ 200: 100, 429: 400 })
    // And the other instance sees the spent budget at once.
    const after = await get(b, '/api/v1/auth/me', bearer(user.token))
    expect(after.status).toBe(429)
    expect(readRateHeaders(after.headers).limit.burst!.r).toBe(0)
  })

  it('admits exactly 100 of 500 concurrent anonymous requests from one address', async () => {
    const { counts } = await burst([a, b], 500, '/.well-known/jwks.json', { 'x-test-ip': randomIp() })
    expect(counts).toEqual({ 200: 100, 429: 400 })
  })
})
