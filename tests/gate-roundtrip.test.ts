/**
 * The gated, authenticated hot path costs ONE HTTP request at redis-http: session alive, token
 * and user not revoked, every rate-limit policy, the usage counter, the plan quota (profile
 * cache) and — for a cacheable GET whose lookup is marked with `prefetch` — the cache read.
 * Counted on a PRIVATE redis-http (its own counter) in front of the harness's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cacheLookup, serveCached, type CacheableSpec } from '../src/http/cache.ts'
import { principalOf, requireAuth } from '../src/http/auth.ts'
import { prefetch } from '../src/http/gate.ts'
import { createRouter } from '../src/http/router.ts'
import { ensureIndexes } from '../src/repositories/indexes.ts'
import { generateSigningJwk } from '../src/services/keys.ts'
import { userLimitKey } from '../src/services/limits.ts'
import { apiCallsKey } from '../src/services/quotas.ts'
import { startRedisHttp, type RunningRedisHttp } from '../tools/redis-http/server.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { need } from './harness/services.ts'
import { GATE_ENV, newUser, randomIp, readRateHeaders } from './gate-helpers.ts'

const TOKEN = 'gate-roundtrip-token'
const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms))

describe('Redis HTTP requests per gated request (remote backends)', () => {
  let srv: RunningRedisHttp
  let t: TestApp
  let loads = 0

  /** HTTP requests and commands redis-http served while `work` ran (background work settled first). */
  const counted = async (work: () => Promise<unknown>) => {
    await settle()
    const before = srv.stats()
    await work()
    await settle()
    const after = srv.stats()
    return { requests: after.requests - before.requests, commands: after.commands - before.commands }
  }

  beforeAll(async () => {
    srv = await startRedisHttp({ redisUrl: need('redisUrl'), token: TOKEN, port: 0, quiet: true })
    t = await makeTestApp('remote', {
      ...GATE_ENV,
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
    })
    await ensureIndexes(t.backends.documents, { only: ['users', 'tenants', 'profiles'] })
    // A cacheable GET built from the product's pieces: its lookup is marked for the gate.
    const spec: CacheableSpec = { tag: 'gate-test', key: (c) => `gate-test:${c.req.param('id')}` }
    const extra = createRouter()
    extra.get('/_test/cached/:id', prefetch(cacheLookup(spec)), requireAuth(), (c) =>
      serveCached(c, spec, principalOf(c).tenantId, { ttlSeconds: 60, staleTtlSeconds: 600, maxAgeSeconds: 0 }, async () => {
        loads++
        return { id: c.req.param('id') }
      }),
    )
    t.app.route('/', extra)
  })
  afterAll(async () => {
    await t?.close()
    await srv?.close()
  })

  it('an authenticated request costs one Redis HTTP request, usage counter included', async () => {
    const user = await newUser(t.app)
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    // Warm-up: each Lua script learns its SHA on first use (EVAL once); the profile cache fills.
    for (let i = 0; i < 2; i++) expect((await t.app.request('/api/v1/auth/me', { headers })).status).toBe(200)
    const calls = () => t.backends.counters.get(apiCallsKey(user.tenantId, user.userId, Date.now()))
    const before = await calls()
    const N = 10
    for (let i = 0; i < N; i++) {
      let status = 0
      const stats = await counted(async () => {
        const r = await t.app.request('/api/v1/auth/me', { headers })
        status = r.status
        readRateHeaders(r.headers)
      })
      expect(status).toBe(200)
      expect(stats.requests).toBe(1)
      // session, token revoked?, user revoked-before, rate-limit script, usage counter, profile cache entry + generation
      expect(stats.commands).toBe(7)
    }
    expect((await calls()) - before).toBe(N)
  })

  it('a cached GET (lookup marked with prefetch) costs one Redis HTTP request on a hit', async () => {
    const user = await newUser(t.app)
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    const first = await t.app.request('/_test/cached/42', { headers })
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('miss')
    await settle()
    const loaded = loads
    for (let i = 0; i < 5; i++) {
      let cacheState: string | null = null
      const stats = await counted(async () => {
        const r = await t.app.request('/_test/cached/42', { headers })
        expect(r.status).toBe(200)
        expect(await r.json()).toEqual({ id: '42' })
        cacheState = r.headers.get('x-cache')
      })
      expect(cacheState).toBe('hit')
      expect(stats.requests).toBe(1)
      expect(stats.commands).toBe(9) // the 7 above + cache entry + its tag generation
    }
    expect(loads).toBe(loaded)
    // The early (prefetched) lookup saw the route's own params: another id is another entry.
    const other = await t.app.request('/_test/cached/43', { headers })
    expect(other.headers.get('x-cache')).toBe('miss')
    expect(await other.json()).toEqual({ id: '43' })
  })

  it('a denied request costs its one round trip plus one background correction of the usage counter', async () => {
    const user = await newUser(t.app)
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    for (let i = 0; i < 2; i++) await t.app.request('/api/v1/auth/me', { headers })
    // Exhaust burst (100 per hour by default) quickly from the server side of the limiter.
    const policies = [{ name: 'burst', limit: 100, windowSeconds: 3600, algorithm: 'sliding' as const }]
    for (let i = 0; i < 100; i++) await t.backends.rateLimiter.check(userLimitKey(user), policies)
    const calls = () => t.backends.counters.get(apiCallsKey(user.tenantId, user.userId, Date.now()))
    const before = await calls()
    let status = 0
    const stats = await counted(async () => {
      status = (await t.app.request('/api/v1/auth/me', { headers })).status
    })
    expect(status).toBe(429)
    expect(stats.requests).toBe(2)
    expect(await calls()).toBe(before)
  })
})
