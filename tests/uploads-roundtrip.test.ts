/**
 * The cache read of a cacheable GET joins the auth checks in ONE Redis HTTP round trip. Counted
 * by a PRIVATE redis-http (on the harness's redis-server) so no other suite's traffic is counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { call } from './auth-helpers.ts'
import { METRICS_HELD, makeTestApp, type TestApp } from './harness/app.ts'
import { need } from './harness/services.ts'
import { newTenant, readUntilHit, registerUpload, settle, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const TOKEN = 'uploads-roundtrip-token'
const M = '/api/v1/logs/metadata'

describe('Redis round trips of cached upload reads (remote backends)', () => {
  let srv: RunningRedisHttp
  let t: TestApp

  const counted = async (work: () => Promise<unknown>) => {
    await settle(100) // earlier background work (cache fills) out of the way
    const auth = { authorization: `Bearer ${TOKEN}` }
    await fetch(`${srv.url}/_stats/reset`, { method: 'POST', headers: auth })
    await work()
    await settle(100)
    return (await (await fetch(`${srv.url}/_stats`, { headers: auth })).json()) as { requests: number; commands: number }
  }

  beforeAll(async () => {
    srv = await startRedisHttp({ redisUrl: need('redisUrl'), token: TOKEN, port: 0, quiet: true })
    t = await makeTestApp('remote', { ...UPLOAD_TEST_ENV, ...METRICS_HELD, UPSTASH_REDIS_REST_URL: srv.url, UPSTASH_REDIS_REST_TOKEN: TOKEN })
  })
  afterAll(async () => {
    await t?.close()
    await srv?.close()
  })

  it('a cached stats, recent or list read costs exactly one Redis HTTP request', async () => {
    const tenant = await newTenant(t.app)
    await registerUpload(t.app, tenant, { log_count: 3 })
    for (const path of [`${M}/stats?days=7`, `${M}/recent?limit=4`, `${M}?status=pending&page_size=3`]) {
      await readUntilHit(t.app, tenant.token, path)
      let res: Awaited<ReturnType<typeof call>> | undefined
      const stats = await counted(async () => {
        res = await call(t.app, 'GET', path, { token: tenant.token })
      })
      expect(res!.status).toBe(200)
      expect(res!.headers.get('x-cache')).toBe('hit')
      expect(stats.requests, path).toBe(1)
      // The admission (session, revocations, every policy) and the cache lookup.
      expect(stats.commands, path).toBe(2)
    }
  })

  it('a miss answers after ONE round trip: the cache fill is background work', async () => {
    // A second private redis-http that answers every request after DELAY ms: a fill on the
    // hot path would add at least one more DELAY to the miss.
    const DELAY = 400
    const slow = await startRedisHttp({ redisUrl: need('redisUrl'), token: TOKEN, port: 0, quiet: true, delayMs: DELAY })
    const s = await makeTestApp('remote', { ...UPLOAD_TEST_ENV, UPSTASH_REDIS_REST_URL: slow.url, UPSTASH_REDIS_REST_TOKEN: TOKEN })
    try {
      const tenant = await newTenant(s.app)
      const path = `${M}/stats?days=11`
      const started = performance.now()
      const miss = await call(s.app, 'GET', path, { token: tenant.token })
      const took = performance.now() - started
      expect(miss.status).toBe(200)
      expect(miss.headers.get('x-cache')).toBe('miss')
      expect(took).toBeGreaterThanOrEqual(DELAY - 5)
      expect(took).toBeLessThan(2 * DELAY)
      // The fill lands shortly after the answer.
      const hit = await readUntilHit(s.app, tenant.token, path)
      expect(hit.body).toEqual(miss.body)
    } finally {
      await s.close()
      await slow.close()
    }
  })
})
