/**
 * The TypeScript SDK (sdk/typescript): its generated types match openapi/openapi.json, and the
 * client drives a real embedded app end to end — in-process (`app.request`) and over real HTTP
 * (@hono/node-server on a free port) — with typed data and typed problem+json errors. The built,
 * packed and installed package is driven against the real Node entry in tests/sdk-typescript.test.ts.
 */

import { readFileSync } from 'node:fs'
import { type ServerType, serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSchemaTs, SCHEMA_FILE, SPEC_FILE } from '../sdk/generate.ts'
import { createGatehouseClient, type GatehouseClient, type GatehouseClientOptions, type Problem, type Tokens } from '../sdk/typescript/index.ts'
import { newEmail, PASSWORD, prepareStore } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

// Every caller here is 127.0.0.1 (or no address at all): budgets no run of this suite can exhaust.
const ENV = {
  AUTH_RATE_LIMIT_IP: '100000',
  AUTH_RATE_LIMIT_ACCOUNT: '100000',
  RATE_LIMIT_REQUESTS: '1000000',
  QUOTA_API_CALLS_PER_HOUR: '1000000',
}

/** Asserts an RFC 9457 answer and returns its (typed) body. */
function expectProblem(error: Problem | undefined, response: Response, status: number): Problem {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(error?.status).toBe(status)
  expect(error?.type).toMatch(/^https?:\/\//)
  expect(typeof error?.title).toBe('string')
  return error as Problem
}

/** Registers a new organisation through the SDK; returns its admin's e-mail. */
async function register(api: GatehouseClient): Promise<string> {
  const email = newEmail('sdk')
  const { data, error, response } = await api.POST('/api/v1/auth/register', {
    body: { email, password: PASSWORD, organization: `Org ${uniq()}` },
  })
  expect(response.status, JSON.stringify(error)).toBe(201)
  expect(data?.role).toBe('admin')
  return email
}

describe('sdk/typescript/schema.ts', () => {
  it('is what `npm run openapi` generates from openapi/openapi.json', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8')
    const fresh = await generateSchemaTs(readFileSync(SPEC_FILE, 'utf8'))
    expect(committed === fresh, 'sdk/typescript/schema.ts is out of date: run `npm run openapi`').toBe(true)
    // Deterministic: a second generation is byte-identical.
    expect(await generateSchemaTs(readFileSync(SPEC_FILE, 'utf8'))).toBe(fresh)
  })
})

