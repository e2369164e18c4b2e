/**
 * RateLimiter on node:sqlite — the twin of the Upstash limiter, line for line the same arithmetic
 * as its MULTI script (which is @upstash/ratelimit's): sliding window weighted over the previous
 * window, fixed window, token bucket refilled gradually; all policies are evaluated first and
 * consumed only when every one allows. One transaction per check, so concurrent checks are exact.
 */
import type { PolicyResult, RateLimiter, RatePolicy } from '../../ports.ts'
import { policyKeys, resolvePolicy, type ResolvedPolicy } from '../upstash/common.ts'
import { values, type KvDb } from './kv-store.ts'

interface Evaluated {
  p: ResolvedPolicy
  keys: string[]
  used: number
  reset: number
  /** Token bucket: the refill time after catching up. */
  at: number
  ok: boolean
}

export function createEmbeddedRateLimiter(kv: KvDb): RateLimiter {
  const vals = values(kv)
  const num = (key: string, now: number) => Number(vals.get(key, now)?.value ?? 0)

  const evaluate = (p: ResolvedPolicy, identifier: string, now: number): Evaluated => {
    const keys = policyKeys(p, identifier, now).map((k) => `rl:${k}`)
    let used: number
    let reset: number
    let at = now
    if (p.algorithm === 'sliding') {
      const prev = num(keys[1]!, now)
      used = num(keys[0]!, now) + Math.floor((1 - (now % p.windowMs) / p.windowMs) * prev)
      reset = (Math.floor(now / p.windowMs) + 1) * p.windowMs
    } else if (p.algorithm === 'fixed') {
      used = num(keys[0]!, now)
      reset = (Math.floor(now / p.windowMs) + 1) * p.windowMs
    } else {
      const row = vals.get(keys[0]!, now)
      let tokens = p.limit
      if (row) {
        const [a, t] = row.value.split(' ').map(Number)
        at = a!
        tokens = t!
      }
      if (now >= at + p.intervalMs) {
        const refills = Math.floor((now - at) / p.intervalMs)
        tokens = Math.min(p.limit, tokens + refills * p.refillRate)
        at += refills * p.intervalMs
      }
      used = p.limit - tokens
      reset = at + p.intervalMs
    }
    return { p, keys, used, reset, at, ok: used < p.limit }
  }

  const consume = (e: Evaluated, now: number): number => {
    const { p, keys } = e
    const remaining = p.limit - e.used - 1
    if (p.algorithm === 'token') {
      const ttl = Math.ceil((p.limit - remaining) / p.refillRate) * p.intervalMs
      vals.set(keys[0]!, `${e.at} ${remaining}`, ttl > 0 ? now + ttl : null)
    } else {
      const row = vals.get(keys[0]!, now)
      if (row) vals.set(keys[0]!, String(Number(row.value) + 1), row.expiresAt)
      else vals.set(keys[0]!, '1', now + (p.algorithm === 'sliding' ? p.windowMs * 2 + 1000 : p.windowMs))
    }
    return remaining
  }

  return {
    async check(identifier: string, policies: RatePolicy[]) {
      const resolved = policies.map(resolvePolicy)
      const results = kv.tx((): { allowed: boolean; policies: PolicyResult[] } => {
        const now = Date.now()
        const evaluated = resolved.map((p) => evaluate(p, identifier, now))
        const allowed = evaluated.every((e) => e.ok)
        return {
          allowed,
          policies: evaluated.map((e) => {
            const remaining = allowed ? consume(e, now) : e.ok ? e.p.limit - e.used : 0
            return { name: e.p.name, limit: e.p.limit, remaining: Math.max(0, remaining), reset: e.reset, windowSeconds: e.p.windowSeconds, allowed: e.ok }
          }),
        }
      })
      return { ...results, pending: Promise.resolve() }
    },

    async reset(identifier, policies) {
      const now = Date.now()
      vals.delete(...policies.map(resolvePolicy).flatMap((p) => policyKeys(p, identifier, now).map((k) => `rl:${k}`)))
    },

    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
