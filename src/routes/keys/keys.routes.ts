import { createRoute } from '@hono/zod-openapi'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import * as s from './keys.schemas.ts'

/**
 * API keys (server-to-server callers) and the tenant-wide budget. Managing keys needs a person:
 * an API key cannot mint, rotate or delete keys (a leaked key could otherwise outlive its own
 * revocation through keys it made).
 */

const tags = ['API keys']
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } })
const manage = { access: 'signed-in' as const, role: 'admin' as const, caller: 'person' as const }
const BASE = '/api/v1/api-keys'
const scope = 'Tenant admins manage their tenant’s keys; a superadmin names another tenant with `tenant_id` (another tenant is 404).'

export const createKey = createRoute(
  apiRoute(
    {
      method: 'post',
      path: BASE,
      tags,
      summary: 'Create an API key (shown once; never a role above your own)',
      description: `Send it as \`X-API-Key: <key>\` or \`Authorization: Bearer <key>\`. It carries its own role and rate limit, and draws from the tenant budget. ${scope}`,
      request: { query: s.TenantQuery, ...body(s.CreateKeyBody) },
      responses: { 201: { description: 'The key (only now) and its record', content: json(s.IssuedKeySchema) }, ...problemResponses(404, 409) },
    },
    { ...manage, idempotency: { natural: 'a retry creates another key: answers carrying a key are never kept (delete a spare one).' } },
  ),
)

export const listKeys = createRoute(
  apiRoute(
    {
      method: 'get',
      path: BASE,
      tags,
      summary: 'The tenant’s API keys (never a key or its hash)',
      description: scope,
      request: { query: s.TenantQuery },
      responses: { 200: { description: 'The keys', content: json(s.KeyListSchema) }, ...problemResponses(404) },
    },
    manage,
  ),
)

export const rotateKey = createRoute(
  apiRoute(
    {
      method: 'post',
      path: `${BASE}/{id}/rotate`,
      tags,
      summary: 'Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds` more',
      description:
        'The previous key is refused from the end of its grace period on, on every instance. Rotating again within a grace period ends the older key at once.',
      request: { params: s.KeyIdParams, query: s.TenantQuery, ...body(s.RotateKeyBody) },
      responses: { 200: { description: 'The new key (only now) and the record', content: json(s.IssuedKeySchema) }, ...problemResponses(404) },
    },
    {
      ...manage,
      idempotency: { natural: 'a retry rotates again; the key of the first answer keeps the grace period (answers carrying a key are never kept).' },
    },
  ),
)

export const patchKey = createRoute(
  apiRoute(
    {
      method: 'patch',
      path: `${BASE}/{id}`,
      tags,
      summary: 'Change a key’s own rate limit (applies from its next request, on every instance)',
      request: { params: s.KeyIdParams, query: s.TenantQuery, ...body(s.PatchKeyBody) },
      responses: { 200: { description: 'The updated record', content: json(s.ApiKeySchema) }, ...problemResponses(404) },
    },
    { ...manage, idempotency: { natural: 'idempotent.' } },
  ),
)

export const deleteKey = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: `${BASE}/{id}`,
      tags,
      summary: 'Delete (revoke) a key: refused from its next request, on every instance',
      request: { params: s.KeyIdParams, query: s.TenantQuery },
      responses: { 204: { description: 'Revoked' }, ...problemResponses(404) },
    },
    { ...manage, idempotency: { natural: 'idempotent (then 404).' } },
  ),
)

export const getBudget = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/tenants/{tenant_id}/budget',
      tags,
      summary: 'The tenant-wide budget: API calls per hour all users and keys of the tenant draw from',
      description: 'Admins: their own tenant; superadmin: any (another tenant is 404). It is the `tenant` rate-limit policy.',
      request: { params: s.TenantParams },
      responses: { 200: { description: 'The budget', content: json(s.TenantBudgetSchema) }, ...problemResponses(404) },
    },
    { access: 'signed-in', role: 'admin' },
  ),
)

export const putBudget = createRoute(
  apiRoute(
    {
      method: 'put',
      path: '/api/v1/tenants/{tenant_id}/budget',
      tags,
      summary: 'Override a tenant’s budget (superadmin; applies from the next request, on every instance)',
      request: { params: s.TenantParams, ...body(s.BudgetBody) },
      responses: { 200: { description: 'The budget now', content: json(s.TenantBudgetSchema) }, ...problemResponses(404) },
    },
    { access: 'signed-in', role: 'superadmin', caller: 'person', idempotency: { natural: 'idempotent.' } },
  ),
)

export type CreateKeyRoute = typeof createKey
export type ListKeysRoute = typeof listKeys
export type RotateKeyRoute = typeof rotateKey
export type PatchKeyRoute = typeof patchKey
export type DeleteKeyRoute = typeof deleteKey
export type GetBudgetRoute = typeof getBudget
export type PutBudgetRoute = typeof putBudget
