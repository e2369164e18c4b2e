/**
 * The one read-through cache over the Cache port, used by uploads (tenant answers) and profiles
 * (per-user). The port's entries are generation-checked (src/ports.ts: a write's invalidation
 * makes every entry computed before it a miss); this service adds the read → load → fill flow:
 *
 * 1. a lookup (issued early, e.g. in the request's round trip) gives the value or a miss, and
 *    the generations it saw (the stamp);
 * 2. on a miss `load()` runs and the result is stored — in the background — under THAT stamp, so a
 *    load that raced with a write is never served; plus, when asked, a long-lived stale copy;
 * 3. when `load()` fails because a backend is unavailable, the stale copy is answered instead.
 * A cache that cannot be read or written never fails the request: it is a miss, and a warning.
 */
import type { Defer } from '../deps.ts'
import { BackendUnavailableError } from '../errors.ts'
import { errorFields, type Logger } from '../logger.ts'
import type { Cache, CacheRead, CacheScope } from '../ports.ts'

export interface CachedItem {
  scope: CacheScope
  key: string
  /** Invalidating any of these (within the tenant) drops the entry. */
  tags: string[]
}

/** Issues the lookup now (synchronously: it can join a round trip). Never rejects: errors are a miss. */
export function lookupCached<T>(cache: Cache, item: CachedItem, logger: Logger): Promise<CacheRead<T> | null> {
  let read: Promise<CacheRead<T>>
  try {
    read = cache.get<T>(item.scope, item.key, item.tags)
  } catch (err) {
    read = Promise.reject(err)
  }
  return read.catch((err: unknown) => {
    logger.warn('cache read failed', errorFields(err))
    return null
  })
}

export interface ReadThrough<T> {
  cache: Cache
  logger: Logger
  item: CachedItem
  ttlSeconds: number
  /** Keep a copy for outages this long (not dropped by invalidation); none when absent. */
  staleTtlSeconds?: number
  /** A lookup already issued (the round trip's); issued now when absent. */
  lookup?: Promise<CacheRead<T> | null>
  load: () => Promise<T>
  /** Where fills go (after the answer); awaited when absent. */
  defer?: Defer
}

export interface Served<T> {
  value: T
  state: 'hit' | 'miss' | 'stale'
}

const staleKey = (key: string) => `stale:${key}`

/** The value from the cache, else from `load()` (filling the cache), else — backend down — a stale copy. */
export async function readThrough<T>(o: ReadThrough<T>): Promise<Served<T>> {
  const { cache, logger, item } = o
  const found = await (o.lookup ?? lookupCached<T>(cache, item, logger))
  if (found?.value !== null && found?.value !== undefined) return { value: found.value, state: 'hit' }
  let value: T
  try {
    value = await o.load()
  } catch (err) {
    if (!(err instanceof BackendUnavailableError) || o.staleTtlSeconds === undefined) throw err
    const stale = await cache.get<T>(item.scope, staleKey(item.key)).catch(() => null)
    if (stale?.value === null || stale?.value === undefined) throw err
    logger.warn('serving a stale cached answer', errorFields(err))
    return { value: stale.value, state: 'stale' }
  }
  // Only with a stamp: filling blind could record generations newer than the data.
  if (found && value !== null && value !== undefined) {
    const fills = [cache.set(item.scope, item.key, value, { ttlSeconds: o.ttlSeconds, tags: item.tags, stamp: found.stamp })]
    if (o.staleTtlSeconds !== undefined) fills.push(cache.set(item.scope, staleKey(item.key), value, { ttlSeconds: o.staleTtlSeconds }))
    const fill = Promise.all(fills).catch((err: unknown) => logger.warn('cache fill failed', errorFields(err)))
    if (o.defer) o.defer(fill)
    else await fill
  }
  return { value, state: 'miss' }
}

/**
 * Drops the tenant's entries carrying the tags: every entry computed before this call is a miss
 * from now on. Call after every write. A cache that cannot be told is logged, not thrown — the
 * write itself has happened.
 */
export async function invalidateCached(cache: Cache, tenantId: string, tags: string[], logger: Logger): Promise<void> {
  try {
    await cache.invalidateTags(tenantId, tags)
  } catch (err) {
    logger.warn('cache invalidation failed', { tenant: tenantId, ...errorFields(err) })
  }
}