describe.each(['app.request', 'HTTP'] as const)('SDK against a real embedded app (%s)', (transport) => {
  let t: TestApp
  let server: ServerType | undefined
  let connect: Pick<GatehouseClientOptions, 'baseUrl' | 'fetch'>

  beforeAll(async () => {
    t = await makeTestApp('embedded', ENV)
    await prepareStore(t.backends)
    if (transport === 'app.request') {
      connect = { baseUrl: 'http://gatehouse.test', fetch: (req) => t.app.request(req) }
    } else {
      const port = await new Promise<number>((resolve) => {
        server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
      })
      connect = { baseUrl: `http://127.0.0.1:${port}` }
    }
  })

  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()))
    await t?.close()
  })

  it('register → login → me → profile → upload → list → stats → logout, then a typed 401', async () => {
    const seen: Tokens[] = []
    const api = createGatehouseClient({ ...connect, onTokens: (tokens) => seen.push(tokens) })
    const email = await register(api)

    const login = await api.login({ email, password: PASSWORD, device: 'sdk test' })
    expect(login.response.status, JSON.stringify(login.error)).toBe(200)
    expect(login.data?.token_type).toBe('Bearer')
    const access = login.data!.access_token
    expect(api.getTokens()).toEqual({ access, refresh: login.data!.refresh_token })
    expect(seen).toEqual([api.getTokens()])

    const me = await api.GET('/api/v1/auth/me')
    expect(me.data?.email).toBe(email)
    expect(me.data?.role).toBe('admin')
    expect(me.data?.session_id).toBe(login.data!.session_id)

    const profile = await api.GET('/api/v1/users/profile')
    expect(profile.response.status, JSON.stringify(profile.error)).toBe(200)
    expect(profile.data?.user_id).toBe(me.data!.user_id)
    const etag = profile.response.headers.get('etag')
    expect(etag).toBeTruthy()

    const patched = await api.PATCH('/api/v1/users/profile', {
      params: { header: { 'if-match': etag! } },
      body: { preferences: { theme: 'light', timezone: 'Europe/Paris' } },
    })
    expect(patched.response.status, JSON.stringify(patched.error)).toBe(200)
    expect(patched.data?.preferences.theme).toBe('light')
    expect(patched.data?.preferences.timezone).toBe('Europe/Paris')
    // The ETag we sent is stale now: a typed 412 problem, nothing written.
    const stale = await api.PATCH('/api/v1/users/profile', { params: { header: { 'if-match': etag! } }, body: { preferences: { theme: 'dark' } } })
    expectProblem(stale.error, stale.response, 412)
    expect((await api.GET('/api/v1/users/profile')).data?.preferences.theme).toBe('light')

    const created = await api.POST('/api/v1/logs/metadata', {
      body: { task_id: 'sdk-task', source: 'sdk', environment: 'test', file_name: 'app.log', file_size: 2048, format_type: 'json', log_count: 12 },
    })
    expect(created.response.status, JSON.stringify(created.error)).toBe(201)
    expect(created.data?.status).toBe('pending')
    const uploadId = created.data!.upload_id

    const list = await api.GET('/api/v1/logs/metadata', { params: { query: { page_size: 10, sort: '-created_at' } } })
    expect(list.response.status, JSON.stringify(list.error)).toBe(200)
    expect(list.data?.total).toBe(1)
    expect(list.data?.metadata.map((u) => u.upload_id)).toEqual([uploadId])

    const stats = await api.GET('/api/v1/logs/metadata/stats', { params: { query: { days: 7 } } })
    expect(stats.response.status, JSON.stringify(stats.error)).toBe(200)
    expect(stats.data).toMatchObject({ period_days: 7, total_uploads: 1, total_size_bytes: 2048 })
    expect(stats.data?.by_status.pending?.count).toBe(1)

    // Bad input is a typed 422 problem, not an exception.
    const bad = await api.GET('/api/v1/logs/metadata', { params: { query: { page_size: 0 } } })
    expectProblem(bad.error, bad.response, 422)

    const out = await api.logout()
    expect(out.response.status).toBe(204)
    expect(api.getTokens()).toEqual({ access: undefined, refresh: undefined })
    expect(seen.at(-1)).toEqual({ access: undefined, refresh: undefined })

    const anonymous = await api.GET('/api/v1/auth/me')
    expect(anonymous.data).toBeUndefined()
    expectProblem(anonymous.error, anonymous.response, 401)

    // The signed-out access token itself is revoked server-side.
    const old = createGatehouseClient({ ...connect, token: access })
    const revoked = await old.GET('/api/v1/auth/me')
    const problem = expectProblem(revoked.error, revoked.response, 401)
    expect(JSON.stringify(problem)).not.toContain(access)
  })

  it('refreshes once on a 401 and resends the call (body included) with the new token', async () => {
    const api = createGatehouseClient(connect)
    const email = await register(api)
    const login = await api.login({ email, password: PASSWORD })
    const first = api.getTokens()
    expect(first.refresh).toBe(login.data?.refresh_token)

    // A dead access token with a live refresh token: the client trades it and retries.
    const seen: Tokens[] = []
    const stale = createGatehouseClient({ ...connect, token: 'not-a-token', refreshToken: first.refresh!, onTokens: (tokens) => seen.push(tokens) })
    const me = await stale.GET('/api/v1/auth/me')
    expect(me.response.status, JSON.stringify(me.error)).toBe(200)
    expect(me.data?.email).toBe(email)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.access).toBeTruthy()
    expect(seen[0]!.refresh).not.toBe(first.refresh)

    // Again with a POST: the resent request carries the same JSON body.
    stale.setTokens({ access: 'not-a-token', refresh: stale.getTokens().refresh })
    const created = await stale.POST('/api/v1/logs/metadata', {
      body: { source: 'sdk', environment: 'test', file_name: 'retried.log', file_size: 7, format_type: 'text' },
    })
    expect(created.response.status, JSON.stringify(created.error)).toBe(201)
    expect(created.data?.file_name).toBe('retried.log')

    // Concurrent 401s share one refresh (a refresh token is single use).
    stale.setTokens({ access: 'not-a-token', refresh: stale.getTokens().refresh })
    seen.length = 0
    const both = await Promise.all([stale.GET('/api/v1/auth/me'), stale.GET('/api/v1/users/profile')])
    expect(both.map((r) => r.response.status)).toEqual([200, 200])
    expect(seen).toHaveLength(1)

    // Only a refresh token (as restored from storage): the first 401 fetches the access token.
    const restored = createGatehouseClient({ ...connect, refreshToken: stale.getTokens().refresh! })
    const again = await restored.GET('/api/v1/auth/me')
    expect(again.response.status, JSON.stringify(again.error)).toBe(200)
    expect(restored.getTokens().access).toBeTruthy()

    // The first refresh token was used up: refusing it leaves a typed 401 and no tokens.
    const spent = createGatehouseClient({ ...connect, token: 'not-a-token', refreshToken: first.refresh! })
    const refused = await spent.GET('/api/v1/auth/me')
    expectProblem(refused.error, refused.response, 401)
    expect(spent.getTokens()).toEqual({ access: undefined, refresh: undefined })
  })
})
