/**
 * RateLimiter on Redis, with @upstash/ratelimit's algorithms and key layout.
 *
 * ## One policy → @upstash/ratelimit; several → one script of ours. Why:
 * `Ratelimit.limit()` decides one limiter at a time. Checking several policies with several
 * `limit()` calls would consume from every policy that allows even when another one denies, and
 * undoing that afterwards (a negative `rate`) is not atomic: concurrent requests would see the
 * inflated counts and be denied wrongly. The gate needs "a denied request consumes nothing" and
 * exact admission counts, so several policies go through MULTI below: one EVALSHA that evaluates
 * every policy with the very same arithmetic and keys as @upstash/ratelimit's single-region
 * scripts, and consumes only when all allow. A single policy — where the two are equivalent — goes
 * through @upstash/ratelimit itself. Both paths share state: a policy checked alone or together
 * with others counts in the same keys.
 *
 * Settings of the library, on purpose: `timeout: 0` (its default 5 s timeout silently ALLOWS the
 * request; we surface a BackendUnavailableError and let the caller choose fail-open/closed),
 * `ephemeralCache: false` (an instance-local block list would disagree with `reset()`, the
 * multi-policy path and the embedded twin), analytics and deny lists off (the latter downloads IP
 * lists from the internet), telemetry off. `reset()` deletes the exact keys instead of the
 * library's `resetUsedTokens`, which SCANs the keyspace.
 */
import { Ratelimit } from '@upstash/ratelimit'
import type { PolicyResult, RateLimiter, RatePolicy, RateResult } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { policyKeys, resolvePolicy, type ResolvedPolicy } from './common.ts'

/**
 * KEYS: per policy — sliding: current, previous window · fixed: current window · token: bucket
 * ARGV: now, n, then per policy: algorithm (s|f|t), limit, window ms (token: interval ms), refill
 * Returns {allowed, then per policy: allowed, remaining, reset}.
 */
const MULTI = lua(`
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local k = 1
local ps = {}
local all = true
for i = 1, n do
  local a = 2 + (i - 1) * 4
  local p = { alg = ARGV[a + 1], limit = tonumber(ARGV[a + 2]), w = tonumber(ARGV[a + 3]), refill = tonumber(ARGV[a + 4]), key = KEYS[k] }
  if p.alg == 's' then
    local cur = tonumber(redis.call('GET', KEYS[k]) or '0')
    local prev = tonumber(redis.call('GET', KEYS[k + 1]) or '0')
    p.used = cur + math.floor((1 - (now % p.w) / p.w) * prev)
    p.reset = (math.floor(now / p.w) + 1) * p.w
    k = k + 2
  elseif p.alg == 'f' then
    p.used = tonumber(redis.call('GET', KEYS[k]) or '0')
    p.reset = (math.floor(now / p.w) + 1) * p.w
    k = k + 1
  else
    local b = redis.call('HMGET', KEYS[k], 'refilledAt', 'tokens')
    local at, tokens = now, p.limit
    if b[1] then at = tonumber(b[1]); tokens = tonumber(b[2]) end
    if now >= at + p.w then
      local r = math.floor((now - at) / p.w)
      tokens = math.min(p.limit, tokens + r * p.refill)
      at = at + r * p.w
    end
    p.at = at
    p.used = p.limit - tokens
    p.reset = at + p.w
    k = k + 1
  end
  p.ok = p.used < p.limit
  if not p.ok then all = false end
  ps[i] = p
end
local out = { all and 1 or 0 }
for i = 1, n do
  local p = ps[i]
  local remaining = 0
  if all then
    if p.alg == 't' then
      remaining = p.limit - p.used - 1
      redis.call('HSET', p.key, 'refilledAt', p.at, 'tokens', remaining)
      local ttl = math.ceil((p.limit - remaining) / p.refill) * p.w
      if ttl > 0 then redis.call('PEXPIRE', p.key, ttl) end
    else
      local v = redis.call('INCR', p.key)
      if v == 1 then redis.call('PEXPIRE', p.key, p.alg == 's' and (p.w * 2 + 1000) or p.w) end
      remaining = p.limit - p.used - 1
    end
  elseif p.ok then
    remaining = p.limit - p.used
  end
  out[#out + 1] = p.ok and 1 or 0
  out[#out + 1] = math.max(0, remaining)
  out[#out + 1] = p.reset
end
return out`)

const MAX_LIMITERS = 256

/** Builds the Redis-backed RateLimiter. */
export function createUpstashRateLimiter(ctx: UpstashContext): RateLimiter {
  const { redis } = ctx
  const base = `${ctx.prefix}:rl`
  // One Ratelimit per (policy, limit); plans differ per tenant, so keep the map bounded.
  const limiters = new Map<string, Ratelimit>()

  const limiterFor = (p: ResolvedPolicy): Ratelimit => {
    const id = `${p.tag}:${p.limit}`
    let limiter = limiters.get(id)
    if (!limiter) {
      if (limiters.size >= MAX_LIMITERS) limiters.clear()
      const algorithm =
        p.algorithm === 'sliding'
          ? Ratelimit.slidingWindow(p.limit, `${p.windowMs} ms`)
          : p.algorithm === 'fixed'
            ? Ratelimit.fixedWindow(p.limit, `${p.windowMs} ms`)
            : Ratelimit.tokenBucket(p.refillRate, `${p.intervalMs} ms`, p.limit)
      limiter = new Ratelimit({
        redis,
        limiter: algorithm,
        prefix: `${base}:${p.tag}`,
        timeout: 0,
        ephemeralCache: false,
        analytics: false,
        enableProtection: false,
        enableTelemetry: false,
      })
      limiters.set(id, limiter)
    }
    return limiter
  }

  const result = (p: ResolvedPolicy, allowed: boolean, remaining: number, reset: number): PolicyResult => ({
    name: p.name,
    limit: p.limit,
    remaining,
    reset,
    windowSeconds: p.windowSeconds,
    allowed,
  })

  return {
    async check(identifier: string, policies: RatePolicy[]): Promise<RateResult> {
      const resolved = policies.map(resolvePolicy)
      if (resolved.length === 0) return { allowed: true, policies: [], pending: Promise.resolve() }
      if (resolved.length === 1) {
        const p = resolved[0]!
        const r = await guard(limiterFor(p).limit(identifier))
        return { allowed: r.success, policies: [result(p, r.success, r.remaining, r.reset)], pending: r.pending }
      }
      const now = Date.now()
      const keys = resolved.flatMap((p) => policyKeys(p, identifier, now).map((k) => `${base}:${k}`))
      const args: Array<string | number> = [now, resolved.length]
      for (const p of resolved) {
        args.push(p.algorithm === 'sliding' ? 's' : p.algorithm === 'fixed' ? 'f' : 't', p.limit, p.algorithm === 'token' ? p.intervalMs : p.windowMs, p.refillRate)
      }
      const out = (await runScript<number[]>(redis, MULTI, keys, args)).map(Number)
      return {
        allowed: out[0] === 1,
        policies: resolved.map((p, i) => result(p, out[1 + i * 3] === 1, out[2 + i * 3]!, out[3 + i * 3]!)),
        pending: Promise.resolve(),
      }
    },

    async reset(identifier, policies) {
      const now = Date.now()
      const keys = policies.map(resolvePolicy).flatMap((p) => policyKeys(p, identifier, now).map((k) => `${base}:${k}`))
      if (keys.length > 0) await guard(redis.del(...keys))
    },

    async ping() {
      await guard(redis.ping())
    },
  }
}
