/**
 * Accounts: a new tenant with its first admin, users added to a tenant, password changes, and the
 * lifecycle an admin runs (disable, enable, delete). Over the users/tenants/profiles repositories
 * and the ports only.
 */
import type { Deps } from '../deps.ts'
import type { Principal } from '../domain/principal.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ConflictError, DuplicateKeyError, ForbiddenError, NotFoundError } from '../errors.ts'
import { createProfilesRepository } from '../repositories/profiles.ts'
import { createTenantsRepository, createUsersRepository, type UserRecord } from '../repositories/users.ts'
import { keepingAnAdmin } from './admin-guard.ts'
import { type AttemptSubject, countAttempt, digestHex, forgetAttempts } from './auth-attempts.ts'
import type { ClientInfo } from './devices.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { defaultQuota } from './quotas.ts'
import { signOutEverywhere } from './sessions.ts'

const nowOf = (deps: Deps) => deps.now?.() ?? Date.now()

function repos(deps: Deps) {
  const { documents } = deps.backends
  return {
    users: createUsersRepository(documents),
    tenants: createTenantsRepository(documents),
    profiles: createProfilesRepository(documents, { defaultQuota: defaultQuota(deps.config) }),
  }
}

const emailTaken = () => new ConflictError('An account with this e-mail already exists')

/** Creates the profile that goes with a new account; an existing one is kept. */
async function createProfile(deps: Deps, user: UserRecord, organization: string): Promise<void> {
  try {
    await repos(deps).profiles.create({ user_id: user.user_id, tenant_id: user.tenant_id, organization, role: user.role })
  } catch (err) {
    if (err instanceof DuplicateKeyError) return
    // The account exists either way; POST /api/v1/users/profile/create/ can make the profile later.
    deps.logger.warn('profile creation failed', { user_id: user.user_id, error: (err as Error)?.name })
  }
}

/** POST /auth/register: a new tenant and its first user (admin). */
export async function register(
  deps: Deps,
  input: { email: string; password: string; organization: string },
  client: ClientInfo,
): Promise<{ user_id: string; tenant_id: string; role: Role }> {
  const { config, backends } = deps
  await countAttempt(backends.rateLimiter, config, { action: 'register', account: 'any', ip: client.ip }, nowOf(deps))
  const { users, tenants } = repos(deps)
  if (await users.getByEmail(input.email)) throw emailTaken()
  const passwordHash = await hashPassword(input.password, config.PASSWORD_PBKDF2_ITERATIONS)
  const tenant = await tenants.create({ organization: input.organization })
  let user: UserRecord
  try {
    user = await users.create({ email: input.email, password_hash: passwordHash, tenant_id: tenant.tenant_id, role: 'admin' })
  } catch (err) {
    await tenants.delete(tenant.tenant_id).catch(() => undefined)
    if (err instanceof DuplicateKeyError) throw emailTaken()
    throw err
  }
  await createProfile(deps, user, tenant.organization)
  return { user_id: user.user_id, tenant_id: user.tenant_id, role: user.role }
}

/** POST /users/tenant/users/: an admin adds a user to their own tenant, at most at their own role. */
export async function addTenantUser(
  deps: Deps,
  admin: Principal,
  input: { email: string; password: string; role: Role },
): Promise<{ user_id: string; tenant_id: string; email: string; role: Role }> {
  if (!roleAtLeast(admin.role, input.role)) throw new ForbiddenError(`You cannot create a user with a role above your own (${admin.role})`)
  const { users, tenants } = repos(deps)
  const tenant = await tenants.get(admin.tenantId)
  if (!tenant) throw new NotFoundError('Your tenant does not exist')
  const passwordHash = await hashPassword(input.password, deps.config.PASSWORD_PBKDF2_ITERATIONS)
  let user: UserRecord
  try {
    user = await users.create({ email: input.email, password_hash: passwordHash, tenant_id: admin.tenantId, role: input.role })
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw emailTaken()
    throw err
  }
  await createProfile(deps, user, tenant.organization)
  return { user_id: user.user_id, tenant_id: user.tenant_id, email: user.email, role: user.role }
}

/** POST /auth/password: checks the current password, stores the new one, ends every other session. */
export async function changePassword(deps: Deps, p: Principal, input: { current_password: string; new_password: string }, client: ClientInfo): Promise<number> {
  const { config, backends } = deps
  if (p.via !== 'session') throw new ForbiddenError('The password of this account is managed by its identity provider')
  const subject: AttemptSubject = { action: 'password', account: await digestHex(p.userId), ip: client.ip }
  await countAttempt(backends.rateLimiter, config, subject, nowOf(deps))
  const { users } = repos(deps)
  const user = await users.getById(p.userId, p.tenantId)
  if (!user) throw new NotFoundError('No such user')
  const check = await verifyPassword(input.current_password, user.password_hash, config.PASSWORD_PBKDF2_ITERATIONS)
  if (!check.ok) throw new ForbiddenError('The current password is not correct', 'wrong-password')
  await users.updatePassword(user.user_id, await hashPassword(input.new_password, config.PASSWORD_PBKDF2_ITERATIONS))
  await forgetAttempts(backends.rateLimiter, config, subject).catch(() => undefined)
  return backends.sessions.revokeAll(p.tenantId, user.user_id, p.sessionHandle ? [p.sessionHandle] : [])
}

