/**
 * HTTP caching of read answers, per tenant: the server-side cache (Cache port), ETag /
 * If-None-Match, Cache-Control, an `X-Cache: hit|miss|stale` header, and stale-on-error.
 *
 * ## How one cacheable GET runs
 * 1. `cacheLookup(spec)` (route middleware, `prefetch()`-marked, before requireAuth) queues the read with
 *    `queueHotPathRead`, so it leaves in the same Redis round trip as the auth checks. It reads
 *    two entries of the caller's tenant: the answer and the tenant's *generation* for the tag.
 * 2. The handler calls `serveCached(c, spec, load)`: a fresh entry whose generation matches is a
 *    hit; otherwise `load()` runs (MongoDB) and the answer is stored off the hot path
 *    (`runInBackground`) twice: a fresh copy (tagged, short-lived) and a stale copy (long-lived,
 *    not dropped by invalidation) kept for outages.
 * 3. When `load()` fails because a backend is unavailable, the outdated entry or the stale copy
 *    is served with `X-Cache: stale`; with neither, 503 problem+json.
 *
 * ## Why a generation as well as tags
 * Invalidation by tag alone loses a race: a read that loaded old data BEFORE a write can store
 * it AFTER the write's invalidation, and that old answer would then be served until its TTL. A
 * write therefore also replaces the tenant's generation (a random token, never reused); an entry
 * is a hit only if it was filled under the current generation, read in the same round trip.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { BackendUnavailableError, ValidationError } from '../errors.ts'
import type { Cache, CacheScope } from '../ports.ts'
import { queueHotPathRead, runInBackground } from './auth.ts'
import { errorFields } from './logger.ts'
import { ApiError, problems } from './problems.ts'
import type { AppEnv } from './types.ts'

type Ctx = Context<AppEnv>

/** What is stored for one answer. */
export interface CachedAnswer<T = unknown> {
  /** The JSON body. */
  v: T
  /** Strong ETag of the body (quoted). */
  etag: string
  /** When it was computed (ms epoch). */
  at: number
  /** The tag generation it was computed under (null: none set yet). */
  gen: string | null
}

/** A cacheable read: which tenant-scoped key it lives under and which tag drops it. */
export interface CacheableSpec {
  /** Tag (within the tenant) whose writes invalidate the answer, e.g. "uploads". */
  tag: string
  /**
   * The key within the tenant for this request, or null when the request cannot be cached
   * (e.g. its query is invalid: validation will answer). Must be cheap and synchronous.
   */
  key: (c: Ctx) => string | null
}

export interface CacheTimes {
  /** Lifetime of the fresh copy, seconds. */
  ttlSeconds: number
  /** Lifetime of the stale copy served during outages, seconds. */
  staleTtlSeconds: number
  /** `Cache-Control: private, max-age=` for clients, seconds. */
  maxAgeSeconds: number
}

interface Lookup {
  key: string
  tenantId: string
  result: Promise<{ entry: CachedAnswer | null; gen: string | null } | null>
}

const lookups = new WeakMap<Ctx, Lookup>()

/** Key of the tag's generation token within a tenant (never tagged: invalidation keeps it). */
export const generationKey = (tag: string) => `gen:${tag}`
const staleKey = (key: string) => `stale:${key}`
const staleTag = (tag: string) => `${tag}:stale`

/**
 * Route middleware that queues the cache read of this request into the auth round trip.
 * Wrap it in the gate's `prefetch()` and place it before requireAuth (see `cacheableRoute` in
 * src/routes/logs/logs.routes.ts) so it is queued before the flush; a read queued later still
 * works, in a round trip of its own.
 */
export function cacheLookup(spec: CacheableSpec): MiddlewareHandler<AppEnv> {
  return async function cacheLookup(c, next) {
    const key = spec.key(c)
    if (key !== null) {
      const { cache } = c.var.deps.backends
      const lookup: Lookup = { key, tenantId: '', result: Promise.resolve(null) }
      lookup.result = queueHotPathRead(c, (caller) => {
        if (!caller) return Promise.resolve(null)
        lookup.tenantId = caller.tenantId
        const scope: CacheScope = { tenantId: caller.tenantId }
        // Both commands are issued here, synchronously: one pipeline with the auth checks.
        const entry = cache.get<CachedAnswer>(scope, key)
        const gen = cache.get<string>(scope, generationKey(spec.tag))
        return Promise.all([entry, gen]).then(([e, g]) => ({ entry: e, gen: g }))
      }).catch((err: unknown) => {
        // A cache that cannot be read is a miss, never a failed request.
        c.var.deps.logger.warn('cache read failed', errorFields(err))
        return null
      })
      lookups.set(c, lookup)
    }
    await next()
  }
}

/** True for failures that mean "a backend cannot be reached right now" (→ 503 / stale answer). */
export function isBackendUnavailable(err: unknown): boolean {
  if (err instanceof BackendUnavailableError) return true
  if (!(err instanceof Error)) return false
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return true
  // fetch() network failures (connection refused, reset) surface as TypeError on every runtime.
  return err instanceof TypeError && /fetch failed|network|connect/i.test(err.message)
}

