import type { Context } from 'hono'
import { tenantInView } from '../../domain/principal.ts'
import { NotFoundError } from '../../errors.ts'
import { deferOf } from '../../http/background.ts'
import { principalOf } from '../../http/principal.ts'
import type { AppEnv, AppRouteHandler } from '../../http/types.ts'
import { ensureIndexes } from '../../services/indexes.ts'
import {
  createOwnProfile,
  deleteProfileAsAdmin,
  getProfileAsAdmin,
  listTenantProfiles,
  type ProfileChanges,
  readProfile,
  updateProfile,
} from '../../services/profiles.ts'
import { quotaLimits, usageReport } from '../../services/quotas.ts'
import { ifNoneMatchHits, parseIfMatch, profileEtag } from './users.etag.ts'
import { ownProfileRead, usageRead } from './users.reads.ts'
import type * as R from './users.routes.ts'

type Ctx = Context<AppEnv>

const noStore = (c: Ctx) => {
  // Per-user answers: never shared by intermediaries, always revalidated by the client.
  c.header('cache-control', 'private, no-cache')
  c.header('vary', 'Authorization')
}

export const getProfile: AppRouteHandler<R.GetProfileRoute> = async (c) => {
  const me = principalOf(c)
  const lookup = c.var.trip!.read(ownProfileRead)
  const { profile, fromCache } = await readProfile(c.var.deps, me.tenantId, me.userId, { lookup, defer: deferOf(c) })
  if (!profile) throw new NotFoundError('You have no profile yet; create it with POST /api/v1/users/profile/create/')
  noStore(c)
  c.header('etag', profileEtag(profile.version))
  c.header('x-cache', fromCache ? 'hit' : 'miss')
  if (ifNoneMatchHits(c.req.header('if-none-match'), profile.version)) return c.body(null, 304)
  return c.json(profile.view, 200)
}

/** Validated body → service changes (zod's optional keys carry `undefined`; drop them). */
function changesOf(body: ProfileChanges): ProfileChanges {
  const out: ProfileChanges = {}
  if (body.preferences !== undefined) out.preferences = JSON.parse(JSON.stringify(body.preferences))
  if (body.role !== undefined) out.role = body.role
  if (body.api_quota !== undefined) out.api_quota = JSON.parse(JSON.stringify(body.api_quota))
  return out
}

export const patchProfile: AppRouteHandler<R.PatchProfileRoute> = async (c) => {
  const me = principalOf(c)
  const precondition = parseIfMatch(c.req.valid('header')['if-match'])
  const updated = await updateProfile(c.var.deps, me, me.userId, changesOf(c.req.valid('json')), precondition)
  noStore(c)
  c.header('etag', profileEtag(updated.version))
  return c.json(updated.view, 200)
}

export const createProfile: AppRouteHandler<R.CreateProfileRoute> = async (c) => {
  const me = principalOf(c)
  const body = (c.req.valid('json') as { organization?: string; preferences?: ProfileChanges['preferences'] } | undefined) ?? {}
  const created = await createOwnProfile(c.var.deps, me, {
    ...(body.organization !== undefined ? { organization: body.organization } : {}),
    ...(body.preferences !== undefined ? { preferences: JSON.parse(JSON.stringify(body.preferences)) } : {}),
  })
  noStore(c)
  c.header('etag', profileEtag(created.version))
  c.header('location', '/api/v1/users/profile/')
  return c.json(created.view, 201)
}

export const getQuota: AppRouteHandler<R.GetQuotaRoute> = async (c) => {
  const me = principalOf(c)
  const { deps } = c.var
  const now = deps.now?.() ?? Date.now()
  const [used, own] = await Promise.all([
    c.var.trip!.read(usageRead),
    readProfile(deps, me.tenantId, me.userId, { lookup: c.var.trip!.read(ownProfileRead), defer: deferOf(c) }),
  ])
  const limits = quotaLimits(own.profile?.view ?? null, deps.config)
  // The hourly limit the gate enforces is the session's: report that one.
  if (used.hourlyLimit !== undefined) limits.api_calls_per_hour = used.hourlyLimit
  c.header('cache-control', 'no-store')
  const rate_limits = used.policies.map((p) => ({
    name: p.name,
    limit: p.limit,
    used: Math.max(0, p.limit - p.remaining),
    remaining: p.remaining,
    window_seconds: p.windowSeconds,
    reset_at: new Date(p.reset).toISOString(),
  }))
  const caller = { user_id: me.userId, tenant_id: me.tenantId, key_id: me.keyId ?? null }
  return c.json({ ...caller, api_quota: limits, usage: usageReport(limits, used, now), rate_limits }, 200)
}

export const listTenantUsers: AppRouteHandler<R.ListTenantUsersRoute> = async (c) => {
  const me = principalOf(c)
  const q = c.req.valid('query')
  const tenantId = tenantInView(me, q.tenant_id)
  const page = await listTenantProfiles(c.var.deps, tenantId, { page: q.page, page_size: q.page_size, ...(q.role ? { role: q.role } : {}) })
  noStore(c)
  return c.json(page, 200)
}

export const getUserProfile: AppRouteHandler<R.GetUserProfileRoute> = async (c) => {
  const found = await getProfileAsAdmin(c.var.deps, principalOf(c), c.req.valid('param').user_id)
  noStore(c)
  c.header('etag', profileEtag(found.version))
  return c.json(found.view, 200)
}

export const patchUserProfile: AppRouteHandler<R.PatchUserProfileRoute> = async (c) => {
  const precondition = parseIfMatch(c.req.valid('header')['if-match'])
  const { user_id } = c.req.valid('param')
  const updated = await updateProfile(c.var.deps, principalOf(c), user_id, changesOf(c.req.valid('json')), precondition)
  noStore(c)
  c.header('etag', profileEtag(updated.version))
  return c.json(updated.view, 200)
}

export const deleteUserProfile: AppRouteHandler<R.DeleteUserProfileRoute> = async (c) => {
  return c.json(await deleteProfileAsAdmin(c.var.deps, principalOf(c), c.req.valid('param').user_id), 200)
}

export const initializeIndexes: AppRouteHandler<R.InitializeIndexesRoute> = async (c) => {
  return c.json({ status: 'ok' as const, indexes: await ensureIndexes(c.var.deps.backends) }, 200)
}
