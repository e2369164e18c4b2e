/**
 * The request pipeline end to end:
 * - through the REAL Node entry over sockets: the anonymous budget is per client address (the
 *   socket's peer), so one address spending it leaves another untouched;
 * - one 429 body for every limiter (the gate, sign-in attempts, the daily logs quota);
 * - one status per error class, whichever route it surfaces on (IndexConflictError → 409 on both
 *   index routes);
 * - every answer carries its X-Request-Id, however it was built (JSON, cached hit, 304, problem,
 *   idempotent replay, static file), and a problem's request_id is that same id.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RateLimitProblemSchema } from '../src/http/problems.ts'
import { COLLECTIONS } from '../src/repositories/indexes.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { GATE_ENV, newUser, randomIp } from './gate-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { type NodeServer, startNodeServer } from './harness/node-server.ts'

/** A JSON request from a chosen local (source) address: 127.0.0.0/8 is all loopback on Linux. */
function from(localAddress: string, origin: string, method: string, path: string, body?: unknown, token?: string) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      `${origin}${path}`,
      {
        method,
        localAddress,
        headers: { ...(data ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

describe('client addresses through the real Node entry', () => {
  let server: NodeServer

  beforeAll(async () => {
    server = await startNodeServer({ RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW: '600' })
  })
  afterAll(async () => server?.stop())

  it('one address spending the anonymous budget leaves another untouched', async () => {
    const email = (n: string) => `${n}-${Date.now().toString(36)}@example.test`
    const password = 'a long enough password'
    const spent: number[] = []
    for (let i = 0; i < 6; i++)
      spent.push((await from('127.0.0.2', server.origin, 'POST', '/api/v1/auth/register', { email: email(`a${i}`), password, organization: 'A' })).status)
    expect(spent).toEqual([201, 201, 201, 201, 201, 429])

    const fresh = email('b')
    expect((await from('127.0.0.3', server.origin, 'POST', '/api/v1/auth/register', { email: fresh, password, organization: 'B' })).status).toBe(201)
    const login = await from('127.0.0.3', server.origin, 'POST', '/api/v1/auth/login', { email: fresh, password })
    expect(login.status).toBe(200)
    // The session records the socket's address.
    const sessions = await from('127.0.0.3', server.origin, 'GET', '/api/v1/auth/sessions', undefined, login.body.access_token)
    expect(sessions.body.sessions[0].ip).toBe('127.0.0.3')
  })
})

describe('X-Request-Id on every answer, through the real Node entry', () => {
  let server: NodeServer

  beforeAll(async () => {
    server = await startNodeServer()
  })
  afterAll(async () => server?.stop())

  it('JSON, cached miss and hit, 304, problems, an idempotent replay and a static file all carry it', async () => {
    const send = (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, init)
    const password = 'a long enough password'
    const email = `rid-${Date.now().toString(36)}@example.test`
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    const answers: Array<[string, Response]> = []
    const keep = async (what: string, res: Response) => {
      answers.push([what, res])
      return res
    }
    await keep('register', await send('/api/v1/auth/register', json({ email, password, organization: 'Rid' })))
    const login = await keep('login', await send('/api/v1/auth/login', json({ email, password })))
    const { access_token } = (await login.clone().json()) as { access_token: string }
    const auth = { authorization: `Bearer ${access_token}` }
    const upload = { source: 'api', environment: 'test', file_name: 'a.log', file_size: 10, format_type: 'json' }
    const first = await keep('create', await send('/api/v1/logs/metadata', json(upload, { ...auth, 'idempotency-key': 'rid-1' })))
    expect(first.status).toBe(201)
    const replay = await keep('replay', await send('/api/v1/logs/metadata', json(upload, { ...auth, 'idempotency-key': 'rid-1' })))
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    const miss = await keep('cache miss', await send('/api/v1/logs/metadata?page_size=10', { headers: auth }))
    const hit = await keep('cache hit', await send('/api/v1/logs/metadata?page_size=10', { headers: auth }))
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['miss', 'hit'])
    const etag = hit.headers.get('etag')!
    const notModified = await keep('304', await send('/api/v1/logs/metadata?page_size=10', { headers: { ...auth, 'if-none-match': etag } }))
    expect(notModified.status).toBe(304)
    const notFound = await keep('404', await send('/nowhere'))
    const invalid = await keep('422', await send('/api/v1/auth/register', json({ email: 'no' })))
    const unauthorized = await keep('401', await send('/api/v1/auth/me', { headers: { authorization: 'Bearer nope' } }))
    await keep('docs page', await send('/docs'))
    await keep('health', await send('/health/live'))

    const ids = answers.map(([what, res]) => [what, res.headers.get('x-request-id')] as const)
    for (const [what, id] of ids) expect(id, what).toMatch(/^[\w-]{8,}$/)
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length)
    for (const res of [notFound, invalid, unauthorized]) {
      const problem = (await res.json()) as { request_id?: string }
      expect(problem.request_id).toBe(res.headers.get('x-request-id'))
    }
    // A caller's own id is kept.
    const mine = await send('/health/live', { headers: { 'x-request-id': 'trace-1234abcd' } })
    expect(mine.headers.get('x-request-id')).toBe('trace-1234abcd')
  })
})

describe.each<BackendKind>(['embedded', 'remote'])('one error path (%s)', (kind) => {
  let t: TestApp
  const json = (token: string | undefined, body: unknown, ip = randomIp()) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

  beforeAll(async () => {
    t = await makeTestApp(kind, {
      ...GATE_ENV,
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_WINDOW: '600',
      AUTH_RATE_LIMIT_ACCOUNT: '2',
      QUOTA_LOGS_PER_DAY: '10',
    })
  })
  afterAll(async () => t?.close())

  it('the gate, sign-in attempts and the logs quota answer 429 with one body shape', async () => {
    const user = await newUser(t.app)
    const auth = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
    const bodies: Record<string, any> = {}

    // The daily logs quota: 11 log lines over a quota of 10.
    const upload = await t.app.request(
      '/api/v1/logs/metadata/',
      json(user.token, { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', log_count: 11 }),
    )
    expect(upload.status).toBe(429)
    bodies.logs = await upload.json()

    // Sign-in attempts: the account's budget of 2 per minute.
    const ip = randomIp()
    for (let i = 0; i < 2; i++) await t.app.request('/api/v1/auth/login', json(undefined, { email: user.email, password: 'wrong one' }, ip))
    const attempts = await t.app.request('/api/v1/auth/login', json(undefined, { email: user.email, password: 'wrong one' }, ip))
    expect(attempts.status).toBe(429)
    bodies.attempts = await attempts.json()

    // The gate: burst of 3 for this user (the upload above was the first).
    let gated: Response | undefined
    for (let i = 0; i < 4 && gated?.status !== 429; i++) gated = await t.app.request('/api/v1/auth/me', { headers: auth })
    expect(gated!.status).toBe(429)
    bodies.gate = await gated!.json()

    const shape = (b: any) =>
      Object.keys(b)
        .filter((k) => k !== 'detail' && k !== 'request_id')
        .sort()
    for (const [limiter, body] of Object.entries(bodies)) {
      expect(RateLimitProblemSchema.safeParse(body).success, limiter).toBe(true)
      expect(shape(body), limiter).toEqual(['policies', 'retry_after', 'status', 'title', 'type', 'violated-policies'])
      expect(body.policies[0], limiter).toEqual({
        name: expect.any(String),
        limit: expect.any(Number),
        remaining: expect.any(Number),
        window_seconds: expect.any(Number),
        reset_at: expect.any(String),
      })
    }
    expect(bodies.logs['violated-policies']).toEqual(['logs_per_day'])
    expect(bodies.attempts['violated-policies']).toEqual(['login-account'])
    expect(bodies.gate['violated-policies']).toEqual(['burst'])
  })

  it('an index clash answers 409 index-conflict on both index routes', async () => {
    const user = await newUser(t.app)
    // An index of the same name with another definition, on both collections.
    await t.backends.documents.collection(COLLECTIONS.profiles).createIndexes([{ key: { created_at: -1 }, name: 'created_at_1' }])
    await t.backends.documents.collection(COLLECTIONS.uploads).createIndexes([{ key: { task_id: -1 }, name: 'task_id_1' }])
    for (const path of ['/api/v1/users/admin/initialize-indexes', '/api/v1/logs/admin/initialize-metadata-indexes']) {
      const r = await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() } })
      expect(r.status, path).toBe(409)
      expect((await r.json()).type, path).toBe('https://gatehouse.dev/problems/index-conflict')
    }
  })
})
