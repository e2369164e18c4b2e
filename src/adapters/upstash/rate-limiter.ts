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
 * scripts (rate-lua.ts, shared with the Gatekeeper), and consumes only when all allow. A single
 * policy at cost 1 — where the two are equivalent — goes through @upstash/ratelimit itself. Both
 * paths share state: a policy checked alone or together with others counts in the same keys. The
 * identifier is wrapped as a hash tag (`{key}`), so every window of one key shares a slot on
 * Redis Cluster.
 *
 * Settings of the library, on purpose: `timeout: 0` (its default 5 s timeout silently ALLOWS the
 * request; we surface a BackendUnavailableError and let the caller choose fail-open/closed),
 * `ephemeralCache: false` (an instance-local block list would disagree with `reset()`, the
 * multi-policy path and the embedded twin), analytics and deny lists off (the latter downloads IP
 * lists from the internet), telemetry off. `reset()` deletes the exact keys instead of the
 * library's `resetUsedTokens`, which SCANs the keyspace.
 */
import { Ratelimit } from '@upstash/ratelimit'
import type { CheckOptions, PolicyResult, RateLimiter, RatePolicy, RateResult } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { costOf, policyArgs, policyKeys, policyResults, type ResolvedPolicy, resolvePolicy } from './common.ts'
import { RATE_LUA } from './rate-lua.ts'

// KEYS: the policies' keys · ARGV: now, cost, n, then 5 per policy (rate-lua.ts)
const MULTI = lua(`${RATE_LUA}
local ps = rate_policies(tonumber(ARGV[3]), 3, 1, 5, nil, tonumber(ARGV[1]))
return rate_apply(ps, tonumber(ARGV[1]), tonumber(ARGV[2]))`)

const MAX_LIMITERS = 256

/** Builds the Redis-backed RateLimiter. */
export function createUpstashRateLimiter(ctx: UpstashContext): RateLimiter {
  const { redis, keys } = ctx
  const base = keys.limiter
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

  const single = (p: ResolvedPolicy, allowed: boolean, remaining: number, reset: number): PolicyResult => ({
    name: p.name,
    limit: p.limit,
    remaining,
    reset,
    windowSeconds: p.windowSeconds,
    allowed,
  })

  return {
    async check(key: string, policies: RatePolicy[], options: CheckOptions = {}): Promise<RateResult> {
      const resolved = policies.map(resolvePolicy)
      const cost = costOf(options.cost)
      const identifier = keys.limiterIdentifier(key)
      if (resolved.length === 0) return { allowed: true, policies: [], pending: Promise.resolve() }
      if (resolved.length === 1 && cost === 1 && resolved[0]!.limit > 0) {
        const p = resolved[0]!
        const r = await guard(limiterFor(p).limit(identifier))
        return { allowed: r.success, policies: [single(p, r.success, r.remaining, r.reset)], pending: r.pending }
      }
      const now = Date.now()
      const scriptKeys = resolved.flatMap((p) => policyKeys(p, identifier, now).map((k) => `${base}:${k}`))
      const args: Array<string | number> = [now, cost, resolved.length, ...resolved.flatMap(policyArgs)]
      const out = (await runScript<number[]>(redis, MULTI, scriptKeys, args)).map(Number)
      return { allowed: out[0] === 1, policies: policyResults(resolved, out, 1), pending: Promise.resolve() }
    },

    async reset(key, policies) {
      const now = Date.now()
      const identifier = keys.limiterIdentifier(key)
      const all = policies.map(resolvePolicy).flatMap((p) => policyKeys(p, identifier, now).map((k) => `${base}:${k}`))
      // One DEL per key: keys of one identifier share a slot, but stay cluster-safe regardless.
      if (all.length > 0) await Promise.all(all.map((k) => guard(redis.del(k))))
    },

    async ping() {
      await guard(redis.ping())
    },
  }
}
