/**
 * GET /api/v1/users/profile/ from the cache costs ONE HTTP request to Redis (the auth checks,
 * the gate's reads and the profile-cache lookup share one pipeline), measured on a private
 * redis-http's counter; a write drops the cached copy so the next read is a miss, then a hit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { METRICS_HELD, makeTestApp, type TestApp } from './harness/app.ts'
import { need, uniq } from './harness/services.ts'

const PASSWORD = 'correct horse battery staple'

describe('profile reads on the hot path', () => {
  let srv: RunningRedisHttp
  let t: TestApp

  beforeAll(async () => {
    srv = await startRedisHttp({ redisUrl: need('redisUrl'), token: 'profile-rt-token', port: 0, quiet: true })
    t = await makeTestApp('remote', {
      ...METRICS_HELD,
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: 'profile-rt-token',
      MONGO_DB_NAME: `prt${uniq().replace(/-/g, '')}`.slice(0, 60),
    })
  })

  afterAll(async () => {
    await t?.close()
    await srv?.close()
  })

  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('a cached GET costs one Redis HTTP request; a PATCH makes the next GET a miss', async () => {
    const email = `${uniq('rt')}@example.test`
    expect((await t.app.request('/api/v1/auth/register', json({ email, password: PASSWORD, organization: 'RT' }))).status).toBe(201)
    const login = await t.app.request('/api/v1/auth/login', json({ email, password: PASSWORD }))
    const { access_token } = (await login.json()) as { access_token: string }
    const auth = { authorization: `Bearer ${access_token}` }
    const get = () => t.app.request('/api/v1/users/profile/', { headers: auth })

    // Warm-up: script SHAs learnt, the profile cache filled in the background.
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200)
    await new Promise((r) => setTimeout(r, 100))

    const N = 10
    const before = srv.stats()
    for (let i = 0; i < N; i++) {
      const r = await get()
      expect(r.status).toBe(200)
      expect(r.headers.get('x-cache')).toBe('hit')
    }
    const after = srv.stats()
    expect((after.requests - before.requests) / N).toBe(1)

    const patch = await t.app.request('/api/v1/users/profile/', {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ preferences: { theme: 'light' } }),
    })
    expect(patch.status).toBe(200)
    const miss = await get()
    expect(miss.headers.get('x-cache')).toBe('miss')
    expect(((await miss.json()) as { preferences: { theme: string } }).preferences.theme).toBe('light')
    await new Promise((r) => setTimeout(r, 100))
    const hit = await get()
    expect(hit.headers.get('x-cache')).toBe('hit')
    expect(hit.headers.get('etag')).toBe(patch.headers.get('etag'))
  })
})
