/**
 * Contract of the `RateLimiter` port, run against every key-value adapter: the same numbers
 * (remaining, reset) from both, exact admission under concurrency, and "a denied request
 * consumes nothing from the other policies".
 */
import { describe, it } from 'vitest'
import type { KvBackends, RatePolicy, RateResult, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Week-long windows: a test practically never straddles a window boundary. */
const WEEK = 7 * 24 * 3600

export function rateLimiterContract(name: string, make: MakeKv): void {
  describe.concurrent(`RateLimiter contract (${name})`, () => {
    it('sliding window (default): counts down, denies past the limit, resets at the window end', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policy: RatePolicy = { name: 'burst', limit: 5, windowSeconds: WEEK }
      const seen: number[] = []
      for (let i = 0; i < 5; i++) {
        const r = await rl.check('k', [policy])
        expect(r.allowed).toBe(true)
        seen.push(r.policies[0]!.remaining)
      }
      expect(seen).toEqual([4, 3, 2, 1, 0])
      const denied = await rl.check('k', [policy])
      const windowMs = WEEK * 1000
      expect(denied.allowed).toBe(false)
      expect(denied.policies[0]).toEqual({
        name: 'burst',
        limit: 5,
        remaining: 0,
        reset: (Math.floor(Date.now() / windowMs) + 1) * windowMs,
        windowSeconds: WEEK,
        allowed: false,
      })
      await expect(denied.pending).resolves.toBeUndefined()
      expect((await rl.check('other-key', [policy])).policies[0]!.remaining).toBe(4) // keys are independent
      await rl.reset('k', [policy])
      expect((await rl.check('k', [policy])).policies[0]!.remaining).toBe(4)
    })

    it('cost: a weighted check consumes its cost from every policy, cost 0 only reads', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policies: RatePolicy[] = [
        { name: 'burst', limit: 10, windowSeconds: WEEK },
        { name: 'bucket', limit: 10, windowSeconds: WEEK, algorithm: 'token' },
      ]
      const single: RatePolicy[] = [{ name: 'fixed', limit: 10, windowSeconds: WEEK, algorithm: 'fixed' }]
      expect((await rl.check('w', policies, { cost: 4 })).policies.map((p) => p.remaining)).toEqual([6, 6])
      expect((await rl.check('w', policies, { cost: 0 })).policies.map((p) => p.remaining)).toEqual([6, 6])
      const over = await rl.check('w', policies, { cost: 7 })
      expect(over.allowed).toBe(false)
      expect((await rl.check('w', policies, { cost: 6 })).policies.map((p) => p.remaining)).toEqual([0, 0])
      expect((await rl.check('w1', single, { cost: 3 })).policies[0]!.remaining).toBe(7)
      expect((await rl.check('w1', single)).policies[0]!.remaining).toBe(6) // the library path shares the keys
      expect((await rl.check('zero', [{ name: 'none', limit: 0, windowSeconds: WEEK }])).allowed).toBe(false)
    })

    it('is exact under concurrency: 300 simultaneous checks against a limit of 100 admit exactly 100', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policy: RatePolicy = { name: 'hourly', limit: 100, windowSeconds: WEEK }
      const results = await Promise.all(Array.from({ length: 300 }, () => rl.check('user:1', [policy])))
      expect(results.filter((r) => r.allowed)).toHaveLength(100)
      expect(
        results
          .filter((r) => r.allowed)
          .map((r) => r.policies[0]!.remaining)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 100 }, (_, i) => i))
    })

    it('several policies at once: exact, and denied requests consume nothing from the others', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policies: RatePolicy[] = [
        { name: 'burst', limit: 100, windowSeconds: WEEK },
        { name: 'daily', limit: 1000, windowSeconds: WEEK, algorithm: 'fixed' },
        { name: 'bucket', limit: 500, windowSeconds: WEEK, algorithm: 'token' },
      ]
      const results = await Promise.all(Array.from({ length: 300 }, () => rl.check('user:2', policies)))
      expect(results.filter((r) => r.allowed)).toHaveLength(100)
      const after = await rl.check('user:2', policies)
      expect(after.allowed).toBe(false)
      expect(after.policies.map((p) => [p.name, p.allowed, p.remaining])).toEqual([
        ['burst', false, 0],
        ['daily', true, 900], // 100 admitted, the 201 denied ones consumed nothing
        ['bucket', true, 400],
      ])
    })

    it('reports every policy; the one that denies is named, the others keep their budget', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const a: RatePolicy = { name: 'a', limit: 3, windowSeconds: WEEK }
      const b: RatePolicy = { name: 'b', limit: 5, windowSeconds: WEEK }
      for (let i = 0; i < 3; i++) expect((await rl.check('k', [a, b])).allowed).toBe(true)
      const denied = await rl.check('k', [a, b])
      expect(denied.allowed).toBe(false)
      expect(denied.policies.map((p) => [p.name, p.allowed, p.remaining])).toEqual([
        ['a', false, 0],
        ['b', true, 2],
      ])
      // A policy checked alone shares its state with the same policy checked in a group.
      expect((await rl.check('k', [b])).policies[0]!.remaining).toBe(1)
      await rl.reset('k', [a])
      const again = await rl.check('k', [a, b])
      expect(again.allowed).toBe(true)
      expect(again.policies.map((p) => p.remaining)).toEqual([2, 0])
      await expect(rl.check('k', [{ name: 'bad name', limit: 1, windowSeconds: 1 }])).rejects.toThrow(TypeError)
      expect(await rl.check('k', [])).toMatchObject({ allowed: true, policies: [] })
    })

    it('fixed window: admits `limit` per window, resets at the boundary', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policy: RatePolicy = { name: 'fixed', limit: 2, windowSeconds: 1, algorithm: 'fixed' }
      await sleep(1000 - (Date.now() % 1000) + 5) // start at the beginning of a window
      // Issued together (one pipeline on Redis, in order), so all three land in the same window.
      const [r1, r2, r3] = (await Promise.all([rl.check('k', [policy]), rl.check('k', [policy]), rl.check('k', [policy])])) as [
        RateResult,
        RateResult,
        RateResult,
      ]
      expect([r1.allowed, r2.allowed, r3.allowed]).toEqual([true, true, false])
      expect([r1.policies[0]!.remaining, r2.policies[0]!.remaining, r3.policies[0]!.remaining]).toEqual([1, 0, 0])
      const reset = r3.policies[0]!.reset
      expect(reset % 1000).toBe(0)
      expect(reset).toBeGreaterThan(Date.now())
      await sleep(reset - Date.now() + 10)
      const r4 = await rl.check('k', [policy])
      expect(r4.allowed).toBe(true)
      expect(r4.policies[0]!.remaining).toBe(1)
    })

    it('token bucket: a burst of `limit`, then refills gradually', async ({ expect }) => {
      const { rateLimiter: rl } = await make()
      const policy: RatePolicy = { name: 'bucket', limit: 4, windowSeconds: 2, algorithm: 'token' } // one token per 500 ms
      const burst = await Promise.all(Array.from({ length: 5 }, () => rl.check('k', [policy])))
      expect(burst.map((r) => r.allowed)).toEqual([true, true, true, true, false])
      expect(burst.map((r) => r.policies[0]!.remaining)).toEqual([3, 2, 1, 0, 0])
      const reset = burst[4]!.policies[0]!.reset
      expect(reset).toBeGreaterThan(Date.now())
      expect(reset - Date.now()).toBeLessThanOrEqual(500)
      await sleep(reset - Date.now() + 20)
      expect((await rl.check('k', [policy])).allowed).toBe(true)
      expect((await rl.check('k', [policy])).allowed).toBe(false)
    })
  })
}
