/**
 * User profiles (the ELK Vision seed's UserProfile), written once against `Collection`.
 *
 * Optimistic concurrency: every patch bumps `version`; a patch with `expectedVersion` is a
 * conditional update on that version, so of two patches made from the same read exactly one
 * wins and the other gets VersionConflictError (ETag / If-Match → 412 at the API).
 * Usage is not kept here: API calls are the gate's hourly window, log lines a tenant counter.
 */
import { ROLES, type Role } from '../domain/roles.ts'
import { VersionConflictError } from '../errors.ts'
import type { Collection, DocumentStore } from '../ports.ts'
import { COLLECTIONS } from './indexes.ts'
import type { RepositoryOptions } from './users.ts'
import { bool, id, idString, int, object, oneOf, onlyKeys, tenantPage, text, timezone } from './values.ts'

export const THEMES = ['light', 'dark', 'system'] as const
type Theme = (typeof THEMES)[number]

export type Preferences = {
  theme: Theme
  /** IANA time zone. */
  timezone: string
  notifications: { email: boolean; browser: boolean }
}

export type ApiQuota = {
  logs_per_day: number
  api_calls_per_hour: number
  retention_days: number
}

export type ProfileRecord = {
  _id?: string
  user_id: string
  tenant_id: string
  organization: string
  role: Role
  preferences: Preferences
  api_quota: ApiQuota
  /** The operator's plan for this member: the quotas a superadmin set (profile-rules.ts). */
  api_quota_plan?: Partial<ApiQuota>
  created_at: Date
  updated_at: Date
  version: number
}

interface NewProfile {
  user_id: string
  tenant_id: string
  organization?: string
  role?: Role
  preferences?: PreferencesPatch
  api_quota?: Partial<ApiQuota>
}

export type PreferencesPatch = {
  theme?: Theme
  timezone?: string
  notifications?: { email?: boolean; browser?: boolean }
}

interface ProfilePatch {
  organization?: string
  role?: Role
  /** Merged deeply: `{theme: 'light'}` keeps timezone and notifications. */
  preferences?: PreferencesPatch
  api_quota?: Partial<ApiQuota>
  /** Merged field by field into the member's plan. */
  api_quota_plan?: Partial<ApiQuota>
}

const DEFAULT_PREFERENCES: Preferences = { theme: 'system', timezone: 'UTC', notifications: { email: true, browser: true } }
/** The seed's limits; the app passes its configured defaults instead. */
const DEFAULT_QUOTA: ApiQuota = { logs_per_day: 100_000, api_calls_per_hour: 1000, retention_days: 90 }

export interface ProfilesOptions extends RepositoryOptions {
  defaultQuota?: ApiQuota
}

export interface ProfileScope {
  /** When given, only a profile of this tenant is seen or changed. */
  tenantId?: string
}

export interface ProfilesRepository {
  /** Creates a profile; DuplicateKeyError when one exists for the user. */
  create(input: NewProfile): Promise<ProfileRecord>
  getByUser(userId: string, scope?: ProfileScope): Promise<ProfileRecord | null>
  listByTenant(
    tenantId: string,
    options?: { page?: number; page_size?: number; role?: Role },
  ): Promise<{ items: ProfileRecord[]; total: number; page: number; page_size: number }>
  /**
   * Applies a patch. With `expectedVersion`, succeeds only if the stored version equals it,
   * else throws VersionConflictError. Null when there is no such profile (in scope).
   */
  patch(userId: string, changes: ProfilePatch, options?: ProfileScope & { expectedVersion?: number }): Promise<ProfileRecord | null>
  delete(userId: string, scope?: ProfileScope): Promise<boolean>
}

const PATCH_KEYS = ['organization', 'role', 'preferences', 'api_quota', 'api_quota_plan'] as const
const PREFERENCE_KEYS = ['theme', 'timezone', 'notifications'] as const
const NOTIFICATION_KEYS = ['email', 'browser'] as const
const QUOTA_KEYS = ['logs_per_day', 'api_calls_per_hour', 'retention_days'] as const

/** `$set` entries (dotted paths) for a validated preferences patch — the deep merge. */
function preferenceSets(value: unknown): Record<string, unknown> {
  const prefs = object('preferences', value)
  onlyKeys('preferences', prefs, PREFERENCE_KEYS)
  const sets: Record<string, unknown> = {}
  if (prefs.theme !== undefined) sets['preferences.theme'] = oneOf('preferences.theme', prefs.theme, THEMES)
  if (prefs.timezone !== undefined) sets['preferences.timezone'] = timezone('preferences.timezone', prefs.timezone)
  if (prefs.notifications !== undefined) {
    const n = object('preferences.notifications', prefs.notifications)
    onlyKeys('preferences.notifications', n, NOTIFICATION_KEYS)
    for (const key of NOTIFICATION_KEYS) {
      if (n[key] !== undefined) sets[`preferences.notifications.${key}`] = bool(`preferences.notifications.${key}`, n[key])
    }
  }
  return sets
}

