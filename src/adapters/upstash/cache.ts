/**
 * Cache on Redis with generations instead of tag sets (all under the tenant's hash tag):
 *   t:c:e:<entryId>   HASH  v = the JSON value, plus one field per generation the entry depends
 *                           on (field = generation key, value = the generation it was computed under)
 *   t:c:g:<tagId>     STR   a tag's generation;  t:c:g:<userId> — a user's generation (clearUser)
 * Invalidating a tag (or clearing a user) is one INCR: O(1), no member lists, no KEYS/SCAN. An
 * entry is a hit only when it records exactly the generations asked for and each is current; a
 * read answers the generations it saw (the stamp), and a fill records THOSE, so a value computed
 * before an invalidation that lands after it is never served.
 * Safety: a generation key lives at least as long as every entry that records it (SET extends it,
 * an invalidation creates it for GENERATION_TTL_MS), so it cannot vanish and restart at 0 early.
 * Entry ids are SHA-256 of [tenant, user, key], so tenants never share an entry.
 */
import type { Cache, CacheScope } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { cacheEntryId, cacheTagId, cacheUserId } from './common.ts'

/** How long a generation outlives its last invalidation (entries extend it further when longer). */
const GENERATION_TTL_MS = 7 * 24 * 3600 * 1000

// KEYS entry gen... → { value or false, current generations... }
const GET = lua(`
local gens = {}
local out = { false }
for i = 2, #KEYS do
  gens[KEYS[i]] = redis.call('GET', KEYS[i]) or '0'
  out[i] = gens[KEYS[i]]
end
local e = redis.call('HGETALL', KEYS[1])
if #e == 0 then return out end
local v = false
local seen = 0
for i = 1, #e, 2 do
  if e[i] == 'v' then
    v = e[i + 1]
  elseif gens[e[i]] == e[i + 1] then
    seen = seen + 1
  else
    redis.call('DEL', KEYS[1])
    return out
  end
end
if seen ~= #KEYS - 1 then return out end
out[1] = v
return out`)

// KEYS entry gen... · ARGV value ttlMs [recorded generation per gen key...]
const SET = lua(`
local ttl = tonumber(ARGV[2])
local fields = { 'v', ARGV[1] }
for i = 2, #KEYS do
  local g = ARGV[i + 1]
  local cur = redis.call('GET', KEYS[i])
  if not g then g = cur or '0' end
  if cur and redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
  fields[#fields + 1] = KEYS[i]
  fields[#fields + 1] = g
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`)

// KEYS gen... · ARGV minimum ttlMs — creates a missing generation, so a read that saw none goes stale
const BUMP = lua(`
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
return 1`)

/** Builds the Redis-backed Cache. */
export function createUpstashCache(ctx: UpstashContext): Cache {
  const { redis, keys } = ctx
  const entry = (scope: CacheScope, key: string) => keys.cacheEntry(scope.tenantId, cacheEntryId(scope, key))
  /** The generation keys an entry depends on: its tags', and its user's for per-user entries. */
  const generations = (scope: CacheScope, tags: string[] = []) => {
    const gens = [...new Set(tags)].map((t) => keys.cacheGeneration(scope.tenantId, cacheTagId(scope.tenantId, t)))
    if (scope.userId !== undefined) gens.push(keys.cacheGeneration(scope.tenantId, cacheUserId(scope.tenantId, scope.userId)))
    return gens
  }

  return {
    get<T>(scope: CacheScope, key: string, tags?: string[]) {
      const gens = generations(scope, tags)
      return runScript<unknown[]>(redis, GET, [entry(scope, key), ...gens], []).then((out) => {
        const raw = out[0]
        const value = raw === null || raw === undefined || raw === false ? null : (JSON.parse(String(raw)) as T)
        return { value, stamp: JSON.stringify(out.slice(1).map(String)) }
      })
    },

    async set(scope, key, value, options) {
      if (value === undefined) return
      const gens = generations(scope, options.tags)
      const ttlMs = Math.max(1, Math.ceil(options.ttlSeconds * 1000))
      const stamp = parseStamp(options.stamp, gens.length)
      await runScript(redis, SET, [entry(scope, key), ...gens], [JSON.stringify(value), ttlMs, ...stamp])
    },

    async delete(scope, key) {
      await guard(redis.del(entry(scope, key)))
    },

    async invalidateTags(tenantId, tags) {
      if (tags.length === 0) return
      await runScript(redis, BUMP, generations({ tenantId }, tags), [GENERATION_TTL_MS])
    },

    async clearUser(tenantId, userId) {
      await runScript(redis, BUMP, generations({ tenantId, userId }), [GENERATION_TTL_MS])
    },

    async ping() {
      await guard(redis.ping())
    },
  }
}

/** A stamp's generations when it fits the entry's generation keys; none (record current) otherwise. */
export function parseStamp(stamp: string | undefined, count: number): string[] {
  if (stamp === undefined) return []
  try {
    const list = JSON.parse(stamp) as unknown
    return Array.isArray(list) && list.length === count && list.every((g) => typeof g === 'string') ? (list as string[]) : []
  } catch {
    return []
  }
}
