/**
 * SessionStore on Redis. Layout (keys.ts; t = the tenant's hash tag `p:{tenant}`):
 *   t:s:<handle>   HASH   the record (handle = SHA-256 of the raw id); TTL = idle expiry
 *   t:su:<userId>  ZSET   the user's sessions, member handle, score = idle expiry (ms)
 *   t:su           ZSET   the tenant's users with sessions, score = their earliest expiry
 *   p:su-tenants   SET    tenants with sessions (cleanupExpired visits their registries)
 * Every operation is ONE script (atomic, one command): `rotateRefresh` as a compare-and-swap (that
 * also remembers the previous token for the reuse grace), the
 * rest because they keep record, index and registry in step. All keys of a script share the
 * tenant's slot; scripts that follow a user's index derive record keys from the index members.
 */
import type { Session, SessionInput, SessionStore, SessionTimes } from '../../ports.ts'
import { fieldMap, guard, lua, runScript, type UpstashContext } from './client.ts'
import { newSessionId, SESSION_ID_PATTERN, sessionHandle } from './common.ts'

/**
 * An index outlives its last session by this much, so cleanupExpired still finds (and counts)
 * what expired; Redis drops it by itself after that.
 */
const INDEX_GRACE_MS = 24 * 3600 * 1000

/** Lua helpers: maintain (prune an index, TTL past its latest expiry, registry score = earliest), sweep, alive. */
const SESSION_LUA = `
local function maintain(idx, reg, user, now)
  redis.call('ZREMRANGEBYSCORE', idx, '-inf', now)
  local first = redis.call('ZRANGE', idx, 0, 0, 'WITHSCORES')
  if #first == 0 then
    redis.call('ZREM', reg, user)
    redis.call('DEL', idx)
    return
  end
  local last = redis.call('ZRANGE', idx, -1, -1, 'WITHSCORES')
  redis.call('PEXPIRE', idx, math.max(1, tonumber(last[2]) - now) + ${INDEX_GRACE_MS})
  redis.call('ZADD', reg, first[2], user)
end
-- Visits up to n users whose earliest session has expired: prunes their index (and registry entry).
local function sweep(reg, idxPrefix, now, n)
  local removed = 0
  local users = redis.call('ZRANGEBYSCORE', reg, '-inf', now, 'LIMIT', 0, n)
  for _, u in ipairs(users) do
    local idx = idxPrefix .. u
    removed = removed + redis.call('ZREMRANGEBYSCORE', idx, '-inf', now)
    maintain(idx, reg, u, now)
  end
  return { removed, #users }
end
local function alive(exp, abs, now)
  return exp and abs and tonumber(exp) > now and tonumber(abs) > now
end
`

// KEYS rec idx reg · ARGV now exp handle userId idxPrefix field value ...
// Each sign-in also sweeps a few other users' expired entries, so the registry stays bounded
// even when nobody schedules cleanupExpired.
const CREATE = lua(`${SESSION_LUA}
local now = tonumber(ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(ARGV[2]) - now))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
maintain(KEYS[2], KEYS[3], ARGV[4], now)
sweep(KEYS[3], ARGV[5], now, 10)
return 1`)

// KEYS rec
const GET = lua(`return redis.call('HGETALL', KEYS[1])`)

// KEYS rec reg · ARGV now idleMs idxPrefix   (the index key derives from the record's user)
const TOUCH = lua(`${SESSION_LUA}
local now = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'exp', 'abs', 'user', 'handle', 'userkey')
if not alive(v[1], v[2], now) then return false end
local exp = math.min(now + tonumber(ARGV[2]), tonumber(v[2]))
redis.call('HSET', KEYS[1], 'exp', string.format('%.0f', exp), 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.max(1, exp - now))
local idx = ARGV[3] .. v[5]
redis.call('ZADD', idx, exp, v[4])
maintain(idx, KEYS[2], v[5], now)
return redis.call('HGETALL', KEYS[1])`)

