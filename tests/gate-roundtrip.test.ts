/**
 * The gate's one round trip, counted on a PRIVATE redis-http (its own counter) in front of the
 * harness's redis-server: an authenticated request costs ONE HTTP request — session, revocations
 * and every rate-limit policy in one admission script, plus the route's declared reads (a cached
 * GET's lookup) beside it. A revoked token costs a second one (its address is charged instead of
 * its owner); a forged token never reaches the admission (one request: its address). An API key
 * request is one request too (the key's record and every policy in one admission); a tampered
 * key is refused by its checksum, asking no store at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
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

describe('Redis HTTP requests per API-key request (remote backends)', () => {
  let srv: RunningRedisHttp
  let t: TestApp

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

  async function newKey(role = 'viewer') {
    const admin = await newUser(t.app)
    const r = await t.app.request('/api/v1/api-keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'x-test-ip': randomIp() },
      body: JSON.stringify({ name: 'round trip', role }),
    })
    expect(r.status).toBe(201)
    const body = (await r.json()) as { api_key: string; key: { id: string } }
    return { key: body.api_key, id: body.key.id, admin }
  }

  it('an API-key request costs ONE Redis HTTP request: key record, its own limit, hourly and the tenant budget in one admission', async () => {
    const { key } = await newKey()
    const both: Array<Record<string, string>> = [{ 'x-api-key': key }, { authorization: `Bearer ${key}` }]
    for (const headers of both) {
      const h = { ...headers, 'x-test-ip': randomIp() }
      // Warm-up: the admission script learns its SHA; the first use writes last-used (background).
      for (let i = 0; i < 2; i++) expect((await t.app.request('/api/v1/auth/me', { headers: h })).status).toBe(200)
      for (let i = 0; i < 10; i++) {
        const stats = await counted(async () => {
          const r = await t.app.request('/api/v1/auth/me', { headers: h })
          expect(r.status).toBe(200)
          expect(Object.keys(readRateHeaders(r.headers).policy)).toEqual(['key', 'hourly', 'tenant'])
        })
        expect(stats).toEqual({ requests: 1, commands: 1 })
      }
    }
    // A cached GET with a key: the admission and the cache lookup, still one request.
    const path = '/api/v1/logs/metadata/stats?days=7'
    const headers = { 'x-api-key': key, 'x-test-ip': randomIp() }
    expect((await t.app.request(path, { headers })).status).toBe(200)
    const hit = await counted(async () => {
      const r = await t.app.request(path, { headers })
      expect(r.headers.get('x-cache')).toBe('hit')
    })
    expect(hit).toEqual({ requests: 1, commands: 2 })
  })

  it('a tampered key asks no store at all; a revoked one costs its address (a second request)', async () => {
    const { key, id, admin } = await newKey()
    const tampered = `${key.slice(0, 30)}${key[30] === 'x' ? 'y' : 'x'}${key.slice(31)}`
    const refused = await counted(async () => {
      expect((await t.app.request('/api/v1/auth/me', { headers: { 'x-api-key': tampered, 'x-test-ip': randomIp() } })).status).toBe(401)
      expect((await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${tampered}`, 'x-test-ip': randomIp() } })).status).toBe(401)
    })
    expect(refused).toEqual({ requests: 0, commands: 0 })
    const del = await t.app.request(`/api/v1/api-keys/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin.token}`, 'x-test-ip': randomIp() },
    })
    expect(del.status).toBe(204)
    const revoked = await counted(async () => {
      expect((await t.app.request('/api/v1/auth/me', { headers: { 'x-api-key': key, 'x-test-ip': randomIp() } })).status).toBe(401)
    })
    expect(revoked.requests).toBe(2) // the refused admission, then the address charge
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
