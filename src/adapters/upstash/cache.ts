/**
 * Cache on Redis with generation counters instead of tag sets:
 *   p:c:e:<entryId>   HASH  v = the JSON value, plus one field per generation the entry depends
 *                           on (field = generation key, value = the generation seen at write time)
 *   p:c:g:<tagId>     STR   a tenant tag's generation;  p:c:g:<userId> — a user's generation
 * Invalidating a tag (or clearing a user) is one INCR: O(1), no member lists, no KEYS/SCAN. An
 * entry whose recorded generation differs is stale: `get` deletes it and answers a miss.
 * Safety: a generation key is created with, and extended to, at least the TTL of every entry that
 * records it — so it cannot vanish (and restart at 0) while such an entry is alive.
 * Entry ids are SHA-256 of [tenant, user, key], so tenants never share an entry.
 */
import type { Cache, CacheScope } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { cacheEntryId, cacheTagId, cacheUserId } from './common.ts'

// KEYS entry · → the value, or false (missing or stale)
const GET = lua(`
local e = redis.call('HGETALL', KEYS[1])
if #e == 0 then return false end
local v = false
for i = 1, #e, 2 do
  if e[i] == 'v' then
    v = e[i + 1]
  elseif (redis.call('GET', e[i]) or '0') ~= e[i + 1] then
    redis.call('DEL', KEYS[1])
    return false
  end
end
return v`)

// KEYS entry gen... · ARGV value ttlMs
const SET = lua(`
local ttl = tonumber(ARGV[2])
local fields = { 'v', ARGV[1] }
for i = 2, #KEYS do
  local g = redis.call('GET', KEYS[i])
  if not g then
    g = '0'
    redis.call('SET', KEYS[i], g, 'PX', ttl)
  elseif redis.call('PTTL', KEYS[i]) < ttl then
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
  fields[#fields + 1] = KEYS[i]
  fields[#fields + 1] = g
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`)

// KEYS gen... — a generation that does not exist has no live entry to invalidate
const BUMP = lua(`
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCR', KEYS[i]) end
end
return 1`)

/** Builds the Redis-backed Cache. */
export function createUpstashCache(ctx: UpstashContext): Cache {
  const { redis, prefix } = ctx
  const entry = (id: string) => `${prefix}:c:e:${id}`
  const gen = (id: string) => `${prefix}:c:g:${id}`

  return {
    async get<T>(scope: CacheScope, key: string) {
      const raw = await runScript<string | null>(redis, GET, [entry(cacheEntryId(scope, key))], [])
      return raw === null || raw === undefined ? null : (JSON.parse(raw) as T)
    },

    async set(scope, key, value, options) {
      if (value === undefined) return
      const gens = (options.tags ?? []).map((t) => gen(cacheTagId(scope.tenantId, t)))
      if (scope.userId !== undefined) gens.push(gen(cacheUserId(scope.tenantId, scope.userId)))
      const ttlMs = Math.max(1, Math.ceil(options.ttlSeconds * 1000))
      await runScript(redis, SET, [entry(cacheEntryId(scope, key)), ...new Set(gens)], [JSON.stringify(value), ttlMs])
    },

    async delete(scope, key) {
      await guard(redis.del(entry(cacheEntryId(scope, key))))
    },

    async invalidateTags(tenantId, tags) {
      if (tags.length === 0) return
      await runScript(redis, BUMP, [...new Set(tags)].map((t) => gen(cacheTagId(tenantId, t))), [])
    },

    async clearUser(tenantId, userId) {
      await runScript(redis, BUMP, [gen(cacheUserId(tenantId, userId))], [])
    },

    async ping() {
      await guard(redis.ping())
    },
  }
}
