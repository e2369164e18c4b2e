/**
 * Roles, in rank order (viewer < admin < superadmin). The one place they are listed and ranked:
 * schemas, services and the gate all import from here.
 */
export const ROLES = ['viewer', 'admin', 'superadmin'] as const

export type Role = (typeof ROLES)[number]

const RANK: Record<Role, number> = { viewer: 0, admin: 1, superadmin: 2 }

/** True when `role` is at least `min`. */
export const roleAtLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min]

/** True for a string that names a role. */
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)
