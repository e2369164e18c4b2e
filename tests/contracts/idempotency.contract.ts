/**
 * Contract of the `IdempotencyStore` port (kept write answers for Idempotency-Key), run against
 * every key-value adapter: atomic first reservation, holder-only completion, fingerprints,
 * scoping per tenant and caller, lease and retention expiry.
 */
import { describe, it } from 'vitest'
import type { KeptAnswer, KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const scope = { tenantId: 't1', caller: 'u1' }
const answer: KeptAnswer = {
  status: 201,
  headers: { 'content-type': 'application/json', location: '/api/v1/logs/metadata/x' },
  body: JSON.stringify({ upload_id: 'x', note: 'ünïcødé ✓', nested: { a: [1, null] } }),
}

export function idempotencyContract(name: string, make: MakeKv): void {
  describe.concurrent(`IdempotencyStore contract (${name})`, () => {
    it('reserve → running for the same request, mismatch for another; complete → done replays the answer', async ({ expect }) => {
      const { idempotency: s } = await make()
      const first = await s.reserve(scope, 'k1', 'fp-a', 10_000)
      expect(first.state).toBe('reserved')
      const token = (first as { token: string }).token
      expect(token).toBeTruthy()
      expect(await s.reserve(scope, 'k1', 'fp-a', 10_000)).toEqual({ state: 'running' })
      expect(await s.reserve(scope, 'k1', 'fp-b', 10_000)).toEqual({ state: 'mismatch' })
      expect(await s.lookup(scope, 'k1')).toEqual({ fingerprint: 'fp-a', answer: null })
      expect(await s.complete(scope, 'k1', token, answer, 60)).toBe(true)
      expect(await s.reserve(scope, 'k1', 'fp-a', 10_000)).toEqual({ state: 'done', answer })
      expect(await s.reserve(scope, 'k1', 'fp-b', 10_000)).toEqual({ state: 'mismatch' })
      expect(await s.lookup(scope, 'k1')).toEqual({ fingerprint: 'fp-a', answer })
      expect(await s.complete(scope, 'k1', token, { ...answer, status: 500 }, 60)).toBe(false) // completed once
      expect(await s.lookup(scope, 'nothing')).toBeNull()
    })

    it('of 25 concurrent reservations of one key exactly one wins', async ({ expect }) => {
      const { idempotency: s } = await make()
      const all = await Promise.all(Array.from({ length: 25 }, () => s.reserve(scope, 'race', 'fp', 10_000)))
      expect(all.filter((r) => r.state === 'reserved')).toHaveLength(1)
      expect(all.filter((r) => r.state === 'running')).toHaveLength(24)
    })

    it('keys are per tenant and per caller', async ({ expect }) => {
      const { idempotency: s } = await make()
      expect((await s.reserve(scope, 'k', 'fp', 10_000)).state).toBe('reserved')
      expect((await s.reserve({ tenantId: 't1', caller: 'u2' }, 'k', 'other', 10_000)).state).toBe('reserved')
      expect((await s.reserve({ tenantId: 't2', caller: 'u1' }, 'k', 'other', 10_000)).state).toBe('reserved')
      expect((await s.reserve({ tenantId: 't1', caller: 'ip:10.0.0.1' }, 'k', 'fp', 10_000)).state).toBe('reserved')
      expect(await s.reserve(scope, 'k', 'fp', 10_000)).toEqual({ state: 'running' })
    })

    it('release frees the key, only for its holder', async ({ expect }) => {
      const { idempotency: s } = await make()
      const held = (await s.reserve(scope, 'k', 'fp', 10_000)) as { token: string }
      await s.release(scope, 'k', 'not-the-token')
      expect(await s.reserve(scope, 'k', 'fp', 10_000)).toEqual({ state: 'running' })
      await s.release(scope, 'k', held.token)
      expect(await s.lookup(scope, 'k')).toBeNull()
      const again = await s.reserve(scope, 'k', 'fp-other', 10_000)
      expect(again.state).toBe('reserved')
      expect(await s.complete(scope, 'k', held.token, answer, 60)).toBe(false) // the old holder lost it
    })

    it('a lease that runs out frees the key; the late holder can no longer complete it', async ({ expect }) => {
      const { idempotency: s } = await make()
      const held = (await s.reserve(scope, 'k', 'fp', 300)) as { token: string }
      await sleep(450)
      const next = await s.reserve(scope, 'k', 'fp', 10_000)
      expect(next.state).toBe('reserved')
      expect(await s.complete(scope, 'k', held.token, answer, 60)).toBe(false)
      expect(await s.complete(scope, 'k', (next as { token: string }).token, answer, 60)).toBe(true)
    })

    it('a kept answer expires after its retention; empty bodies and every status round-trip', async ({ expect }) => {
      const { idempotency: s } = await make()
      const held = (await s.reserve(scope, 'k', 'fp', 10_000)) as { token: string }
      const empty: KeptAnswer = { status: 204, headers: {}, body: '' }
      expect(await s.complete(scope, 'k', held.token, empty, 1)).toBe(true)
      expect(await s.reserve(scope, 'k', 'fp', 10_000)).toEqual({ state: 'done', answer: empty })
      await sleep(1200)
      expect(await s.lookup(scope, 'k')).toBeNull()
      expect((await s.reserve(scope, 'k', 'fp', 10_000)).state).toBe('reserved')
    })
  })
}
