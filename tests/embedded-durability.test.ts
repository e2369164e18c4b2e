/**
 * The process that owns an embedded data dir (gatehouse.lock) keeps rate-limit windows and hot
 * rows in memory (src/adapters/embedded/kv-memory.ts). What that must not cost:
 * - limits stay exact under concurrency within the process, and a clean restart keeps them;
 * - every ACKNOWLEDGED write (sessions, revocations, counters, documents — through the real Node
 *   entry: sign-ins, sign-outs, profiles, uploads) survives kill -9, which loses at most the
 *   window charges made since the last flush (FLUSH_INTERVAL_MS);
 * - other processes on the same data dir (the admin CLI, a second server) run in transactional
 *   mode, and the owner sees their writes on its next request (revocations, sessions, cache
 *   invalidations, charges); ownership passes on when the owner is gone, even by kill -9;
 * - processes in transactional mode stay exact among themselves.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { claimDataDir, createEmbeddedBackends } from '../src/adapters/embedded/index.ts'
import { createEmbeddedKv } from '../src/adapters/embedded/kv.ts'
import type { Backends, Charge, RatePolicy } from '../src/ports.ts'
import { parseSfList } from './gate-helpers.ts'
import { startServer } from './harness/node-server.ts'

const ROOT = resolve(import.meta.dirname, '..')
const root = mkdtempSync(join(tmpdir(), 'gatehouse-durability-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const times = { session: { idleSeconds: 3600, maxLifetimeSeconds: 86_400 } }
let n = 0
const freshDir = () => join(root, `d${n++}`)

const burst = (limit: number): RatePolicy => ({ name: 'burst', limit, windowSeconds: 3600 })
const charges = (limit: number): Charge[] => [{ bucket: 'u:u1', policy: burst(limit) }]

async function signedIn(b: Pick<Backends, 'sessions'>) {
  const { id } = await b.sessions.create({ userId: 'u1', tenantId: 't1', role: 'admin' })
  return { tenantId: 't1', userId: 'u1', sessionId: id, tokenIds: ['jti-1'], issuedAt: Math.floor(Date.now() / 1000) }
}

/** Runs `node <args>` and resolves its first stdout line (JSON), keeping the process. */
function startWriter(args: string[]): Promise<{ child: ChildProcess; line: any }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d) => {
      out += d
      const nl = out.indexOf('\n')
      if (nl >= 0) res({ child, line: JSON.parse(out.slice(0, nl)) })
    })
    child.on('exit', (code) => rej(new Error(`writer exited with ${code}: ${err}`)))
  })
}

const killed = (child: ChildProcess) =>
  new Promise<void>((res) => {
    child.removeAllListeners('exit')
    child.once('exit', () => res())
    child.kill('SIGKILL')
  })

describe('embedded memory mode, in process', () => {
  it('one owner per data dir; ownership passes on when released', async () => {
    const dir = freshDir()
    const first = claimDataDir(dir)
    const second = claimDataDir(dir)
    expect([first.owner, second.owner]).toEqual([true, false])
    first.release()
    const third = claimDataDir(dir)
    expect(third.owner).toBe(true)
    third.release()
  })

  it('limits stay exact under concurrency: 400 admissions at once against a limit of 100', async () => {
    const b = createEmbeddedBackends(freshDir(), times)
    try {
      const subject = await signedIn(b)
      const results = await Promise.all(Array.from({ length: 400 }, () => b.gatekeeper.admit({ subject, charges: charges(100) })))
      expect(results.filter((r) => r.valid && r.rate.allowed).length).toBe(100)
      const checks = await Promise.all(Array.from({ length: 300 }, () => b.rateLimiter.check('ip:1', [burst(50)])))
      expect(checks.filter((r) => r.allowed).length).toBe(50)
    } finally {
      await b.close?.()
    }
  })

  it('a clean restart keeps every window (close writes what is only in memory)', async () => {
    const dir = freshDir()
    let b = createEmbeddedBackends(dir, times)
    const subject = await signedIn(b)
    for (let i = 0; i < 7; i++) await b.gatekeeper.admit({ subject, charges: charges(100) })
    for (let i = 0; i < 3; i++) await b.rateLimiter.check('ip:1', [burst(10)])
    await b.close?.()
    b = createEmbeddedBackends(dir, times)
    try {
      const next = await b.gatekeeper.admit({ subject, charges: charges(100) })
      expect(next.valid && next.rate.policies[0]!.remaining).toBe(100 - 8)
      expect((await b.rateLimiter.check('ip:1', [burst(10)])).policies[0]!.remaining).toBe(10 - 4)
    } finally {
      await b.close?.()
    }
  })

  it('kill -9 keeps every acknowledged write and loses at most the charges since the last flush', async () => {
    const dir = freshDir()
    const flushed = 30
    const unflushed = 12
    const { child, line } = await startWriter(['tests/harness/embedded-writer.ts', dir, String(flushed), String(unflushed)])
    expect(line.ready).toBe(true)
    await killed(child)

    const b = createEmbeddedBackends(dir, times)
    try {
      expect(await b.sessions.get('t1', line.session)).toMatchObject({ userId: 'u1', tenantId: 't1', role: 'admin' })
      expect(await b.revocations.isRevoked('t1', 'jti-revoked')).toBe(true)
      expect(await b.counters.get('logs')).toBe(5)
      expect(await b.documents.collection('notes').findOne({ _id: 'n1' })).toEqual({ _id: 'n1', text: 'acknowledged' })
      const peek = await b.rateLimiter.check('ip:writer', [{ name: 'burst', limit: 1000, windowSeconds: 3600 }], { cost: 0 })
      const used = 1000 - peek.policies[0]!.remaining
      expect(used).toBeGreaterThanOrEqual(flushed) // what was flushed is never lost
      expect(used).toBeLessThanOrEqual(flushed + unflushed)
    } finally {
      await b.close?.()
    }
  })
})

