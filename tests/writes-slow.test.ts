/**
 * Writes that outlive their answer deadline, on the remote stack with a delay proxy in front of
 * the Data API gateway (tests/harness/delay-proxy.ts): the client gets 503 `write-pending` at the
 * deadline, the write goes on with ALL its side effects (cache invalidation, the logs_per_day
 * counter, the sessions of a role change), and a retry with the same Idempotency-Key gets 409
 * while it runs and its real outcome once it settled. Also through the real Node entry (socket,
 * its waitUntil), where nothing but HTTP is seen.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logsKey } from '../src/services/quotas.ts'
import { freePort, stopChild, waitFor } from '../tools/lib/process.ts'
import { call, newEmail, PASSWORD, type Reply } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { type DelayProxy, startDelayProxy } from './harness/delay-proxy.ts'
import { need, uniq } from './harness/services.ts'
import { addMember, expectProblem, newTenant, readUntilHit, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const M = '/api/v1/logs/metadata'
/** The answer deadline in these tests; the proxy holds writes well past it. */
const DEADLINE_MS = 700
const SLOW_MS = 1800

/** Retries `send` (the client's retry loop) until it is no longer 409 in-use; returns that answer. */
async function retryUntilSettled(send: () => Promise<Reply>, ms = 20_000): Promise<{ answer: Reply; busy: number }> {
  const started = Date.now()
  let busy = 0
  for (;;) {
    const answer = await send()
    if (!(answer.status === 409 && String(answer.body?.type).endsWith('/idempotency-key-in-use'))) return { answer, busy }
    busy++
    if (Date.now() - started > ms) throw new Error(`still running after ${ms} ms`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

describe('writes past their deadline (remote, slow gateway)', () => {
  let proxy: DelayProxy
  let t: TestApp

  beforeAll(async () => {
    proxy = await startDelayProxy(need('gatewayUrl'))
    t = await makeTestApp('remote', {
      ...UPLOAD_TEST_ENV,
      MONGO_DATA_API_URL: proxy.url,
      BACKEND_TIMEOUT_MS: String(DEADLINE_MS),
      BACKEND_WRITE_TIMEOUT_MS: '10000',
    })
  })
  afterAll(async () => {
    await proxy?.idle()
    await t?.close()
    await proxy?.close()
  })

  it('a 503 upload create lands later: the next list shows it (cache invalidated), the logs counter has it, the key replays it once', async () => {
    const owner = await newTenant(t.app)
    expect((await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: owner.token })).status).toBe(200)
    // The tenant's list is cached before the write.
    await readUntilHit(t.app, owner.token, `${M}?page_size=50`)
    const key = crypto.randomUUID()
    const body = { source: 'api', environment: 'prod', file_name: `slow-${uniq()}.log`, file_size: 5, format_type: 'json', log_count: 42 }
    const send = () => call(t.app, 'POST', M, { token: owner.token, body, headers: { 'idempotency-key': key } })

    proxy.delay('insertOne', SLOW_MS)
    const started = performance.now()
    const first = await send()
    const took = performance.now() - started
    expectProblem(first, 503, 'write-pending')
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(took).toBeLessThan(DEADLINE_MS + 700) // answered at the deadline, not when the write finished
    // A retry while it runs: 409, and nothing runs twice.
    const { answer, busy } = await retryUntilSettled(send)
    proxy.delay('insertOne', 0)
    expect(busy).toBeGreaterThanOrEqual(1)
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.headers.get('idempotent-replayed')).toBe('true')
    expect(answer.headers.get('location')).toBe(`${M}/${answer.body.upload_id}`)
    expect(answer.body).toMatchObject({ file_name: body.file_name, log_count: 42, tenant_id: owner.tenantId, status: 'pending' })
    expect(proxy.forwarded('insertOne')).toBeGreaterThanOrEqual(1)

    // Side effects followed the write: the cached list was dropped, the quota counter charged.
    const list = await call(t.app, 'GET', `${M}?page_size=50`, { token: owner.token })
    expect(list.status).toBe(200)
    expect(list.body.metadata.filter((u: { file_name: string }) => u.file_name === body.file_name)).toHaveLength(1)
    expect(await t.backends.counters.get(logsKey(owner.tenantId, Date.now()))).toBe(42)
    // The same key keeps answering the same body; still one upload.
    const again = await send()
    expect(again.body).toEqual(answer.body)
    expect(await t.backends.documents.collection('log_metadata').count({ tenant_id: owner.tenantId, file_name: body.file_name })).toBe(1)
  })

  it('a 503 status change without a key still completes with its side effects (cache, counter)', async () => {
    const owner = await newTenant(t.app)
    const created = await call(t.app, 'POST', M, {
      token: owner.token,
      body: { source: 's', environment: 'e', file_name: 'f.log', file_size: 1, format_type: 'text' },
    })
    expect(created.status).toBe(201)
    const id = created.body.upload_id
    expect((await call(t.app, 'PATCH', `${M}/${id}`, { token: owner.token, body: { status: 'processing' } })).status).toBe(200)
    await readUntilHit(t.app, owner.token, `${M}?status=success`)
    proxy.delay('updateOne', SLOW_MS)
    const late = await call(t.app, 'PATCH', `${M}/${id}`, { token: owner.token, body: { status: 'success', log_count: 9 } })
    expectProblem(late, 503, 'write-pending')
    await proxy.idle()
    proxy.delay('updateOne', 0)
    await waitFor('the status change to settle', async () => (await t.backends.counters.get(logsKey(owner.tenantId, Date.now()))) === 9, 10_000)
    const list = await call(t.app, 'GET', `${M}?status=success`, { token: owner.token })
    expect(list.body.metadata.map((u: { upload_id: string }) => u.upload_id)).toEqual([id])
  })

  it('a slow demotion, then its retry: role and sessions agree, and the demoted token is refused on admin routes', async () => {
    const boss = await newTenant(t.app)
    const deputy = await addMember(t.app, boss, 'admin')
    expect((await call(t.app, 'GET', '/api/v1/users/tenant/users/', { token: deputy.token })).status).toBe(200)
    const key = crypto.randomUUID()
    const demote = () =>
      call(t.app, 'PATCH', `/api/v1/users/admin/profile/${deputy.userId}`, { token: boss.token, body: { role: 'viewer' }, headers: { 'idempotency-key': key } })

    proxy.delay('updateOne', SLOW_MS) // the profile write and the account's role, each late
    const first = await demote()
    expectProblem(first, 503, 'write-pending')
    const { answer } = await retryUntilSettled(demote)
    proxy.delay('updateOne', 0)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body.role).toBe('viewer')
    expect(answer.headers.get('idempotent-replayed')).toBe('true')

    // The token the deputy already holds is a viewer's now, on every admin route.
    expect((await call(t.app, 'GET', '/api/v1/users/tenant/users/', { token: deputy.token })).status).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: deputy.token })).body.role).toBe('viewer')
    const attack = await call(t.app, 'PATCH', `/api/v1/users/admin/profile/${boss.userId}`, {
      token: deputy.token,
      body: { api_quota: { api_calls_per_hour: 0 } },
    })
    expectProblem(attack, 403)
    // The account agrees: a fresh sign-in is a viewer too.
    const users = await t.backends.documents.collection('users').findOne({ user_id: deputy.userId })
    expect(users?.role).toBe('viewer')
    // And a plain retry (no key) answers 200 with the same state, changing nothing else.
    const plain = await call(t.app, 'PATCH', `/api/v1/users/admin/profile/${deputy.userId}`, { token: boss.token, body: { role: 'viewer' } })
    expect(plain.status).toBe(200)
    expect(plain.body.role).toBe('viewer')
    expect((await call(t.app, 'GET', '/api/v1/users/tenant/users/', { token: deputy.token })).status).toBe(403)
  })

  it('a write the database never gets within BACKEND_WRITE_TIMEOUT_MS frees its key: the retry runs it', async () => {
    const short = await makeTestApp('remote', {
      ...UPLOAD_TEST_ENV,
      MONGO_DATA_API_URL: proxy.url,
      BACKEND_TIMEOUT_MS: String(DEADLINE_MS),
      BACKEND_WRITE_TIMEOUT_MS: '900',
    })
    try {
      const owner = await newTenant(short.app)
      const key = crypto.randomUUID()
      const body = { source: 'api', environment: 'prod', file_name: `lost-${uniq()}.log`, file_size: 5, format_type: 'json' }
      const send = () => call(short.app, 'POST', M, { token: owner.token, body, headers: { 'idempotency-key': key } })
      proxy.delay('insertOne', 2500)
      expectProblem(await send(), 503, 'write-pending')
      // The transport gives up at 900 ms: the outcome is unknown, so the key is released...
      await waitFor(
        'the key to be released',
        async () => (await short.backends.idempotency.lookup({ tenantId: owner.tenantId, caller: owner.userId }, key)) === null,
        10_000,
      )
      await proxy.idle() // ...and the held insert lands after all (a slow network, not a dead one)
      proxy.delay('insertOne', 0)
      const retry = await send()
      // The retry runs again; its generated upload_id differs, so the late insert shows as a second record.
      expect(retry.status).toBe(201)
      expect(retry.headers.get('idempotent-replayed')).toBeNull()
    } finally {
      await short.close()
    }
  })
})

