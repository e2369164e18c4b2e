/**
 * API keys for server-to-server callers, and the tenant-wide budget they share with users.
 *
 * - Tenant admins manage their tenant's keys; a superadmin any tenant's (naming it). Another
 *   tenant is "not found", never "forbidden".
 * - A key never outranks its creator; it is shown once, stored as SHA-256 only (api-key-format.ts).
 * - The key-value store (ApiKeyStore) is the ONE copy: the gate's admission reads the record in
 *   the request's round trip, so a revocation, rotation or new limit applies from the next
 *   request on every instance, and what the listing shows is what the gate enforces.
 * - Rotation keeps the key's id, role and limits and gives it a new secret; the old one works until
 *   the grace period ends (to the millisecond). Rotating again within a grace period ends the
 *   older grace at once: only the latest previous key is kept.
 */
import type { Deps } from '../deps.ts'
import { type Principal, tenantInView } from '../domain/principal.ts'
import { type Role, roleAtLeast } from '../domain/roles.ts'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors.ts'
import type { ApiKeyRecord, KeyRateLimit } from '../ports.ts'
import { createTenantsRepository } from '../repositories/users.ts'
import { generateApiKey, hashApiKey, KEY_ID_PATTERN, keyPrefixOf } from './api-key-format.ts'

/** Keys a tenant may hold at once (the listing reads them all). */
export const MAX_KEYS_PER_TENANT = 100

const nowOf = (deps: Deps) => deps.now?.() ?? Date.now()
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A key as the API shows it: never the key, never its hash. */
export interface ApiKeyView {
  id: string
  tenant_id: string
  name: string
  prefix: string
  role: Role
  created_at: string
  created_by: string
  last_used_at: string | null
  expires_at: string | null
  rate_limit: { limit: number; window_seconds: number } | null
  rotated_at: string | null
  /** While a rotation's grace period runs: when the previous key stops working. */
  previous_key_expires_at: string | null
}

function keyView(r: ApiKeyRecord, now: number): ApiKeyView {
  return {
    id: r.id,
    tenant_id: r.tenantId,
    name: r.name,
    prefix: keyPrefixOf(r.id),
    role: r.role,
    created_at: new Date(r.createdAt).toISOString(),
    created_by: r.createdBy,
    last_used_at: iso(r.lastUsedAt),
    expires_at: iso(r.expiresAt),
    rate_limit: r.rateLimit ? { limit: r.rateLimit.limit, window_seconds: r.rateLimit.windowSeconds } : null,
    rotated_at: iso(r.rotatedAt),
    previous_key_expires_at: r.previous && r.previous.until > now ? iso(r.previous.until) : null,
  }
}

/** The tenant an operation acts on: the caller's, or (superadmin only) the one named. */
async function targetTenant(deps: Deps, actor: Principal, tenantId: string | undefined): Promise<string> {
  const target = tenantInView(actor, tenantId)
  if (target === actor.tenantId) return target
  if (!(await createTenantsRepository(deps.backends.documents).get(target))) throw new NotFoundError('No such tenant')
  return target
}

/** A key of the target tenant, or NotFoundError (also for a malformed id or another tenant's key). */
async function keyOf(deps: Deps, tenantId: string, id: string): Promise<ApiKeyRecord> {
  const record = KEY_ID_PATTERN.test(id) ? await deps.backends.apiKeys.get(tenantId, id) : null
  if (!record) throw new NotFoundError('No such API key')
  return record
}

const rateLimitOf = (r: { limit: number; window_seconds: number } | undefined | null): KeyRateLimit | null =>
  r ? { limit: r.limit, windowSeconds: r.window_seconds } : null

export interface NewApiKey {
  name: string
  role: Role
  expires_at?: Date | undefined
  rate_limit?: { limit: number; window_seconds: number } | undefined
}

/** POST /api-keys: the key (shown once) and its view. */
export async function createApiKey(deps: Deps, actor: Principal, input: NewApiKey, tenantId?: string): Promise<{ api_key: string; key: ApiKeyView }> {
  if (!roleAtLeast(actor.role, input.role)) throw new ForbiddenError(`You cannot create a key with a role above your own (${actor.role})`)
  const now = nowOf(deps)
  const expiresAt = input.expires_at ? input.expires_at.getTime() : null
  if (expiresAt !== null && expiresAt <= now) throw new InputError([{ path: 'expires_at', code: 'too_small', message: 'must be in the future' }])
  const tenant = await targetTenant(deps, actor, tenantId)
  const { apiKeys } = deps.backends
  if ((await apiKeys.list(tenant)).length >= MAX_KEYS_PER_TENANT) {
    throw new ConflictError(`A tenant holds at most ${MAX_KEYS_PER_TENANT} API keys; delete one first`)
  }
  for (let attempt = 0; ; attempt++) {
    const { keyId, key } = generateApiKey(tenant)
    const record: ApiKeyRecord = {
      id: keyId,
      tenantId: tenant,
      name: input.name,
      role: input.role,
      hash: await hashApiKey(key),
      previous: null,
      createdAt: now,
      createdBy: actor.userId,
      expiresAt,
      rateLimit: rateLimitOf(input.rate_limit),
      lastUsedAt: null,
      rotatedAt: null,
    }
    // 72 random bits per id: a collision is all but impossible, and is retried.
    if (await apiKeys.create(record)) return { api_key: key, key: keyView(record, now) }
    if (attempt >= 2) throw new ConflictError('Could not allocate a key id; try again')
  }
}

