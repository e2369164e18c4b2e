/** Contract of the `Revocations` port, run against every key-value adapter. */
import { describe, it } from 'vitest'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const T = 't1'

export function revocationsContract(name: string, make: MakeKv): void {
  describe.concurrent(`Revocations contract (${name})`, () => {
    it('refuses a revoked token id until its expiry, then forgets it', async ({ expect }) => {
      const { revocations: r } = await make()
      expect(await r.isRevoked(T, 'jti-1')).toBe(false)
      const start = Date.now()
      await r.revokeToken(T, 'jti-1', start + 60_000)
      await r.revokeToken(T, 'jti-2', start + 1000)
      expect(await r.isRevoked(T, 'jti-1')).toBe(true)
      expect(await r.isRevoked(T, 'jti-2')).toBe(true)
      expect(await r.isRevoked(T, 'jti-3')).toBe(false)
      await r.revokeToken(T, 'jti-old', Date.now() - 1000) // already expired: nothing to keep
      expect(await r.isRevoked(T, 'jti-old')).toBe(false)
      await sleep(start + 1150 - Date.now())
      expect(await r.isRevoked(T, 'jti-2')).toBe(false)
      expect(await r.isRevoked(T, 'jti-1')).toBe(true)
    })

    it('keeps the latest "revoked before" time per user, for its TTL', async ({ expect }) => {
      const { revocations: r } = await make()
      expect(await r.revokedBefore(T, 'u1')).toBeNull()
      const at = Math.floor(Date.now() / 1000) // epoch seconds, the unit of iat
      await r.revokeUserBefore(T, 'u1', at, 60)
      expect(await r.revokedBefore(T, 'u1')).toBe(at)
      await r.revokeUserBefore(T, 'u1', at - 5000, 60) // an older sign-out-everywhere cannot undo a newer one
      expect(await r.revokedBefore(T, 'u1')).toBe(at)
      await r.revokeUserBefore(T, 'u1', at + 10, 60)
      expect(await r.revokedBefore(T, 'u1')).toBe(at + 10)
      expect(await r.revokedBefore(T, 'u2')).toBeNull()

      const set = Date.now()
      await r.revokeUserBefore(T, 'u3', at, 1)
      expect(await r.revokedBefore(T, 'u3')).toBe(at)
      await sleep(set + 1150 - Date.now())
      expect(await r.revokedBefore(T, 'u3')).toBeNull()
      expect(await r.revokedBefore(T, 'u1')).toBe(at + 10)
    })

    it('is scoped to the tenant', async ({ expect }) => {
      const { revocations: r } = await make()
      await r.revokeToken(T, 'jti-t', Date.now() + 60_000)
      await r.revokeUserBefore(T, 'u1', 1000, 60)
      expect(await r.isRevoked('t2', 'jti-t')).toBe(false)
      expect(await r.revokedBefore('t2', 'u1')).toBeNull()
    })

    it('ping resolves', async ({ expect }) => {
      await expect((await make()).revocations.ping()).resolves.toBeUndefined()
    })
  })
}
