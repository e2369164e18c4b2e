/**
 * Metrics end to end on remote backends: TWO app instances sharing one Redis (a private
 * redis-http on a Redis database of its own, so the overall series holds this file's traffic
 * only) and one MongoDB database. After known traffic — tallied from the answers the client got —
 * and an explicit flush of both instances' batches, `/metrics` and the tenant series show exactly
 * those counts. Plus: what a batch write costs in Redis HTTP requests, and the guards of both routes.
 */
import { Redis } from '@upstash/redis/cloudflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningGateway, startGateway } from '../gateway/server.ts'
import { generateSigningJwk } from '../src/services/keys.ts'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { call, newEmail, PASSWORD, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { METRICS_HELD, makeTestApp, type TestApp } from './harness/app.ts'
import { need, uniq } from './harness/services.ts'
import { parseExposition, sample } from './metrics-helpers.ts'
import { newTenant, readUntilHit, registerUpload, setStatus } from './uploads-helpers.ts'

const TOKEN = 'metrics-test-redis-token'
const METRICS_TOKEN = 'metrics-scrape-token-0123456789'
const BURST = 12
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms))

/** What the client saw, per `METHOD pattern status`, to compare with what the store says. */
class Tally {
  readonly all = new Map<string, number>()
  readonly tenant = new Map<string, number>()
  denied = 0
  tenantDenied = 0
  hits = 0
  add(key: string, status: number, o: { tenant?: boolean; cache?: string | null } = {}): void {
    const k = `${key} ${Math.floor(status / 100)}xx`
    this.all.set(k, (this.all.get(k) ?? 0) + 1)
    if (o.tenant) this.tenant.set(k, (this.tenant.get(k) ?? 0) + 1)
    if (status === 429) {
      this.denied++
      if (o.tenant) this.tenantDenied++
    }
    if (o.cache === 'hit') this.hits++
  }
  total(which: 'all' | 'tenant' = 'all'): number {
    return [...this[which].values()].reduce((a, b) => a + b, 0)
  }
}

