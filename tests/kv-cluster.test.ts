/**
 * The Redis layer on a 3-node Redis Cluster: every key-value contract suite through
 * @upstash/redis → tools/redis-http in cluster mode (ioredis' Cluster client) → three
 * redis-server masters started here, plus the gate's one-round-trip property on that cluster.
 *
 * Redis Cluster itself only refuses a script's undeclared keys when they live in ANOTHER slot
 * (scriptVerifyClusterState); Dragonfly and Valkey/Redis with strict key checks refuse every
 * undeclared key. So the contract suites run with `declaredKeysOnly()`: each script (ours and
 * @upstash/ratelimit's) is sent with a prelude that asks Redis for the keys of every command the
 * script issues (COMMAND GETKEYS) and fails the script on one that is not in KEYS.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from '@upstash/redis/cloudflare'
import { Redis as IoRedis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUpstashKv, createUpstashKvFromRedis } from '../src/adapters/upstash/index.ts'
import type { KvBackends, SessionInput, SessionTimes } from '../src/ports.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { type RunningRedisCluster, startRedisCluster } from '../tools/lib/redis-cluster.ts'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { apiKeyStoreContract, tenantPlansContract } from './contracts/api-keys.contract.ts'
import { cacheContract } from './contracts/cache.contract.ts'
import { countersContract } from './contracts/counters.contract.ts'
import { gatekeeperContract, gatekeeperKeyContract } from './contracts/gatekeeper.contract.ts'
import { idempotencyContract } from './contracts/idempotency.contract.ts'
import { locksContract } from './contracts/locks.contract.ts'
import { metricsContract } from './contracts/metrics.contract.ts'
import { rateLimiterContract } from './contracts/rate-limiter.contract.ts'
import { revocationsContract } from './contracts/revocations.contract.ts'
import { sessionStoreContract } from './contracts/sessions.contract.ts'
import { GATE_ENV, newUser, randomIp } from './gate-helpers.ts'
import { makeTestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const TOKEN = 'kv-cluster-token'
const DEFAULT_TIMES: SessionTimes = { idleSeconds: 3600, maxLifetimeSeconds: 86_400 }
/** Prefixes this file used, so the spread check below counts only its own keys. */
const RUN = uniq('cl')

let cluster: RunningRedisCluster
let srv: RunningRedisHttp

beforeAll(async () => {
  cluster = await startRedisCluster({ nodes: 3 })
  srv = await startRedisHttp({ cluster: cluster.nodes, token: TOKEN, port: 0, quiet: true })
})

afterAll(async () => {
  await srv?.close()
  await cluster?.stop()
})

/** Fails a script on the first command touching a key it did not declare (see the file's note). */
const PRELUDE = `local __declared = {}
for _, k in ipairs(KEYS) do __declared[k] = true end
local __redis = redis
local function __undeclared(cmd, ...)
  local ok, keys = pcall(__redis.call, 'COMMAND', 'GETKEYS', cmd, ...)
  if not ok then return nil end
  for _, k in ipairs(keys) do
    if not __declared[k] then return 'UNDECLARED key ' .. k .. ' in ' .. tostring(cmd) end
  end
  return nil
end
local redis = setmetatable({
  call = function(cmd, ...)
    local e = __undeclared(cmd, ...)
    if e then error({ err = e }) end
    return __redis.call(cmd, ...)
  end,
  pcall = function(cmd, ...)
    local e = __undeclared(cmd, ...)
    if e then return { err = e } end
    return __redis.pcall(cmd, ...)
  end,
}, { __index = __redis })
`

/** Every script source the checker instrumented (so a test can tell which scripts it saw). */
const checked = new Set<string>()

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex')

/** The script with the prelude, after a shebang line if there is one (@upstash/ratelimit's). */
function instrument(source: string): { text: string; sha: string } {
  const nl = source.indexOf('\n')
  const text = source.startsWith('#!') && nl > 0 ? `${source.slice(0, nl + 1)}${PRELUDE}${source.slice(nl + 1)}` : `${PRELUDE}${source}`
  return { text, sha: sha1(text) }
}

/**
 * The client with EVAL/EVALSHA rewritten to run the instrumented text. EVALSHA is still issued in
 * the caller's tick (auto-pipelining unchanged); an unknown SHA answers NOSCRIPT without a request,
 * so the caller sends the source with EVAL, as after a Redis restart.
 */
