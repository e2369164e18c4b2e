/**
 * Accounts: a new tenant with its first admin, users added to a tenant, password changes. Over
 * the users/tenants/profiles repositories and the ports only.
 */
import type { Deps } from '../deps.ts'
import type { Principal } from '../domain/principal.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ConflictError, DuplicateKeyError, ForbiddenError, NotFoundError } from '../errors.ts'
import { createProfilesRepository } from '../repositories/profiles.ts'
import { createTenantsRepository, createUsersRepository, type UserRecord } from '../repositories/users.ts'
import { type AttemptSubject, countAttempt, digestHex, forgetAttempts } from './auth-attempts.ts'
import type { ClientInfo } from './devices.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { defaultQuota } from './quotas.ts'

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
