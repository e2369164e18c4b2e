/**
 * Contract of the `Gatekeeper` port: one atomic admission per request — the subject is checked
 * (session alive and the user's, token ids not revoked, issued at or after the user's cutoff)
 * and only then every policy is charged, all or none; an API key subject likewise, by its record.
 * Run against every key-value adapter.
 */
import { describe, it } from 'vitest'
import type { AdmissionSubject, ApiKeyRecord, Charge, KeySubject, KvBackends, RatePolicy, SessionTimes } from '../../src/ports.ts'

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

/** A key record for the contract (hashes are opaque strings to the store). */
function keyRecord(over: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id: 'k1',
    tenantId: T,
    name: 'ci',
    role: 'admin',
    hash: 'a'.repeat(64),
    previous: null,
    createdAt: Date.now(),
    createdBy: 'u1',
    expiresAt: null,
    rateLimit: null,
    lastUsedAt: null,
    rotatedAt: null,
    ...over,
  }
}

/** The Gatekeeper's API-key subjects: record, hash, grace, expiry, own limit, tenant plan. */
export function gatekeeperKeyContract(name: string, make: MakeKv): void {
  describe.concurrent(`Gatekeeper contract, API key subjects (${name})`, () => {
    const own: RatePolicy = { name: 'key', limit: 1000, windowSeconds: 3600, limitFrom: 'key' }
    const tenant: RatePolicy = { name: 'tenant', limit: 1000, windowSeconds: WEEK, algorithm: 'fixed', limitFrom: 'tenant' }
    const subjectOf = (r: ApiKeyRecord, hash = r.hash): KeySubject => ({ kind: 'key', tenantId: r.tenantId, keyId: r.id, keyHash: hash })
    const refused = { valid: false, reason: 'revoked' }

    it('admits a known key with its hash, returns its record, and charges its own limit AND window', async ({ expect }) => {
      const kv = await make()
      const record = keyRecord({ rateLimit: { limit: 3, windowSeconds: 120 } })
      expect(await kv.apiKeys.create(record)).toBe(true)
      const first = await kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'k:k1', policy: own }] })
      expect(first.valid).toBe(true)
      if (!first.valid) return
      expect(first.session).toBeNull()
      expect(first.key).toMatchObject({ id: 'k1', role: 'admin', tenantId: T, rateLimit: { limit: 3, windowSeconds: 120 } })
      expect(first.rate.policies[0]).toMatchObject({ name: 'key', limit: 3, remaining: 2, windowSeconds: 120, allowed: true })
      expect(first.rate.policies[0]!.reset - Date.now()).toBeLessThanOrEqual(120_000)
      const rest = []
      for (let i = 0; i < 3; i++) rest.push(await kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'k:k1', policy: own }] }))
      expect(rest.map((r) => r.valid && r.rate.allowed)).toEqual([true, true, false])
      // The key's own limit changes at runtime: the next admission applies it.
      await kv.apiKeys.setRateLimit(T, 'k1', { limit: 10, windowSeconds: 120 })
      const raised = await kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'k:k1', policy: own }] })
      expect(raised.valid && raised.rate.policies[0]).toMatchObject({ limit: 10, remaining: 6, allowed: true })
      // Without an own limit the policy's default applies (limit and window).
      await kv.apiKeys.setRateLimit(T, 'k1', null)
      const fallback = await kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'k:k1', policy: own }] })
      expect(fallback.valid && fallback.rate.policies[0]).toMatchObject({ limit: 1000, windowSeconds: 3600, allowed: true })
    })

    it('refuses an unknown key, a wrong hash, an expired or revoked key, another tenant — and charges them nothing', async ({ expect }) => {
      const kv = await make()
      const record = keyRecord()
      await kv.apiKeys.create(record)
      const expired = keyRecord({ id: 'k2', expiresAt: Date.now() - 1 })
      await kv.apiKeys.create(expired)
      const charges = [{ bucket: 'k:k1', policy: tenant }]
      expect(await kv.gatekeeper.admit({ subject: { ...subjectOf(record), keyId: 'nope' }, charges })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: subjectOf(record, 'b'.repeat(64)), charges })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: { ...subjectOf(record), tenantId: 't2' }, charges })).toEqual(refused)
      expect(await kv.gatekeeper.admit({ subject: subjectOf(expired), charges })).toEqual(refused)
      const peek = await kv.gatekeeper.admit({ subject: subjectOf(record), charges, cost: 0 })
      expect(peek.valid && peek.rate.policies[0]!.remaining).toBe(1000) // nothing was charged
      expect(await kv.apiKeys.revoke(T, 'k1')).toBe(true)
      expect(await kv.gatekeeper.admit({ subject: subjectOf(record), charges })).toEqual(refused)
    })

    it('after a rotation the previous hash is accepted until its grace ends (exclusive), the new one from then on', async ({ expect }) => {
      const kv = await make()
      const record = keyRecord()
      await kv.apiKeys.create(record)
      const charges = [{ bucket: 'k:k1', policy: tenant }]
      const until = Date.now() + 400
      const rotated = await kv.apiKeys.rotate(T, 'k1', 'c'.repeat(64), until, Date.now())
      expect(rotated).toMatchObject({ hash: 'c'.repeat(64), previous: { hash: record.hash, until } })
      expect((await kv.gatekeeper.admit({ subject: subjectOf(record), charges })).valid).toBe(true)
      expect((await kv.gatekeeper.admit({ subject: subjectOf(record, 'c'.repeat(64)), charges })).valid).toBe(true)
      await new Promise((r) => setTimeout(r, until - Date.now() + 5))
      expect(await kv.gatekeeper.admit({ subject: subjectOf(record), charges })).toEqual(refused)
      expect((await kv.gatekeeper.admit({ subject: subjectOf(record, 'c'.repeat(64)), charges })).valid).toBe(true)
    })

    it('a tenant policy takes the tenant plan at the next admission, and keys and users draw from the same budget', async ({ expect }) => {
      const kv = await make()
      const record = keyRecord()
      await kv.apiKeys.create(record)
      const { id } = await kv.sessions.create({ userId: 'u1', tenantId: T, role: 'viewer' })
      const user: AdmissionSubject = { tenantId: T, userId: 'u1', sessionId: id, tokenIds: [], issuedAt: nowSeconds() }
      await kv.tenantPlans.setHourlyLimit(T, 3)
      const byKey = () => kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'tenant', policy: tenant }] })
      const byUser = () => kv.gatekeeper.admit({ subject: user, charges: [{ bucket: 'tenant', policy: tenant }] })
      const seen = [await byKey(), await byUser(), await byKey(), await byUser()]
      expect(seen.map((r) => r.valid && r.rate.allowed)).toEqual([true, true, true, false])
      expect(seen[0]!.valid && seen[0]!.rate.policies[0]!.limit).toBe(3)
      await kv.tenantPlans.setHourlyLimit(T, null) // back to the policy's default
      const back = await byUser()
      expect(back.valid && back.rate.policies[0]).toMatchObject({ limit: 1000, remaining: 996, allowed: true })
    })

    it('is exact under concurrency: 300 simultaneous admissions of one key with its own limit of 100 admit 100', async ({ expect }) => {
      const kv = await make()
      const record = keyRecord({ rateLimit: { limit: 100, windowSeconds: 3600 } })
      await kv.apiKeys.create(record)
      const results = await Promise.all(
        Array.from({ length: 300 }, () => kv.gatekeeper.admit({ subject: subjectOf(record), charges: [{ bucket: 'k:k1', policy: own }] })),
      )
      expect(results.filter((r) => r.valid && r.rate.allowed)).toHaveLength(100)
    })
  })
}
