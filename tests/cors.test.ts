/**
 * Browser access (CORS_ORIGINS): preflights answered 204 before the gate and never charged,
 * allowed origins on every answer (problem+json errors and 429s included) with the headers a
 * script needs exposed, nothing for other origins, nothing at all when unset. Through
 * `app.request` on both backends, and through the started Node entry over a real socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'
import { EXPOSED_HEADERS } from '../src/http/cors.ts'
import { PASSWORD, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { type NodeServer, startNodeServer } from './harness/node-server.ts'

const APP = 'https://app.example.com'
const OTHER = 'https://evil.example.net'
const ME = '/api/v1/auth/me'

type Send = (path: string, init?: RequestInit) => Promise<Response>

const preflight = (origin: string, method = 'GET', headers = 'authorization, if-none-match'): RequestInit => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
})

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim().toLowerCase())

/** Remaining units of the first policy the answer reports (X-RateLimit-Remaining). */
const remaining = (res: Response) => Number(res.headers.get('x-ratelimit-remaining'))

/** The checks every connection path must pass, whatever sends the requests. */
function corsChecks(send: () => Send, token: () => Promise<string>) {
  it('a preflight from a configured origin: 204 with the methods, headers and exposed headers, before any gate', async () => {
    const res = await send()(ME, preflight(APP, 'PATCH', 'Authorization, Content-Type, If-Match, Idempotency-Key'))
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(list(res.headers.get('access-control-allow-methods'))).toEqual(expect.arrayContaining(['get', 'post', 'patch', 'delete', 'put']))
    expect(list(res.headers.get('access-control-allow-headers'))).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key']),
    )
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(list(res.headers.get('vary'))).toContain('origin')
    // The gate never ran: no rate-limit headers, no 401 for the missing token.
    expect(res.headers.get('ratelimit')).toBeNull()
    expect(res.headers.get('www-authenticate')).toBeNull()
  })

  it('preflights are never charged: neither the address budget nor the user’s moves', async () => {
    const bearer = await token()
    const anonymous = async () => send()(ME, { headers: { origin: APP } })
    const signedIn = async () => send()(ME, { headers: { origin: APP, authorization: `Bearer ${bearer}` } })
    const [a0, u0] = [await anonymous(), await signedIn()]
    expect(a0.status).toBe(401)
    expect(u0.status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await send()(ME, preflight(APP))).status).toBe(204)
    const [a1, u1] = [await anonymous(), await signedIn()]
    // One unit for the request itself, none for the five preflights.
    expect(remaining(a1)).toBe(remaining(a0) - 1)
    expect(remaining(u1)).toBe(remaining(u0) - 1)
  })

  it('answers to a configured origin carry the CORS headers, problem+json errors included', async () => {
    const ok = await send()(ME, { headers: { origin: APP, authorization: `Bearer ${await token()}` } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP)
    const exposed = list(ok.headers.get('access-control-expose-headers'))
    for (const h of EXPOSED_HEADERS) expect(exposed).toContain(h.toLowerCase())
    expect(list(ok.headers.get('vary'))).toContain('origin')

    const denied = await send()(ME, { headers: { origin: APP } })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(denied.headers.get('access-control-allow-origin')).toBe(APP)
    expect(list(denied.headers.get('access-control-expose-headers'))).toContain('ratelimit')

    const missing = await send()('/no/such/thing', { headers: { origin: APP } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('an origin not configured gets no Access-Control-Allow-Origin, preflight or not', async () => {
    const pre = await send()(ME, preflight(OTHER))
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    const res = await send()(ME, { headers: { origin: OTHER, authorization: `Bearer ${await token()}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(list(res.headers.get('vary'))).toContain('origin')
    // Same origin / server to server (no Origin): no CORS headers at all.
    const plain = await send()(ME, { headers: { authorization: `Bearer ${await token()}` } })
    expect(plain.headers.get('access-control-allow-origin')).toBeNull()
    expect(plain.headers.get('access-control-expose-headers')).toBeNull()
  })

  it('an OPTIONS that is no preflight is not answered as one', async () => {
    const res = await send()(ME, { method: 'OPTIONS', headers: { origin: APP } })
    expect(res.status).toBe(405)
  })
}

describe.each<BackendKind>(['embedded', 'remote'])('CORS through app.request (%s)', (kind) => {
  let t: TestApp
  let limited: TestApp
  const ip = randomIp()
  let bearer: string | undefined

  beforeAll(async () => {
    t = await makeTestApp(kind, { CORS_ORIGINS: `${APP}, http://localhost:5173`, AUTH_RATE_LIMIT_IP: '100000', AUTH_RATE_LIMIT_ACCOUNT: '100000' })
    await prepareStore(t.backends)
    limited = await makeTestApp(kind, { CORS_ORIGINS: APP, RATE_LIMIT_REQUESTS: '2' })
  })
  afterAll(async () => {
    await t?.close()
    await limited?.close()
  })

  // One client address for the whole suite, so the budgets compared are the same ones.
  const send: () => Send =
    () =>
    (path, init = {}) =>
      Promise.resolve(t.app.request(path, { ...init, headers: { 'x-test-ip': ip, ...(init.headers as object) } }))
  const token = async () => {
    if (bearer) return bearer
    const admin = await registerAdmin(t.app)
    const r = await send()('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: PASSWORD }),
    })
    bearer = ((await r.json()) as { access_token: string }).access_token
    return bearer
  }
  corsChecks(send, token)

  it('a 429 carries the CORS headers and exposes Retry-After and the RateLimit headers', async () => {
    // A signed-in user with a burst budget of 2 (register and login each from their own address).
    await prepareStore(limited.backends)
    const admin = await registerAdmin(limited.app)
    const { access } = await signIn(limited.app, admin.email)
    const addr = randomIp()
    let res: Response | undefined
    for (let i = 0; i < 3; i++) res = await limited.app.request(ME, { headers: { origin: APP, 'x-test-ip': addr, authorization: `Bearer ${access}` } })
    expect(res!.status).toBe(429)
    expect(res!.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res!.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(list(res!.headers.get('access-control-expose-headers'))).toEqual(expect.arrayContaining(['retry-after', 'ratelimit', 'ratelimit-policy']))
    // Preflights still pass while the address is limited: they are not charged, nor refused.
    expect((await limited.app.request(ME, { ...preflight(APP), headers: { ...preflight(APP).headers, 'x-test-ip': addr } })).status).toBe(204)
  })

  it('the second configured origin is allowed too; the answer names the caller’s origin only', async () => {
    const res = await send()(ME, preflight('http://localhost:5173'))
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
})

describe('CORS settings', () => {
  it('unset: no CORS headers at all and a preflight is an unknown method (405), as before', async () => {
    const t = await makeTestApp('embedded')
    try {
      const pre = await t.app.request(ME, preflight(APP))
      expect(pre.status).toBe(405)
      const res = await t.app.request(ME, { headers: { origin: APP } })
      expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
    } finally {
      await t.close()
    }
  })

  it('* allows any origin (without credentials); credentials need listed origins', async () => {
    const t = await makeTestApp('embedded', { CORS_ORIGINS: '*' })
    try {
      const res = await t.app.request(ME, preflight(OTHER))
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    } finally {
      await t.close()
    }
    const withCredentials = await makeTestApp('embedded', { CORS_ORIGINS: APP, CORS_ALLOW_CREDENTIALS: 'true' })
    try {
      const res = await withCredentials.app.request(ME, preflight(APP))
      expect(res.headers.get('access-control-allow-origin')).toBe(APP)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    } finally {
      await withCredentials.close()
    }
    expect(() => loadConfig({ CORS_ORIGINS: '*', CORS_ALLOW_CREDENTIALS: 'true' })).toThrow(/CORS_ORIGINS: \* cannot be combined/)
  })

  it('origins are normalised as browsers send them; paths, other schemes and * among origins are refused, every problem at once', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://App.Example.com:443/ ,http://localhost:5173 ' }).CORS_ORIGINS).toEqual([APP, 'http://localhost:5173'])
    for (const bad of [
      'https://app.example.com/path',
      'ftp://files.example.com',
      'app.example.com',
      '*, https://app.example.com',
      'https://app.example.com?x=1',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigError)
    }
    try {
      loadConfig({ CORS_ORIGINS: 'https://secret-host.example.com/x', CORS_ALLOW_CREDENTIALS: 'maybe' })
      expect.unreachable()
    } catch (err) {
      const problems = (err as ConfigError).problems
      expect(problems).toHaveLength(2)
      expect(problems.join('\n')).not.toContain('secret-host')
    }
  })
})

describe('CORS through the started Node entry (real socket, embedded)', () => {
  let server: NodeServer
  let bearer: string | undefined

  beforeAll(async () => {
    server = await startNodeServer({ CORS_ORIGINS: APP })
  })
  afterAll(async () => server?.stop())

  const send: () => Send = () => (path, init) => fetch(`${server.origin}${path}`, init)
  const token = async () => {
    if (bearer) return bearer
    const json = { 'content-type': 'application/json' }
    const email = `cors-${crypto.randomUUID()}@example.test`
    const reg = await fetch(`${server.origin}/api/v1/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD, organization: 'CORS' }),
    })
    expect(reg.status).toBe(201)
    const r = await fetch(`${server.origin}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: PASSWORD }) })
    bearer = ((await r.json()) as { access_token: string }).access_token
    return bearer
  }
  corsChecks(send, token)
})