describe('the owner and another process on one data dir', () => {
  it("the owner sees the other one's revocations, sign-outs, invalidations and charges on its next call", async () => {
    const dir = freshDir()
    const owner = createEmbeddedBackends(dir, times)
    const other = createEmbeddedBackends(dir, times) // not the owner: transactional mode
    const tick = () => new Promise((r) => setTimeout(r, 1))
    let closed = false
    try {
      const subject = await signedIn(owner)
      expect((await owner.gatekeeper.admit({ subject, charges: charges(100) })).valid).toBe(true) // remembered
      await tick()
      await other.revocations.revokeToken('t1', 'jti-1', Date.now() + 60_000)
      await tick()
      expect(await owner.gatekeeper.admit({ subject, charges: charges(100) })).toEqual({ valid: false, reason: 'revoked' })

      const second = { ...(await signedIn(owner)), tokenIds: [] }
      expect((await owner.gatekeeper.admit({ subject: second, charges: [] })).valid).toBe(true)
      await tick()
      await other.sessions.revokeAll('t1', 'u1')
      await tick()
      expect((await owner.gatekeeper.admit({ subject: second, charges: [] })).valid).toBe(false)

      await owner.cache.set({ tenantId: 't1' }, 'k', { v: 1 }, { ttlSeconds: 60, tags: ['x'] })
      expect((await owner.cache.get({ tenantId: 't1' }, 'k', ['x'])).value).toEqual({ v: 1 }) // remembered
      await tick()
      await other.cache.invalidateTags('t1', ['x'])
      await tick()
      expect((await owner.cache.get({ tenantId: 't1' }, 'k', ['x'])).value).toBeNull()

      // Windows: the owner's unflushed charges plus the other's, in both directions.
      for (let i = 0; i < 10; i++) await owner.rateLimiter.check('ip:both', [burst(100)])
      await tick()
      for (let i = 0; i < 5; i++) await other.rateLimiter.check('ip:both', [burst(100)])
      await tick()
      expect((await owner.rateLimiter.check('ip:both', [burst(100)])).policies[0]!.remaining).toBe(100 - 16)
      await owner.close?.() // flushes: the other one sees all of them now
      closed = true
      expect((await other.rateLimiter.check('ip:both', [burst(100)])).policies[0]!.remaining).toBe(100 - 17)
    } finally {
      if (!closed) await owner.close?.()
      await other.close?.()
    }
  })
})

describe('transactional mode: connections that share one file stay exact', () => {
  it('two connections on one file, charges interleaved: exactly the limit passes', async () => {
    const dir = freshDir()
    mkdirSync(dir, { recursive: true })
    const open = () => {
      const db = new DatabaseSync(join(dir, 'shared.db'))
      db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;')
      return db
    }
    const [a, b] = [open(), open()]
    const [kvA, kvB] = [createEmbeddedKv(a, times), createEmbeddedKv(b, times)]
    try {
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? kvA : kvB).rateLimiter.check('ip:shared', [burst(120)])))
      expect(results.filter((r) => r.allowed).length).toBe(120)
      const { id } = await kvA.sessions.create({ userId: 'u1', tenantId: 't1', role: 'viewer' })
      const subject = { tenantId: 't1', userId: 'u1', sessionId: id, tokenIds: ['j'], issuedAt: Math.floor(Date.now() / 1000) }
      expect((await kvB.gatekeeper.admit({ subject, charges: charges(5) })).valid).toBe(true)
      await kvA.sessions.revokeAll('t1', 'u1')
      expect((await kvB.gatekeeper.admit({ subject, charges: charges(5) })).valid).toBe(false) // B sees A's write at once
    } finally {
      await kvA.close?.()
      await kvB.close?.()
      a.close()
      b.close()
    }
  })
})

