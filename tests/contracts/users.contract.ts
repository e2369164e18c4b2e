/**
 * Contract of the users and tenants repositories (src/repositories/users.ts) on one document
 * backend. Every test uses its own tenant ids and emails.
 */
import { describe, expect, it } from 'vitest'
import { DuplicateKeyError, ValidationError } from '../../src/errors.ts'
import type { DocumentStore } from '../../src/ports.ts'
import { createTenantsRepository, createUsersRepository, normalizeEmail, slugify, type UsersRepository } from '../../src/repositories/users.ts'
import { uniq } from '../harness/services.ts'
import { withIndexes } from './collection.contract.ts'

export function usersContract(store: () => DocumentStore): void {
  describe('Users repository contract', () => {
    withIndexes(store)
    const repo = (): UsersRepository => createUsersRepository(store())
    const email = () => `${uniq('user')}@example.com`

    it('create normalises the email and generates a user_id; lookups by email ignore case and spaces', async () => {
      const tenant = uniq('tenant')
      const mail = email()
      const user = await repo().create({ email: `  ${mail.toUpperCase()} `, password_hash: 'pbkdf2-sha256$100000$salt$hash', tenant_id: tenant, role: 'admin' })
      expect(user.email).toBe(mail)
      expect(user.user_id).toMatch(/^[0-9a-f-]{36}$/)
      expect(user.created_at).toBeInstanceOf(Date)
      expect(user.password_changed_at.getTime()).toBe(user.created_at.getTime())
      const byEmail = await repo().getByEmail(mail.toUpperCase())
      expect(byEmail).toMatchObject({ user_id: user.user_id, tenant_id: tenant, role: 'admin', password_hash: 'pbkdf2-sha256$100000$salt$hash' })
      expect(await repo().getById(user.user_id)).toMatchObject({ email: mail })
      expect(await repo().getById(user.user_id, tenant)).not.toBeNull()
      expect(await repo().getById(user.user_id, uniq('other'))).toBeNull()
      expect(await repo().getByEmail(`nobody-${mail}`)).toBeNull()
    })

    it('a duplicate email (any case) or user_id is a DuplicateKeyError and overwrites nothing', async () => {
      const tenant = uniq('tenant')
      const mail = email()
      const first = await repo().create({ email: mail, password_hash: 'h1', tenant_id: tenant, role: 'admin' })
      await expect(repo().create({ email: ` ${mail.toUpperCase()}`, password_hash: 'h2', tenant_id: uniq('t2'), role: 'superadmin' })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      )
      await expect(repo().create({ email: email(), user_id: first.user_id, password_hash: 'h3', tenant_id: tenant, role: 'viewer' })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      )
      expect(await repo().getByEmail(mail)).toMatchObject({ user_id: first.user_id, password_hash: 'h1', tenant_id: tenant, role: 'admin' })
      expect((await repo().listByTenant(tenant)).total).toBe(1)
    })

    it('concurrent sign-ups with one email: exactly one account', async () => {
      const mail = email()
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => repo().create({ email: mail, password_hash: `h${i}`, tenant_id: uniq('tenant'), role: 'admin' })),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError)
    })

    it('updatePassword replaces the hash and stamps password_changed_at', async () => {
      const user = await repo().create({ email: email(), password_hash: 'old', tenant_id: uniq('tenant'), role: 'viewer' })
      await new Promise((r) => setTimeout(r, 5))
      expect(await repo().updatePassword(user.user_id, 'new')).toBe(true)
      const after = await repo().getById(user.user_id)
      expect(after!.password_hash).toBe('new')
      expect(after!.password_changed_at.getTime()).toBeGreaterThan(user.password_changed_at.getTime())
      expect(await repo().updatePassword(uniq('ghost'), 'x')).toBe(false)
    })

    it('setRole, delete and listByTenant are tenant-scoped', async () => {
      const tenant = uniq('tenant')
      const intruder = uniq('intruder')
      // A ticking clock makes the creation order (the list order) unambiguous.
      let tick = Date.parse('2026-01-01T00:00:00Z')
      const clocked = createUsersRepository(store(), { now: () => new Date((tick += 1000)) })
      const users = []
      for (const role of ['admin', 'viewer', 'viewer'] as const)
        users.push(await clocked.create({ email: email(), password_hash: 'h', tenant_id: tenant, role }))
      await repo().create({ email: email(), password_hash: 'h', tenant_id: intruder, role: 'admin' })
      const target = users[1]!
      expect(await repo().setRole(intruder, target.user_id, 'admin')).toBe(false)
      expect(await repo().delete(intruder, target.user_id)).toBe(false)
      expect(await repo().getById(target.user_id)).toMatchObject({ role: 'viewer' })
      expect(await repo().setRole(tenant, target.user_id, 'admin')).toBe(true)
      const list = await repo().listByTenant(tenant, { page: 1, page_size: 2 })
      expect(list.total).toBe(3)
      expect(list.items.map((u) => u.user_id)).toEqual([users[0]!.user_id, users[1]!.user_id])
      expect((await repo().listByTenant(tenant, { role: 'admin' })).total).toBe(2)
      expect(await repo().delete(tenant, target.user_id)).toBe(true)
      expect(await repo().getById(target.user_id)).toBeNull()
      expect((await repo().listByTenant(tenant)).total).toBe(2)
    })

    it('setDisabled flags and clears, tenant-scoped; countActiveAdmins counts enabled admins and superadmins', async () => {
      const tenant = uniq('tenant')
      const intruder = uniq('intruder')
      const admin = await repo().create({ email: email(), password_hash: 'h', tenant_id: tenant, role: 'admin' })
      const superadmin = await repo().create({ email: email(), password_hash: 'h', tenant_id: tenant, role: 'superadmin' })
      await repo().create({ email: email(), password_hash: 'h', tenant_id: tenant, role: 'viewer' })
      await repo().create({ email: email(), password_hash: 'h', tenant_id: intruder, role: 'admin' })
      // A record without the flag (as written before it existed) is enabled.
      expect((await repo().getById(admin.user_id))!.disabled).toBeUndefined()
      expect(await repo().countActiveAdmins(tenant)).toBe(2)

      expect(await repo().setDisabled(intruder, admin.user_id, true)).toBe(false)
      expect(await repo().countActiveAdmins(tenant)).toBe(2)
      expect(await repo().setDisabled(tenant, admin.user_id, true)).toBe(true)
      const disabled = (await repo().getByEmail(admin.email))!
      expect(disabled.disabled).toBe(true)
      expect(disabled.disabled_at).toBeInstanceOf(Date)
      expect(await repo().countActiveAdmins(tenant)).toBe(1)
      expect(await repo().setDisabled(tenant, superadmin.user_id, true)).toBe(true)
      expect(await repo().countActiveAdmins(tenant)).toBe(0)
      expect(await repo().countActiveAdmins(intruder)).toBe(1)

      expect(await repo().setDisabled(tenant, admin.user_id, false)).toBe(true)
      const enabled = (await repo().getById(admin.user_id, tenant))!
      expect(enabled.disabled).toBe(false)
      expect(enabled.disabled_at ?? null).toBeNull()
      expect(await repo().countActiveAdmins(tenant)).toBe(1)
      await expect(repo().setDisabled(tenant, { $ne: '' } as never, true)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().setDisabled(tenant, admin.user_id, 'yes' as never)).rejects.toBeInstanceOf(ValidationError)
    })

    it('refuses operator injection and malformed values', async () => {
      const tenant = uniq('tenant')
      await repo().create({ email: email(), password_hash: 'h', tenant_id: tenant, role: 'viewer' })
      const ne = { $ne: '' } as never
      await expect(repo().getByEmail(ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().getById(ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().getById('x', ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().listByTenant(ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().delete(tenant, ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().setRole(tenant, 'x', 'root' as never)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().create({ email: 'not-an-email', password_hash: 'h', tenant_id: tenant, role: 'viewer' })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().create({ email: email(), password_hash: '', tenant_id: tenant, role: 'viewer' })).rejects.toBeInstanceOf(ValidationError)
      expect(() => normalizeEmail({ $gt: '' })).toThrow(ValidationError)
    })
  })

  describe('Tenants repository contract', () => {
    withIndexes(store)
    const repo = () => createTenantsRepository(store())

    it('create generates a slug id with a random suffix; get and delete', async () => {
      const tenant = await repo().create({ organization: '  Acme Corp! ' })
      expect(tenant.organization).toBe('Acme Corp!')
      expect(tenant.tenant_id).toMatch(/^acme-corp-[0-9a-f]{6}$/)
      expect(await repo().get(tenant.tenant_id)).toMatchObject({ organization: 'Acme Corp!' })
      const again = await repo().create({ organization: 'Acme Corp!' })
      expect(again.tenant_id).not.toBe(tenant.tenant_id)
      expect(await repo().delete(tenant.tenant_id)).toBe(true)
      expect(await repo().get(tenant.tenant_id)).toBeNull()
      expect(slugify('Ünïcode — Ltd.')).toBe('unicode-ltd')
      expect(slugify('!!!')).toBe('tenant')
    })

    it('a given tenant_id that exists is a DuplicateKeyError and overwrites nothing', async () => {
      const id = uniq('acme')
      await repo().create({ organization: 'First', tenant_id: id })
      await expect(repo().create({ organization: 'Second', tenant_id: id })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await repo().get(id)).toMatchObject({ organization: 'First' })
      await expect(repo().get({ $ne: '' } as never)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().create({ organization: '   ' })).rejects.toBeInstanceOf(ValidationError)
    })
  })
}
