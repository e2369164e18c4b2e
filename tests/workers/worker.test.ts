/**
 * The Worker inside workerd, through its own fetch handler (src/entry/worker.ts): Redis over HTTP
 * (redis-http → redis-server) and MongoDB through the Data API (gateway → FerretDB), with the
 * bindings from vitest.config.ts (JWT_PRIVATE_JWK, the scenario's rate-limit settings).
 * - the end-to-end scenario (tests/e2e/scenario.ts, the one the Node, Bun and Deno servers run):
 *   sign-in, sessions, profile, uploads, a cache hit, the gate's 429, logout → 401;
 * - the one-round-trip hot path.
 */
import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { runScenario } from '../e2e/scenario.ts'

// SELF is the Worker's own fetch handler. (`exports` from 'cloudflare:workers' is the newer
// spelling, but its types come from @cloudflare/workers-types, which this tsconfig does not load.)
const worker = SELF
const bindings = env as unknown as Record<string, string>

/** A client address of its own (the Worker reads CF-Connecting-IP), so no two callers share a budget. */
const randomAddress = () => `198.51.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`

async function send(method: string, path: string, o: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'cf-connecting-ip': randomAddress() }
  if (o.token) headers.authorization = `Bearer ${o.token}`
  if (o.body !== undefined) headers['content-type'] = 'application/json'
  const res = await worker.fetch(
    new Request(`http://gatehouse.test${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) }),
  )
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

describe('the end-to-end scenario in workerd', () => {
  it('register → sign in → sessions → profile → uploads → cache hit → 429 → logout → 401', async () => {
    const address = randomAddress()
    await runScenario({
      address,
      send: (path, init = {}) =>
        worker.fetch(new Request(`http://gatehouse.test${path}`, { ...init, headers: { ...init.headers, 'cf-connecting-ip': address } })),
    })
  })

  it('signs with the JWT_PRIVATE_JWK binding', async () => {
    const jwks = await send('GET', '/.well-known/jwks.json')
    expect(jwks.status).toBe(200)
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain('workers-test')
  })
})

// The one-round-trip hot path on the Workers runtime itself: an authenticated, cached GET costs
// exactly ONE HTTP request at redis-http (session, revocations, every rate-limit policy, usage
// counter and cache read in one /pipeline), read from the server's own counter. In this file, so
// it runs after the flow above and nothing else in the workers project moves the counter.
async function redisRequests(): Promise<number> {
  const res = await fetch(`${bindings.UPSTASH_REDIS_REST_URL}/_stats`, {
    headers: { authorization: `Bearer ${bindings.UPSTASH_REDIS_REST_TOKEN}` },
  })
  return ((await res.json()) as { requests: number }).requests
}

describe('hot path in workerd', () => {
  it('an authenticated cached GET costs one Redis HTTP request', async () => {
    const email = `hp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`
    const password = 'correct horse battery staple'
    expect((await send('POST', '/api/v1/auth/register', { body: { email, password, organization: 'Hot Path Org' } })).status).toBe(201)
    const login = await send('POST', '/api/v1/auth/login', { body: { email, password } })
    expect(login.status).toBe(200)
    const token = login.body.access_token as string
    const path = '/api/v1/logs/metadata/stats?days=7'

    // Warm-up: scripts loaded, profile and stats cached (fills run after the response).
    for (let i = 0; i < 3; i++) expect((await send('GET', path, { token })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 200))

    const counts: number[] = []
    for (let i = 0; i < 3; i++) {
      const before = await redisRequests()
      const res = await send('GET', path, { token })
      expect(res.status).toBe(200)
      expect(res.headers.get('x-cache')).toBe('hit')
      expect(res.headers.get('ratelimit')).toMatch(/"burst";r=\d+;t=\d+/)
      counts.push((await redisRequests()) - before)
    }
    expect(counts).toEqual([1, 1, 1])
  })
})

// Metrics in workerd: the isolate counts into its batch (held back: METRICS_FLUSH_* in
// vitest.config.ts), and the tenant series read writes that batch first — through the Upstash
// adapter, on the Workers runtime. After the hot-path test, so its counts are not disturbed.
describe('metrics in workerd', () => {
  it("an admin's tenant series shows the tenant's requests of this isolate", async () => {
    const email = `mx-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`
    const password = 'correct horse battery staple'
    expect((await send('POST', '/api/v1/auth/register', { body: { email, password, organization: 'Metrics Org' } })).status).toBe(201)
    const login = await send('POST', '/api/v1/auth/login', { body: { email, password } })
    const token = login.body.access_token as string
    for (let i = 0; i < 3; i++) expect((await send('GET', '/api/v1/auth/me', { token })).status).toBe(200)
    const series = await send('GET', '/api/v1/metrics/tenant?hours=1', { token })
    expect(series.status, JSON.stringify(series.body)).toBe(200)
    expect(series.body.points).toHaveLength(60)
    // Sign-ins are anonymous: the tenant's own requests are the three reads.
    expect(series.body.totals.requests).toBe(3)
    expect(series.body.routes).toEqual([{ method: 'GET', route: '/api/v1/auth/me', requests: 3, status: { '2xx': 3 } }])
  })
})
