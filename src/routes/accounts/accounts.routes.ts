import { createRoute } from '@hono/zod-openapi'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import * as s from './accounts.schemas.ts'

/**
 * The account lifecycle an admin runs on the users of their tenant (a superadmin: of any tenant).
 * Another tenant's user is 404, an account above the caller's role 403, the last enabled admin
 * of a tenant 409 `last-admin`.
 */

const tags = ['Accounts']
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const admin = { access: 'signed-in' as const, role: 'admin' as const }
/** Retries are safe with an Idempotency-Key (src/http/idempotency). */
const keyed = { ...admin, idempotency: 'keyed' as const }
const BASE = '/api/v1/users/admin/users/{user_id}'
const RULES = 'Admin: users of your tenant; superadmin: any tenant. Never an account whose role is above yours (403).'

export const disable = createRoute(
  apiRoute(
    {
      method: 'post',
      path: `${BASE}/disable`,
      tags,
      summary: 'Disable an account: signed out everywhere at once, sign-in refused until enabled',
      description: `Every session ends and every token is refused from its next request; sign-in answers 403 \`account-disabled\`. Disabling a disabled account signs it out again. The last enabled admin of a tenant cannot be disabled (409 \`last-admin\`). ${RULES}`,
      request: { params: s.AccountParams },
      responses: { 200: { description: 'Disabled', content: json(s.AccountDisabledSchema) }, ...problemResponses(404, 409) },
    },
    keyed,
  ),
)

export const enable = createRoute(
  apiRoute(
    {
      method: 'post',
      path: `${BASE}/enable`,
      tags,
      summary: 'Enable a disabled account: it may sign in again',
      description: RULES,
      request: { params: s.AccountParams },
      responses: { 200: { description: 'Enabled', content: json(s.AccountStatusSchema) }, ...problemResponses(404) },
    },
    keyed,
  ),
)

export const remove = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: BASE,
      tags,
      summary: "Delete an account: its credentials, sessions and profile (the tenant's uploads stay)",
      description: `Sign-in is refused from then on and every token of the account at once. The last enabled admin of a tenant cannot be deleted (409 \`last-admin\`). ${RULES}`,
      request: { params: s.AccountParams },
      responses: { 200: { description: 'Deleted', content: json(s.DeletedAccountSchema) }, ...problemResponses(404, 409) },
    },
    keyed,
  ),
)

export type DisableRoute = typeof disable
export type EnableRoute = typeof enable
export type RemoveRoute = typeof remove