describe('writes past their deadline through the real Node entry (socket, its waitUntil)', () => {
  let proxy: DelayProxy
  let server: ChildProcess | undefined
  let origin = ''
  let dataDir = ''
  let output = ''

  beforeAll(async () => {
    proxy = await startDelayProxy(need('gatewayUrl'))
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-writes-'))
    const port = await freePort()
    origin = `http://127.0.0.1:${port}`
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_|TRUSTED_)/.test(k)))
    server = spawn(process.execPath, ['src/entry/node.ts'], {
      cwd: resolve(import.meta.dirname, '..'),
      env: {
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        GATEHOUSE_DATA_DIR: dataDir,
        UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
        UPSTASH_REDIS_REST_TOKEN: need('redisHttpToken'),
        MONGO_DATA_API_URL: proxy.url,
        MONGO_DATA_API_KEY: need('gatewayKey'),
        MONGO_DB_NAME: `w${Math.random().toString(36).slice(2, 10)}`,
        BACKEND_TIMEOUT_MS: String(DEADLINE_MS),
        AUTH_RATE_LIMIT_IP: '100000',
        AUTH_RATE_LIMIT_ACCOUNT: '100000',
        RATE_LIMIT_REQUESTS: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (d) => (output += d))
    server.stderr!.on('data', (d) => (output += d))
    await waitFor(
      `gatehouse on ${origin}`,
      async () => {
        if (server!.exitCode !== null) throw new Error(`gatehouse exited with ${server!.exitCode}:\n${output}`)
        return (await fetch(`${origin}/health/live`).catch(() => null))?.ok === true
      },
      20_000,
    )
  })
  afterAll(async () => {
    if (server) await stopChild(server)
    await proxy?.idle()
    await proxy?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const http = async (method: string, path: string, o: { token?: string; body?: unknown; key?: string } = {}) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.key ? { 'idempotency-key': o.key } : {}),
      },
      ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null } as Reply
  }

  it('register replays per socket address; a slow upload answers 503, settles in the background and replays', async () => {
    const email = newEmail('entry')
    const regKey = crypto.randomUUID()
    const reg = { email, password: PASSWORD, organization: 'Entry Org' }
    const r1 = await http('POST', '/api/v1/auth/register', { body: reg, key: regKey })
    expect(r1.status, JSON.stringify(r1.body)).toBe(201)
    const r2 = await http('POST', '/api/v1/auth/register', { body: reg, key: regKey })
    expect(r2.status).toBe(201)
    expect(r2.body).toEqual(r1.body)
    expect(r2.headers.get('idempotent-replayed')).toBe('true')

    const login = await http('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })
    expect(login.status).toBe(200)
    const token = login.body.access_token as string
    const key = crypto.randomUUID()
    const upload = { source: 'api', environment: 'prod', file_name: 'entry.log', file_size: 1, format_type: 'json' }
    proxy.delay('insertOne', SLOW_MS)
    const first = await http('POST', M, { token, body: upload, key })
    expectProblem(first, 503, 'write-pending')
    const { answer } = await retryUntilSettled(() => http('POST', M, { token, body: upload, key }))
    proxy.delay('insertOne', 0)
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.file_name).toBe('entry.log')
    const list = await http('GET', M, { token })
    expect(list.body.metadata.map((u: { upload_id: string }) => u.upload_id)).toEqual([answer.body.upload_id])
  })
})
