/**
 * Cached GET answers of a tenant, over the one cache service (services/cache.ts): the lookup as
 * a round-trip read the route declares (so a hit costs no extra round trip), ETag /
 * If-None-Match, Cache-Control, `X-Cache: hit|miss|stale`, and stale answers while MongoDB is
 * unreachable.
 *
 * @example
 * // route: apiRoute({...}, { access: 'signed-in', reads: [listCache.read] })
 * // handler: return serveCached(c, listCache, principal.tenantId, () => service.list(...))
 */
import type { CacheRead } from '../ports.ts'
import { type CachedItem, lookupCached, readThrough } from '../services/cache.ts'
import { deferOf } from './background.ts'
import type { Claim } from './identity.ts'
import { type TripRead, tripRead } from './round-trip.ts'
import type { Ctx } from './types.ts'

/** What is stored for one answer: the JSON body and its strong ETag. */
interface CachedAnswer<T = unknown> {
  v: T
  etag: string
  /** When it was computed (ms epoch). */
  at: number
}

/** A cacheable read of a tenant: its tag (invalidated by the tenant's writes) and key. */
export interface CacheableGet {
  read: TripRead<CacheRead<CachedAnswer> | null>
  tag: string
  /** The key within the tenant for this request, or null when it cannot be cached (invalid query). */
  key: (c: Ctx) => string | null
}

/** Clients may reuse an answer this long; the server-side copy is invalidated on writes instead. */
const CLIENT_MAX_AGE_SECONDS = 10
/** A stale copy for outages outlives the fresh one by this much at least. */
const STALE_MIN_SECONDS = 24 * 3600

const itemOf = (tenantId: string, tag: string, key: string): CachedItem => ({ scope: { tenantId }, key, tags: [tag] })

/** Declares a cacheable GET: put `spec.read` in the route's `reads` so the lookup joins the round trip. */
export function cacheableGet(name: string, tag: string, key: (c: Ctx) => string | null): CacheableGet {
  const read = tripRead(`cache:${name}`, (c: Ctx, claim: Claim) => {
    const k = key(c)
    if (k === null) return Promise.resolve(null)
    return lookupCached<CachedAnswer>(c.var.deps.backends.cache, itemOf(claim.tenantId, tag, k), c.var.deps.logger)
  })
  return { read, tag, key }
}

/**
 * Answers a cacheable GET from the tenant's cache when fresh, else from `load()` (filling the
 * cache in the background), else — backend unavailable — from a stale copy. 304 to a matching
 * If-None-Match.
 */
export async function serveCached<T>(c: Ctx, spec: CacheableGet, tenantId: string, load: () => Promise<T>): Promise<Response> {
  const { cache } = c.var.deps.backends
  const { config, logger } = c.var.deps
  const key = spec.key(c)
  const compute = async (): Promise<CachedAnswer<T>> => {
    const v = await load()
    return { v, etag: await etagOf(v), at: Date.now() }
  }
  if (key === null) return answer(c, await compute(), 'miss')
  const ttlSeconds = config.CACHE_EXPIRE_MINUTES * 60
  // The round trip's lookup was keyed by the token's tenant; the principal's is the same (checked).
  const lookup = c.var.trip ? (c.var.trip.read(spec.read) as Promise<CacheRead<CachedAnswer<T>> | null>) : undefined
  const served = await readThrough<CachedAnswer<T>>({
    cache,
    logger,
    item: itemOf(tenantId, spec.tag, key),
    ttlSeconds,
    staleTtlSeconds: Math.max(STALE_MIN_SECONDS, ttlSeconds * 4),
    ...(lookup ? { lookup } : {}),
    load: compute,
    defer: deferOf(c),
  })
  return answer(c, served.value, served.state)
}

/** Strong ETag of a JSON value: quoted base64url of the first 16 bytes of its SHA-256. */
async function etagOf(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16)
  const b64 = btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  return `"${b64}"`
}

/** True when an If-None-Match header value matches the ETag (weak comparison, RFC 9110 13.1.2). */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  if (header.trim() === '*') return true
  return header.split(',').some((t) => bare(t) === bare(etag))
}

/**
 * Bodies already serialised, by answer object: a cache that hands out the same object on every
 * hit (the embedded one does) is answered without serialising it again.
 */
const bodies = new WeakMap<CachedAnswer, string>()

function bodyOf(entry: CachedAnswer): string {
  let body = bodies.get(entry)
  if (body === undefined) {
    body = JSON.stringify(entry.v)
    bodies.set(entry, body)
  }
  return body
}

function answer(c: Ctx, entry: CachedAnswer, state: 'hit' | 'miss' | 'stale'): Response {
  const headers: Record<string, string> = {
    etag: entry.etag,
    // A stale answer must not be reused by the client: it is only better than an error now.
    'cache-control': state === 'stale' ? 'private, no-cache' : `private, max-age=${CLIENT_MAX_AGE_SECONDS}`,
    vary: 'Authorization',
    'x-cache': state,
  }
  if (state !== 'miss') headers.age = String(Math.max(0, Math.floor((Date.now() - entry.at) / 1000)))
  if (etagMatches(c.req.header('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers })
  return new Response(bodyOf(entry), { status: 200, headers: { 'content-type': 'application/json', ...headers } })
}