describe('metrics over two app instances sharing Redis', () => {
  let srv: RunningRedisHttp
  let a: TestApp
  let b: TestApp

  beforeAll(async () => {
    // Database 9 of the harness's redis-server: nobody else writes there.
    srv = await startRedisHttp({ redisUrl: `${need('redisUrl').replace(/\/+$/, '')}/9`, token: TOKEN, port: 0, quiet: true })
    await new Redis({ url: srv.url, token: TOKEN, enableTelemetry: false }).flushdb()
    const env = {
      ...METRICS_HELD, // only explicit flushes (and each metrics read's own) write: the counts are exact
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      MONGO_DB_NAME: `mx${uniq().replace(/-/g, '')}`.slice(0, 60),
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      METRICS_TOKEN,
      RATE_LIMIT_REQUESTS: String(BURST),
      AUTH_RATE_LIMIT_IP: '1000',
      AUTH_RATE_LIMIT_ACCOUNT: '1000',
    }
    a = await makeTestApp('remote', env)
    b = await makeTestApp('remote', env)
    await prepareStore(a.backends)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await srv?.close()
  })

  it('after known traffic on both instances, /metrics and the tenant series show exactly those counts', async () => {
    const t = new Tally()
    const ip = randomIp()
    // Anonymous: a registration and sign-ins, one of them failed (the overall series only).
    const admin = await registerAdmin(a.app, ip)
    t.add('POST /api/v1/auth/register', 201)
    const adminSession = await signIn(a.app, admin.email, { ip })
    t.add('POST /api/v1/auth/login', 200)
    const wrong = await call(b.app, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: 'not the password' }, ip })
    expect(wrong.status).toBe(401)
    t.add('POST /api/v1/auth/login', 401)

    // The tenant's admin adds a viewer; the viewer signs in on the other instance.
    const viewerEmail = newEmail('viewer')
    const added = await call(a.app, 'POST', '/api/v1/users/tenant/users', {
      token: adminSession.access,
      body: { email: viewerEmail, password: PASSWORD, role: 'viewer' },
    })
    expect(added.status).toBe(201)
    t.add('POST /api/v1/users/tenant/users', 201, { tenant: true })
    const viewer = await signIn(b.app, viewerEmail, { ip })
    t.add('POST /api/v1/auth/login', 200)

    // The viewer: cached reads (a miss, then hits once the fill landed) on both instances...
    const stats = '/api/v1/logs/metadata/stats?days=7'
    for (let i = 0; i < 4; i++) {
      const app = i % 2 === 0 ? a.app : b.app
      const r = await call(app, 'GET', stats, { token: viewer.access })
      expect(r.status).toBe(200)
      t.add('GET /api/v1/logs/metadata/stats', r.status, { tenant: true, cache: r.headers.get('x-cache') })
      await settle(100) // let the first fill land (the tally reads X-Cache either way)
    }
    // ...then more requests than the burst policy allows: the rest are refused (429).
    for (let i = 0; i < BURST + 3; i++) {
      const r = await call(i % 2 === 0 ? b.app : a.app, 'GET', '/api/v1/auth/me', { token: viewer.access })
      expect([200, 429]).toContain(r.status)
      t.add('GET /api/v1/auth/me', r.status, { tenant: true })
    }
    // An unknown URL counts under one label, whatever its path.
    expect((await call(a.app, 'GET', `/no/such/${uniq()}`)).status).toBe(404)
    t.add('GET (unmatched)', 404)
    // Refused by the app's body limit before any route ran: still under the route it was sent to.
    const big = JSON.stringify({ pad: 'x'.repeat(1_100_000) })
    const tooBig = await call(a.app, 'POST', '/api/v1/logs/metadata', {
      token: viewer.access,
      body: JSON.parse(big),
      headers: { 'content-length': String(big.length) },
    })
    expect(tooBig.status).toBe(413)
    t.add('POST /api/v1/logs/metadata', 413)
    // The viewer sent 4 + BURST + 3 requests; refused ones consume nothing, so exactly BURST passed.
    const denied = t.denied
    expect(denied).toBe(4 + 3)
    expect(t.hits).toBeGreaterThanOrEqual(1)

    // Both batches to the store: nothing was written before (METRICS_HELD).
    expect(a.metrics.pending + b.metrics.pending).toBe(t.total())
    await Promise.all([a.metrics.flush(), b.metrics.flush()])
    expect(a.metrics.pending + b.metrics.pending).toBe(0)

    // ---- /metrics (anonymous: the scrape itself is counted after its answer) ----
    const scrape = await call(b.app, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(scrape.status).toBe(200)
    expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const m = parseExposition(scrape.body as string)
    for (const [key, n] of t.all) {
      const [method, route, status] = key.split(' ')
      expect(sample(m, 'gatehouse_requests_total', { route: route!, method: method!, status: status! }), key).toBe(n)
    }
    const requestSamples = m.samples.filter((s) => s.name === 'gatehouse_requests_total')
    expect(requestSamples.reduce((sum, s) => sum + s.value, 0)).toBe(t.total())
    expect(sample(m, 'gatehouse_request_duration_seconds_count', {})).toBe(t.total())
    expect(sample(m, 'gatehouse_request_duration_seconds_bucket', { le: '+Inf' })).toBe(t.total())
    expect(sample(m, 'gatehouse_rate_limited_requests_total', {})).toBe(denied)
    expect(sample(m, 'gatehouse_rate_limit_denials_total', { policy: 'burst' })).toBe(denied)
    expect(sample(m, 'gatehouse_cache_answers_total', { result: 'hit' })).toBe(t.hits)
    expect(sample(m, 'gatehouse_cache_answers_total', { result: 'miss' })).toBe(4 - t.hits)
    expect(sample(m, 'gatehouse_cache_answers_total', { result: 'stale' })).toBe(0)
    expect(sample(m, 'gatehouse_sign_ins_total', { result: 'success' })).toBe(2)
    expect(sample(m, 'gatehouse_sign_ins_total', { result: 'failure' })).toBe(1)
    expect(sample(m, 'gatehouse_sessions_opened_total', {})).toBe(2)
    expect(sample(m, 'gatehouse_tenant_requests_total', { tenant: admin.tenantId })).toBe(t.total('tenant'))
    expect(sample(m, 'gatehouse_tenant_rate_limited_requests_total', { tenant: admin.tenantId })).toBe(t.tenantDenied)
    // No label carries an email, a token or a user id.
    for (const secret of [admin.email, viewerEmail, admin.userId, viewer.access, adminSession.access]) expect(scrape.body).not.toContain(secret)

    // ---- the tenant series, read by the admin on the OTHER instance ----
    const series = await call(a.app, 'GET', '/api/v1/metrics/tenant?hours=1', { token: adminSession.access })
    expect(series.status, JSON.stringify(series.body)).toBe(200)
    const s = series.body
    expect(s).toMatchObject({ tenant_id: admin.tenantId, resolution: 'minute', bucket_seconds: 60 })
    expect(s.points).toHaveLength(60)
    expect(s.totals.requests).toBe(t.total('tenant'))
    expect(s.totals.denied).toBe(t.tenantDenied)
    expect(s.totals.denied_by_policy).toEqual({ burst: t.tenantDenied })
    expect(s.totals.cache).toEqual({ hit: t.hits, miss: 4 - t.hits, stale: 0 })
    expect(s.totals.cache_hit_rate).toBe(Math.round((t.hits / 4) * 10_000) / 10_000)
    expect(s.totals.latency_ms.p50).toBeGreaterThan(0)
    expect(s.totals.latency_ms.p95).toBeGreaterThanOrEqual(s.totals.latency_ms.p50)
    const summed = s.points.reduce((n: number, p: { requests: number }) => n + p.requests, 0)
    expect(summed).toBe(t.total('tenant'))
    const meRoute = s.routes.find((r: { route: string }) => r.route === '/api/v1/auth/me')
    expect(meRoute).toMatchObject({ method: 'GET', requests: BURST + 3, status: { '2xx': BURST + 3 - t.tenantDenied, '4xx': t.tenantDenied } })
    // The same picture from the other instance, at hour resolution — with the minute read above
    // (one more admin request of the tenant) once its instance has flushed.
    await a.metrics.flush()
    const hourly = await call(b.app, 'GET', '/api/v1/metrics/tenant?hours=24', { token: adminSession.access })
    expect(hourly.status).toBe(200)
    expect(hourly.body.resolution).toBe('hour')
    expect(hourly.body.points).toHaveLength(24)
    expect(hourly.body.totals.requests).toBe(t.total('tenant') + 1)
  })

  it('the metrics routes refuse what they must', async () => {
    const admin = await registerAdmin(a.app)
    const s = await signIn(a.app, admin.email)
    const other = await registerAdmin(b.app)
    const viewerEmail = newEmail('viewer')
    expect(
      (await call(a.app, 'POST', '/api/v1/users/tenant/users', { token: s.access, body: { email: viewerEmail, password: PASSWORD, role: 'viewer' } })).status,
    ).toBe(201)
    const viewer = await signIn(a.app, viewerEmail)
    const get = (path: string, token?: string) => call(a.app, 'GET', path, token ? { token } : {})
    expect((await get('/api/v1/metrics/tenant')).status).toBe(401)
    expect((await get('/api/v1/metrics/tenant', viewer.access)).status).toBe(403)
    // Another tenant is "not found" to an admin.
    expect((await get(`/api/v1/metrics/tenant?tenant_id=${other.tenantId}`, s.access)).status).toBe(404)
    for (const q of ['hours=0', 'hours=721', 'hours=abc', 'hours=49&resolution=minute', 'resolution=second', 'extra=1']) {
      const r = await get(`/api/v1/metrics/tenant?${q}`, s.access)
      expect(r.status, q).toBe(422)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    expect((await get('/api/v1/metrics/tenant?hours=48&resolution=minute', s.access)).body.points).toHaveLength(2880)

    // /metrics: a bearer METRICS_TOKEN and nothing else.
    const scrape = (authorization?: string) => call(b.app, 'GET', '/metrics', authorization ? { headers: { authorization } } : {})
    const missing = await scrape()
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    expect(missing.headers.get('content-type')).toContain('application/problem+json')
    for (const h of [`Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${btoa(`x:${METRICS_TOKEN}`)}`, `Bearer ${s.access}`]) {
      expect((await scrape(h)).status, h.slice(0, 12)).toBe(401)
    }
    expect((await scrape(`bearer ${METRICS_TOKEN}`)).status).toBe(200)
  })

  it('a batch costs ONE background Redis HTTP request (one script per scope); requests in between cost nothing extra', async () => {
    const c = await makeTestApp('remote', {
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      METRICS_FLUSH_REQUESTS: '5',
      METRICS_FLUSH_SECONDS: '86400',
      AUTH_RATE_LIMIT_IP: '1000',
    })
    try {
      await prepareStore(c.backends)
      const admin = await registerAdmin(c.app)
      const { access } = await signIn(c.app, admin.email)
      const me = () => call(c.app, 'GET', '/api/v1/auth/me', { token: access })
      // Warm-up: scripts known to this Redis (EVAL once), and the batch emptied.
      for (let i = 0; i < 5; i++) expect((await me()).status).toBe(200)
      await settle()
      await c.metrics.flush()
      expect(c.metrics.pending).toBe(0)
      const costs: Array<{ requests: number; commands: number }> = []
      for (let i = 0; i < 10; i++) {
        await settle(50)
        const before = srv.stats()
        expect((await me()).status).toBe(200)
        await settle()
        const after = srv.stats()
        costs.push({ requests: after.requests - before.requests, commands: after.commands - before.commands })
      }
      const plain = { requests: 1, commands: 1 } // the gate's admission
      const flushing = { requests: 2, commands: 3 } // + the batch: the overall scope's script and the tenant's, in one pipeline
      expect(costs).toEqual([plain, plain, plain, plain, flushing, plain, plain, plain, plain, flushing])
    } finally {
      await c.close()
    }
  })

  it('counts the sessions revoked by logout and by revocation, as the answers say', async () => {
    const read = async () => parseExposition((await call(a.app, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).body as string)
    const admin = await registerAdmin(a.app)
    const sessions = [await signIn(a.app, admin.email), await signIn(a.app, admin.email), await signIn(a.app, admin.email)]
    const extra = await signIn(a.app, admin.email)
    const before = await read()
    const others = await call(a.app, 'DELETE', '/api/v1/auth/sessions?scope=others', { token: sessions[0]!.access })
    expect(others.body).toEqual({ revoked: 3 })
    expect((await call(a.app, 'POST', '/api/v1/auth/logout', { token: sessions[0]!.access })).status).toBe(204)
    // Refused (already revoked): counts nothing.
    expect((await call(a.app, 'POST', '/api/v1/auth/logout', { token: extra.access })).status).toBe(401)
    const refreshed = await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: sessions[1]!.refresh } })
    expect(refreshed.status).toBe(401) // its session was among the others
    const after = await read()
    const delta = (name: string, labels: Record<string, string> = {}) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0)
    expect(delta('gatehouse_sessions_revoked_total')).toBe(4)
    expect(delta('gatehouse_sessions_refreshed_total')).toBe(0)
    expect(delta('gatehouse_sessions_opened_total')).toBe(0)
    const fresh = await signIn(a.app, admin.email)
    const series = await call(a.app, 'GET', '/api/v1/metrics/tenant?hours=1', { token: fresh.access })
    expect(series.body.totals.sessions_revoked).toBe(4)
  })

  it('counts stale answers and backend failures while MongoDB is unreachable', async () => {
    const KEY = 'metrics-outage-key'
    const uri = need('mongoUri')
    let gw: RunningGateway | undefined = await startGateway({
      mongodbUri: `${uri}${uri.includes('?') ? '&' : '?'}maxPoolSize=1`,
      apiKeys: [KEY],
      port: 0,
      quiet: true,
    })
    const o = await makeTestApp('remote', {
      ...METRICS_HELD,
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      MONGO_DATA_API_URL: gw.url,
      MONGO_DATA_API_KEY: KEY,
      BACKEND_TIMEOUT_MS: '1500',
      METRICS_TOKEN,
      AUTH_RATE_LIMIT_IP: '1000',
    })
    try {
      const read = async () => {
        const r = await call(o.app, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
        expect(r.status).toBe(200)
        return parseExposition(r.body as string)
      }
      const tenant = await newTenant(o.app)
      const upload = await registerUpload(o.app, tenant)
      const stats = '/api/v1/logs/metadata/stats?days=3'
      await readUntilHit(o.app, tenant.token, stats)
      await setStatus(o.app, tenant, upload.upload_id, { status: 'processing' }) // the fresh copy goes; the stale one stays
      const before = await read()

      await gw.close()
      gw = undefined
      const stale = await call(o.app, 'GET', stats, { token: tenant.token })
      expect(stale.status).toBe(200)
      expect(stale.headers.get('x-cache')).toBe('stale')
      const failed = await call(o.app, 'GET', `/api/v1/logs/metadata/${upload.upload_id}`, { token: tenant.token })
      expect(failed.status).toBe(503)

      const after = await read() // writes this instance's batch first
      const delta = (name: string, labels: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0)
      expect(delta('gatehouse_cache_answers_total', { result: 'stale' })).toBe(1)
      expect(delta('gatehouse_backend_failures_total', { backend: 'mongodb', reason: 'unreachable' })).toBe(1)
      expect(delta('gatehouse_requests_total', { route: '/api/v1/logs/metadata/:upload_id', method: 'GET', status: '5xx' })).toBe(1)
      const series = await call(o.app, 'GET', '/api/v1/metrics/tenant?hours=1', { token: tenant.token })
      expect(series.body.totals).toMatchObject({ backend_errors: 1, backend_timeouts: 0, cache: { stale: 1 } })
    } finally {
      await o.close()
      await gw?.close()
    }
  })

  it('answers 404 on /metrics when no METRICS_TOKEN is configured', async () => {
    const e = await makeTestApp('embedded')
    try {
      const r = await call(e.app, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      expect(r.status).toBe(404)
      expect(r.body).toMatchObject({ status: 404, type: expect.stringMatching(/not-found$/) })
    } finally {
      await e.close()
    }
  })
})
