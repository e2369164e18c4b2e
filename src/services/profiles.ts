/**
 * User profiles (the ELK Vision seed's UserProfile): reads through the per-user cache, creation,
 * conditional updates under the rules of profile-rules.ts, and the admin operations. Logic over
 * ports and repositories only.
 *
 * ## A role or plan change applies on the next request
 * The role and the plan (api_calls_per_hour) the gate enforces live in the user's sessions
 * (src/ports.ts SessionStore). Every update that names a role or a quota writes the account and
 * every live session of the user — also when the profile already says so, so a retry completes
 * whatever an interrupted first attempt did.
 *
 * ## Why writes also take a lock
 * Every write is a conditional update on `version` in the repository. MongoDB applies that
 * atomically per document, but FerretDB v1 (our test stand-in, and a real deployment option)
 * does not: measured here, 8 concurrent `updateOne({..., version: 1})` through the driver matched
 * more than once in 35 of 40 rounds. A short per-profile lock (Locks port) serialises the
 * read-check-write of one profile across instances, so "exactly one of N concurrent PATCHes with
 * the same ETag wins" holds on every store.
 */
import type { Defer, Deps } from '../deps.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ConflictError, DuplicateKeyError, NotFoundError, PreconditionFailedError, VersionConflictError } from '../errors.ts'
import type { CacheRead } from '../ports.ts'
import { type ApiQuota, createProfilesRepository, type Preferences, type PreferencesPatch, type ProfileRecord } from '../repositories/profiles.ts'
import { createTenantsRepository, createUsersRepository } from '../repositories/users.ts'
import { keepingAnAdmin } from './admin-guard.ts'
import { type CachedItem, lookupCached, readThrough } from './cache.ts'
import { type Actor, actorScope, checkDelete, checkRequest, checkTarget, isPrivileged, type ProfileChanges, planChanges } from './profile-rules.ts'
import { defaultQuota, quotaLimits } from './quotas.ts'
import { signOutEverywhere } from './sessions.ts'

export type { Actor, ProfileChanges } from './profile-rules.ts'

/** The profile as the API shows it (the seed's JSON shape). */
interface ProfileView {
  _id: string
  user_id: string
  tenant_id: string
  organization: string
  role: Role
  preferences: Preferences
  api_quota: ApiQuota
  created_at: string
  updated_at: string
}

/** A view with the version its ETag is derived from. */
export interface VersionedProfile {
  view: ProfileView
  version: number
}

const iso = (v: unknown) => (v instanceof Date ? v : new Date(v as string | number)).toISOString()

/** Record → the seed's JSON shape. */
function toView(p: ProfileRecord): ProfileView {
  return {
    _id: p._id ?? '',
    user_id: p.user_id,
    tenant_id: p.tenant_id,
    organization: p.organization ?? '',
    role: p.role,
    preferences: {
      theme: p.preferences.theme,
      timezone: p.preferences.timezone,
      notifications: { email: p.preferences.notifications.email, browser: p.preferences.notifications.browser },
    },
    api_quota: {
      logs_per_day: p.api_quota.logs_per_day,
      api_calls_per_hour: p.api_quota.api_calls_per_hour,
      retention_days: p.api_quota.retention_days,
    },
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
  }
}

const versioned = (p: ProfileRecord): VersionedProfile => ({ view: toView(p), version: p.version })

const profiles = (deps: Deps) => createProfilesRepository(deps.backends.documents, { defaultQuota: defaultQuota(deps.config) })

/** Per-profile write lock: held for one read-check-write (ms), waited for at most WAIT ms. */
const PROFILE_LOCK_OPTIONS = { ttlMs: 10_000, waitMs: 5_000 } as const
const withProfileLock = <T>(deps: Deps, userId: string, fn: () => Promise<T>) =>
  deps.backends.locks.withLock(`profile-write:${userId}`, PROFILE_LOCK_OPTIONS, fn)

// ---------------------------------------------------------------------------------------------
// Cache: one entry per user (per-user scope; clearUser — every write — drops it)
// ---------------------------------------------------------------------------------------------

