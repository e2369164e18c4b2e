import { principalOf } from '../../http/principal.ts'
import type { AppRouteHandler, Ctx } from '../../http/types.ts'
import * as keys from '../../services/api-keys.ts'
import type * as R from './keys.routes.ts'

// Answers carrying a key must never be stored by a browser or a proxy; listings are per tenant.
const noStore = (c: Ctx) => c.header('cache-control', 'no-store')

export const createKey: AppRouteHandler<R.CreateKeyRoute> = async (c) => {
  const { tenant_id } = c.req.valid('query')
  const issued = await keys.createApiKey(c.var.deps, principalOf(c), c.req.valid('json'), tenant_id)
  noStore(c)
  return c.json(issued, 201)
}

export const listKeys: AppRouteHandler<R.ListKeysRoute> = async (c) => {
  noStore(c)
  return c.json({ keys: await keys.listApiKeys(c.var.deps, principalOf(c), c.req.valid('query').tenant_id) }, 200)
}

export const rotateKey: AppRouteHandler<R.RotateKeyRoute> = async (c) => {
  const { id } = c.req.valid('param')
  const rotated = await keys.rotateApiKey(c.var.deps, principalOf(c), id, c.req.valid('json').grace_seconds, c.req.valid('query').tenant_id)
  noStore(c)
  return c.json(rotated, 200)
}

export const patchKey: AppRouteHandler<R.PatchKeyRoute> = async (c) => {
  const { id } = c.req.valid('param')
  const updated = await keys.setApiKeyRateLimit(c.var.deps, principalOf(c), id, c.req.valid('json').rate_limit, c.req.valid('query').tenant_id)
  noStore(c)
  return c.json(updated, 200)
}

export const deleteKey: AppRouteHandler<R.DeleteKeyRoute> = async (c) => {
  await keys.revokeApiKey(c.var.deps, principalOf(c), c.req.valid('param').id, c.req.valid('query').tenant_id)
  return c.body(null, 204)
}

export const getBudget: AppRouteHandler<R.GetBudgetRoute> = async (c) => {
  noStore(c)
  return c.json(await keys.tenantBudget(c.var.deps, principalOf(c), c.req.valid('param').tenant_id), 200)
}

export const putBudget: AppRouteHandler<R.PutBudgetRoute> = async (c) => {
  const { tenant_id } = c.req.valid('param')
  noStore(c)
  return c.json(await keys.setTenantBudget(c.var.deps, principalOf(c), tenant_id, c.req.valid('json').api_calls_per_hour), 200)
}
