/**
 * Contract of the profiles repository (src/repositories/profiles.ts) on one document backend.
 * Every test uses its own tenant and user ids, so tests share the collection safely.
 */
import { describe, expect, it } from 'vitest'
import { DuplicateKeyError, ValidationError, VersionConflictError } from '../../src/errors.ts'
import type { DocumentStore } from '../../src/ports.ts'
import { createProfilesRepository, type ProfilesRepository } from '../../src/repositories/profiles.ts'
import { uniq } from '../harness/services.ts'
import { withIndexes } from './collection.contract.ts'

export function profilesContract(store: () => DocumentStore): void {
  describe('Profiles repository contract', () => {
    withIndexes(store)
    const repo = (): ProfilesRepository => createProfilesRepository(store())
    const ids = () => ({ tenant: uniq('tenant'), user: uniq('user') })

    it('create fills defaults; getByUser returns it, scoped by tenant when asked', async () => {
      const { tenant, user } = ids()
      const created = await repo().create({ user_id: user, tenant_id: tenant, organization: 'Acme Corp', role: 'admin' })
      expect(created).toMatchObject({
        user_id: user,
        tenant_id: tenant,
        organization: 'Acme Corp',
        role: 'admin',
        preferences: { theme: 'system', timezone: 'UTC', notifications: { email: true, browser: true } },
        api_quota: { logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 },
        version: 1,
      })
      expect(created._id).toMatch(/^[0-9a-f]{24}$/)
      const got = await repo().getByUser(user)
      expect(got).toMatchObject({ user_id: user, tenant_id: tenant, version: 1, _id: created._id })
      expect(got!.created_at).toBeInstanceOf(Date)
      expect(await repo().getByUser(user, { tenantId: tenant })).not.toBeNull()
      expect(await repo().getByUser(user, { tenantId: uniq('other') })).toBeNull()
    })

    it('a second profile for the same user_id is a DuplicateKeyError and overwrites nothing', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant, organization: 'first' })
      await expect(repo().create({ user_id: user, tenant_id: uniq('t2'), organization: 'second', role: 'superadmin' })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      )
      expect(await repo().getByUser(user)).toMatchObject({ tenant_id: tenant, organization: 'first', role: 'viewer', version: 1 })
    })

    it('listByTenant paginates with a total, filters by role, never shows other tenants', async () => {
      const tenant = uniq('tenant')
      const roles = ['viewer', 'admin', 'viewer', 'admin', 'viewer'] as const
      for (const [i, role] of roles.entries()) await repo().create({ user_id: `${tenant}-u${i}`, tenant_id: tenant, role })
      await repo().create({ user_id: uniq('outsider'), tenant_id: uniq('other'), role: 'admin' })
      const p1 = await repo().listByTenant(tenant, { page: 1, page_size: 2 })
      expect(p1).toMatchObject({ total: 5, page: 1, page_size: 2 })
      expect(p1.items.map((p) => p.user_id)).toEqual([`${tenant}-u0`, `${tenant}-u1`])
      const p3 = await repo().listByTenant(tenant, { page: 3, page_size: 2 })
      expect(p3.items.map((p) => p.user_id)).toEqual([`${tenant}-u4`])
      expect((await repo().listByTenant(tenant, { page: 4, page_size: 2 })).items).toEqual([])
      const admins = await repo().listByTenant(tenant, { role: 'admin' })
      expect(admins.total).toBe(2)
      expect(admins.items.every((p) => p.role === 'admin' && p.tenant_id === tenant)).toBe(true)
      await expect(repo().listByTenant(tenant, { page_size: 1000 })).rejects.toBeInstanceOf(ValidationError)
    })

    it('patch merges preferences deeply and bumps the version', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant, preferences: { theme: 'dark', timezone: 'Europe/Paris' } })
      const a = await repo().patch(user, { preferences: { theme: 'light' } })
      expect(a).toMatchObject({ version: 2, preferences: { theme: 'light', timezone: 'Europe/Paris', notifications: { email: true, browser: true } } })
      const b = await repo().patch(user, { preferences: { notifications: { browser: false } }, organization: 'New Org' }, { expectedVersion: 2 })
      expect(b).toMatchObject({
        version: 3,
        organization: 'New Org',
        preferences: { theme: 'light', timezone: 'Europe/Paris', notifications: { email: true, browser: false } },
      })
      expect(b!.updated_at.getTime()).toBeGreaterThanOrEqual(b!.created_at.getTime())
      const c = await repo().patch(user, { api_quota: { logs_per_day: 5 } })
      expect(c!.api_quota).toEqual({ logs_per_day: 5, api_calls_per_hour: 1000, retention_days: 90 })
    })

    it('optimistic concurrency: of patches made from the same version exactly one wins', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant })
      const themes = ['light', 'dark', 'system', 'light', 'dark'] as const
      const results = await Promise.allSettled(themes.map((theme) => repo().patch(user, { preferences: { theme } }, { expectedVersion: 1 })))
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(4)
      for (const l of lost) expect(l.reason).toBeInstanceOf(VersionConflictError)
      expect((lost[0]!.reason as VersionConflictError).actual).toBe(2)
      const final = await repo().getByUser(user)
      expect(final!.version).toBe(2)
      expect(final!.preferences.theme).toBe((won[0] as PromiseFulfilledResult<{ preferences: { theme: string } }>).value.preferences.theme)
      await expect(repo().patch(user, { organization: 'late' }, { expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError)
      expect((await repo().getByUser(user))!.organization).toBe('')
    })

    it('patch of a missing profile, or of another tenant, is null and changes nothing', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant, organization: 'mine' })
      expect(await repo().patch(uniq('ghost'), { organization: 'x' })).toBeNull()
      expect(await repo().patch(user, { organization: 'stolen' }, { tenantId: uniq('intruder') })).toBeNull()
      expect(await repo().patch(user, { organization: 'stolen' }, { tenantId: uniq('intruder'), expectedVersion: 1 })).toBeNull()
      expect(await repo().getByUser(user)).toMatchObject({ organization: 'mine', version: 1 })
    })

    it('validates every field: theme, IANA time zone, notification flags, unknown keys, roles', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant })
      const bad: unknown[] = [
        { preferences: { theme: 'neon' } },
        { preferences: { timezone: 'Mars/Olympus' } },
        { preferences: { notifications: { email: 'yes' } } },
        { preferences: { colour: 'red' } },
        { role: 'god' },
        { version: 99 },
        { api_quota: { logs_per_day: -1 } },
        { organization: { $set: 'x' } },
      ]
      for (const changes of bad) {
        await expect(repo().patch(user, changes as never), JSON.stringify(changes)).rejects.toBeInstanceOf(ValidationError)
      }
      expect((await repo().getByUser(user))!.version).toBe(1)
    })

    it('operator injection in ids is refused, never widening the query', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant })
      const inj = { $ne: 'nobody' } as unknown as string
      await expect(repo().getByUser(inj)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().getByUser(user, { tenantId: inj })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().listByTenant(inj)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().delete(inj)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().listByTenant(tenant, { role: { $ne: 'x' } as never })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().getByUser('{"$ne":"nobody"}')).rejects.toBeInstanceOf(ValidationError)
      expect(await repo().getByUser(user)).not.toBeNull()
    })

    it('delete is tenant-scoped', async () => {
      const { tenant, user } = ids()
      await repo().create({ user_id: user, tenant_id: tenant })
      expect(await repo().delete(user, { tenantId: uniq('intruder') })).toBe(false)
      expect(await repo().getByUser(user)).not.toBeNull()
      expect(await repo().delete(user, { tenantId: tenant })).toBe(true)
      expect(await repo().getByUser(user)).toBeNull()
      expect(await repo().delete(user)).toBe(false)
    })
  })
}