function quotaSets(value: unknown, field: 'api_quota' | 'api_quota_plan' = 'api_quota'): Record<string, unknown> {
  const quota = object(field, value)
  onlyKeys(field, quota, QUOTA_KEYS)
  const sets: Record<string, unknown> = {}
  if (quota.logs_per_day !== undefined) sets[`${field}.logs_per_day`] = int(`${field}.logs_per_day`, quota.logs_per_day, 0, 1e12)
  if (quota.api_calls_per_hour !== undefined) sets[`${field}.api_calls_per_hour`] = int(`${field}.api_calls_per_hour`, quota.api_calls_per_hour, 0, 1e12)
  if (quota.retention_days !== undefined) sets[`${field}.retention_days`] = int(`${field}.retention_days`, quota.retention_days, 1, 36_500)
  return sets
}

function organization(value: unknown): string {
  return text('organization', value, { max: 200, min: 0 }).trim()
}

/** Applies dotted `$set` paths to a plain object (used to build a new profile from defaults). */
function applySets(target: Record<string, unknown>, sets: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(sets)) {
    const parts = path.split('.')
    let node = target
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>
    node[parts[parts.length - 1]!] = value
  }
}

function toProfile(doc: Record<string, unknown> | null): ProfileRecord | null {
  if (!doc) return null
  return { ...(doc as ProfileRecord), _id: idString(doc._id) }
}

/**
 * @example
 * const profiles = createProfilesRepository(backends.documents, { defaultQuota })
 * const updated = await profiles.patch(userId, { preferences: { theme: 'light' } }, { expectedVersion: 3 })
 */
export function createProfilesRepository(store: DocumentStore, options: ProfilesOptions = {}): ProfilesRepository {
  const coll: Collection = store.collection(options.collection ?? COLLECTIONS.profiles)
  const now = options.now ?? (() => new Date())
  const defaultQuota = options.defaultQuota ?? DEFAULT_QUOTA

  const scoped = (userId: string, scope: ProfileScope = {}): Record<string, unknown> => {
    const filter: Record<string, unknown> = { user_id: id('user_id', userId) }
    if (scope.tenantId !== undefined) filter.tenant_id = id('tenant_id', scope.tenantId)
    return filter
  }

  return {
    async create(input) {
      const at = now()
      const profile: ProfileRecord = {
        user_id: id('user_id', input.user_id),
        tenant_id: id('tenant_id', input.tenant_id),
        organization: input.organization === undefined ? '' : organization(input.organization),
        role: input.role === undefined ? 'viewer' : oneOf('role', input.role, ROLES),
        preferences: structuredClone(DEFAULT_PREFERENCES),
        api_quota: { ...defaultQuota },
        created_at: at,
        updated_at: at,
        version: 1,
      }
      if (input.preferences !== undefined) applySets(profile, preferenceSets(input.preferences))
      if (input.api_quota !== undefined) applySets(profile, quotaSets(input.api_quota))
      const { insertedId } = await coll.insertOne({ ...profile })
      return { ...profile, _id: idString(insertedId) }
    },

    async getByUser(userId, scope) {
      return toProfile(await coll.findOne(scoped(userId, scope)))
    },

    listByTenant(tenantId, opts = {}) {
      return tenantPage(coll, tenantId, opts, ROLES, (d) => toProfile(d)!)
    },

    async patch(userId, changes, opts = {}) {
      const patch = object('patch', changes)
      onlyKeys('patch', patch, PATCH_KEYS)
      const sets: Record<string, unknown> = {}
      if (patch.organization !== undefined) sets.organization = organization(patch.organization)
      if (patch.role !== undefined) sets.role = oneOf('role', patch.role, ROLES)
      if (patch.preferences !== undefined) Object.assign(sets, preferenceSets(patch.preferences))
      if (patch.api_quota !== undefined) Object.assign(sets, quotaSets(patch.api_quota))
      if (patch.api_quota_plan !== undefined) Object.assign(sets, quotaSets(patch.api_quota_plan, 'api_quota_plan'))
      const filter = scoped(userId, opts)
      const expected = opts.expectedVersion === undefined ? undefined : int('expectedVersion', opts.expectedVersion, 0, Number.MAX_SAFE_INTEGER)

      if (Object.keys(sets).length === 0) {
        const current = toProfile(await coll.findOne(filter))
        if (current && expected !== undefined && current.version !== expected) throw new VersionConflictError(expected, current.version)
        return current
      }
      sets.updated_at = now()
      const conditional = expected === undefined ? filter : { ...filter, version: expected }
      const res = await coll.updateOne(conditional, { $set: sets, $inc: { version: 1 } })
      if (res.matchedCount === 0) {
        const current = await coll.findOne(filter)
        if (!current) return null
        throw new VersionConflictError(expected!, typeof current.version === 'number' ? current.version : null)
      }
      // Prefer the version this patch produced; a later patch may already have replaced it.
      const written = expected === undefined ? null : await coll.findOne({ ...filter, version: expected + 1 })
      return toProfile(written ?? (await coll.findOne(filter)))
    },

    async delete(userId, scope) {
      const res = await coll.deleteOne(scoped(userId, scope))
      return res.deletedCount === 1
    },
  }
}
