/**
 * Contract of the `Gatekeeper` port: one atomic admission per request — the subject is checked
 * (session alive and the user's, token ids not revoked, issued at or after the user's cutoff)
 * and only then every policy is charged, all or none. Run against every key-value adapter.
 */
import { describe, it } from 'vitest'
import type { AdmissionSubject, Charge, KvBackends, RatePolicy, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const WEEK = 7 * 24 * 3600
const T = 't1'
const nowSeconds = () => Math.floor(Date.now() / 1000)

export function gatekeeperContract(name: string, make: MakeKv): void {
  describe.concurrent(`Gatekeeper contract (${name})`, () => {
    const burst: RatePolicy = { name: 'burst', limit: 5, windowSeconds: WEEK }
    const hourly: RatePolicy = { name: 'hourly', limit: 1000, windowSeconds: WEEK, algorithm: 'fixed', limitFrom: 'session' }
    const charges = (bucket: string, ...policies: RatePolicy[]): Charge[] => policies.map((policy) => ({ bucket, policy }))

    async function signedIn(kv: KvBackends, extra: { hourlyLimit?: number } = {}) {
      const { id, session } = await kv.sessions.create({ userId: 'u1', tenantId: T, role: 'admin', ...extra })
      const subject: AdmissionSubject = { tenantId: T, userId: 'u1', sessionId: id, tokenIds: ['jti-1'], issuedAt: nowSeconds() }
      return { id, session, subject }
    }

    it('admits a live session, returns its record, and charges every policy', async ({ expect }) => {
      const kv = await make()
      const { subject, session } = await signedIn(kv)
      const first = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', burst, hourly) })
      expect(first.valid).toBe(true)
      if (!first.valid) return
      expect(first.session).toMatchObject({ handle: session.handle, role: 'admin', userId: 'u1', tenantId: T })
      expect(first.rate.allowed).toBe(true)
      expect(first.rate.policies.map((p) => [p.name, p.limit, p.remaining])).toEqual([
        ['burst', 5, 4],
        ['hourly', 1000, 999],
      ])
      for (let i = 0; i < 4; i++) await kv.gatekeeper.admit({ subject, charges: charges('u:u1', burst, hourly) })
      const denied = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', burst, hourly) })
      expect(denied.valid && denied.rate.allowed).toBe(false)
      if (denied.valid)
        expect(denied.rate.policies.map((p) => [p.name, p.allowed, p.remaining])).toEqual([
          ['burst', false, 0],
          ['hourly', true, 995], // the denied request consumed nothing
        ])
    })

    it('refuses revoked, unknown, foreign and outdated subjects — and charges them nothing', async ({ expect }) => {
      const kv = await make()
      const { subject, id, session } = await signedIn(kv)
      const peek = async () => {
        const r = await kv.gatekeeper.admit({ subject: { ...subject, tokenIds: [] }, charges: charges('u:u1', burst), cost: 0 })
        return r.valid ? r.rate.policies[0]!.remaining : -1
      }
      const refused = { valid: false, reason: 'revoked' }
      expect(await kv.gatekeeper.admit({ subject: { ...subject, sessionId: 'A'.repeat(22) }, charges: charges('u:u1', burst) })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: { ...subject, sessionId: 'not a session id' }, charges: charges('u:u1', burst) })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: { ...subject, userId: 'u2' }, charges: charges('u:u1', burst) })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: { ...subject, tenantId: 't2' }, charges: charges('u:u1', burst) })).toEqual(refused)
      await kv.revocations.revokeToken(T, 'jti-1', Date.now() + 60_000)
      expect(await kv.gatekeeper.admit({ subject, charges: charges('u:u1', burst) })).toEqual(refused)
      expect(await peek()).toBe(5)

      // The cutoff is in seconds: issued in that very second or later stays valid.
      const cut = nowSeconds()
      await kv.revocations.revokeUserBefore(T, 'u1', cut, 60)
      const fresh = { ...subject, tokenIds: ['jti-2'] }
      expect(await kv.gatekeeper.admit({ subject: { ...fresh, issuedAt: cut - 1 }, charges: charges('u:u1', burst) })).toEqual(refused)
      expect((await kv.gatekeeper.admit({ subject: { ...fresh, issuedAt: cut }, charges: charges('u:u1', burst) })).valid).toBe(true)

      await kv.sessions.revoke(T, 'u1', session.handle)
      expect(await kv.gatekeeper.admit({ subject: { ...fresh, issuedAt: cut, sessionId: id }, charges: charges('u:u1', burst) })).toEqual(refused)
    })

    it('a subject without a session (an external provider token) is checked by revocations and cutoff only', async ({ expect }) => {
      const kv = await make()
      const subject: AdmissionSubject = { tenantId: T, userId: 'ext|42', tokenIds: ['ext-jti', 'sid:abc'], issuedAt: nowSeconds() }
      const ok = await kv.gatekeeper.admit({ subject, charges: charges('u:ext', burst) })
      expect(ok.valid && ok.session).toBeNull()
      await kv.revocations.revokeToken(T, 'sid:abc', Date.now() + 60_000)
      expect((await kv.gatekeeper.admit({ subject, charges: charges('u:ext', burst) })).valid).toBe(false)
    })

    it('a policy with limitFrom takes the session plan; a zero plan denies without consuming', async ({ expect }) => {
      const kv = await make()
      const { subject } = await signedIn(kv, { hourlyLimit: 2 })
      const results: boolean[] = []
      for (let i = 0; i < 3; i++) {
        const r = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', hourly) })
        results.push(r.valid && r.rate.allowed)
        if (r.valid) expect(r.rate.policies[0]!.limit).toBe(2)
      }
      expect(results).toEqual([true, true, false])
      await kv.sessions.updateUser(T, 'u1', { hourlyLimit: 0 })
      const zero = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', hourly) })
      expect(zero.valid && zero.rate.allowed).toBe(false)
      await kv.sessions.updateUser(T, 'u1', { hourlyLimit: 10 })
      const raised = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', hourly) })
      expect(raised.valid && raised.rate.policies[0]).toMatchObject({ limit: 10, remaining: 7, allowed: true })
    })

    it('cost: a weighted request consumes its cost, cost 0 only reads; buckets are independent', async ({ expect }) => {
      const kv = await make()
      const { subject } = await signedIn(kv)
      const big: RatePolicy = { name: 'big', limit: 10, windowSeconds: WEEK, algorithm: 'fixed' }
      const five = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', big), cost: 5 })
      expect(five.valid && five.rate.policies[0]!.remaining).toBe(5)
      const peek = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', big), cost: 0 })
      expect(peek.valid && peek.rate.policies[0]!.remaining).toBe(5)
      const six = await kv.gatekeeper.admit({ subject, charges: charges('u:u1', big), cost: 6 })
      expect(six.valid && six.rate.allowed).toBe(false)
      const other = await kv.gatekeeper.admit({ subject, charges: charges('tenant', big), cost: 5 })
      expect(other.valid && other.rate.policies[0]!.remaining).toBe(5)
    })

    it('is exact under concurrency: 300 simultaneous admissions against a limit of 100 admit 100', async ({ expect }) => {
      const kv = await make()
      const { subject } = await signedIn(kv)
      const limit: RatePolicy = { name: 'hourly', limit: 100, windowSeconds: WEEK, algorithm: 'fixed' }
      const results = await Promise.all(Array.from({ length: 300 }, () => kv.gatekeeper.admit({ subject, charges: charges('u:u1', limit) })))
      expect(results.filter((r) => r.valid && r.rate.allowed)).toHaveLength(100)
    })
  })
}
