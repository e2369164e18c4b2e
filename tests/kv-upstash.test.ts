/**
 * The key-value contracts on the Upstash adapter — @upstash/redis → tools/redis-http → a real
 * redis-server — each `make()` with its own key prefix. Plus what only this path has to prove,
 * read from redis-http's own counters: round trips per check (a PRIVATE redis-http, so other
 * test files sharing the global one cannot disturb the counts), bounded time, safe errors.
 */
import { Ratelimit } from '@upstash/ratelimit'
import { Redis } from '@upstash/redis/cloudflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUpstashKv, createUpstashKvFromRedis } from '../src/adapters/upstash/index.ts'
import { BackendUnavailableError } from '../src/errors.ts'
import type { KvBackends, RatePolicy, SessionTimes } from '../src/ports.ts'
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
import { need, uniq } from './harness/services.ts'

const DEFAULT_TIMES: SessionTimes = { idleSeconds: 3600, maxLifetimeSeconds: 86_400 }

async function make(session: SessionTimes = DEFAULT_TIMES): Promise<KvBackends> {
  return createUpstashKv({ url: need('redisHttpUrl'), token: need('redisHttpToken'), timeoutMs: 5000 }, { session, prefix: uniq('kv') })
}

// All suites at once: most of their time is spent waiting for TTLs to pass.
describe.concurrent('key-value contracts (upstash)', () => {
  sessionStoreContract('upstash', make)
  revocationsContract('upstash', make)
  cacheContract('upstash', make)
  rateLimiterContract('upstash', make)
  gatekeeperContract('upstash', make)
  gatekeeperKeyContract('upstash', make)
  apiKeyStoreContract('upstash', make)
  tenantPlansContract('upstash', make)
  countersContract('upstash', make)
  locksContract('upstash', make)
  idempotencyContract('upstash', make)
  metricsContract('upstash', make)
})

