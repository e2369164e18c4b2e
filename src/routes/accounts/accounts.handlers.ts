import { principalOf } from '../../http/principal.ts'
import type { AppRouteHandler } from '../../http/types.ts'
import { deleteAccount, disableAccount, enableAccount } from '../../services/accounts.ts'
import type * as R from './accounts.routes.ts'

export const disable: AppRouteHandler<R.DisableRoute> = async (c) => {
  return c.json(await disableAccount(c.var.deps, principalOf(c), c.req.valid('param').user_id), 200)
}

export const enable: AppRouteHandler<R.EnableRoute> = async (c) => {
  return c.json(await enableAccount(c.var.deps, principalOf(c), c.req.valid('param').user_id), 200)
}

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) => {
  return c.json(await deleteAccount(c.var.deps, principalOf(c), c.req.valid('param').user_id), 200)
}
