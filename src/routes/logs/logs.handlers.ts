import type { Context } from 'hono'
import { LockBusyError } from '../../errors.ts'
import { principalOf } from '../../http/auth.ts'
import { orUnavailable, serveCached, type CacheTimes } from '../../http/cache.ts'
import { problems } from '../../http/problems.ts'
import type { AppEnv, AppRouteHandler } from '../../http/types.ts'
import { COLLECTIONS } from '../../repositories/indexes.ts'
import { uploadsService, type Actor } from '../../services/uploads.ts'
import { listCache, recentCache, statsCache } from './logs.routes.ts'
import type * as R from './logs.routes.ts'
import { effectiveSort } from './logs.schemas.ts'

/** Clients may reuse an answer this long; the server-side copy is invalidated on writes instead. */
const CLIENT_MAX_AGE_SECONDS = 10
/** A stale copy for outages outlives the fresh one by this much at least. */
const STALE_MIN_SECONDS = 24 * 3600

const service = (c: Context<AppEnv>) => uploadsService(c.var.deps)

function actorOf(c: Context<AppEnv>): Actor {
  const p = principalOf(c)
  return { userId: p.userId, tenantId: p.tenantId, role: p.role }
}

function cacheTimes(c: Context<AppEnv>): CacheTimes {
  const ttl = c.var.deps.config.CACHE_EXPIRE_MINUTES * 60
  return { ttlSeconds: ttl, staleTtlSeconds: Math.max(STALE_MIN_SECONDS, ttl * 4), maxAgeSeconds: CLIENT_MAX_AGE_SECONDS }
}

export const register: AppRouteHandler<R.RegisterRoute> = async (c) => {
  const input = c.req.valid('json')
  const record = await orUnavailable(service(c).register(actorOf(c), input))
  c.header('location', `/api/v1/logs/metadata/${encodeURIComponent(record.upload_id)}`)
  return c.json(record, 201)
}

export const list: AppRouteHandler<R.ListRoute> = async (c) => {
  const q = c.req.valid('query')
  const actor = actorOf(c)
  const { page, page_size, sort, order, ...filters } = q
  return serveCached(c, listCache, actor.tenantId, cacheTimes(c), () =>
    service(c).list(actor, filters, { page, page_size, sort: effectiveSort({ sort, order }) }),
  )
}

export const recent: AppRouteHandler<R.RecentRoute> = async (c) => {
  const { limit } = c.req.valid('query')
  const actor = actorOf(c)
  return serveCached(c, recentCache, actor.tenantId, cacheTimes(c), () => service(c).recent(actor, limit))
}

export const stats: AppRouteHandler<R.StatsRoute> = async (c) => {
  const { days } = c.req.valid('query')
  const actor = actorOf(c)
  return serveCached(c, statsCache, actor.tenantId, cacheTimes(c), () => service(c).stats(actor, days))
}

export const byTask: AppRouteHandler<R.ByTaskRoute> = async (c) => {
  const { task_id } = c.req.valid('param')
  return c.json(await orUnavailable(service(c).byTask(actorOf(c), task_id)), 200)
}

export const get: AppRouteHandler<R.GetRoute> = async (c) => {
  const { upload_id } = c.req.valid('param')
  return c.json(await orUnavailable(service(c).get(actorOf(c), upload_id)), 200)
}

export const changeStatus: AppRouteHandler<R.ChangeStatusRoute> = async (c) => {
  const { upload_id } = c.req.valid('param')
  const change = c.req.valid('json')
  return c.json(await orUnavailable(service(c).changeStatus(actorOf(c), upload_id, change)), 200)
}

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) => {
  const { upload_id } = c.req.valid('param')
  await orUnavailable(service(c).remove(actorOf(c), upload_id))
  return c.body(null, 204)
}

export const initializeIndexes: AppRouteHandler<R.InitializeIndexesRoute> = async (c) => {
  const indexes = await orUnavailable(service(c).initializeIndexes()).catch((err: unknown) => {
    // Another instance is creating indexes right now; when it is done, a retry is a no-op.
    if (err instanceof LockBusyError) throw problems.unavailable('Index creation is in progress elsewhere; retry shortly', err)
    throw err
  })
  return c.json({ collection: COLLECTIONS.uploads, indexes }, 200)
}
