/**
 * Who may change what in a profile (viewer < admin < superadmin). Pure: the operations
 * (profiles.ts) call these before writing.
 * - Anyone may change their own preferences.
 * - `role` and `api_quota` are admin operations: the actor must be admin or above, must rank at
 *   least as high as the target's current role, and may not grant a role above their own — not
 *   to anyone, themselves included.
 * - Admins act inside their own tenant (another tenant's user is "not found"); a superadmin
 *   acts across tenants.
 */
import type { Principal } from '../domain/principal.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ForbiddenError } from '../errors.ts'
import type { ApiQuota, PreferencesPatch, ProfileScope } from '../repositories/profiles.ts'

/** The actor of a profile operation: the checked caller. */
export type Actor = Pick<Principal, 'userId' | 'tenantId' | 'role' | 'sessionHandle'>

export interface ProfileChanges {
  preferences?: PreferencesPatch
  role?: Role
  api_quota?: Partial<ApiQuota>
}

/** True when the changes touch what only admins may change. */
export const isPrivileged = (changes: ProfileChanges) => changes.role !== undefined || changes.api_quota !== undefined

/** The scope an actor sees: their tenant, or every tenant for a superadmin. */
export const actorScope = (actor: Actor): ProfileScope => (actor.role === 'superadmin' ? {} : { tenantId: actor.tenantId })

/** Refuses what the actor may not ask for at all, whatever the target (before any read). */
export function checkRequest(actor: Actor, changes: ProfileChanges): void {
  if (isPrivileged(changes) && !roleAtLeast(actor.role, 'admin')) throw new ForbiddenError('Changing role or api_quota needs the admin role')
  if (changes.role !== undefined && !roleAtLeast(actor.role, changes.role)) {
    throw new ForbiddenError(`You cannot grant the ${changes.role} role (above your own)`)
  }
}

/** Refuses a privileged change of a target whose role is above the actor's. */
export function checkTarget(actor: Actor, changes: ProfileChanges, targetRole: Role): void {
  if (isPrivileged(changes) && !roleAtLeast(actor.role, targetRole)) {
    throw new ForbiddenError('You cannot change a profile whose role is above yours')
  }
}

/** Refuses deleting a profile whose role is above the actor's. */
export function checkDelete(actor: Actor, targetRole: Role): void {
  if (!roleAtLeast(actor.role, targetRole)) throw new ForbiddenError('You cannot delete a profile whose role is above yours')
}