/**
 * Answers a cacheable GET: from the tenant's cache when fresh, else from `load()` (filling the
 * cache in the background), else — when the backend is unavailable — from a stale copy.
 * Sets ETag, Cache-Control, Vary and X-Cache; answers 304 to a matching If-None-Match.
 */
export async function serveCached<T>(c: Ctx, spec: CacheableSpec, tenantId: string, times: CacheTimes, load: () => Promise<T>): Promise<Response> {
  const { cache } = c.var.deps.backends
  const scope: CacheScope = { tenantId }
  let lookup = lookups.get(c)
  const key = lookup?.key ?? spec.key(c)
  if (key === null) {
    const v = await orUnavailable(load())
    return answer(c, { v, etag: await etagOf(v), at: Date.now(), gen: null }, 'miss', times)
  }
  // The lookup was keyed by the provisional caller; it must be this tenant's (it always is when
  // the session check passed, but a mismatch must never serve another tenant's entry).
  if (!lookup || lookup.key !== key) lookup = undefined
  const found = lookup ? await lookup.result : await readEntry(cache, scope, key, spec.tag)
  const usable = found && (!lookup || lookup.tenantId === tenantId) ? found : null
  const entry = usable?.entry ?? null
  const gen = usable?.gen ?? null
  if (entry && entry.gen === gen) return answer(c, entry, 'hit', times)

  let value: T
  try {
    value = await load()
  } catch (err) {
    if (!isBackendUnavailable(err)) throw storageFailure(err)
    const stale = entry ?? (await cache.get<CachedAnswer>(scope, staleKey(key)).catch(() => null))
    if (stale) {
      c.var.deps.logger.warn('serving a stale cached answer', { id: c.get('requestId'), ...errorFields(err) })
      return answer(c, stale, 'stale', times)
    }
    throw unavailable(err)
  }
  const fresh: CachedAnswer<T> = { v: value, etag: await etagOf(value), at: Date.now(), gen }
  runInBackground(
    c,
    Promise.all([
      cache.set(scope, key, fresh, { ttlSeconds: times.ttlSeconds, tags: [spec.tag] }),
      cache.set(scope, staleKey(key), fresh, { ttlSeconds: times.staleTtlSeconds, tags: [staleTag(spec.tag)] }),
    ]),
  )
  return answer(c, fresh, 'miss', times)
}

async function readEntry(cache: Cache, scope: CacheScope, key: string, tag: string) {
  try {
    const [entry, gen] = await Promise.all([cache.get<CachedAnswer>(scope, key), cache.get<string>(scope, generationKey(tag))])
    return { entry, gen }
  } catch {
    return null
  }
}

/**
 * Drops the tenant's cached answers for `tag` and starts a new generation, so a fill racing
 * with this write cannot bring an old answer back. Call after every write, awaited.
 */
export async function invalidateCached(cache: Cache, tenantId: string, tag: string, ttlSeconds: number): Promise<void> {
  const token = crypto.randomUUID()
  await Promise.all([
    cache.set({ tenantId }, generationKey(tag), token, { ttlSeconds }),
    cache.invalidateTags(tenantId, [tag]),
  ])
}

/** The 503 problem for a backend that cannot be reached. */
export function unavailable(cause?: unknown): ApiError {
  return problems.unavailable('The database is unreachable right now; try again shortly', cause)
}

/**
 * Awaits storage work, turning "backend unreachable" into 503 problem+json and a value the
 * repository refused (ValidationError: the HTTP schemas should have caught it) into 422 — never
 * a 500 for either.
 *
 * @example
 * const record = await orUnavailable(uploads.get(tenantId, uploadId))
 */
export async function orUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (err) {
    throw storageFailure(err)
  }
}

/** The API error for a storage failure (503 / 422), or the error itself when it is neither. */
function storageFailure(err: unknown): unknown {
  if (isBackendUnavailable(err)) return unavailable(err)
  if (err instanceof ValidationError) {
    return new ApiError(422, 'validation-failed', 'The request has invalid fields', {
      extensions: { errors: [{ path: err.field, code: 'invalid', message: err.message }] },
    })
  }
  return err
}

/** Strong ETag of a JSON value: quoted base64url of the first 16 bytes of its SHA-256. */
export async function etagOf(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16)
  const b64 = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `"${b64}"`
}

/** True when an If-None-Match header value matches the ETag (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  if (header.trim() === '*') return true
  return header.split(',').some((t) => bare(t) === bare(etag))
}

function answer(c: Ctx, entry: CachedAnswer, state: 'hit' | 'miss' | 'stale', times: CacheTimes): Response {
  const headers: Record<string, string> = {
    etag: entry.etag,
    // A stale answer must not be reused by the client: it is only better than an error now.
    'cache-control': state === 'stale' ? 'private, no-cache' : `private, max-age=${times.maxAgeSeconds}`,
    vary: 'Authorization',
    'x-cache': state,
  }
  if (state !== 'miss') headers.age = String(Math.max(0, Math.floor((Date.now() - entry.at) / 1000)))
  if (etagMatches(c.req.header('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers })
  return new Response(JSON.stringify(entry.v), { status: 200, headers: { 'content-type': 'application/json', ...headers } })
}
