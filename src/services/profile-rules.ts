/**
 * Who may change what in a profile (viewer < admin < superadmin). Pure: the operations
 * (profiles.ts) call these before writing.
 * - Anyone may change their own preferences.
 * - `role` and `api_quota` are admin operations: the actor must be admin or above, must rank at
 *   least as high as the target's current role, and may not grant a role above their own — not
 *   to anyone, themselves included.
 * - `api_quota` is the operator's plan. Only a superadmin (the operator) sets it freely; what a
 *   superadmin sets becomes that member's plan. A tenant admin may set a member's quota — their
 *   own included — only within the plan: at most what a superadmin granted that member, else the
 *   configured defaults (QUOTA_*). So an admin can lower a quota and restore it up to the plan,
 *   never raise anyone's above it (403).
 * - Admins act inside their own tenant (another tenant's user is "not found"); a superadmin
 *   acts across tenants.
 */
import type { Principal } from '../domain/principal.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ForbiddenError } from '../errors.ts'
import type { ApiQuota, PreferencesPatch, ProfileRecord, ProfileScope } from '../repositories/profiles.ts'

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

/** The member's plan: what a superadmin granted them, field by field; the configured defaults elsewhere. */
function planOf(target: Pick<ProfileRecord, 'api_quota_plan'>, defaults: ApiQuota): ApiQuota {
  const granted = target.api_quota_plan ?? {}
  const pick = (k: keyof ApiQuota) => (typeof granted[k] === 'number' ? granted[k] : defaults[k])
  return { logs_per_day: pick('logs_per_day'), api_calls_per_hour: pick('api_calls_per_hour'), retention_days: pick('retention_days') }
}

/**
 * Refuses a privileged change of a target whose role is above the actor's, and a quota above the
 * target's plan by anyone but a superadmin.
 */
export function checkTarget(actor: Actor, changes: ProfileChanges, target: Pick<ProfileRecord, 'role' | 'api_quota_plan'>, defaults: ApiQuota): void {
  if (isPrivileged(changes) && !roleAtLeast(actor.role, target.role)) {
    throw new ForbiddenError('You cannot change a profile whose role is above yours')
  }
  if (!changes.api_quota || actor.role === 'superadmin') return
  const plan = planOf(target, defaults)
  for (const [field, value] of Object.entries(changes.api_quota) as Array<[keyof ApiQuota, number | undefined]>) {
    if (value !== undefined && value > plan[field]) {
      throw new ForbiddenError(`api_quota.${field} is above the plan (${plan[field]})`, 'above-plan')
    }
  }
}

/** What the write records besides the changes: a superadmin's quota is the member's new plan. */
export function planChanges(actor: Actor, changes: ProfileChanges): Partial<ApiQuota> | undefined {
  return actor.role === 'superadmin' && changes.api_quota ? changes.api_quota : undefined
}

/** Refuses deleting a profile whose role is above the actor's. */
export function checkDelete(actor: Actor, targetRole: Role): void {
  if (!roleAtLeast(actor.role, targetRole)) throw new ForbiddenError('You cannot delete a profile whose role is above yours')
}
