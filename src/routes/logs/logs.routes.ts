import { createRoute, type RouteConfig } from '@hono/zod-openapi'
import { type CacheableGet, cacheableGet } from '../../http/cache.ts'
import { maintenancePolicy } from '../../http/gate/policies.ts'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import type { Ctx } from '../../http/types.ts'
import { UPLOADS_TAG } from '../../services/uploads.ts'
import * as s from './logs.schemas.ts'

/**
 * Upload metadata routes (ELK Vision seed). Static paths (`/recent`, `/stats`, `/task/{id}`)
 * are registered before `/{upload_id}` in logs.index.ts, and those words are refused as ids.
 */

const tags = ['Upload metadata']
const BASE = '/api/v1/logs/metadata'
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } })

const CACHE_HEADERS = {
  ETag: { description: 'Strong validator of the body; send it back as If-None-Match', schema: { type: 'string' as const } },
  'Cache-Control': { description: '`private, max-age=…` (`private, no-cache` on stale answers)', schema: { type: 'string' as const } },
  'X-Cache': { description: '`hit`, `miss`, or `stale` (served from cache while the database is unreachable)', schema: { type: 'string' as const } },
}

const signedIn = { access: 'signed-in' as const }
/** Writes of upload records: safe to retry with an Idempotency-Key. */
const keyedWrite = { ...signedIn, idempotency: 'keyed' as const }

/** Raw query as Hono's validator sees it (repeated keys become arrays). */
function rawQuery(c: Ctx): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]))
}

/** Cache key of a query: the validated values in a fixed order; null when invalid. */
function queryKey(name: string, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): (c: Ctx) => string | null {
  // The key is a function of the query string alone, and the same few queries repeat: the last
  // ones are remembered (bounded), sparing a second validation of the query on every request.
  const remembered = new Map<string, string | null>()
  return (c) => {
    const url = c.req.url
    const at = url.indexOf('?')
    const search = at < 0 ? '' : url.slice(at + 1)
    const known = remembered.get(search)
    if (known !== undefined) return known
    const parsed = schema.safeParse(rawQuery(c))
    let key: string | null = null
    if (parsed.success) {
      const data = parsed.data as Record<string, unknown>
      const parts = Object.keys(data)
        .sort()
        .filter((k) => data[k] !== undefined)
        .map((k) => `${k}=${encodeURIComponent(data[k] instanceof Date ? (data[k] as Date).toISOString() : String(data[k]))}`)
      key = `${UPLOADS_TAG}:${name}?${parts.join('&')}`
    }
    if (search.length <= 2048) {
      if (remembered.size >= 1000) remembered.delete(remembered.keys().next().value!)
      remembered.set(search, key)
    }
    return key
  }
}

export const listCache = cacheableGet('list', UPLOADS_TAG, queryKey('list', s.ListQuery))
export const statsCache = cacheableGet('stats', UPLOADS_TAG, queryKey('stats', s.StatsQuery))
export const recentCache = cacheableGet('recent', UPLOADS_TAG, queryKey('recent', s.RecentQuery))

/**
 * A signed-in, cacheable GET: its cache lookup is a read of the gate's round trip (declared in
 * `reads`); documents the caching headers and the 304 answer.
 */
function cacheableRoute<const R extends RouteConfig & { method: 'get' }>(route: R, spec: CacheableGet, cost?: number) {
  const ok = route.responses[200] as { description: string; content: unknown }
  const withCaching = {
    ...route,
    responses: { ...route.responses, 200: { ...ok, headers: CACHE_HEADERS }, 304: { description: 'Not modified (If-None-Match matched the ETag)' } },
  }
  return apiRoute(withCaching as R & { responses: R['responses'] & { 304: { description: string } } }, {
    ...signedIn,
    reads: [spec.read],
    ...(cost ? { cost } : {}),
  })
}

