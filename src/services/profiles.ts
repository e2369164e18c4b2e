/**
 * User profiles (the ELK Vision seed's UserProfile): reads through a per-user cache, creation,
 * conditional updates with the role rules, and the admin operations. Logic over ports and
 * repositories only; HTTP concerns (ETag headers, problem answers) live in src/routes/users.
 *
 * ## Role rules (viewer < admin < superadmin)
 * - Anyone may change their own preferences.
 * - `role` and `api_quota` are admin operations: the actor must be admin or above, must rank at
 *   least as high as the target's current role, and may not grant a role above their own — not
 *   to anyone, themselves included.
 * - Admins act inside their own tenant (another tenant's user is "not found"); a superadmin
 *   acts across tenants.
 * - The profile's role mirrors the account's: a change is written to the user record too (next
 *   sign-in), and a lowered role applies at once — the target's sessions are revoked (the
 *   actor's own current session is updated in place instead, so they stay signed in).
 *
 * ## Why writes also take a lock
 * Every write is a conditional update on `version` in the repository. MongoDB applies that
 * atomically per document, but FerretDB v1 (our test stand-in, and a real deployment option)
 * does not: measured here, 8 concurrent `updateOne({..., version: 1})` through the driver matched
 * more than once in 35 of 40 rounds. A short per-profile lock (Locks port) serialises the
 * read-check-write of one profile across instances, so "exactly one of N concurrent PATCHes with
 * the same ETag wins" holds on every store.
 *
 * ## Cache (Cache port, per-user scope) and why there is a generation token
 * The profile view is cached per user. A write starts a new *generation* (a random token kept
 * under the tenant scope, so clearUser cannot erase it) and drops the entry; an entry counts only
 * if it was filled under the generation current when the read began. A read that loaded the old
 * profile before a write and stores it after the write is therefore never served.
 */
import type { Config } from '../config.ts'
import { DuplicateKeyError, VersionConflictError } from '../errors.ts'
import type { Logger } from '../http/logger.ts'
import type { Backends, CacheScope, Role } from '../ports.ts'
import {
  createProfilesRepository,
  type ApiQuota,
  type Preferences,
  type PreferencesPatch,
  type ProfileRecord,
  type ProfileScope,
} from '../repositories/profiles.ts'
import { createTenantsRepository, createUsersRepository } from '../repositories/users.ts'
import { defaultQuota } from './quotas.ts'

export type ProfileDeps = {
  config: Config
  backends: Backends
  logger: Logger
  now?: () => number
}

/** Who acts: the authenticated caller. */
export interface Actor {
  userId: string
  tenantId: string
  role: Role
  /** Raw id of the caller's session (to update it in place on a self role change). */
  sessionId?: string
  /** Handle of the caller's session (kept when the others are revoked). */
  sessionHandle?: string
}

/** The profile as the API shows it (the seed's JSON shape). */
export interface ProfileView {
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
  /** True when the answer came from the cache (reads only). */
  fromCache?: boolean
}

/** Why an operation was refused (the route layer turns these into problem answers). */
export class ProfileError extends Error {
  override name = 'ProfileError'
  readonly reason: 'not-found' | 'forbidden' | 'exists' | 'precondition-failed'
  constructor(reason: ProfileError['reason'], message: string) {
    super(message)
    this.reason = reason
  }
}

const RANK: Record<Role, number> = { viewer: 0, admin: 1, superadmin: 2 }
const atLeast = (role: Role, min: Role) => RANK[role] >= RANK[min]

const iso = (v: unknown) => (v instanceof Date ? v : new Date(v as string | number)).toISOString()