/** Where a user's own profile is cached. */
const profileCacheItem = (tenantId: string, userId: string): CachedItem => ({ scope: { tenantId, userId }, key: 'profile', tags: [] })

/** Issues the cache lookup of a user's profile now (it can join the request's round trip). */
export const lookupProfile = (deps: Deps, tenantId: string, userId: string) =>
  lookupCached<VersionedProfile>(deps.backends.cache, profileCacheItem(tenantId, userId), deps.logger)

const dropCachedProfile = (deps: Deps, tenantId: string, userId: string) =>
  deps.backends.cache
    .clearUser(tenantId, userId)
    .catch((err: unknown) => deps.logger.warn('profile cache invalidation failed', { error: (err as Error)?.name }))

/**
 * A user's own profile through the cache (null when there is none). A miss loads from MongoDB and
 * fills the cache in the background (`defer`).
 */
export async function readProfile(
  deps: Deps,
  tenantId: string,
  userId: string,
  options: { lookup?: Promise<CacheRead<VersionedProfile> | null>; defer?: Defer } = {},
): Promise<{ profile: VersionedProfile | null; fromCache: boolean }> {
  const served = await readThrough<VersionedProfile | null>({
    cache: deps.backends.cache,
    logger: deps.logger,
    item: profileCacheItem(tenantId, userId),
    ttlSeconds: deps.config.CACHE_EXPIRE_MINUTES * 60,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    load: async () => {
      const record = await profiles(deps).getByUser(userId, { tenantId })
      return record ? versioned(record) : null
    },
    ...(options.defer ? { defer: options.defer } : {}),
  })
  return { profile: served.value, fromCache: served.state === 'hit' }
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * Creates the caller's profile with their account's role and the configured default quota; the
 * organisation defaults to the tenant's. ConflictError when there is one.
 */
export function createOwnProfile(deps: Deps, actor: Actor, input: { organization?: string; preferences?: PreferencesPatch }): Promise<VersionedProfile> {
  return withProfileLock(deps, actor.userId, async () => {
    const repo = profiles(deps)
    const exists = () => new ConflictError('You already have a profile')
    if (await repo.getByUser(actor.userId)) throw exists()
    const organization = input.organization ?? (await createTenantsRepository(deps.backends.documents).get(actor.tenantId))?.organization ?? ''
    let record: ProfileRecord
    try {
      record = await repo.create({
        user_id: actor.userId,
        tenant_id: actor.tenantId,
        organization,
        role: actor.role,
        ...(input.preferences ? { preferences: input.preferences } : {}),
      })
    } catch (err) {
      // The unique index on user_id settles a race between two creates.
      if (err instanceof DuplicateKeyError) throw exists()
      throw err
    }
    await dropCachedProfile(deps, actor.tenantId, actor.userId)
    return versioned(record)
  })
}

/** An If-Match precondition: any current version, or one of these versions. */
export type Precondition = { any: true } | { versions: number[] }

const changedSinceRead = () => new PreconditionFailedError('The profile changed since you read it (ETag mismatch)')

/**
 * Applies changes to `targetUserId`'s profile as `actor`, atomically against the version: with a
 * precondition, only if the current version is one of those given (nothing written otherwise);
 * without one, privileged changes still check-and-write on one version (retried on a race).
 */
export async function updateProfile(
  deps: Deps,
  actor: Actor,
  targetUserId: string,
  changes: ProfileChanges,
  precondition?: Precondition,
): Promise<VersionedProfile> {
  checkRequest(actor, changes)
  // A demotion below admin keeps the tenant's last enabled admin (under the tenant's lock).
  if (changes.role !== undefined && !roleAtLeast(changes.role, 'admin')) {
    const target = await createUsersRepository(deps.backends.documents).getById(targetUserId, actorScope(actor).tenantId)
    if (target) return keepingAnAdmin(deps, target, () => writeProfile(deps, actor, targetUserId, changes, precondition))
  }
  return writeProfile(deps, actor, targetUserId, changes, precondition)
}

async function writeProfile(deps: Deps, actor: Actor, targetUserId: string, changes: ProfileChanges, precondition?: Precondition): Promise<VersionedProfile> {
  const self = targetUserId === actor.userId
  const scope = self ? { tenantId: actor.tenantId } : actorScope(actor)
  const versions = precondition && 'versions' in precondition ? precondition.versions : undefined
  const repo = profiles(deps)
  const updated = await withProfileLock(deps, targetUserId, async () => {
    for (let attempt = 0; ; attempt++) {
      const current = await repo.getByUser(targetUserId, scope)
      if (!current) throw new NotFoundError(self ? 'You have no profile yet; create it first' : 'No such profile')
      checkTarget(actor, changes, current, defaultQuota(deps.config))
      if (versions && !versions.includes(current.version)) {
        await dropCachedProfile(deps, current.tenant_id, targetUserId) // the client saw an old copy
        throw changedSinceRead()
      }
      const conditional = versions !== undefined || isPrivileged(changes)
      try {
        const plan = planChanges(actor, changes)
        const written = await repo.patch(targetUserId, plan ? { ...changes, api_quota_plan: plan } : changes, {
          ...scope,
          ...(conditional ? { expectedVersion: current.version } : {}),
        })
        if (!written) throw new NotFoundError('No such profile')
        return written
      } catch (err) {
        if (!(err instanceof VersionConflictError)) throw err
        if (versions !== undefined || attempt >= 4) {
          await dropCachedProfile(deps, current.tenant_id, targetUserId)
          throw changedSinceRead()
        }
      }
    }
  })
  await dropCachedProfile(deps, updated.tenant_id, targetUserId)
  if (isPrivileged(changes)) await applyAuthority(deps, updated)
  return versioned(updated)
}

/**
 * Makes the account and every live session of the user carry the profile's role and plan, so
 * the gate applies them from the next request — promotions and demotions alike.
 */
async function applyAuthority(deps: Deps, profile: ProfileRecord): Promise<void> {
  await createUsersRepository(deps.backends.documents).setRole(profile.tenant_id, profile.user_id, profile.role)
  await deps.backends.sessions.updateUser(profile.tenant_id, profile.user_id, {
    role: profile.role,
    hourlyLimit: quotaLimits(profile, deps.config).api_calls_per_hour,
  })
}

// ---------------------------------------------------------------------------------------------
// Admin operations
// ---------------------------------------------------------------------------------------------

/** Another user's profile as an admin sees it (their tenant only; superadmin: any). Not cached. */
export async function getProfileAsAdmin(deps: Deps, actor: Actor, userId: string): Promise<VersionedProfile> {
  const record = await profiles(deps).getByUser(userId, actorScope(actor))
  if (!record) throw new NotFoundError('No such profile')
  return versioned(record)
}

export interface DeletedProfile {
  user_id: string
  tenant_id: string
  deleted: true
  sessions_revoked: number
}

/**
 * Deletes a profile (admin inside their tenant, superadmin anywhere; never one whose role is
 * above the actor's), then signs that user out everywhere and clears their cache. The account
 * itself stays.
 */
export async function deleteProfileAsAdmin(deps: Deps, actor: Actor, userId: string): Promise<DeletedProfile> {
  const repo = profiles(deps)
  const record = await repo.getByUser(userId, actorScope(actor))
  if (!record) throw new NotFoundError('No such profile')
  checkDelete(actor, record.role)
  if (!(await repo.delete(userId, { tenantId: record.tenant_id }))) throw new NotFoundError('No such profile')
  const revoked = await signOutEverywhere(deps, record.tenant_id, userId)
  await dropCachedProfile(deps, record.tenant_id, userId)
  return { user_id: userId, tenant_id: record.tenant_id, deleted: true, sessions_revoked: revoked }
}

export interface ProfilePage {
  users: ProfileView[]
  page: number
  page_size: number
  count: number
  total: number
}

/** Profiles of a tenant, oldest first, paginated, optionally by role. */
export async function listTenantProfiles(deps: Deps, tenantId: string, options: { page?: number; page_size?: number; role?: Role }): Promise<ProfilePage> {
  const res = await profiles(deps).listByTenant(tenantId, options)
  const users = res.items.map(toView)
  return { users, page: res.page, page_size: res.page_size, count: users.length, total: res.total }
}
