import type { Context } from 'hono'
import { principalOf, runInBackground } from '../../http/auth.ts'
import { ApiError, problems } from '../../http/problems.ts'
import type { AppEnv, AppRouteHandler, Principal } from '../../http/types.ts'
import { BackendUnavailableError, IndexConflictError, LockBusyError, ValidationError } from '../../errors.ts'
import { ensureIndexes } from '../../services/indexes.ts'
import {
  ProfileError,
  createOwnProfile,
  deleteProfileAsAdmin,
  getProfileAsAdmin,
  listTenantProfiles,
  readProfile,
  updateProfile,
  type Actor,
  type ProfileChanges,
} from '../../services/profiles.ts'
import { quotaLimits, readUsage } from '../../services/quotas.ts'
import { ifNoneMatchHits, parseIfMatch, profileEtag } from './users.etag.ts'
import { ownProfileLookup } from './users.lookup.ts'
import type * as R from './users.routes.ts'

type Ctx = Context<AppEnv>

const actorOf = (p: Principal): Actor => ({
  userId: p.userId,
  tenantId: p.tenantId,
  role: p.role,
  ...(p.sessionId ? { sessionId: p.sessionId } : {}),
  ...(p.sessionHandle ? { sessionHandle: p.sessionHandle } : {}),
})

/** Storage and service refusals → problem answers (anything else reaches onError as a 500). */
function asProblem(err: unknown): unknown {
  if (err instanceof ProfileError) {
    if (err.reason === 'not-found') return problems.notFound(err.message)
    if (err.reason === 'forbidden') return problems.forbidden(err.message)
    if (err.reason === 'exists') return problems.conflict(err.message)
    return problems.preconditionFailed(err.message)
  }
  if (err instanceof ValidationError) {
    return new ApiError(422, 'validation-failed', 'The request has invalid fields', {
      extensions: { errors: [{ path: err.field, code: 'invalid', message: err.message }] },
    })
  }
  if (err instanceof LockBusyError) return problems.unavailable('Another change of the same data is still running; try again shortly', err)
  if (err instanceof BackendUnavailableError) return problems.unavailable(undefined, err)
  if (err instanceof IndexConflictError) return problems.conflict(`Index ${err.index} exists with a different definition`)
  return err
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    throw asProblem(err)
  }
}

const noStore = (c: Ctx) => {
  // Per-user answers: never shared by intermediaries, always revalidated by the client.
  c.header('cache-control', 'private, no-cache')
  c.header('vary', 'Authorization')
}

const defer = (c: Ctx) => (work: Promise<unknown>) => runInBackground(c, work)

export const getProfile: AppRouteHandler<R.GetProfileRoute> = async (c) => {
  const me = principalOf(c)
  const lookup = await ownProfileLookup(c)
  const found = await guarded(() =>
    readProfile(c.var.deps, me.tenantId, me.userId, { ...(lookup ? { lookup } : {}), defer: defer(c) }),
  )
  if (!found) throw problems.notFound('You have no profile yet; create it with POST /api/v1/users/profile/create/')
  noStore(c)
  c.header('etag', profileEtag(found.version))
  c.header('x-cache', found.fromCache ? 'hit' : 'miss')
  if (ifNoneMatchHits(c.req.header('if-none-match'), found.version)) return c.body(null, 304)
  return c.json(found.view, 200)
}

/** Validated body → service changes (zod's optional keys carry `undefined`; drop them). */
function changesOf(body: { preferences?: ProfileChanges['preferences']; role?: ProfileChanges['role']; api_quota?: ProfileChanges['api_quota'] }): ProfileChanges {
  const out: ProfileChanges = {}
  if (body.preferences !== undefined) out.preferences = JSON.parse(JSON.stringify(body.preferences))
  if (body.role !== undefined) out.role = body.role
  if (body.api_quota !== undefined) out.api_quota = JSON.parse(JSON.stringify(body.api_quota))
  return out
}

