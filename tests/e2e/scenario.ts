/**
 * THE end-to-end scenario, written once and run against every runtime's real server (Node, Bun,
 * Deno: tests/e2e/servers.test.ts) and inside workerd for the Worker (tests/workers/): register →
 * sign in (and refresh) → sessions (with the client address the server saw) → profile (read,
 * change, read back) → register an upload + list uploads → a cache hit (X-Cache: hit) → a 429
 * with its RateLimit headers → logout → 401 for the token and for the refreshed one.
 *
 * The 429 is the user's `burst` budget; logout, charged to the address, still passes. The server
 * runs with SCENARIO_ENV (./settings.ts).
 */
import { expect } from 'vitest'
import { SCENARIO_ENV } from './settings.ts'

export interface Target {
  /** Sends one request (path and query; JSON bodies as strings) to the server under test. */
  send(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response>
  /** The client address the server must see for these requests (unique per run). */
  address: string
}

const PASSWORD = 'correct horse battery staple'

interface Reply {
  status: number
  headers: Headers
  body: any
}

/** A loopback address of its own (127.0.0.0/8 is all loopback on Linux), so no two runs share a budget. */
export function uniqueLoopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254)
  return `127.${byte()}.${byte()}.${byte()}`
}

export async function runScenario(t: Target): Promise<void> {
  /** Signed-in requests charged to the user so far (logout is charged to the address). */
  let charged = 0
  const call = async (method: string, path: string, o: { token?: string; body?: unknown } = {}): Promise<Reply> => {
    const headers: Record<string, string> = {}
    if (o.token) headers.authorization = `Bearer ${o.token}`
    if (o.body !== undefined) headers['content-type'] = 'application/json'
    if (o.token && !path.startsWith('/api/v1/auth/logout')) charged++
    const res = await t.send(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
  }
  const said = (r: Reply) => `${r.status} ${JSON.stringify(r.body)}`

  // Register: a new tenant, its first user an admin.
  const email = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`
  const reg = await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, organization: 'E2E Org' } })
  expect(reg.status, said(reg)).toBe(201)
  expect(reg.body).toMatchObject({ user_id: expect.any(String), tenant_id: expect.any(String), role: 'admin' })

  // Sign in, and refresh once (the rotated pair belongs to the same session).
  const login = await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })
  expect(login.status, said(login)).toBe(200)
  expect(login.body.token_type).toBe('Bearer')
  const refreshed = await call('POST', '/api/v1/auth/refresh', { body: { refresh_token: login.body.refresh_token } })
  expect(refreshed.status, said(refreshed)).toBe(200)
  const token = login.body.access_token as string

  const me = await call('GET', '/api/v1/auth/me', { token })
  expect(me.status, said(me)).toBe(200)
  expect(me.body).toMatchObject({ user_id: reg.body.user_id, tenant_id: reg.body.tenant_id, email, role: 'admin', session_id: login.body.session_id })

  // Sessions: the one session, with the address the server saw on the sign-in connection.
  const sessions = await call('GET', '/api/v1/auth/sessions', { token })
  expect(sessions.status, said(sessions)).toBe(200)
  expect(sessions.body.sessions).toHaveLength(1)
  expect(sessions.body.sessions[0]).toMatchObject({ session_id: login.body.session_id, current: true, ip: t.address })

  // Profile: made at registration; a change reads back.
  const profile = await call('GET', '/api/v1/users/profile', { token })
  expect(profile.status, said(profile)).toBe(200)
  expect(profile.body).toMatchObject({ user_id: reg.body.user_id, tenant_id: reg.body.tenant_id, role: 'admin' })
  expect(profile.headers.get('etag')).toBeTruthy()
  const patched = await call('PATCH', '/api/v1/users/profile', { token, body: { preferences: { theme: 'dark' } } })
  expect(patched.status, said(patched)).toBe(200)
  const reread = await call('GET', '/api/v1/users/profile', { token })
  expect(reread.status, said(reread)).toBe(200)
  expect(reread.body.preferences).toMatchObject({ theme: 'dark' })

  // Uploads: register one, list it.
  const upload = await call('POST', '/api/v1/logs/metadata/', {
    token,
    body: { task_id: 'e2e-task', source: 'e2e', environment: 'test', file_name: 'app.log', file_size: 2048, format_type: 'json', log_count: 10 },
  })
  expect(upload.status, said(upload)).toBe(201)
  expect(upload.body).toMatchObject({ upload_id: expect.any(String), tenant_id: reg.body.tenant_id, user_id: reg.body.user_id, file_name: 'app.log' })
  const list = await call('GET', '/api/v1/logs/metadata/', { token })
  expect(list.status, said(list)).toBe(200)
  expect(list.body.metadata.map((u: { upload_id: string }) => u.upload_id)).toEqual([upload.body.upload_id])
  expect(list.headers.get('x-cache')).toBe('miss')

  // A cache hit: the miss filled the cache after answering (background work), so it may take a
  // moment; the hit carries the same list.
  let hit: Reply | undefined
  for (let i = 0; i < 10 && hit?.headers.get('x-cache') !== 'hit'; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50))
    hit = await call('GET', '/api/v1/logs/metadata/', { token })
    expect(hit.status, said(hit)).toBe(200)
  }
  expect(hit!.headers.get('x-cache')).toBe('hit')
  expect(hit!.body).toEqual(list.body)

  // A 429 with its headers: the user's `burst` budget (RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW).
  // Each signed-in request so far was charged once; what is left passes, the next is refused.
  const policy = /"burst";q=(\d+);w=(\d+)/.exec(hit!.headers.get('ratelimit-policy') ?? '')
  const left = /"burst";r=(\d+);t=\d+/.exec(hit!.headers.get('ratelimit') ?? '')
  expect(policy, `RateLimit-Policy: ${hit!.headers.get('ratelimit-policy')}`).not.toBeNull()
  expect(left, `RateLimit: ${hit!.headers.get('ratelimit')}`).not.toBeNull()
  const [limit, remaining] = [Number(policy![1]), Number(left![1])]
  expect([policy![1], policy![2]]).toEqual([SCENARIO_ENV.RATE_LIMIT_REQUESTS, SCENARIO_ENV.RATE_LIMIT_WINDOW])
  expect(remaining).toBe(limit - charged)
  for (let i = 0; i < remaining; i++) {
    const r = await call('GET', '/api/v1/auth/me', { token })
    expect(r.status, `request ${i + 1} of the ${remaining} left: ${said(r)}`).toBe(200)
  }
  const limited = await call('GET', '/api/v1/auth/me', { token })
  expect(limited.status, said(limited)).toBe(429)
  expect(limited.headers.get('content-type')).toContain('application/problem+json')
  expect(limited.headers.get('ratelimit')).toMatch(/"burst";r=0;t=\d+/)
  expect(limited.headers.get('ratelimit-policy')).toContain(`"burst";q=${limit};w=${policy![2]}`)
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(limited.body).toMatchObject({ status: 429, 'violated-policies': ['burst'], retry_after: expect.any(Number) })

  // Logout is charged to the address, not to the exhausted user (a limited user can still leave),
  // and ends the whole session.
  const logout = await call('POST', '/api/v1/auth/logout', { token })
  expect(logout.status, said(logout)).toBe(204)
  const after = await call('GET', '/api/v1/auth/me', { token })
  expect(after.status, said(after)).toBe(401)
  expect(after.headers.get('content-type')).toContain('application/problem+json')
  const afterRefreshed = await call('GET', '/api/v1/auth/me', { token: refreshed.body.access_token })
  expect(afterRefreshed.status, said(afterRefreshed)).toBe(401)
}