// Sequential: these tests reset and read one private redis-http's counters.
describe.sequential('upstash adapter: round trips, bounds, errors', () => {
  const token = 'private-token'
  let srv: RunningRedisHttp
  let slow: RunningRedisHttp
  const stats = async (base = srv.url): Promise<{ requests: number; commands: number }> => {
    const res = await fetch(`${base}/_stats`, { headers: { authorization: `Bearer ${token}` } })
    return (await res.json()) as { requests: number; commands: number }
  }
  const resetStats = async () => {
    await fetch(`${srv.url}/_stats/reset`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
  }
  /** Runs `fn` and returns what it cost at redis-http. */
  const cost = async (fn: () => Promise<unknown>) => {
    await resetStats()
    await fn()
    return stats()
  }
  const burst: RatePolicy = { name: 'burst', limit: 1000, windowSeconds: 60 }
  const hourly: RatePolicy = { name: 'hourly', limit: 5000, windowSeconds: 3600, algorithm: 'fixed' }

  beforeAll(async () => {
    srv = await startRedisHttp({ redisUrl: need('redisUrl'), token, port: 0, quiet: true })
    slow = await startRedisHttp({ redisUrl: need('redisUrl'), token, port: 0, quiet: true, delayMs: 600 })
  })
  afterAll(async () => {
    await srv?.close()
    await slow?.close()
  })

  const privateKv = (timeoutMs = 5000) => createUpstashKv({ url: srv.url, token, timeoutMs }, { session: DEFAULT_TIMES, prefix: uniq('rt') })

  it('a sliding-window check through @upstash/ratelimit costs exactly ONE HTTP request (one command) after warm-up', async () => {
    const redis = new Redis({ url: srv.url, token, enableTelemetry: false })
    const limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(100, '60 s'),
      prefix: uniq('lib'),
      timeout: 0,
      ephemeralCache: false,
      analytics: false,
      enableTelemetry: false,
    })
    await limiter.limit('warm-up') // may cost NOSCRIPT + EVAL once per Redis
    expect(await cost(() => limiter.limit('user-1'))).toEqual({ requests: 1, commands: 1 })

    const kv = privateKv()
    await kv.rateLimiter.check('warm-up', [burst])
    expect(await cost(() => kv.rateLimiter.check('user-1', [burst]))).toEqual({ requests: 1, commands: 1 })
    const sequential = await cost(async () => {
      for (let i = 0; i < 5; i++) await kv.rateLimiter.check('user-1', [burst])
    })
    expect(sequential).toEqual({ requests: 5, commands: 5 })
    // Several policies are one script: still one command.
    await kv.rateLimiter.check('warm-up', [burst, hourly])
    expect(await cost(() => kv.rateLimiter.check('user-1', [burst, hourly]))).toEqual({ requests: 1, commands: 1 })
  })

  it('a request’s admission and a cache read issued together cost ONE HTTP request', async () => {
    const kv = privateKv()
    const { id } = await kv.sessions.create({ userId: 'u1', tenantId: 't1', role: 'viewer' })
    const scope = { tenantId: 't1', userId: 'u1' }
    await kv.cache.set(scope, 'GET /profile', { name: 'x' }, { ttlSeconds: 60 })
    const subject = { tenantId: 't1', userId: 'u1', sessionId: id, tokenIds: ['jti-1'], issuedAt: Math.floor(Date.now() / 1000) }
    const charges = [burst, hourly].map((policy) => ({ bucket: 'u:u1', policy }))
    // The gate's round trip: session + revocations + every policy in one script, the cache read beside it.
    const full = () => Promise.all([kv.gatekeeper.admit({ subject, charges }), kv.cache.get(scope, 'GET /profile')])
    await full() // warm-up: scripts loaded, their hashes known
    const [admission, hit] = await full()
    expect(admission.valid && admission.rate.allowed).toBe(true)
    expect(admission.valid && admission.session?.userId).toBe('u1')
    expect(hit.value).toEqual({ name: 'x' })
    expect(await cost(full)).toEqual({ requests: 1, commands: 2 })
  })

  it('Redis cleans itself: every session key has a TTL, and sign-ins sweep the tenant registry', async () => {
    const prefix = uniq('ttl')
    const raw = new Redis({ url: srv.url, token, enableTelemetry: false, automaticDeserialization: false })
    const kv = createUpstashKvFromRedis(raw, { session: { idleSeconds: 2, maxLifetimeSeconds: 60 }, prefix })
    const a = await kv.sessions.create({ userId: 'u1', tenantId: 't1', role: 'viewer' })
    await kv.sessions.create({ userId: 'u2', tenantId: 't1', role: 'viewer' })
    const t = `${prefix}:{t1}`
    const keys = (await raw.keys(`${prefix}:*`)).sort()
    // Two session records (one per user), the tenant's registry, one index per user and the set of tenants — nothing else.
    expect(keys.filter((k) => k.startsWith(`${t}:s:`))).toHaveLength(2)
    expect(keys).toContain(`${t}:s:${a.session.handle}`)
    expect(keys.filter((k) => !k.startsWith(`${t}:s:`))).toEqual([`${prefix}:su-tenants`, `${t}:su`, `${t}:su:u1`, `${t}:su:u2`])
    for (const key of keys) {
      if (key !== `${t}:su` && key !== `${prefix}:su-tenants`) expect(await raw.pttl(key)).toBeGreaterThan(0)
    }
    await new Promise((r) => setTimeout(r, 2100))
    expect(await raw.exists(`${t}:s:${a.session.handle}`)).toBe(0) // the record expired by its TTL
    await kv.sessions.create({ userId: 'u3', tenantId: 't1', role: 'viewer' })
    expect(await raw.zrange(`${t}:su`, 0, -1)).toEqual(['u3'])
    const left = (await raw.keys(`${prefix}:*`)).sort()
    expect(left.filter((k) => k.startsWith(`${t}:s:`))).toHaveLength(1)
    expect(left.filter((k) => !k.startsWith(`${t}:s:`))).toEqual([`${prefix}:su-tenants`, `${t}:su`, `${t}:su:u3`])
  })

  it('no call outlives timeoutMs: a slow Redis answers BackendUnavailableError("timeout") within the bound', async () => {
    const kv = createUpstashKv({ url: slow.url, token, timeoutMs: 200 }, { session: DEFAULT_TIMES, prefix: uniq('slow') })
    const started = Date.now()
    const err = await kv.revocations.isRevoked('t1', 'jti').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect((err as BackendUnavailableError).reason).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(450)
    await expect(kv.kv.ping()).rejects.toBeInstanceOf(BackendUnavailableError)
  })

  it('an unreachable server fails fast; errors never carry the command, keys or values', async () => {
    const dead = createUpstashKv({ url: 'http://127.0.0.1:9', token, timeoutMs: 1000 }, { session: DEFAULT_TIMES, prefix: 'p' })
    const started = Date.now()
    const err = await dead.revocations.revokeToken('t1', 'secret-jti-value', Date.now() + 60_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect((err as BackendUnavailableError).reason).toBe('unreachable')
    expect(Date.now() - started).toBeLessThan(1000)

    const wrongToken = createUpstashKv({ url: srv.url, token: 'wrong', timeoutMs: 1000 }, { session: DEFAULT_TIMES, prefix: 'p' })
    const refused = await wrongToken.cache.set({ tenantId: 't' }, 'k', { secret: 'cached-secret-value' }, { ttlSeconds: 5 }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(BackendUnavailableError)
    expect((refused as BackendUnavailableError).reason).toBe('error')
    expect(String((refused as Error).message)).not.toMatch(/cached-secret-value|secret-jti/)

    const kv = privateKv()
    const redis = new Redis({ url: srv.url, token, enableTelemetry: false })
    const prefix = uniq('wrongtype')
    const typed = createUpstashKvFromRedis(new Redis({ url: srv.url, token, enableTelemetry: false, automaticDeserialization: false }), {
      session: DEFAULT_TIMES,
      prefix,
    })
    await redis.set(`${prefix}:n:calls`, 'not-a-number')
    const bad = await typed.counters.increment('calls', 1, 60).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(BackendUnavailableError)
    expect(String((bad as Error).message)).toMatch(/not an integer/)
    expect(String((bad as Error).message)).not.toContain(prefix)
    expect(() => createUpstashKvFromRedis(redis, { session: DEFAULT_TIMES })).toThrow(/automaticDeserialization/)
    await expect(kv.kv.ping()).resolves.toBeUndefined()
  })
})
