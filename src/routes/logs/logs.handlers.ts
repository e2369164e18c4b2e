import { serveCached } from '../../http/cache.ts'
import { principalOf } from '../../http/principal.ts'
import type { AppRouteHandler, Ctx } from '../../http/types.ts'
import { COLLECTIONS } from '../../repositories/indexes.ts'
import { uploadsService } from '../../services/uploads.ts'
import type * as R from './logs.routes.ts'
import { listCache, recentCache, statsCache } from './logs.routes.ts'
import { effectiveSort } from './logs.schemas.ts'

const service = (c: Ctx) => uploadsService(c.var.deps)

export const register: AppRouteHandler<R.RegisterRoute> = async (c) => {
  const record = await service(c).register(principalOf(c), c.req.valid('json'))
  c.header('location', `/api/v1/logs/metadata/${encodeURIComponent(record.upload_id)}`)
  return c.json(record, 201)
}

export const list: AppRouteHandler<R.ListRoute> = async (c) => {
  const { page, page_size, sort, order, ...filters } = c.req.valid('query')
  const actor = principalOf(c)
  return serveCached(c, listCache, actor.tenantId, () => service(c).list(actor, filters, { page, page_size, sort: effectiveSort({ sort, order }) }))
}

export const recent: AppRouteHandler<R.RecentRoute> = async (c) => {
  const { limit } = c.req.valid('query')
  const actor = principalOf(c)
  return serveCached(c, recentCache, actor.tenantId, () => service(c).recent(actor, limit))
}

export const stats: AppRouteHandler<R.StatsRoute> = async (c) => {
  const { days } = c.req.valid('query')
  const actor = principalOf(c)
  return serveCached(c, statsCache, actor.tenantId, () => service(c).stats(actor, days))
}

export const byTask: AppRouteHandler<R.ByTaskRoute> = async (c) => {
  return c.json(await service(c).byTask(principalOf(c), c.req.valid('param').task_id), 200)
}

export const get: AppRouteHandler<R.GetRoute> = async (c) => {
  return c.json(await service(c).get(principalOf(c), c.req.valid('param').upload_id), 200)
}

export const changeStatus: AppRouteHandler<R.ChangeStatusRoute> = async (c) => {
  return c.json(await service(c).changeStatus(principalOf(c), c.req.valid('param').upload_id, c.req.valid('json')), 200)
}

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) => {
  await service(c).remove(principalOf(c), c.req.valid('param').upload_id)
  return c.body(null, 204)
}

export const initializeIndexes: AppRouteHandler<R.InitializeIndexesRoute> = async (c) => {
  return c.json({ collection: COLLECTIONS.uploads, indexes: await service(c).initializeIndexes() }, 200)
}
