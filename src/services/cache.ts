/**
 * Read-through caching over the Cache port: answer from the cache when it can, otherwise run the
 * loader and fill the cache — after the response when the runtime offers `waitUntil`.
 */
import type { Cache, CacheScope } from '../ports.ts'

export interface CachedOptions<T> {
  cache: Cache
  scope: CacheScope
  /** The logical key (hashed with the scope by the adapter). */
  key: string
  ttlSeconds: number
  /** Tags within the scope's tenant that invalidate the entry. */
  tags?: string[]
  /** Produces the value on a miss. null/undefined results are not cached. */
  loader: () => Promise<T>
  /** `executionCtx.waitUntil` (Workers): the fill then happens after the response. */
  waitUntil?: (work: Promise<unknown>) => void
  /** Told about a cache read or fill that failed (the request itself carries on). */
  onError?: (err: unknown) => void
}

/**
 * The value for `key`, from the cache (`hit: true`) or from `loader` (`hit: false`).
 * A failing cache never fails the request: a read error counts as a miss, a fill error is only
 * reported to `onError`. Loader errors propagate (nothing is cached).
 *
 * @example
 * const { value, hit } = await cached({
 *   cache, scope: { tenantId, userId }, key: `profile:${userId}`, ttlSeconds: 1800,
 *   tags: [`user:${userId}`], loader: () => profiles.get(userId),
 *   waitUntil: (p) => c.executionCtx.waitUntil(p),
 * })
 */
export async function cached<T>(options: CachedOptions<T>): Promise<{ value: T; hit: boolean }> {
  const { cache, scope, key, onError } = options
  let found: T | null = null
  try {
    found = await cache.get<T>(scope, key)
  } catch (err) {
    onError?.(err)
  }
  if (found !== null) return { value: found, hit: true }

  const value = await options.loader()
  if (value !== null && value !== undefined) {
    const fill = cache.set(scope, key, value, { ttlSeconds: options.ttlSeconds, tags: options.tags }).catch((err: unknown) => onError?.(err))
    if (options.waitUntil) options.waitUntil(fill)
    else await fill
  }
  return { value, hit: false }
}
