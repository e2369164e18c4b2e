/**
 * Failure modes of the gate when Redis is down or slow, on a PRIVATE redis-server + redis-http
 * (the harness's shared ones are never stopped): fail-closed routes answer 503 problem+json
 * within BACKEND_TIMEOUT_MS, fail-open routes answer 200, nothing answers 500 or hangs,
 * /health (503) and /health/ready report the outage, /health/live stays 200, and everything recovers by itself when Redis returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureIndexes } from '../src/repositories/indexes.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { type RunningRedis, startRedisServer } from '../tools/lib/redis-server.ts'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { GATE_ENV, newUser, randomIp } from './gate-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'

const TOKEN = 'faults-token'
const BOUND_MS = 600
/** Scheduling slack on top of the bound (test machines are busy). */
const SLACK_MS = 700

interface Timed {
  status: number
  ms: number
  headers: Headers
  body: any
}

async function timed(t: TestApp, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Timed> {
  const started = performance.now()
  const res = await t.app.request(path, {
    method,
    headers: { 'x-test-ip': randomIp(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const ms = performance.now() - started
  return { status: res.status, ms, headers: res.headers, body: text ? JSON.parse(text) : null }
}

/** Polls until `check` passes or `ms` elapse; returns how long recovery took. */
async function eventually(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started
    if (Date.now() - started > ms) throw new Error(`${what} did not happen within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('the gate when Redis fails', () => {
  let redis: RunningRedis
  let http: RunningRedisHttp
  let t: TestApp
  let jwk: string
  const db = `faults${Date.now().toString(36)}`

  const appOn = async (url: string) => {
    const app = await makeTestApp('remote', {
      ...GATE_ENV,
      UPSTASH_REDIS_REST_URL: url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      BACKEND_TIMEOUT_MS: String(BOUND_MS),
      FAIL_OPEN_READS: 'true',
      JWT_PRIVATE_JWK: jwk,
      MONGO_DB_NAME: db,
    })
    return app
  }

  beforeAll(async () => {
    jwk = JSON.stringify(await generateSigningJwk())
    redis = await startRedisServer()
    http = await startRedisHttp({ redisUrl: redis.url, token: TOKEN, port: 0, quiet: true })
    t = await appOn(http.url)
    await ensureIndexes(t.backends.documents, { only: ['users', 'tenants', 'profiles'] })
  })
  afterAll(async () => {
    await t?.close()
    await http?.close()
    await redis?.stop()
  })

  it('redis-server stopped mid-run: 503 for fail-closed routes within the bound, 200 for fail-open ones, no 500, recovery by itself', async () => {
    const user = await newUser(t.app, 'faults')
    const me = () => timed(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${user.token}` })
    const jwks = () => timed(t, 'GET', '/.well-known/jwks.json')
    const login = () => timed(t, 'POST', '/api/v1/auth/login', {}, { email: 'nobody@example.test', password: 'not the password' })
    const write = () => timed(t, 'DELETE', '/api/v1/auth/sessions?scope=others', { authorization: `Bearer ${user.token}` })
    expect((await me()).status).toBe(200)
    expect((await jwks()).headers.get('ratelimit')).toBeTruthy()

    await redis.stop()
    const seen: Timed[] = []
    for (let round = 0; round < 3; round++) {
      const [a, b, c, d] = await Promise.all([me(), jwks(), login(), write()])
      seen.push(a, b, c, d)
      // Auth-sensitive routes fail closed: 503 problem+json, Retry-After, within the bound.
      for (const closed of [a, c, d]) {
        expect(closed.status, JSON.stringify(closed.body)).toBe(503)
        expect(closed.headers.get('content-type')).toBe('application/problem+json')
        expect(closed.body.type).toBe('https://gatehouse.dev/problems/backend-unavailable')
        expect(Number(closed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      }
      // A public read fails open: served, with the policy advertised but no (unknown) remaining.
      expect(b.status).toBe(200)
      expect(b.body.keys.length).toBeGreaterThan(0)
      expect(b.headers.get('ratelimit-policy')).toContain('"burst"')
      expect(b.headers.get('ratelimit')).toBeNull()
    }
    expect(seen.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([])
    expect(Math.max(...seen.map((r) => r.ms))).toBeLessThan(BOUND_MS + SLACK_MS)

    const ready = await timed(t, 'GET', '/health/ready')
    expect(ready.status).toBe(503)
    expect(ready.body).toMatchObject({ status: 'unhealthy', redis: { status: 'unhealthy' }, mongodb: { status: 'healthy' } })
    // /health says it in the status code too (monitors read that), with the same body.
    const health = await timed(t, 'GET', '/health')
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({ status: 'unhealthy', mode: 'remote', redis: { status: 'unhealthy' }, mongodb: { status: 'healthy' } })
    expect((await timed(t, 'GET', '/health/live')).status).toBe(200)

    // Redis comes back on the same port (empty: no persistence) — nobody restarts the app.
    redis = await startRedisServer({ port: redis.port })
    const took = await eventually('the limiter answering again', async () => (await jwks()).headers.get('ratelimit') !== null)
    expect(took).toBeLessThan(15_000)
    expect((await timed(t, 'GET', '/health/ready')).status).toBe(200)
    const healthy = await timed(t, 'GET', '/health')
    expect(healthy.status).toBe(200)
    expect(healthy.body).toMatchObject({ status: 'healthy', redis: { status: 'healthy' }, mongodb: { status: 'healthy' } })
    // Sessions lived in the Redis that was wiped, so sign in again: the whole path works.
    const again = await newUser(t.app, 'faults-again')
    expect((await timed(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${again.token}` })).status).toBe(200)
  })

  it('redis-http unreachable (connection refused): the same, and it recovers on the same port', async () => {
    const user = await newUser(t.app, 'faults-http')
    const port = http.port
    await http.close()
    const answers = await Promise.all([
      timed(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${user.token}` }),
      timed(t, 'POST', '/api/v1/auth/login', {}, { email: 'nobody@example.test', password: 'not the password' }),
      timed(t, 'GET', '/.well-known/jwks.json'),
    ])
    expect(answers.map((a) => a.status)).toEqual([503, 503, 200])
    expect(Math.max(...answers.map((r) => r.ms))).toBeLessThan(BOUND_MS + SLACK_MS)

    http = await startRedisHttp({ redisUrl: redis.url, token: TOKEN, port, quiet: true })
    await eventually(
      '/api/v1/auth/me answering 200',
      async () => (await timed(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${user.token}` })).status === 200,
    )
  })

  it('Redis slower than the bound: 503 for fail-closed routes, 200 for fail-open ones, both within the bound', async () => {
    const user = await newUser(t.app, 'faults-slow')
    const slowHttp = await startRedisHttp({ redisUrl: redis.url, token: TOKEN, port: 0, quiet: true, delayMs: BOUND_MS * 3 })
    const slow = await appOn(slowHttp.url)
    try {
      const answers = await Promise.all([
        timed(slow, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${user.token}` }),
        timed(slow, 'POST', '/api/v1/auth/login', {}, { email: 'nobody@example.test', password: 'not the password' }),
        timed(slow, 'GET', '/.well-known/jwks.json'),
      ])
      expect(answers.map((a) => a.status)).toEqual([503, 503, 200])
      for (const a of answers) {
        expect(a.ms).toBeGreaterThanOrEqual(BOUND_MS - 50) // it did wait for Redis first
        expect(a.ms).toBeLessThan(BOUND_MS + SLACK_MS)
      }
    } finally {
      await slow.close()
      await slowHttp.close()
    }
  })
})