/** GET /api-keys. */
export async function listApiKeys(deps: Deps, actor: Principal, tenantId?: string): Promise<ApiKeyView[]> {
  const tenant = await targetTenant(deps, actor, tenantId)
  const now = nowOf(deps)
  return (await deps.backends.apiKeys.list(tenant)).map((r) => keyView(r, now))
}

/** POST /api-keys/{id}/rotate: a new secret for the key; the old one works `graceSeconds` more. */
export async function rotateApiKey(
  deps: Deps,
  actor: Principal,
  id: string,
  graceSeconds: number,
  tenantId?: string,
): Promise<{ api_key: string; key: ApiKeyView }> {
  const tenant = await targetTenant(deps, actor, tenantId)
  const current = await keyOf(deps, tenant, id)
  if (!roleAtLeast(actor.role, current.role)) throw new ForbiddenError('You cannot rotate a key whose role is above yours')
  const { key } = generateApiKey(tenant, id)
  const now = nowOf(deps)
  const rotated = await deps.backends.apiKeys.rotate(tenant, id, await hashApiKey(key), now + graceSeconds * 1000, now)
  if (!rotated) throw new NotFoundError('No such API key')
  return { api_key: key, key: keyView(rotated, now) }
}

/** DELETE /api-keys/{id}: refused from its next request on. */
export async function revokeApiKey(deps: Deps, actor: Principal, id: string, tenantId?: string): Promise<void> {
  const tenant = await targetTenant(deps, actor, tenantId)
  const current = await keyOf(deps, tenant, id)
  if (!roleAtLeast(actor.role, current.role)) throw new ForbiddenError('You cannot delete a key whose role is above yours')
  if (!(await deps.backends.apiKeys.revoke(tenant, id))) throw new NotFoundError('No such API key')
}

/** PATCH /api-keys/{id}: the key's own rate limit (null: back to the default). */
export async function setApiKeyRateLimit(
  deps: Deps,
  actor: Principal,
  id: string,
  rateLimit: { limit: number; window_seconds: number } | null,
  tenantId?: string,
): Promise<ApiKeyView> {
  const tenant = await targetTenant(deps, actor, tenantId)
  const current = await keyOf(deps, tenant, id)
  if (!roleAtLeast(actor.role, current.role)) throw new ForbiddenError('You cannot change a key whose role is above yours')
  const updated = await deps.backends.apiKeys.setRateLimit(tenant, id, rateLimitOf(rateLimit))
  if (!updated) throw new NotFoundError('No such API key')
  return keyView(updated, nowOf(deps))
}

export interface TenantBudgetView {
  tenant_id: string
  /** What the gate applies: the override, else the default. */
  api_calls_per_hour: number
  default_api_calls_per_hour: number
  overridden: boolean
}

/** GET /tenants/{id}/budget: the tenant-wide budget (admins: their own tenant). */
export async function tenantBudget(deps: Deps, actor: Principal, tenantId: string): Promise<TenantBudgetView> {
  const tenant = await targetTenant(deps, actor, tenantId)
  const own = await deps.backends.tenantPlans.hourlyLimit(tenant)
  const fallback = deps.config.TENANT_API_CALLS_PER_HOUR
  return { tenant_id: tenant, api_calls_per_hour: own ?? fallback, default_api_calls_per_hour: fallback, overridden: own !== null }
}

/** PUT /tenants/{id}/budget (superadmin): overrides the budget (null: back to the default). */
export async function setTenantBudget(deps: Deps, actor: Principal, tenantId: string, limit: number | null): Promise<TenantBudgetView> {
  if (actor.role !== 'superadmin') throw new ForbiddenError('Only a superadmin changes a tenant’s budget')
  const tenant = await targetTenant(deps, actor, tenantId)
  await deps.backends.tenantPlans.setHourlyLimit(tenant, limit)
  return tenantBudget(deps, actor, tenant)
}