// KEYS rec · ARGV now forgetRotation field value ...  (a refresh hash set outright ends any reuse grace)
const UPDATE = lua(`
local now = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'exp', 'abs')
if not (v[1] and v[2] and tonumber(v[1]) > now and tonumber(v[2]) > now) then return false end
if ARGV[2] == '1' then redis.call('HDEL', KEYS[1], 'rprev', 'rnonce', 'rat') end
if #ARGV > 2 then redis.call('HSET', KEYS[1], unpack(ARGV, 3)) end
return redis.call('HGETALL', KEYS[1])`)

// KEYS rec · ARGV now presented next nonce graceMs → {0} missing, {1} reused, {2} rotated, {3, nonce} replayed
// Fields: refresh (current hash), rprev (the one it replaced), rnonce (what refresh was derived with), rat (when).
const ROTATE = lua(`
local now = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'exp', 'abs', 'refresh', 'rprev', 'rnonce', 'rat')
if not (v[1] and v[2] and tonumber(v[1]) > now and tonumber(v[2]) > now) then return { 0 } end
if v[3] == ARGV[2] then
  redis.call('HSET', KEYS[1], 'refresh', ARGV[3], 'rprev', ARGV[2], 'rnonce', ARGV[4], 'rat', ARGV[1])
  return { 2 }
end
if v[4] and v[4] == ARGV[2] and v[5] and v[6] and now - tonumber(v[6]) < tonumber(ARGV[5]) then return { 3, v[5] } end
return { 1 }`)

// KEYS idx · ARGV now recPrefix field value ... → how many live sessions were changed
const UPDATE_USER = lua(`
local now = tonumber(ARGV[1])
local n = 0
for _, h in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')) do
  local rec = ARGV[2] .. h
  local v = redis.call('HMGET', rec, 'exp', 'abs')
  if v[1] and v[2] and tonumber(v[1]) > now and tonumber(v[2]) > now then
    redis.call('HSET', rec, unpack(ARGV, 3))
    n = n + 1
  end
end
return n`)

// KEYS idx reg · ARGV now recPrefix userId
const LIST = lua(`${SESSION_LUA}
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local out = {}
for _, h in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local r = redis.call('HGETALL', ARGV[2] .. h)
  if #r == 0 then redis.call('ZREM', KEYS[1], h) else out[#out + 1] = r end
end
maintain(KEYS[1], KEYS[2], ARGV[3], now)
return out`)

// KEYS idx reg · ARGV now recPrefix userId keep... (revokeAll) — or with ARGV[4] = the only handle (revoke)
const REVOKE = lua(`${SESSION_LUA}
local now = tonumber(ARGV[1])
local only = ARGV[4] == '1'
local keep = {}
local targets
if only then
  targets = { ARGV[5] }
else
  for i = 5, #ARGV do keep[ARGV[i]] = true end
  targets = redis.call('ZRANGE', KEYS[1], 0, -1)
end
local n = 0
for _, h in ipairs(targets) do
  if not keep[h] and redis.call('ZREM', KEYS[1], h) == 1 then
    local rec = ARGV[2] .. h
    local v = redis.call('HMGET', rec, 'exp', 'abs')
    if alive(v[1], v[2], now) then n = n + 1 end
    redis.call('DEL', rec)
  end
end
maintain(KEYS[1], KEYS[2], ARGV[3], now)
return n`)

// KEYS reg · ARGV now idxPrefix batch → {removed index entries, users visited, users left}
const CLEANUP = lua(`${SESSION_LUA}
local r = sweep(KEYS[1], ARGV[2], tonumber(ARGV[1]), tonumber(ARGV[3]))
return { r[1], r[2], redis.call('ZCARD', KEYS[1]) }`)

const CLEANUP_BATCH = 200