// ---------------------------------------------------------------------------------------------
// Lifecycle (admin: their tenant; superadmin: any). Another tenant's user is "not found"; an
// account ranking above the actor is not theirs to manage (403); a tenant keeps at least one
// enabled admin (409). Sign-in and refresh read the flag (account-standing.ts).
// ---------------------------------------------------------------------------------------------

export interface AccountStatus {
  user_id: string
  tenant_id: string
  email: string
  role: Role
  disabled: boolean
  disabled_at: string | null
}

const statusOf = (u: UserRecord, disabled: boolean, at: Date | null | undefined): AccountStatus => ({
  user_id: u.user_id,
  tenant_id: u.tenant_id,
  email: u.email,
  role: u.role,
  disabled,
  disabled_at: disabled && at ? new Date(at).toISOString() : null,
})

const noSuchUser = () => new NotFoundError('No such user in your tenant')

/** The account `userId` as `actor` may manage it: in their tenant (superadmin: any), not above them. */
async function managedAccount(deps: Deps, actor: Principal, userId: string, verb: string): Promise<UserRecord> {
  const user = await repos(deps).users.getById(userId, actor.role === 'superadmin' ? undefined : actor.tenantId)
  if (!user) throw noSuchUser()
  if (!roleAtLeast(actor.role, user.role)) throw new ForbiddenError(`You cannot ${verb} an account whose role is above yours`)
  return user
}

/** Marks the account disabled (keeping the first disabled_at); false when it is gone. */
async function markDisabled(deps: Deps, user: UserRecord): Promise<boolean> {
  return user.disabled === true || repos(deps).users.setDisabled(user.tenant_id, user.user_id, true)
}

/** POST /users/admin/users/{id}/disable: sign-in refused, every session and token ended now. */
export async function disableAccount(deps: Deps, actor: Principal, userId: string): Promise<AccountStatus & { sessions_revoked: number }> {
  const target = await managedAccount(deps, actor, userId, 'disable')
  await keepingAnAdmin(deps, target, async (current) => {
    if (!(await markDisabled(deps, current))) throw noSuchUser()
  })
  // Also when it was disabled already: a retry finishes what an interrupted first call began.
  const revoked = await signOutEverywhere(deps, target.tenant_id, target.user_id)
  const after = await repos(deps).users.getById(target.user_id, target.tenant_id)
  return { ...statusOf(after ?? target, true, after?.disabled_at ?? new Date(nowOf(deps))), sessions_revoked: revoked }
}

/** POST /users/admin/users/{id}/enable: the account may sign in again. */
export async function enableAccount(deps: Deps, actor: Principal, userId: string): Promise<AccountStatus> {
  const target = await managedAccount(deps, actor, userId, 'enable')
  if (target.disabled === true && !(await repos(deps).users.setDisabled(target.tenant_id, target.user_id, false))) throw noSuchUser()
  return statusOf(target, false, null)
}

export interface DeletedAccount {
  user_id: string
  tenant_id: string
  deleted: true
  sessions_revoked: number
  profile_deleted: boolean
}

/**
 * DELETE /users/admin/users/{id}: the account goes — credentials, sessions, profile, cached
 * answers of the user; the tenant's uploads stay. Disabled first, so no sign-in slips in while
 * the rest is removed, and a retry after a failure finishes the job.
 */
export async function deleteAccount(deps: Deps, actor: Principal, userId: string): Promise<DeletedAccount> {
  const target = await managedAccount(deps, actor, userId, 'delete')
  await keepingAnAdmin(deps, target, async (current) => {
    if (!(await markDisabled(deps, current))) throw noSuchUser()
  })
  const { users, profiles } = repos(deps)
  const revoked = await signOutEverywhere(deps, target.tenant_id, target.user_id)
  const profileDeleted = await profiles.delete(target.user_id, { tenantId: target.tenant_id })
  await deps.backends.cache.clearUser(target.tenant_id, target.user_id)
  if (!(await users.delete(target.tenant_id, target.user_id))) throw noSuchUser()
  return { user_id: target.user_id, tenant_id: target.tenant_id, deleted: true, sessions_revoked: revoked, profile_deleted: profileDeleted }
}

// ---------------------------------------------------------------------------------------------
// Operator actions (tools/admin.ts), outside any tenant's say
// ---------------------------------------------------------------------------------------------

export interface RoleAssignment {
  user_id: string
  tenant_id: string
  email: string
  previous_role: Role
  role: Role
  /** False when the user has no profile (yet). */
  profile_updated: boolean
  /** Live sessions that carry the new role from their next request. */
  sessions_updated: number
}

/**
 * Gives the account with this e-mail `role` everywhere it is read — the account (the next
 * sign-in), its profile, its live sessions (the gate, from the next request) — and drops its
 * cached profile. Idempotent. NotFoundError when there is no such account.
 */
export async function assignRole(deps: Deps, email: string, role: Role): Promise<RoleAssignment> {
  const { users, profiles } = repos(deps)
  const user = await users.getByEmail(email)
  if (!user) throw new NotFoundError('No account with this e-mail')
  if (!(await users.setRole(user.tenant_id, user.user_id, role))) throw new NotFoundError('No account with this e-mail')
  const profile = await profiles.patch(user.user_id, { role }, { tenantId: user.tenant_id })
  const sessions = await deps.backends.sessions.updateUser(user.tenant_id, user.user_id, { role })
  await deps.backends.cache.clearUser(user.tenant_id, user.user_id)
  return {
    user_id: user.user_id,
    tenant_id: user.tenant_id,
    email: user.email,
    previous_role: user.role,
    role,
    profile_updated: profile !== null,
    sessions_updated: sessions,
  }
}
