/**
 * RateLimiter on node:sqlite — the twin of the Upstash limiter, line for line the same arithmetic
 * as rate-lua.ts (which is @upstash/ratelimit's): sliding window weighted over the previous
 * window, fixed window, token bucket refilled gradually; all policies are evaluated first and
 * consumed only when every one allows. One transaction per check, so concurrent checks are exact.
 */
import type { CheckOptions, PolicyResult, RateLimiter, RatePolicy } from '../../ports.ts'
import { costOf, policyKeys, type ResolvedPolicy, resolvePolicy } from '../upstash/common.ts'
import { type KvDb, type Values, values } from './kv-store.ts'

interface Evaluated {
  p: ResolvedPolicy
  keys: string[]
  limit: number
  used: number
  reset: number
  /** Token bucket: the refill time after catching up. */
  at: number
  ok: boolean
}

/** A policy to charge and the keys (within kv_values) its windows live in. */
export interface KeyedPolicy {
  p: ResolvedPolicy
  keys: string[]
}

/**
 * Evaluates every policy, then consumes `cost` from each only when all allow — the arithmetic of
 * rate-lua.ts. Must run inside a transaction. `limits` replaces a policy's limit (the session's
 * plan), by index.
 */
export function applyPolicies(
  vals: Values,
  policies: KeyedPolicy[],
  now: number,
  cost: number,
  limits: Array<number | undefined> = [],
): { allowed: boolean; policies: PolicyResult[] } {
  const num = (key: string) => Number(vals.get(key, now)?.value ?? 0)
  const need = Math.max(cost, 1)
  const evaluated = policies.map(({ p, keys }, i): Evaluated => {
    const limit = limits[i] !== undefined && p.algorithm !== 'token' ? limits[i]! : p.limit
    let used: number
    let reset: number
    let at = now
    if (p.algorithm === 'sliding') {
      used = num(keys[0]!) + Math.floor((1 - (now % p.windowMs) / p.windowMs) * num(keys[1]!))
      reset = (Math.floor(now / p.windowMs) + 1) * p.windowMs
    } else if (p.algorithm === 'fixed') {
      used = num(keys[0]!)
      reset = (Math.floor(now / p.windowMs) + 1) * p.windowMs
    } else {
      const row = vals.get(keys[0]!, now)
      let tokens = limit
      if (row) {
        const [a, t] = row.value.split(' ').map(Number)
        at = a!
        tokens = t!
      }
      if (now >= at + p.intervalMs) {
        const refills = Math.floor((now - at) / p.intervalMs)
        tokens = Math.min(limit, tokens + refills * p.refillRate)
        at += refills * p.intervalMs
      }
      used = limit - tokens
      reset = at + p.intervalMs
    }
    return { p, keys, limit, used, reset, at, ok: used + need <= limit }
  })
  const allowed = evaluated.every((e) => e.ok)
  return {
    allowed,
    policies: evaluated.map((e) => {
      let remaining = 0
      if (allowed) {
        remaining = e.limit - e.used - cost
        if (cost > 0) consume(vals, e, now, cost, remaining)
      } else if (e.ok) remaining = e.limit - e.used
      return { name: e.p.name, limit: e.limit, remaining: Math.max(0, remaining), reset: e.reset, windowSeconds: e.p.windowSeconds, allowed: e.ok }
    }),
  }
}

function consume(vals: Values, e: Evaluated, now: number, cost: number, remaining: number): void {
  const { p, keys } = e
  if (p.algorithm === 'token') {
    const ttl = Math.ceil((e.used + cost) / p.refillRate) * p.intervalMs
    vals.set(keys[0]!, `${e.at} ${remaining}`, ttl > 0 ? now + ttl : null)
    return
  }
  const row = vals.get(keys[0]!, now)
  if (row) vals.set(keys[0]!, String(Number(row.value) + cost), row.expiresAt)
  else vals.set(keys[0]!, String(cost), now + (p.algorithm === 'sliding' ? p.windowMs * 2 + 1000 : p.windowMs))
}

export function createEmbeddedRateLimiter(kv: KvDb): RateLimiter {
  const vals = values(kv)
  const keyed = (policies: RatePolicy[], identifier: string, now: number): KeyedPolicy[] =>
    policies.map(resolvePolicy).map((p) => ({ p, keys: policyKeys(p, identifier, now).map((k) => `rl:${k}`) }))

  return {
    async check(identifier: string, policies: RatePolicy[], options: CheckOptions = {}) {
      const cost = costOf(options.cost)
      const results = kv.atomic(() => {
        const now = Date.now()
        return applyPolicies(vals, keyed(policies, identifier, now), now, cost)
      })
      return { ...results, pending: Promise.resolve() }
    },

    async reset(identifier, policies) {
      vals.delete(...keyed(policies, identifier, Date.now()).flatMap((k) => k.keys))
    },

    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
