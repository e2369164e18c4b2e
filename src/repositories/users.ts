/**
 * Sign-in accounts and tenants, written once against the `Collection` interface.
 * Emails are normalised (trim + lowercase) and unique (index `email_1`); password hashes are
 * opaque strings that carry their own parameters. Tenant-scoped calls never touch another
 * tenant's users. A disabled account (`disabled: true`) keeps its record; records written before
 * the flag existed have no `disabled` field and count as enabled.
 */
import { ROLES, type Role, roleAtLeast } from '../domain/roles.ts'
import { DuplicateKeyError, ValidationError } from '../errors.ts'
import type { Collection, DocumentStore } from '../ports.ts'
import { COLLECTIONS } from './indexes.ts'
import { bool, id, idString, oneOf, randomHex, tenantPage, text } from './values.ts'

export type UserRecord = {
  _id?: string
  user_id: string
  email: string
  /** The encoded hash with its algorithm and parameters (e.g. `pbkdf2-sha256$100000$salt$hash`). */
  password_hash: string
  tenant_id: string
  role: Role
  created_at: Date
  updated_at: Date
  password_changed_at: Date
  /** True while the account may not sign in (absent on records older than the flag). */
  disabled?: boolean
  disabled_at?: Date | null
}

/** Roles that administer a tenant. */
const ADMIN_ROLES = ROLES.filter((r) => roleAtLeast(r, 'admin'))

type TenantRecord = {
  _id?: string
  tenant_id: string
  organization: string
  created_at: Date
}

interface NewUser {
  email: string
  password_hash: string
  tenant_id: string
  role: Role
  /** Generated when absent. */
  user_id?: string
}

export interface RepositoryOptions {
  /** Collection name override. */
  collection?: string
  /** Clock, for tests. */
  now?: () => Date
}

/** Normalised form of an email: trimmed, lowercased; refused when not shaped like one. */
export function normalizeEmail(value: unknown): string {
  const email = text('email', value, { max: 320 }).trim().toLowerCase()
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new ValidationError('email', 'must be an email address')
  return email
}

function passwordHash(value: unknown): string {
  return text('password_hash', value, { max: 1024 })
}

function toUser(doc: Record<string, unknown> | null): UserRecord | null {
  if (!doc) return null
  return { ...(doc as UserRecord), _id: idString(doc._id) }
}

export interface UsersRepository {
  /** Creates an account; DuplicateKeyError when the email (or given user_id) exists. */
  create(input: NewUser): Promise<UserRecord>
  getByEmail(email: string): Promise<UserRecord | null>
  /** By id; restricted to `tenantId` when given. */
  getById(userId: string, tenantId?: string): Promise<UserRecord | null>
  /** Replaces the password hash and stamps password_changed_at. False when no such user. */
  updatePassword(userId: string, passwordHashValue: string): Promise<boolean>
  /** Changes the role of a user of that tenant. False when not a user of the tenant. */
  setRole(tenantId: string, userId: string, role: Role): Promise<boolean>
  /** Disables (or enables) a user of that tenant, stamping disabled_at. False when not a user of the tenant. */
  setDisabled(tenantId: string, userId: string, disabled: boolean): Promise<boolean>
  /** Enabled users of the tenant with the admin role or above. */
  countActiveAdmins(tenantId: string): Promise<number>
  /** Deletes a user of that tenant. False when not a user of the tenant. */
  delete(tenantId: string, userId: string): Promise<boolean>
  /** Users of a tenant, oldest first, paginated; optional role filter. */
  listByTenant(
    tenantId: string,
    options?: { page?: number; page_size?: number; role?: Role },
  ): Promise<{ items: UserRecord[]; total: number; page: number; page_size: number }>
}

/**
 * @example
 * const users = createUsersRepository(backends.documents)
 * const user = await users.create({ email, password_hash, tenant_id, role: 'admin' })
 */