/** Record → the seed's JSON shape. */
export function toView(p: ProfileRecord): ProfileView {
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

function profiles(deps: ProfileDeps) {
  return createProfilesRepository(deps.backends.documents, { defaultQuota: defaultQuota(deps.config) })
}

/** Per-profile write lock: held for one read-check-write (ms), waited for at most WAIT ms. */
export const PROFILE_LOCK_OPTIONS = { ttlMs: 10_000, waitMs: 5_000 } as const
const profileLock = (userId: string) => `profile-write:${userId}`

function withProfileLock<T>(deps: ProfileDeps, userId: string, fn: () => Promise<T>): Promise<T> {
  return deps.backends.locks.withLock(profileLock(userId), PROFILE_LOCK_OPTIONS, fn)
}

// ---------------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------------

/** What is cached per user. */
interface ProfileEntry extends VersionedProfile {
  /** Generation the entry was filled under (null: none existed yet). */
  gen: string | null
}

const ENTRY_KEY = 'profile'
const genKey = (userId: string) => `profile-gen:${userId}`
const entryScope = (tenantId: string, userId: string): CacheScope => ({ tenantId, userId })
const genScope = (tenantId: string): CacheScope => ({ tenantId })

/** Entry lifetime: the configured cache lifetime. */
const entryTtl = (config: Config) => config.CACHE_EXPIRE_MINUTES * 60
/** A generation outlives every entry that could have recorded the previous one. */
const genTtl = (config: Config) => entryTtl(config) * 2 + 60

/** The result of a cache lookup, to hand to `readOwnProfile`. */
export interface ProfileLookup {
  tenantId: string
  userId: string
  result: Promise<{ entry: ProfileEntry | null; gen: string | null } | null>
}

/**
 * Issues the two cache reads of a user's profile (entry + generation) synchronously, so they can
 * join a pipeline (e.g. the auth round trip via queueHotPathRead). Never rejects: a cache that
 * cannot be read is a miss.
 */
export function lookupProfileCache(deps: ProfileDeps, tenantId: string, userId: string): ProfileLookup {
  const { cache } = deps.backends
  let result: ProfileLookup['result']
  try {
    const entry = cache.get<ProfileEntry>(entryScope(tenantId, userId), ENTRY_KEY)
    const gen = cache.get<string>(genScope(tenantId), genKey(userId))
    result = Promise.all([entry, gen]).then(([e, g]) => ({ entry: e, gen: g }))
  } catch (err) {
    result = Promise.reject(err)
  }
  return {
    tenantId,
    userId,
    result: result.catch((err: unknown) => {
      deps.logger.warn('profile cache read failed', errorName(err))
      return null
    }),
  }
}

const errorName = (err: unknown) => ({ error: err instanceof Error ? err.name : typeof err })

const validEntry = (e: unknown, userId: string): e is ProfileEntry =>
  !!e && typeof e === 'object' && typeof (e as ProfileEntry).version === 'number' && (e as ProfileEntry).view?.user_id === userId

/**
 * Drops a user's cached profile and starts a new generation (awaited by every write). A cache
 * that cannot be reached is logged, not thrown: the write itself has happened.
 */
export async function invalidateProfileCache(deps: ProfileDeps, tenantId: string, userId: string): Promise<void> {
  const { cache } = deps.backends
  try {
    await Promise.all([
      cache.set(genScope(tenantId), genKey(userId), crypto.randomUUID(), { ttlSeconds: genTtl(deps.config) }),
      cache.delete(entryScope(tenantId, userId), ENTRY_KEY),
    ])
  } catch (err) {
    deps.logger.warn('profile cache invalidation failed', errorName(err))
  }
}

export interface ReadOptions {
  /** A lookup already issued (e.g. in the auth round trip); issued now when absent. */
  lookup?: ProfileLookup
  /** Where background work goes (executionCtx.waitUntil); awaited when absent. */
  defer?: (work: Promise<unknown>) => void
}

/**
 * A user's own profile through the cache (null when there is none). Misses load from MongoDB and
 * fill the cache in the background under the generation read before loading.
 *
 * @example
 * const own = await readProfile(deps, principal.tenantId, principal.userId, { defer: (p) => runInBackground(c, p) })
 */
export async function readProfile(deps: ProfileDeps, tenantId: string, userId: string, options: ReadOptions = {}): Promise<VersionedProfile | null> {
  const usable = options.lookup && options.lookup.tenantId === tenantId && options.lookup.userId === userId ? options.lookup : undefined
  const found = await (usable ?? lookupProfileCache(deps, tenantId, userId)).result
  const gen = found?.gen ?? null
  if (found && validEntry(found.entry, userId) && found.entry.gen === gen) {
    return { view: found.entry.view, version: found.entry.version, fromCache: true }
  }
  const record = await profiles(deps).getByUser(userId, { tenantId })
  if (!record) return null
  const out = versioned(record)
  if (found) {
    // Only when the generation could be read: filling blind could store under a wrong one.
    const entry: ProfileEntry = { ...out, gen }
    const fill = deps.backends.cache
      .set(entryScope(tenantId, userId), ENTRY_KEY, entry, { ttlSeconds: entryTtl(deps.config) })
      .catch((err: unknown) => deps.logger.warn('profile cache fill failed', errorName(err)))
    if (options.defer) options.defer(fill)
    else await fill
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

export interface NewOwnProfile {
  organization?: string
  preferences?: PreferencesPatch
}

/**
 * Creates the caller's profile with their account's role and the configured default quota;
 * the organisation defaults to the tenant's. ProfileError('exists') when there is one.
 */
export function createOwnProfile(deps: ProfileDeps, actor: Actor, input: NewOwnProfile): Promise<VersionedProfile> {
  return withProfileLock(deps, actor.userId, () => createUnlocked(deps, actor, input))
}

async function createUnlocked(deps: ProfileDeps, actor: Actor, input: NewOwnProfile): Promise<VersionedProfile> {
  const repo = profiles(deps)
  if (await repo.getByUser(actor.userId)) throw new ProfileError('exists', 'You already have a profile')
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
    if (err instanceof DuplicateKeyError) throw new ProfileError('exists', 'You already have a profile')
    throw err
  }
  await invalidateProfileCache(deps, actor.tenantId, actor.userId)
  return versioned(record)
}

export interface ProfileChanges {
  preferences?: PreferencesPatch
  role?: Role
  api_quota?: Partial<ApiQuota>
}

/** An If-Match precondition: any current version, or one of these versions. */
export type Precondition = { any: true } | { versions: number[] }

/** The scope an actor sees: their tenant, or every tenant for a superadmin. */
export const actorScope = (actor: Actor): ProfileScope => (actor.role === 'superadmin' ? {} : { tenantId: actor.tenantId })

/**
 * Applies changes to `targetUserId`'s profile as `actor`, atomically against the version:
 * with a precondition, only if the current version is one of those given (else
 * ProfileError('precondition-failed'), nothing written); without one, role/quota changes still
 * check-and-write on one version (retried when a concurrent write intervenes).
 */
export async function updateProfile(
  deps: ProfileDeps,
  actor: Actor,
  targetUserId: string,
  changes: ProfileChanges,
  precondition?: Precondition,
): Promise<VersionedProfile> {
  const privileged = changes.role !== undefined || changes.api_quota !== undefined
  if (privileged && !atLeast(actor.role, 'admin')) {
    throw new ProfileError('forbidden', 'Changing role or api_quota needs the admin role')
  }
  if (changes.role !== undefined && !atLeast(actor.role, changes.role)) {
    throw new ProfileError('forbidden', `You cannot grant the ${changes.role} role (above your own)`)
  }
  const self = targetUserId === actor.userId
  const scope: ProfileScope = self ? { tenantId: actor.tenantId } : actorScope(actor)
  return withProfileLock(deps, targetUserId, () => updateUnlocked(deps, actor, targetUserId, scope, changes, precondition))
}

async function updateUnlocked(
  deps: ProfileDeps,
  actor: Actor,
  targetUserId: string,
  scope: ProfileScope,
  changes: ProfileChanges,
  precondition: Precondition | undefined,
): Promise<VersionedProfile> {
  const privileged = changes.role !== undefined || changes.api_quota !== undefined
  const self = targetUserId === actor.userId
  const repo = profiles(deps)

  for (let attempt = 0; ; attempt++) {
    const current = await repo.getByUser(targetUserId, scope)
    if (!current) throw new ProfileError('not-found', self ? 'You have no profile yet; create it first' : 'No such profile')
    if (privileged && !atLeast(actor.role, current.role)) {
      throw new ProfileError('forbidden', 'You cannot change a profile whose role is above yours')
    }
    if (precondition && 'versions' in precondition && !precondition.versions.includes(current.version)) {
      await invalidateProfileCache(deps, current.tenant_id, targetUserId) // the client saw an old copy
      throw new ProfileError('precondition-failed', 'The profile changed since you read it (ETag mismatch)')
    }
    const conditional = (precondition && 'versions' in precondition) || privileged
    let updated: ProfileRecord | null
    try {
      updated = await repo.patch(targetUserId, changes, { ...scope, ...(conditional ? { expectedVersion: current.version } : {}) })
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err
      if ((precondition && 'versions' in precondition) || attempt >= 4) {
        await invalidateProfileCache(deps, current.tenant_id, targetUserId)
        throw new ProfileError('precondition-failed', 'The profile changed since you read it (ETag mismatch)')
      }
      continue
    }
    if (!updated) throw new ProfileError('not-found', 'No such profile')
    await invalidateProfileCache(deps, updated.tenant_id, targetUserId)
    if (changes.role !== undefined && changes.role !== current.role) await applyRoleChange(deps, actor, updated, current.role)
    return versioned(updated)
  }
}

/**
 * Keeps the account's role in step with the profile's, and makes a lowered role apply at once:
 * the target's sessions are revoked — except the actor's own current session, which is
 * updated in place. A raised role takes effect at the next sign-in.
 */
async function applyRoleChange(deps: ProfileDeps, actor: Actor, updated: ProfileRecord, previous: Role): Promise<void> {
  const { sessions } = deps.backends
  await createUsersRepository(deps.backends.documents).setRole(updated.tenant_id, updated.user_id, updated.role)
  if (RANK[updated.role] >= RANK[previous]) return
  if (updated.user_id === actor.userId && actor.sessionId) {
    await sessions.update(actor.sessionId, { role: updated.role })
    await sessions.revokeAll(updated.user_id, actor.sessionHandle ? [actor.sessionHandle] : [])
  } else {
    await sessions.revokeAll(updated.user_id)
  }
}

// ---------------------------------------------------------------------------------------------
// Admin operations
// ---------------------------------------------------------------------------------------------

/** Another user's profile as an admin sees it (their tenant only; superadmin: any). Not cached. */
export async function getProfileAsAdmin(deps: ProfileDeps, actor: Actor, userId: string): Promise<VersionedProfile> {
  const record = await profiles(deps).getByUser(userId, actorScope(actor))
  if (!record) throw new ProfileError('not-found', 'No such profile')
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
 * above the actor's), then signs that user out everywhere — sessions revoked, tokens issued
 * before now refused — and clears their cache. The account itself stays (an admin can remove
 * it through the users routes).
 */
export async function deleteProfileAsAdmin(deps: ProfileDeps, actor: Actor, userId: string): Promise<DeletedProfile> {
  const repo = profiles(deps)
  const scope = actorScope(actor)
  const record = await repo.getByUser(userId, scope)
  if (!record) throw new ProfileError('not-found', 'No such profile')
  if (!atLeast(actor.role, record.role)) throw new ProfileError('forbidden', 'You cannot delete a profile whose role is above yours')
  if (!(await repo.delete(userId, { tenantId: record.tenant_id }))) throw new ProfileError('not-found', 'No such profile')

  const { sessions, revocations, cache } = deps.backends
  const now = deps.now?.() ?? Date.now()
  // Tokens live at most ACCESS_TOKEN_TTL_SECONDS; the marker must outlast every one issued before now.
  const [revoked] = await Promise.all([
    sessions.revokeAll(userId),
    revocations.revokeUserBefore(userId, now, deps.config.ACCESS_TOKEN_TTL_SECONDS + 60),
  ])
  await Promise.all([cache.clearUser(record.tenant_id, userId), invalidateProfileCache(deps, record.tenant_id, userId)])
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
export async function listTenantProfiles(
  deps: ProfileDeps,
  tenantId: string,
  options: { page?: number; page_size?: number; role?: Role },
): Promise<ProfilePage> {
  const res = await profiles(deps).listByTenant(tenantId, options)
  const users = res.items.map(toView)
  return { users, page: res.page, page_size: res.page_size, count: users.length, total: res.total }
}