export const patchProfile: AppRouteHandler<R.PatchProfileRoute> = async (c) => {
  const me = principalOf(c)
  const precondition = parseIfMatch(c.req.valid('header')['if-match'])
  const updated = await guarded(() => updateProfile(c.var.deps, actorOf(me), me.userId, changesOf(c.req.valid('json')), precondition))
  noStore(c)
  c.header('etag', profileEtag(updated.version))
  return c.json(updated.view, 200)
}

export const createProfile: AppRouteHandler<R.CreateProfileRoute> = async (c) => {
  const me = principalOf(c)
  const body = (c.req.valid('json') as { organization?: string; preferences?: ProfileChanges['preferences'] } | undefined) ?? {}
  const created = await guarded(() =>
    createOwnProfile(c.var.deps, actorOf(me), {
      ...(body.organization !== undefined ? { organization: body.organization } : {}),
      ...(body.preferences !== undefined ? { preferences: JSON.parse(JSON.stringify(body.preferences)) } : {}),
    }),
  )
  noStore(c)
  c.header('etag', profileEtag(created.version))
  c.header('location', '/api/v1/users/profile/')
  return c.json(created.view, 201)
}

export const getQuota: AppRouteHandler<R.GetQuotaRoute> = async (c) => {
  const me = principalOf(c)
  const { deps } = c.var
  const now = deps.now?.() ?? Date.now()
  const own = await guarded(() => readProfile(deps, me.tenantId, me.userId, { defer: defer(c) }))
  const limits = quotaLimits(own ? own.view : null, deps.config)
  const usage = await guarded(() => readUsage(deps.backends.counters, limits, me.tenantId, me.userId, now))
  c.header('cache-control', 'no-store')
  return c.json({ user_id: me.userId, tenant_id: me.tenantId, api_quota: limits, usage }, 200)
}

export const listTenantUsers: AppRouteHandler<R.ListTenantUsersRoute> = async (c) => {
  const me = principalOf(c)
  const q = c.req.valid('query')
  let tenantId = me.tenantId
  if (q.tenant_id !== undefined && q.tenant_id !== me.tenantId) {
    // Another tenant is as invisible to an admin as a user of it.
    if (me.role !== 'superadmin') throw problems.notFound('No such tenant')
    tenantId = q.tenant_id
  }
  const page = await guarded(() =>
    listTenantProfiles(c.var.deps, tenantId, { page: q.page, page_size: q.page_size, ...(q.role ? { role: q.role } : {}) }),
  )
  noStore(c)
  return c.json(page, 200)
}

export const getUserProfile: AppRouteHandler<R.GetUserProfileRoute> = async (c) => {
  const me = principalOf(c)
  const found = await guarded(() => getProfileAsAdmin(c.var.deps, actorOf(me), c.req.valid('param').user_id))
  noStore(c)
  c.header('etag', profileEtag(found.version))
  return c.json(found.view, 200)
}

export const patchUserProfile: AppRouteHandler<R.PatchUserProfileRoute> = async (c) => {
  const me = principalOf(c)
  const precondition = parseIfMatch(c.req.valid('header')['if-match'])
  const { user_id } = c.req.valid('param')
  const updated = await guarded(() => updateProfile(c.var.deps, actorOf(me), user_id, changesOf(c.req.valid('json')), precondition))
  noStore(c)
  c.header('etag', profileEtag(updated.version))
  return c.json(updated.view, 200)
}

export const deleteUserProfile: AppRouteHandler<R.DeleteUserProfileRoute> = async (c) => {
  const me = principalOf(c)
  const result = await guarded(() => deleteProfileAsAdmin(c.var.deps, actorOf(me), c.req.valid('param').user_id))
  return c.json(result, 200)
}

export const initializeIndexes: AppRouteHandler<R.InitializeIndexesRoute> = async (c) => {
  const indexes = await guarded(() => ensureIndexes(c.var.deps.backends))
  return c.json({ status: 'ok' as const, indexes }, 200)
}