/** Builds the Redis-backed SessionStore. */
export function createUpstashSessions(ctx: UpstashContext, times: SessionTimes): SessionStore {
  const { redis, keys } = ctx
  const idleMs = times.idleSeconds * 1000
  const lifeMs = times.maxLifetimeSeconds * 1000
  /** The index's key minus the tenant's prefix part that scripts append the user to. */
  const indexPrefix = (t: string) => keys.sessionIndex(t, '')
  const userPart = (t: string, userId: string) => keys.sessionIndex(t, userId).slice(indexPrefix(t).length)

  /** The record's key for a raw id, or null when the id cannot be one of ours. */
  const recFor = (t: string, id: string) => (typeof id === 'string' && SESSION_ID_PATTERN.test(id) ? keys.session(t, sessionHandle(id)) : null)

  return {
    async create(input: SessionInput) {
      const id = newSessionId()
      const handle = sessionHandle(id)
      const now = Date.now()
      const session: Session = {
        ...input,
        handle,
        createdAt: now,
        lastActiveAt: now,
        expiresAt: Math.min(now + idleMs, now + lifeMs),
        absoluteExpiresAt: now + lifeMs,
      }
      const t = input.tenantId
      const created = runScript(
        redis,
        CREATE,
        [keys.session(t, handle), keys.sessionIndex(t, input.userId), keys.sessionRegistry(t)],
        [now, session.expiresAt, handle, userPart(t, input.userId), indexPrefix(t), ...toFields(session, userPart(t, input.userId))],
      )
      await Promise.all([created, guard(redis.sadd(keys.sessionTenants, t))])
      return { id, session }
    },

    async get(t, id) {
      const key = recFor(t, id)
      if (!key) return null
      return fromFields(await runScript(redis, GET, [key], []), Date.now())
    },

    async touch(t, id) {
      const key = recFor(t, id)
      if (!key) return null
      const now = Date.now()
      return fromFields(await runScript(redis, TOUCH, [key, keys.sessionRegistry(t)], [now, idleMs, indexPrefix(t)]), now)
    },

    async update(t, id, patch) {
      const key = recFor(t, id)
      if (!key) return null
      const now = Date.now()
      const forget = patch.refreshHash !== undefined ? '1' : '0'
      return fromFields(await runScript(redis, UPDATE, [key], [now, forget, ...patchFields(patch)]), now)
    },

    async rotateRefresh(t, id, r) {
      const key = recFor(t, id)
      if (!key) return { outcome: 'missing' }
      const [code, nonce] = await runScript<[number, string?]>(redis, ROTATE, [key], [Date.now(), r.presented, r.next, r.nonce, Math.max(0, r.graceMs)])
      if (Number(code) === 2) return { outcome: 'rotated' }
      if (Number(code) === 3 && nonce) return { outcome: 'replayed', nonce: String(nonce) }
      return Number(code) === 1 ? { outcome: 'reused' } : { outcome: 'missing' }
    },

    async list(t, userId) {
      const now = Date.now()
      const rows = await runScript<unknown[]>(
        redis,
        LIST,
        [keys.sessionIndex(t, userId), keys.sessionRegistry(t)],
        [now, keys.sessionPrefix(t), userPart(t, userId)],
      )
      return (rows ?? [])
        .map((r) => fromFields(r, now))
        .filter((s): s is Session => s !== null && s.userId === userId && s.tenantId === t)
        .sort((a, b) => b.createdAt - a.createdAt || (a.handle < b.handle ? -1 : 1))
    },

    async updateUser(t, userId, patch) {
      const fields = patchFields(patch)
      if (fields.length === 0) return 0
      return Number(await runScript<number>(redis, UPDATE_USER, [keys.sessionIndex(t, userId)], [Date.now(), keys.sessionPrefix(t), ...fields]))
    },

    async revoke(t, userId, handle) {
      const n = await runScript<number>(
        redis,
        REVOKE,
        [keys.sessionIndex(t, userId), keys.sessionRegistry(t)],
        [Date.now(), keys.sessionPrefix(t), userPart(t, userId), '1', handle],
      )
      return n > 0
    },

    async revokeAll(t, userId, exceptHandles = []) {
      return runScript<number>(
        redis,
        REVOKE,
        [keys.sessionIndex(t, userId), keys.sessionRegistry(t)],
        [Date.now(), keys.sessionPrefix(t), userPart(t, userId), '0', ...exceptHandles],
      )
    },

    async cleanupExpired() {
      let total = 0
      const tenants = (await guard(redis.smembers(keys.sessionTenants))) as string[]
      for (const t of tenants) {
        for (;;) {
          const [removed, visited, left] = await runScript<[number, number, number]>(
            redis,
            CLEANUP,
            [keys.sessionRegistry(t)],
            [Date.now(), indexPrefix(t), CLEANUP_BATCH],
          )
          total += removed
          if (left === 0) await guard(redis.srem(keys.sessionTenants, t))
          if (visited < CLEANUP_BATCH) break
        }
      }
      return total
    },

    async ping() {
      await guard(redis.ping())
    },
  }
}

