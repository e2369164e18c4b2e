/**
 * Contracts of the `ApiKeyStore` and `TenantPlans` ports, run against every key-value adapter:
 * records per tenant (another tenant's id is unknown), listing oldest first, rotation keeps the
 * previous hash with its grace end, own rate limits set and cleared, revocation, a last-used time
 * that never moves back and never brings a revoked key back; plan overrides per tenant.
 */
import { describe, it } from 'vitest'
import type { ApiKeyRecord, KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const T = 't1'

const record = (id: string, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id,
  tenantId: T,
  name: `key ${id}`,
  role: 'viewer',
  hash: `${id}`.padEnd(64, '0'),
  previous: null,
  createdAt: 1_800_000_000_000,
  createdBy: 'u1',
  expiresAt: null,
  rateLimit: null,
  lastUsedAt: null,
  rotatedAt: null,
  ...over,
})

export function apiKeyStoreContract(name: string, make: MakeKv): void {
  describe.concurrent(`ApiKeyStore contract (${name})`, () => {
    it('creates once per id and tenant, reads back every field, lists a tenant’s keys oldest first', async ({ expect }) => {
      const { apiKeys } = await make()
      const a = record('a1', { createdAt: 1_800_000_000_002, role: 'admin', expiresAt: 1_900_000_000_000, rateLimit: { limit: 5, windowSeconds: 60 } })
      const b = record('b2', { createdAt: 1_800_000_000_001 })
      expect(await apiKeys.create(a)).toBe(true)
      expect(await apiKeys.create(b)).toBe(true)
      expect(await apiKeys.create({ ...a, name: 'again' })).toBe(false)
      expect(await apiKeys.create(record('a1', { tenantId: 't2' }))).toBe(true) // ids are per tenant
      expect(await apiKeys.get(T, 'a1')).toEqual(a)
      expect(await apiKeys.get(T, 'zz')).toBeNull()
      expect((await apiKeys.list(T)).map((r) => r.id)).toEqual(['b2', 'a1'])
      expect((await apiKeys.list('t2')).map((r) => [r.id, r.tenantId])).toEqual([['a1', 't2']])
      expect(await apiKeys.list('t3')).toEqual([])
    })

    it('rotates: the new hash, the previous one with its grace end; unknown keys stay unknown', async ({ expect }) => {
      const { apiKeys } = await make()
      await apiKeys.create(record('k1'))
      const r1 = await apiKeys.rotate(T, 'k1', 'n'.repeat(64), 1_800_000_060_000, 1_800_000_000_000)
      expect(r1).toMatchObject({ hash: 'n'.repeat(64), previous: { hash: record('k1').hash, until: 1_800_000_060_000 }, rotatedAt: 1_800_000_000_000 })
      const r2 = await apiKeys.rotate(T, 'k1', 'm'.repeat(64), 1_800_000_120_000, 1_800_000_001_000)
      expect(r2?.previous).toEqual({ hash: 'n'.repeat(64), until: 1_800_000_120_000 })
      expect(await apiKeys.get(T, 'k1')).toEqual(r2)
      expect(await apiKeys.rotate(T, 'zz', 'x'.repeat(64), 1, 1)).toBeNull()
      expect(await apiKeys.rotate('t2', 'k1', 'x'.repeat(64), 1, 1)).toBeNull()
    })

    it('sets and clears a key’s own rate limit', async ({ expect }) => {
      const { apiKeys } = await make()
      await apiKeys.create(record('k1'))
      expect((await apiKeys.setRateLimit(T, 'k1', { limit: 7, windowSeconds: 30 }))?.rateLimit).toEqual({ limit: 7, windowSeconds: 30 })
      expect((await apiKeys.get(T, 'k1'))?.rateLimit).toEqual({ limit: 7, windowSeconds: 30 })
      expect((await apiKeys.setRateLimit(T, 'k1', null))?.rateLimit).toBeNull()
      expect(await apiKeys.setRateLimit(T, 'zz', null)).toBeNull()
    })

    it('revokes (gone from reads and the listing), and touch never moves back nor recreates', async ({ expect }) => {
      const { apiKeys } = await make()
      await apiKeys.create(record('k1'))
      await apiKeys.create(record('k2'))
      await apiKeys.touch(T, 'k1', 1_800_000_005_000)
      await apiKeys.touch(T, 'k1', 1_800_000_001_000)
      expect((await apiKeys.get(T, 'k1'))?.lastUsedAt).toBe(1_800_000_005_000)
      expect(await apiKeys.revoke('t2', 'k1')).toBe(false)
      expect(await apiKeys.revoke(T, 'k1')).toBe(true)
      expect(await apiKeys.revoke(T, 'k1')).toBe(false)
      await apiKeys.touch(T, 'k1', 1_800_000_009_000)
      expect(await apiKeys.get(T, 'k1')).toBeNull()
      expect((await apiKeys.list(T)).map((r) => r.id)).toEqual(['k2'])
    })
  })
}

export function tenantPlansContract(name: string, make: MakeKv): void {
  describe.concurrent(`TenantPlans contract (${name})`, () => {
    it('keeps an hourly limit per tenant until cleared', async ({ expect }) => {
      const { tenantPlans } = await make()
      expect(await tenantPlans.hourlyLimit(T)).toBeNull()
      await tenantPlans.setHourlyLimit(T, 250)
      await tenantPlans.setHourlyLimit('t2', 0)
      expect(await tenantPlans.hourlyLimit(T)).toBe(250)
      expect(await tenantPlans.hourlyLimit('t2')).toBe(0)
      await tenantPlans.setHourlyLimit(T, null)
      expect(await tenantPlans.hourlyLimit(T)).toBeNull()
      expect(await tenantPlans.hourlyLimit('t2')).toBe(0)
    })
  })
}