describe('through the real Node entry', () => {
  const json = (token?: string) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) })
  const post = async (origin: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(`${origin}${path}`, { method: 'POST', headers: json(token), body: JSON.stringify(body) })
    return { status: res.status, body: (await res.json().catch(() => null)) as any }
  }
  const burstRemaining = (res: Response) => parseSfList(res.headers.get('ratelimit') ?? '').find((i) => i.value === 'burst')?.params.r as number

  it('every acknowledged write survives kill -9; the windows lose at most the last interval', async () => {
    const dataDir = freshDir()
    const env = { RATE_LIMIT_REQUESTS: '1000', RATE_LIMIT_WINDOW: '3600' }
    let server = await startServer('node', env, { dataDir })
    const email = `durable-${Date.now().toString(36)}@example.test`
    const password = 'durable password 1'
    expect((await post(server.origin, '/api/v1/auth/register', { email, password, organization: 'Durable' })).status).toBe(201)
    const kept = (await post(server.origin, '/api/v1/auth/login', { email, password })).body.access_token as string
    const dropped = (await post(server.origin, '/api/v1/auth/login', { email, password })).body.access_token as string
    expect((await post(server.origin, '/api/v1/auth/logout', {}, dropped)).status).toBe(204)
    const upload = await post(
      server.origin,
      '/api/v1/logs/metadata/',
      { task_id: 'durable-1', source: 'test', environment: 'production', service_name: 'svc', file_name: 'a.log', file_size: 10, format_type: 'json' },
      kept,
    )
    expect(upload.status).toBe(201)
    const patched = await fetch(`${server.origin}/api/v1/users/profile`, {
      method: 'PATCH',
      headers: json(kept),
      body: JSON.stringify({ preferences: { theme: 'dark' } }),
    })
    expect(patched.status).toBe(200)
    // Charges that have certainly been flushed, then some that may not have been.
    let last = await fetch(`${server.origin}/api/v1/auth/me`, { headers: json(kept) })
    const afterFlushed = burstRemaining(last)
    await new Promise((r) => setTimeout(r, 2500))
    for (let i = 0; i < 5; i++) last = await fetch(`${server.origin}/api/v1/auth/me`, { headers: json(kept) })
    const beforeKill = burstRemaining(last)
    await server.kill()

    server = await startServer('node', env, { dataDir })
    try {
      const me = await fetch(`${server.origin}/api/v1/auth/me`, { headers: json(kept) })
      expect(me.status).toBe(200) // the session and the signing key survived
      const now = burstRemaining(me)
      expect(now).toBeLessThanOrEqual(afterFlushed - 1) // flushed charges are never lost
      expect(now).toBeGreaterThanOrEqual(beforeKill - 1) // at most the unflushed ones are
      expect((await fetch(`${server.origin}/api/v1/auth/me`, { headers: json(dropped) })).status).toBe(401) // the sign-out too
      const got = await fetch(`${server.origin}/api/v1/logs/metadata/${upload.body.upload_id}`, { headers: json(kept) })
      expect(got.status).toBe(200)
      const profile = await fetch(`${server.origin}/api/v1/users/profile`, { headers: json(kept) })
      expect(((await profile.json()) as any).preferences.theme).toBe('dark')
    } finally {
      await server.stop()
    }
  })

  it('a second server on the same data dir runs in transactional mode; a sign-out through it is refused by the first at once', async () => {
    const dataDir = freshDir()
    const first = await startServer('node', {}, { dataDir })
    let second: Awaited<ReturnType<typeof startServer>> | undefined
    try {
      second = await startServer('node', {}, { dataDir })
      expect(second.output()).toMatch(/another process owns .*gatehouse\.lock: this one uses the data dir in transactional mode/)
      expect(first.output()).not.toMatch(/transactional mode/)
      const email = `shared-${Date.now().toString(36)}@example.test`
      const password = 'shared password 1'
      expect((await post(first.origin, '/api/v1/auth/register', { email, password, organization: 'Shared' })).status).toBe(201)
      const token = (await post(second.origin, '/api/v1/auth/login', { email, password })).body.access_token as string
      expect((await fetch(`${first.origin}/api/v1/auth/me`, { headers: json(token) })).status).toBe(200) // remembered by the first
      expect((await post(second.origin, '/api/v1/auth/logout', {}, token)).status).toBe(204)
      expect((await fetch(`${first.origin}/api/v1/auth/me`, { headers: json(token) })).status).toBe(401)
    } finally {
      await second?.stop()
      await first.kill()
    }
    // The owner died by kill -9: the next server owns the data dir.
    const next = await startServer('node', {}, { dataDir })
    try {
      expect((await fetch(`${next.origin}/health/live`)).status).toBe(200)
      expect(next.output()).not.toMatch(/transactional mode/)
    } finally {
      await next.stop()
    }
  })
})
