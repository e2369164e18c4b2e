/**
 * A tenant always keeps one enabled admin: disabling, deleting or demoting an enabled admin runs
 * under the tenant's lock and only while another enabled admin remains (409 last-admin).
 */
import type { Deps } from '../deps.ts'
import { roleAtLeast } from '../domain/roles.ts'
import { ConflictError, NotFoundError } from '../errors.ts'
import { createUsersRepository, type UserRecord } from '../repositories/users.ts'

/** Held while an admin account is taken out of service, so two admins cannot remove each other at once. */
const ADMIN_GUARD_LOCK = { ttlMs: 10_000, waitMs: 5_000 } as const

/**
 * Runs `fn` on the current record of `target`; when it is an enabled admin, under the tenant's
 * lock and only if another enabled admin remains.
 */
export async function keepingAnAdmin<T>(deps: Deps, target: UserRecord, fn: (current: UserRecord) => Promise<T>): Promise<T> {
  if (!roleAtLeast(target.role, 'admin') || target.disabled === true) return fn(target)
  const users = createUsersRepository(deps.backends.documents)
  return deps.backends.locks.withLock(`tenant-admins:${target.tenant_id}`, ADMIN_GUARD_LOCK, async () => {
    const current = await users.getById(target.user_id, target.tenant_id)
    if (!current) throw new NotFoundError('No such user in your tenant')
    if (roleAtLeast(current.role, 'admin') && current.disabled !== true && (await users.countActiveAdmins(current.tenant_id)) <= 1) {
      throw new ConflictError('This is the last enabled admin of the organization; make another user admin first', 'last-admin')
    }
    return fn(current)
  })
}