export const register = createRoute(
  apiRoute(
    {
      method: 'post',
      path: BASE,
      tags,
      summary: 'Register an upload',
      description:
        "Any member of the tenant may register uploads. A known `log_count` counts against the tenant's logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is overwritten.",
      request: body(s.RegisterUploadBody),
      responses: {
        201: { description: 'Registered', content: json(s.UploadSchema) },
        ...problemResponses(409),
      },
    },
    keyedWrite,
  ),
)

export const list = createRoute(
  cacheableRoute(
    {
      method: 'get',
      path: BASE,
      tags,
      summary: "List the tenant's uploads (filters, pagination, sort)",
      request: { query: s.ListQuery },
      responses: {
        200: { description: 'One page of uploads', content: json(s.UploadPageSchema) },
      },
    },
    listCache,
  ),
)

export const recent = createRoute(
  cacheableRoute(
    {
      method: 'get',
      path: `${BASE}/recent`,
      tags,
      summary: "The tenant's newest uploads",
      request: { query: s.RecentQuery },
      responses: {
        200: { description: 'Newest first', content: json(s.UploadListSchema) },
      },
    },
    recentCache,
  ),
)

/** An aggregation over the tenant's uploads: weighted, it costs this many units of every rate-limit policy. */
const STATS_COST = 5

export const stats = createRoute(
  cacheableRoute(
    {
      method: 'get',
      path: `${BASE}/stats`,
      tags,
      summary: 'Upload statistics of the tenant over the last N days',
      request: { query: s.StatsQuery },
      responses: {
        200: { description: 'Totals and per-status figures', content: json(s.UploadStatsSchema) },
      },
    },
    statsCache,
    STATS_COST,
  ),
)

export const byTask = createRoute(
  apiRoute(
    {
      method: 'get',
      path: `${BASE}/task/{task_id}`,
      tags,
      summary: 'Uploads of a processing task',
      request: { params: s.TaskParams },
      responses: {
        200: { description: 'Uploads of the task, newest first (at most 100)', content: json(s.TaskUploadsSchema) },
      },
    },
    signedIn,
  ),
)

export const get = createRoute(
  apiRoute(
    {
      method: 'get',
      path: `${BASE}/{upload_id}`,
      tags,
      summary: 'One upload',
      request: { params: s.UploadParams },
      responses: {
        200: { description: 'The upload', content: json(s.UploadSchema) },
        ...problemResponses(404),
      },
    },
    signedIn,
  ),
)

export const changeStatus = createRoute(
  apiRoute(
    {
      method: 'patch',
      path: `${BASE}/{upload_id}`,
      tags,
      summary: "Change an upload's status (pending → processing → success | failed; pending → failed)",
      description: 'For the user who registered the upload, or an admin. Any other transition is 409 `invalid-transition`.',
      request: { params: s.UploadParams, ...body(s.StatusChangeBody) },
      responses: {
        200: { description: 'The updated upload', content: json(s.UploadSchema) },
        ...problemResponses(404, 409),
      },
    },
    keyedWrite,
  ),
)

export const remove = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: `${BASE}/{upload_id}`,
      tags,
      summary: 'Delete an upload record',
      description: 'For the user who registered the upload, or an admin.',
      request: { params: s.UploadParams },
      responses: {
        204: { description: 'Deleted' },
        ...problemResponses(404),
      },
    },
    keyedWrite,
  ),
)

export const initializeIndexes = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/logs/admin/initialize-metadata-indexes',
      tags,
      summary: 'Create the upload metadata indexes (idempotent)',
      responses: {
        200: { description: 'The indexes the collection now has', content: json(s.IndexesSchema) },
        ...problemResponses(409),
      },
    },
    {
      access: 'signed-in',
      role: 'admin',
      budgets: [maintenancePolicy],
      idempotency: { natural: 'idempotent.' },
    },
  ),
)

export type RegisterRoute = typeof register
export type ListRoute = typeof list
export type RecentRoute = typeof recent
export type StatsRoute = typeof stats
export type ByTaskRoute = typeof byTask
export type GetRoute = typeof get
export type ChangeStatusRoute = typeof changeStatus
export type RemoveRoute = typeof remove
export type InitializeIndexesRoute = typeof initializeIndexes
