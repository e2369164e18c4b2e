import { createRoute } from '@hono/zod-openapi'
import { maintenancePolicy } from '../../http/gate/policies.ts'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import { ownProfileRead, usageRead } from './users.reads.ts'
import * as s from './users.schemas.ts'

const tags = ['Users']
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const etag = { ETag: { description: 'Version of the profile; send it back in If-Match', schema: { type: 'string' as const } } }
const xCache = {
  'X-Cache': { description: '`hit` when served from the per-user cache, else `miss`', schema: { type: 'string' as const, enum: ['hit', 'miss'] } },
}
const patchBody = { body: { required: true, content: json(s.ProfilePatchBody) } }
const admin = { access: 'signed-in' as const, role: 'admin' as const }
/** One's own profile belongs to a person: API keys are refused (403). */
const person = { access: 'signed-in' as const, caller: 'person' as const }

export const getProfile = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/users/profile',
      tags,
      summary: "The caller's profile",
      description: 'Cached per user; answers 304 to a matching If-None-Match.',
      responses: {
        200: { description: 'The profile', headers: { ...etag, ...xCache }, content: json(s.ProfileSchema) },
        304: { description: 'Not modified (If-None-Match matched)', headers: etag },
        ...problemResponses(404),
      },
    },
    { ...person, reads: [ownProfileRead] },
  ),
)

export const patchProfile = createRoute(
  apiRoute(
    {
      method: 'patch',
      path: '/api/v1/users/profile',
      tags,
      summary: "Update the caller's profile (preferences are merged deeply)",
      description:
        'Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and nothing is written. ' +
        'Anyone may change their preferences; `role` and `api_quota` need the admin role, and no one can grant a role above their own. ' +
        '`api_quota`: within the plan (403 `above-plan`). ' +
        'Unknown fields are refused (422).',
      request: { headers: s.IfMatchHeader, ...patchBody },
      responses: {
        200: { description: 'The updated profile', headers: etag, content: json(s.ProfileSchema) },
        ...problemResponses(404, 412),
      },
    },
    { ...person, idempotency: 'keyed' },
  ),
)

export const createProfile = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/users/profile/create',
      tags,
      summary: "Create the caller's profile (role from the account, quota from the defaults)",
      request: { body: { required: false, content: json(s.ProfileCreateBody) } },
      responses: {
        201: { description: 'Created', headers: etag, content: json(s.ProfileSchema) },
        ...problemResponses(409),
      },
    },
    { ...person, idempotency: 'keyed' },
  ),
)

export const getQuota = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/users/profile/quota',
      tags,
      summary: "The caller's API quota: limits and live usage in the current windows",
      description:
        'API calls are counted per user (an API key: per key) per UTC hour (the `hourly` rate-limit policy), uploaded log lines per tenant per UTC day. Limits come from the profile (defaults from configuration when there is none). `rate_limits` lists every policy the caller is charged, the tenant-wide budget included.',
      responses: { 200: { description: 'Limits and usage', content: json(s.QuotaSchema) } },
    },
    { access: 'signed-in', chargeTo: 'address', reads: [usageRead, ownProfileRead] },
  ),
)

export const listTenantUsers = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/users/tenant/users',
      tags,
      summary: "Users (profiles) of the caller's tenant, paginated, optionally by role",
      request: { query: s.TenantUsersQuery },
      responses: { 200: { description: 'A page of users', content: json(s.TenantUsersSchema) }, ...problemResponses(404) },
    },
    admin,
  ),
)

export const getUserProfile = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/users/admin/profile/{user_id}',
      tags,
      summary: "A user's profile (admin: own tenant; superadmin: any tenant)",
      request: { params: s.UserIdParams },
      responses: { 200: { description: 'The profile', headers: etag, content: json(s.ProfileSchema) }, ...problemResponses(404) },
    },
    admin,
  ),
)

export const patchUserProfile = createRoute(
  apiRoute(
    {
      method: 'patch',
      path: '/api/v1/users/admin/profile/{user_id}',
      tags,
      summary: "Change a user's role, quota or preferences (admin: own tenant; never above your own role)",
      description: 'Same body and If-Match rules as PATCH /api/v1/users/profile/. A new role or quota applies from the user’s next request.',
      request: { params: s.UserIdParams, headers: s.IfMatchHeader, ...patchBody },
      responses: {
        200: { description: 'The updated profile', headers: etag, content: json(s.ProfileSchema) },
        ...problemResponses(404, 412),
      },
    },
    { ...admin, idempotency: 'keyed' },
  ),
)

export const deleteUserProfile = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: '/api/v1/users/admin/profile/{user_id}',
      tags,
      summary: "Delete a user's profile; signs that user out everywhere and clears their cache",
      request: { params: s.UserIdParams },
      responses: { 200: { description: 'Deleted', content: json(s.DeletedProfileSchema) }, ...problemResponses(404) },
    },
    { ...admin, idempotency: 'keyed' },
  ),
)

export const initializeIndexes = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/users/admin/initialize-indexes',
      tags,
      summary: 'Create the database indexes (idempotent; serialized across instances by a lock)',
      description: 'Also runs at start-up on Node. On Workers, call it once after each deploy.',
      responses: { 200: { description: 'Indexes present', content: json(s.IndexesSchema) }, ...problemResponses(409) },
    },
    { ...admin, budgets: [maintenancePolicy], idempotency: { natural: 'idempotent.' } },
  ),
)

export type GetProfileRoute = typeof getProfile
export type PatchProfileRoute = typeof patchProfile
export type CreateProfileRoute = typeof createProfile
export type GetQuotaRoute = typeof getQuota
export type ListTenantUsersRoute = typeof listTenantUsers
export type GetUserProfileRoute = typeof getUserProfile
export type PatchUserProfileRoute = typeof patchUserProfile
export type DeleteUserProfileRoute = typeof deleteUserProfile
export type InitializeIndexesRoute = typeof initializeIndexes
