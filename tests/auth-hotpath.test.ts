/**
 * The hot path of an authenticated request costs ONE HTTP request at redis-http: local JWT
 * verification, then session + token revocation + user revocation (+ any queued hot-path read)
 * in one auto-pipelined /pipeline call. Measured on a private redis-http (its own counter) in
 * front of the harness's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/http/logger.ts'
import { ApiError } from '../src/http/problems.ts'
import { createRouter } from '../src/http/router.ts'
import type { AppOpenAPI } from '../src/http/types.ts'
import { queueHotPathRead, requireAuth, resolveCaller } from '../src/http/auth.ts'
import { generateSigningJwk } from '../src/services/keys.ts'
import { startRedisHttp, type RunningRedisHttp } from '../tools/redis-http/server.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { need, uniq } from './harness/services.ts'
import { call, prepareStore, registerAdmin, signIn } from './auth-helpers.ts'

describe('auth hot path: one Redis HTTP round trip per authenticated request', () => {
  let srv: RunningRedisHttp
  let t: TestApp
  let bare: AppOpenAPI

  beforeAll(async () => {
    srv = await startRedisHttp({ redisUrl: need('redisUrl'), token: 'hot-path-token', port: 0, quiet: true })
    const env = {
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: 'hot-path-token',
      MONGO_DATA_API_URL: need('gatewayUrl'),
      MONGO_DATA_API_KEY: need('gatewayKey'),
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      TRUSTED_IP_HEADER: 'x-test-ip',
      MONGO_DB_NAME: `hot${uniq().replace(/-/g, '')}`.slice(0, 60),
    }
    t = await makeTestApp('remote', env)
    await prepareStore(t.backends)
    // The middleware API on its own (no app-wide gate): a bare router whose middleware queues a
    // rate-limit check and a usage counter, flushes with resolveCaller, then requires auth.
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
    bare = createRouter()
    bare.use('*', async (c, next) => {
      c.set('deps', { config, backends: t.backends, logger: createLogger('silent') })
      await next()
    })
    bare.onError((err, c) => c.json({ error: err.name }, err instanceof ApiError ? (err.status as 401) : 500))
    bare.get('/auth-only', requireAuth(), (c) => c.json({ user: c.var.principal?.userId }))
    bare.get(
      '/gated',
      async (c, next) => {
        const limited = queueHotPathRead(c, (caller) =>
          t.backends.rateLimiter.check(`hot:${caller?.userId ?? 'anon'}`, [{ name: 'burst', limit: 1000, windowSeconds: 60 }]),
        )
        const counted = queueHotPathRead(c, (caller) => t.backends.counters.increment(`hot:calls:${caller?.userId ?? 'anon'}`, 1, 60))
        await resolveCaller(c)
        const [limit, count] = await Promise.all([limited, counted])
        c.header('x-gate', JSON.stringify({ allowed: limit.allowed, count }))
        await next()
      },
      requireAuth(),
      (c) => c.json({ ...JSON.parse(c.res.headers.get('x-gate') ?? '{}'), user: c.var.principal?.userId }),
    )
  })
  afterAll(async () => {
    await t?.close()
    await srv?.close()
  })

  it('counts exactly one HTTP request per authenticated request', async () => {
    const admin = await registerAdmin(t.app)
    const s = await signIn(t.app, admin.email)
    // Warm-up, not the steady state: the first call of each Lua script learns its SHA (EVAL
    // once), and app-wide middleware (the gate) may fill caches in the background.
    for (let i = 0; i < 3; i++) {
      expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(200)
      expect((await call(bare, 'GET', '/gated', { token: s.access })).status).toBe(200)
    }
    await new Promise((r) => setTimeout(r, 50)) // let background work of the warm-up finish

    const N = 10
    const before = srv.stats()
    for (let i = 0; i < N; i++) expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(200)
    const meStats = srv.stats()
    const perMe = (meStats.requests - before.requests) / N
    expect(perMe).toBe(1)
    // session + jti + revoked-before (+ whatever app-wide middleware queued) in that one request
    expect((meStats.commands - before.commands) / N).toBeGreaterThanOrEqual(3)

    for (let i = 0; i < N; i++) {
      const r = await call(bare, 'GET', '/gated', { token: s.access })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ allowed: true, user: admin.userId })
    }
    const gated = srv.stats()
    expect((gated.requests - meStats.requests) / N).toBe(1)
    // session + jti + revoked-before + rate limit + counter
    expect((gated.commands - meStats.commands) / N).toBe(5)
    console.log(
      `[auth hot path] GET /api/v1/auth/me: ${perMe} HTTP request(s) and ${(meStats.commands - before.commands) / N} commands per request; ` +
        `with a queued rate-limit check + usage counter: ${(gated.requests - meStats.requests) / N} request(s), ${(gated.commands - meStats.commands) / N} commands`,
    )

    // requireAuth alone: a valid token costs one trip; so does a revoked one (and it is refused);
    // a forged or absent token costs none — the signature is checked before Redis is asked.
    const r0 = srv.stats()
    expect((await call(bare, 'GET', '/auth-only', { token: s.access })).status).toBe(200)
    const r1 = srv.stats()
    expect(r1.requests - r0.requests).toBe(1)
    expect(r1.commands - r0.commands).toBe(3)
    await call(t.app, 'POST', '/api/v1/auth/logout', { token: s.access })
    const r2 = srv.stats()
    expect((await call(bare, 'GET', '/auth-only', { token: s.access })).status).toBe(401)
    expect(srv.stats().requests - r2.requests).toBe(1)
    const r3 = srv.stats()
    expect((await call(bare, 'GET', '/auth-only', { token: `${s.access.slice(0, -4)}AAAA` })).status).toBe(401)
    expect((await call(bare, 'GET', '/auth-only')).status).toBe(401)
    expect(srv.stats().requests - r3.requests).toBe(0)
  })
})