/** Hash fields of a patch (update, updateUser). */
function patchFields(patch: Partial<Pick<Session, 'refreshHash' | 'data' | 'device' | 'role' | 'hourlyLimit'>>): string[] {
  const fields: string[] = []
  if (patch.refreshHash !== undefined) fields.push('refresh', patch.refreshHash)
  if (patch.role !== undefined) fields.push('role', patch.role)
  if (patch.hourlyLimit !== undefined) fields.push('hourly', String(patch.hourlyLimit))
  if (patch.device !== undefined) fields.push('device', patch.device)
  if (patch.data !== undefined) fields.push('data', JSON.stringify(patch.data))
  return fields
}

/** The record as hash fields (optional ones only when present); `userkey` names the user's index. */
function toFields(s: Session, userKey: string): string[] {
  const f = ['handle', s.handle, 'user', s.userId, 'userkey', userKey, 'tenant', s.tenantId, 'role', s.role]
  if (s.hourlyLimit !== undefined) f.push('hourly', String(s.hourlyLimit))
  if (s.device !== undefined) f.push('device', s.device)
  if (s.ip !== undefined) f.push('ip', s.ip)
  if (s.userAgent !== undefined) f.push('ua', s.userAgent)
  if (s.refreshHash !== undefined) f.push('refresh', s.refreshHash)
  if (s.data !== undefined) f.push('data', JSON.stringify(s.data))
  f.push('created', String(s.createdAt), 'last', String(s.lastActiveAt), 'exp', String(s.expiresAt), 'abs', String(s.absoluteExpiresAt))
  return f
}

/** Parses a record; null when absent or no longer alive (Redis TTLs use Redis' clock, we check ours too). */
export function fromFields(flat: unknown, now: number): Session | null {
  const m = fieldMap(flat)
  const handle = m.get('handle')
  if (!handle) return null
  const expiresAt = Number(m.get('exp'))
  const absoluteExpiresAt = Number(m.get('abs'))
  if (!(expiresAt > now && absoluteExpiresAt > now)) return null
  const s: Session = {
    handle,
    userId: m.get('user') ?? '',
    tenantId: m.get('tenant') ?? '',
    role: (m.get('role') ?? 'viewer') as Session['role'],
    createdAt: Number(m.get('created')),
    lastActiveAt: Number(m.get('last')),
    expiresAt,
    absoluteExpiresAt,
  }
  const device = m.get('device')
  const ip = m.get('ip')
  const ua = m.get('ua')
  const refresh = m.get('refresh')
  const data = m.get('data')
  const hourly = m.get('hourly')
  if (hourly !== undefined && Number.isFinite(Number(hourly))) s.hourlyLimit = Number(hourly)
  if (device !== undefined) s.device = device
  if (ip !== undefined) s.ip = ip
  if (ua !== undefined) s.userAgent = ua
  if (refresh !== undefined) s.refreshHash = refresh
  if (data !== undefined) s.data = JSON.parse(data) as Record<string, unknown>
  return s
}
