/**
 * The gate's one round trip, counted on a PRIVATE redis-http (its own counter) in front of the
 * harness's redis-server: an authenticated request costs ONE HTTP request — session, revocations
 * and every rate-limit policy in one admission script, plus the route's declared reads (a cached
 * GET's lookup) beside it. A revoked token costs a second one (its address is charged instead of
 * its owner); a forged token never reaches the admission (one request: its address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/keys.ts'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { GATE_ENV, newUser, randomIp, readRateHeaders } from './gate-helpers.ts'
import { METRICS_HELD, makeTestApp, type TestApp } from './harness/app.ts'
import { need } from './harness/services.ts'

const TOKEN = 'gate-roundtrip-token'
const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms))

describe('Redis HTTP requests per gated request (remote backends)', () => {
  let srv: RunningRedisHttp
  let t: TestApp

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
      ...METRICS_HELD,
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
    })
  })
  afterAll(async () => {
    await t?.close()
    await srv?.close()
  })

  it('an authenticated request costs one Redis HTTP request carrying one admission command', async () => {
    const user = await newUser(t.app)
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    // Warm-up: each Lua script learns its SHA on first use (EVAL once).
    for (let i = 0; i < 2; i++) expect((await t.app.request('/api/v1/auth/me', { headers })).status).toBe(200)
    for (let i = 0; i < 10; i++) {
      let status = 0
      const stats = await counted(async () => {
        const r = await t.app.request('/api/v1/auth/me', { headers })
        status = r.status
        readRateHeaders(r.headers)
      })
      expect(status).toBe(200)
      expect(stats).toEqual({ requests: 1, commands: 1 })
    }
  })

  it('a cached GET (its lookup declared on the route) costs one Redis HTTP request on a hit', async () => {
    const user = await newUser(t.app)
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    const path = '/api/v1/logs/metadata/stats?days=7'
    const first = await t.app.request(path, { headers })
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('miss')
    for (let i = 0; i < 5; i++) {
      let cacheState: string | null = null
      const stats = await counted(async () => {
        const r = await t.app.request(path, { headers })
        expect(r.status).toBe(200)
        cacheState = r.headers.get('x-cache')
      })
      expect(cacheState).toBe('hit')
      expect(stats).toEqual({ requests: 1, commands: 2 }) // the admission + the cache lookup
    }
    // The profile GET declares its own read: one request too.
    await t.app.request('/api/v1/users/profile', { headers })
    const profile = await counted(async () => {
      const r = await t.app.request('/api/v1/users/profile', { headers })
      expect(r.headers.get('x-cache')).toBe('hit')
    })
    expect(profile).toEqual({ requests: 1, commands: 2 })
  })

  it('a revoked token costs its address, never its owner; a forged one never reaches the admission', async () => {
    const user = await newUser(t.app)
    const ip = randomIp()
    const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': ip }
    const remaining = async () =>
      readRateHeaders((await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${fresh.token}`, 'x-test-ip': randomIp() } })).headers).limit
        .burst!.r
    // A second session of the same user, to read the owner's budget after the first is revoked.
    const fresh = await signInAgain(t, user)
    expect((await t.app.request('/api/v1/auth/logout', { method: 'POST', headers })).status).toBe(204)
    const before = await remaining()
    const revoked = await counted(async () => {
      const r = await t.app.request('/api/v1/auth/me', { headers })
      expect(r.status).toBe(401)
      expect(readRateHeaders(r.headers).limit.burst).toBeDefined() // the address's budget
    })
    expect(revoked.requests).toBe(2) // the refused admission, then the address charge
    for (let i = 0; i < 10; i++) expect((await t.app.request('/api/v1/auth/me', { headers })).status).toBe(401)
    expect(await remaining()).toBe(before - 1) // only the reading request itself

    const forged = await counted(async () => {
      const r = await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${user.token.slice(0, -4)}AAAA`, 'x-test-ip': ip } })
      expect(r.status).toBe(401)
    })
    expect(forged).toEqual({ requests: 1, commands: 1 })
  })
})

async function signInAgain(t: TestApp, user: { email: string }) {
  const r = await t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': randomIp() },
    body: JSON.stringify({ email: user.email, password: 'gate test password 1' }),
  })
  expect(r.status).toBe(200)
  return { token: ((await r.json()) as { access_token: string }).access_token }
}