export function createUsersRepository(store: DocumentStore, options: RepositoryOptions = {}): UsersRepository {
  const coll: Collection = store.collection(options.collection ?? COLLECTIONS.users)
  const now = options.now ?? (() => new Date())
  return {
    async create(input) {
      const at = now()
      const user: UserRecord = {
        user_id: input.user_id === undefined ? crypto.randomUUID() : id('user_id', input.user_id),
        email: normalizeEmail(input.email),
        password_hash: passwordHash(input.password_hash),
        tenant_id: id('tenant_id', input.tenant_id),
        role: oneOf('role', input.role, ROLES),
        created_at: at,
        updated_at: at,
        password_changed_at: at,
      }
      const { insertedId } = await coll.insertOne({ ...user })
      return { ...user, _id: idString(insertedId) }
    },
    async getByEmail(email) {
      return toUser(await coll.findOne({ email: normalizeEmail(email) }))
    },
    async getById(userId, tenantId) {
      const filter: Record<string, unknown> = { user_id: id('user_id', userId) }
      if (tenantId !== undefined) filter.tenant_id = id('tenant_id', tenantId)
      return toUser(await coll.findOne(filter))
    },
    async updatePassword(userId, hash) {
      const at = now()
      const res = await coll.updateOne(
        { user_id: id('user_id', userId) },
        { $set: { password_hash: passwordHash(hash), password_changed_at: at, updated_at: at } },
      )
      return res.matchedCount === 1
    },
    async setRole(tenantId, userId, role) {
      const res = await coll.updateOne(
        { tenant_id: id('tenant_id', tenantId), user_id: id('user_id', userId) },
        { $set: { role: oneOf('role', role, ROLES), updated_at: now() } },
      )
      return res.matchedCount === 1
    },
    async setDisabled(tenantId, userId, disabled) {
      const at = now()
      const res = await coll.updateOne(
        { tenant_id: id('tenant_id', tenantId), user_id: id('user_id', userId) },
        { $set: { disabled: bool('disabled', disabled), disabled_at: disabled ? at : null, updated_at: at } },
      )
      return res.matchedCount === 1
    },
    countActiveAdmins(tenantId) {
      // $ne also matches records without the field (never disabled): MongoDB and FerretDB alike.
      return coll.count({ tenant_id: id('tenant_id', tenantId), role: { $in: ADMIN_ROLES }, disabled: { $ne: true } })
    },
    async delete(tenantId, userId) {
      const res = await coll.deleteOne({ tenant_id: id('tenant_id', tenantId), user_id: id('user_id', userId) })
      return res.deletedCount === 1
    },
    listByTenant(tenantId, opts = {}) {
      return tenantPage(coll, tenantId, opts, ROLES, (d) => toUser(d)!)
    },
  }
}

export interface TenantsRepository {
  /** Creates a tenant; its id is a slug of the organisation plus a random suffix unless given. */
  create(input: { organization: string; tenant_id?: string }): Promise<TenantRecord>
  get(tenantId: string): Promise<TenantRecord | null>
  delete(tenantId: string): Promise<boolean>
}

/** `"Acme Corp!"` → `"acme-corp"` (ASCII letters/digits, dashes, at most 40 characters). */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug || 'tenant'
}

export function createTenantsRepository(store: DocumentStore, options: RepositoryOptions = {}): TenantsRepository {
  const coll: Collection = store.collection(options.collection ?? COLLECTIONS.tenants)
  const now = options.now ?? (() => new Date())
  return {
    async create(input) {
      const organization = text('organization', input.organization, { max: 200 }).trim()
      if (!organization) throw new ValidationError('organization', 'must not be blank')
      const given = input.tenant_id !== undefined ? id('tenant_id', input.tenant_id) : undefined
      // A generated id that collides (same slug, same random suffix) is retried; a given one is not.
      for (let attempt = 0; ; attempt++) {
        const tenant: TenantRecord = {
          tenant_id: given ?? `${slugify(organization)}-${randomHex(3)}`,
          organization,
          created_at: now(),
        }
        try {
          const { insertedId } = await coll.insertOne({ ...tenant })
          return { ...tenant, _id: idString(insertedId) }
        } catch (err) {
          if (!(err instanceof DuplicateKeyError) || given !== undefined || attempt >= 4) throw err
        }
      }
    },
    async get(tenantId) {
      const doc = await coll.findOne({ tenant_id: id('tenant_id', tenantId) })
      return doc ? ({ ...(doc as TenantRecord), _id: idString(doc._id) } as TenantRecord) : null
    },
    async delete(tenantId) {
      const res = await coll.deleteOne({ tenant_id: id('tenant_id', tenantId) })
      return res.deletedCount === 1
    },
  }
}