function declaredKeysOnly(redis: Redis, seen = checked): Redis {
  type Run = (script: string, keys: string[], args: unknown[]) => Promise<unknown>
  // The client itself is a Proxy when auto-pipelining is on: wrap it rather than assign to it.
  const evalsha = (sha: string, keys: string[], args: unknown[]) => (redis.evalsha as Run)(sha, keys, args)
  const evalText = (text: string, keys: string[], args: unknown[]) => (redis.eval as Run)(text, keys, args)
  const known = new Map<string, { text: string; sha: string }>()
  const send = (s: { text: string; sha: string }, keys: string[], args: unknown[]) =>
    evalsha(s.sha, keys, args).catch((err: unknown) => {
      if (/NOSCRIPT/.test(String((err as Error)?.message))) return evalText(s.text, keys, args)
      throw err
    })
  const patched: Record<string, Run> = {
    eval: (source, keys, args) => {
      const s = instrument(source)
      known.set(sha1(source), s)
      seen.add(source)
      return send(s, keys, args)
    },
    evalsha: (sha, keys, args) => {
      const s = known.get(sha.toLowerCase())
      return s ? send(s, keys, args) : Promise.reject(new Error('NOSCRIPT not yet instrumented'))
    },
  }
  return new Proxy(redis, { get: (target, prop) => (typeof prop === 'string' && prop in patched ? patched[prop] : Reflect.get(target, prop)) })
}

async function make(session: SessionTimes = DEFAULT_TIMES): Promise<KvBackends> {
  const redis = new Redis({ url: srv.url, token: TOKEN, automaticDeserialization: false, enableTelemetry: false, enableAutoPipelining: true })
  return createUpstashKvFromRedis(declaredKeysOnly(redis), { session, prefix: uniq(RUN) })
}

describe('the key checker itself', () => {
  it('refuses a script that touches a key it did not declare, even in the declared key’s slot', async () => {
    const probes = new Set<string>() // not counted with the adapters' scripts below
    const redis = declaredKeysOnly(new Redis({ url: srv.url, token: TOKEN, automaticDeserialization: false, enableTelemetry: false }), probes)
    const k = `${RUN}:{probe}:a`
    await expect(redis.eval(`return redis.call('SET', KEYS[1], 'x')`, [k], [])).resolves.toBe('OK')
    await expect(redis.eval(`return redis.call('GET', KEYS[1] .. 'b')`, [k], [])).rejects.toThrow(/UNDECLARED key/)
    await expect(redis.eval(`return redis.call('DEL', KEYS[1], KEYS[1] .. 'b')`, [k], [])).rejects.toThrow(/UNDECLARED key/)
    await expect(redis.eval(`return redis.pcall('GET', 'elsewhere')`, [k], [])).rejects.toThrow(/UNDECLARED key/)
  })
})

// All suites at once, as on the single node: most of their time is spent waiting for TTLs.
describe.concurrent('key-value contracts (upstash on a 3-node Redis Cluster, declared keys only)', () => {
  sessionStoreContract('upstash cluster', make)
  revocationsContract('upstash cluster', make)
  cacheContract('upstash cluster', make)
  rateLimiterContract('upstash cluster', make)
  gatekeeperContract('upstash cluster', make)
  gatekeeperKeyContract('upstash cluster', make)
  apiKeyStoreContract('upstash cluster', make)
  tenantPlansContract('upstash cluster', make)
  countersContract('upstash cluster', make)
  locksContract('upstash cluster', make)
  idempotencyContract('upstash cluster', make)
  metricsContract('upstash cluster', make)
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const T = 't1'
const input = (userId: string, extra: Partial<SessionInput> = {}): SessionInput => ({ userId, tenantId: T, role: 'viewer', ...extra })

/** Everything a test needs to look at the keys of its own prefix. */
async function prefixed(times = DEFAULT_TIMES) {
  const prefix = uniq(RUN)
  const redis = new Redis({ url: srv.url, token: TOKEN, automaticDeserialization: false, enableTelemetry: false })
  const kv = createUpstashKvFromRedis(declaredKeysOnly(redis), { session: times, prefix })
  const raw = new Redis({ url: srv.url, token: TOKEN, automaticDeserialization: false, enableTelemetry: false, enableAutoPipelining: false })
  return { s: kv.sessions, raw, index: (userId: string) => `${prefix}:{${T}}:su:${userId}` }
}

// The two-step operations (a declared read, then a script on what it named): what happens when
// another operation lands in between. Issued in one tick, the calls share one /pipeline and run
// in call order on the node, so the interleaving is exact, not timed.
describe.sequential('session index: changes between the read and the script', () => {
  it('revokeAll also revokes a session created after its read; updateUser also updates it', async () => {
    const { s } = await prefixed()
    await s.revokeAll(T, 'warm', [])
    await s.updateUser(T, 'warm', { role: 'admin' })
    const early = await s.create(input('u1'))
    const [revoked, late] = await Promise.all([s.revokeAll(T, 'u1'), s.create(input('u1'))])
    expect(revoked).toBe(2)
    expect(await s.get(T, early.id)).toBeNull()
    expect(await s.get(T, late.id)).toBeNull()
    expect(await s.list(T, 'u1')).toEqual([])

    await s.create(input('u2'))
    const [changed, joined] = await Promise.all([s.updateUser(T, 'u2', { role: 'admin', hourlyLimit: 7 }), s.create(input('u2'))])
    expect(changed).toBe(2)
    expect(await s.get(T, joined.id)).toMatchObject({ role: 'admin', hourlyLimit: 7 })
  })

  it('a touch that loses the race against a revoke neither answers the session nor puts it back in the index', async () => {
    const { s, raw, index } = await prefixed()
    const warm = await s.create(input('warm'))
    await s.touch(T, warm.id)
    const { id, session } = await s.create(input('u3'))
    const other = await s.create(input('u3'))
    const [touched, revoked] = await Promise.all([s.touch(T, id), s.revoke(T, 'u3', session.handle)])
    expect(revoked).toBe(true)
    expect(touched).toBeNull()
    expect(await raw.zscore(index('u3'), session.handle)).toBeNull()
    expect((await s.list(T, 'u3')).map((x) => x.handle)).toEqual([other.session.handle])
  })

  it('a list that loses the race against a revoke leaves the revoked session out', async () => {
    const { s } = await prefixed()
    const a = await s.create(input('u4'))
    const b = await s.create(input('u4'))
    await s.list(T, 'u4')
    const [listed, revoked] = await Promise.all([s.list(T, 'u4'), s.revoke(T, 'u4', a.session.handle)])
    expect(revoked).toBe(true)
    expect(listed.map((x) => x.handle)).toEqual([b.session.handle])
  })
})

describe.sequential('on the cluster', () => {
  it('empty names are still one hash tag ({%}, as {} would be none): their keys meet in one slot', async () => {
    const kv = await make()
    const sliding = { name: 'burst', limit: 5, windowSeconds: 60 }
    const fixed = { name: 'hourly', limit: 9, windowSeconds: 3600, algorithm: 'fixed' as const }
    expect((await kv.rateLimiter.check('', [sliding])).allowed).toBe(true) // @upstash/ratelimit: current + previous window
    expect((await kv.rateLimiter.check('', [sliding, fixed], { cost: 2 })).policies.map((p) => p.remaining)).toEqual([2, 7])
    const { id } = await kv.sessions.create({ userId: '', tenantId: '', role: 'viewer' })
    expect(await kv.sessions.touch('', id)).toMatchObject({ userId: '', tenantId: '' })
    expect(await kv.sessions.list('', '')).toHaveLength(1)
    expect(await kv.sessions.revokeAll('', '')).toBe(1)
    const redis = new Redis({ url: srv.url, token: TOKEN, automaticDeserialization: false, enableTelemetry: false })
    expect(() => createUpstashKvFromRedis(redis, { session: DEFAULT_TIMES, prefix: 'app{x}' })).toThrow(/prefix may not contain/)
  })

  it('what each SessionStore operation costs in Redis HTTP requests (scripts loaded)', async () => {
    const conn = { url: srv.url, token: TOKEN, timeoutMs: 5000 }
    const prefix = uniq(RUN)
    const s = createUpstashKv(conn, { session: { idleSeconds: 1, maxLifetimeSeconds: 60 }, prefix }).sessions
    const long = createUpstashKv(conn, { session: DEFAULT_TIMES, prefix }).sessions // same keys, an hour of idle time
    const requests = async (fn: () => Promise<unknown>) => {
      const before = srv.stats().requests
      await fn()
      return srv.stats().requests - before
    }
    const round = async () => {
      await s.create(input('gone'))
      await sleep(1100) // 'gone' is due: the next sign-in sweeps it
      const c: Record<string, number> = {}
      let a = { id: '', session: { handle: '' } }
      c.createAndSweep = await requests(async () => (a = await s.create(input('u1', { refreshHash: 'r0' }))))
      c.create = await requests(() => s.create(input('u1')))
      c.get = await requests(() => s.get(T, a.id))
      c.touch = await requests(() => s.touch(T, a.id))
      c.touchUnknown = await requests(() => s.touch(T, 'A'.repeat(22)))
      c.update = await requests(() => s.update(T, a.id, { device: 'd' }))
      c.rotateRefresh = await requests(() => s.rotateRefresh(T, a.id, { presented: 'r0', next: 'r1', nonce: 'n1', graceMs: 10_000 }))
      c.list = await requests(() => s.list(T, 'u1'))
      c.listNone = await requests(() => s.list(T, 'nobody'))
      c.updateUser = await requests(() => s.updateUser(T, 'u1', { role: 'admin' }))
      c.updateUserNone = await requests(() => s.updateUser(T, 'nobody', { role: 'admin' }))
      c.revoke = await requests(() => s.revoke(T, 'u1', a.session.handle))
      c.revokeAll = await requests(() => s.revokeAll(T, 'u1'))
      c.revokeAllNone = await requests(() => s.revokeAll(T, 'u1'))
      await long.create(input('fresh'))
      await s.create(input('gone'))
      await sleep(1100)
      c.cleanupExpired = await requests(() => s.cleanupExpired()) // SMEMBERS, the due read, one sweep
      c.cleanupNothingDue = await requests(() => s.cleanupExpired())
      await long.revokeAll(T, 'fresh')
      c.cleanupEmptied = await requests(() => s.cleanupExpired()) // …and the SREM of the emptied tenant
      return c
    }
    await round() // loads every script on the node that owns the tenant's slot
    expect(await round()).toEqual({
      createAndSweep: 2,
      create: 1,
      get: 1,
      touch: 2,
      touchUnknown: 1,
      update: 1,
      rotateRefresh: 1,
      list: 2,
      listNone: 1,
      updateUser: 2,
      updateUserNone: 1,
      revoke: 1,
      revokeAll: 2,
      revokeAllNone: 1,
      cleanupExpired: 3,
      cleanupNothingDue: 2,
      cleanupEmptied: 3,
    })
  })

  it('the suites’ keys landed on every node (the run really spread over the cluster)', async () => {
    const conns = cluster.nodes.map((n) => new IoRedis({ host: n.host, port: n.port, lazyConnect: true }))
    try {
      const counts = await Promise.all(conns.map(async (c) => (await c.keys(`${RUN}*`)).length))
      for (const n of counts) expect(n).toBeGreaterThan(0)
      // @upstash/ratelimit's own scripts (they start with a shebang): sliding, fixed, token bucket.
      expect([...checked].filter((src) => src.startsWith('#!lua')).length).toBe(3)
      // Every script declared in src/adapters/upstash ran under the checker: a new adapter's script
      // without its contract suite here fails this count.
      const dir = join(import.meta.dirname, '../src/adapters/upstash')
      const declared = readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .reduce((n, f) => n + (readFileSync(join(dir, f), 'utf8').match(/\blua\(`/g)?.length ?? 0), 0)
      expect(declared).toBeGreaterThan(20)
      expect([...checked].filter((src) => !src.startsWith('#!')).length).toBe(declared)
    } finally {
      for (const c of conns) c.disconnect()
    }
  })

  it('an authenticated, rate-limited, cached GET still costs ONE Redis HTTP request (admission + cache lookup)', async () => {
    const t = await makeTestApp('remote', {
      ...GATE_ENV,
      UPSTASH_REDIS_REST_URL: srv.url,
      UPSTASH_REDIS_REST_TOKEN: TOKEN,
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
    })
    try {
      const user = await newUser(t.app, 'cluster')
      const headers = { authorization: `Bearer ${user.token}`, 'x-test-ip': randomIp() }
      const path = '/api/v1/logs/metadata/stats?days=7'
      const first = await t.app.request(path, { headers })
      expect(first.status).toBe(200)
      expect(first.headers.get('x-cache')).toBe('miss')
      const settle = () => new Promise((r) => setTimeout(r, 100))
      for (let i = 0; i < 5; i++) {
        await settle()
        const before = srv.stats()
        const r = await t.app.request(path, { headers })
        await settle()
        const after = srv.stats()
        expect(r.status).toBe(200)
        expect(r.headers.get('x-cache')).toBe('hit')
        expect({ requests: after.requests - before.requests, commands: after.commands - before.commands }).toEqual({ requests: 1, commands: 2 })
      }
      // The rest of a signed-in life on the cluster: the session list, then logout → 401.
      const list = await t.app.request('/api/v1/auth/sessions', { headers })
      expect(list.status).toBe(200)
      expect(((await list.json()) as { sessions: unknown[] }).sessions).toHaveLength(1)
      expect((await t.app.request('/api/v1/auth/logout', { method: 'POST', headers })).status).toBe(204)
      expect((await t.app.request('/api/v1/auth/me', { headers })).status).toBe(401)
    } finally {
      await t.close()
    }
  })
})
