/**
 * The session index on Redis: which sessions a user has, and which users a tenant has with
 * sessions (layout in sessions.ts). Cluster-safe: EVERY script receives every key it touches in
 * KEYS — Redis Cluster, Valkey cluster and Dragonfly may refuse a key a script did not declare.
 * All keys of a tenant share its hash tag, so these multi-key scripts stay in one slot.
 *
 * Record keys that are only known from the index (list, revokeAll, updateUser), the index key
 * that is only known from the record (touch) and other users' indexes found in the registry
 * (the sweep) therefore take two steps: a declared read, then a script whose KEYS are what that
 * read named. The script re-checks what it relies on (membership, liveness, the record's user)
 * so a change in between cannot corrupt the index, and revokeAll/updateUser repeat for members
 * that appeared meanwhile, so they cover the index as it is when they finish, as one script did.
 *
 * Index scores are exact: every script that moves a record's idle expiry writes its score in the
 * same script. That is what lets the sweep drop entries by score alone, without their records.
 */
import { BackendUnavailableError } from '../../errors.ts'
import { lua, runScript, type UpstashContext } from './client.ts'

/**
 * An index outlives its last session by this much, so cleanupExpired still finds (and counts)
 * what expired; Redis drops it by itself after that.
 */
const INDEX_GRACE_MS = 24 * 3600 * 1000

/** Lua helpers: maintain (prune an index, TTL past its latest expiry, registry score = earliest), alive. */
const INDEX_LUA = `
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
local function alive(exp, abs, now)
  return exp and abs and tonumber(exp) > now and tonumber(abs) > now
end
`

// KEYS rec idx reg · ARGV now exp handle user due field value ... → up to `due` users whose
// earliest session has expired (the caller sweeps them: they are keys this script did not get).
const CREATE = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(ARGV[2]) - now))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
maintain(KEYS[2], KEYS[3], ARGV[4], now)
return redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, ARGV[5])`)

// KEYS reg idx... · ARGV now n user... (one per idx) → { removed index entries, users left, next n due }
// With no idx it only reads what is due (cleanupExpired's first step).
// Dropping by score is safe whatever happened since the read: scores are exact (see the top).
const SWEEP = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
local removed = 0
for i = 2, #KEYS do
  removed = removed + redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  maintain(KEYS[i], KEYS[1], ARGV[i + 1], now)
end
local out = { removed, redis.call('ZCARD', KEYS[1]) }
for _, u in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, ARGV[2])) do out[#out + 1] = u end
return out`)

// KEYS rec · ARGV now → the record's user part (names its index) while it is alive, else false
const OWNER = lua(`
local now = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'exp', 'abs', 'userkey')
if v[1] and v[2] and v[3] and tonumber(v[1]) > now and tonumber(v[2]) > now then return v[3] end
return false`)

// KEYS rec idx reg · ARGV now idleMs user — the index is the one OWNER named; re-checked here.
const TOUCH = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'exp', 'abs', 'handle', 'userkey')
if not alive(v[1], v[2], now) or v[4] ~= ARGV[3] then return false end
local exp = math.min(now + tonumber(ARGV[2]), tonumber(v[2]))
redis.call('HSET', KEYS[1], 'exp', string.format('%.0f', exp), 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.max(1, exp - now))
redis.call('ZADD', KEYS[2], exp, v[3])
maintain(KEYS[2], KEYS[3], ARGV[3], now)
return redis.call('HGETALL', KEYS[1])`)

// KEYS idx reg · ARGV now user → the index's members once pruned (the first step of list,
// revokeAll and updateUser: it does their housekeeping, so an empty answer needs no second step)
const MEMBERS = lua(`${INDEX_LUA}
maintain(KEYS[1], KEYS[2], ARGV[2], tonumber(ARGV[1]))
return redis.call('ZRANGE', KEYS[1], 0, -1)`)

// KEYS idx reg rec... · ARGV now user handle... (ARGV[i] is the handle of KEYS[i]) → records
const LIST = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local out = {}
for i = 3, #KEYS do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    local r = redis.call('HGETALL', KEYS[i])
    if #r == 0 then redis.call('ZREM', KEYS[1], ARGV[i]) else out[#out + 1] = r end
  end
end
maintain(KEYS[1], KEYS[2], ARGV[2], now)
return out`)

// KEYS idx reg rec... · ARGV now user report handle... (ARGV[i + 1] is the handle of KEYS[i]) keep...
// → { live sessions revoked, then (report = '1') the members left that are not kept }
const REVOKE = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
local keep = {}
for i = #KEYS + 2, #ARGV do keep[ARGV[i]] = true end
local n = 0
for i = 3, #KEYS do
  local h = ARGV[i + 1]
  if not keep[h] and redis.call('ZREM', KEYS[1], h) == 1 then
    local v = redis.call('HMGET', KEYS[i], 'exp', 'abs')
    if alive(v[1], v[2], now) then n = n + 1 end
    redis.call('DEL', KEYS[i])
  end
end
maintain(KEYS[1], KEYS[2], ARGV[2], now)
local out = { n }
if ARGV[3] == '1' then
  for _, h in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    if not keep[h] then out[#out + 1] = h end
  end
end
return out`)

// KEYS idx rec... · ARGV now f field value ... (f of them) handle... (ARGV[f + i + 1] is the handle
// of KEYS[i]) → { live sessions changed, then the live members }
const UPDATE_USER = lua(`${INDEX_LUA}
local now = tonumber(ARGV[1])
local f = tonumber(ARGV[2])
local n = 0
for i = 2, #KEYS do
  if redis.call('ZSCORE', KEYS[1], ARGV[f + i + 1]) then
    local v = redis.call('HMGET', KEYS[i], 'exp', 'abs')
    if alive(v[1], v[2], now) then
      redis.call('HSET', KEYS[i], unpack(ARGV, 3, 2 + f))
      n = n + 1
    end
  end
end
local out = { n }
for _, h in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do out[#out + 1] = h end
return out`)

/** Other users' expired entries a sign-in sweeps, so the registry stays bounded without cleanupExpired. */
const SWEEP_ON_CREATE = 10
const CLEANUP_BATCH = 200
/** revokeAll / updateUser follow members that appear while they run at most this often. */
const MAX_ROUNDS = 16
/** Session handles are SHA-256 hex; anything else names no record. */
const HANDLE = /^[0-9a-f]{64}$/

/** The index operations of the Redis SessionStore; record fields are the store's business. */
export function createSessionIndex(ctx: UpstashContext) {
  const { redis, keys } = ctx
  /** The index's key minus the tenant's prefix part that scripts append the user to. */
  const indexPrefix = (t: string) => keys.sessionIndex(t, '')
  const userPart = (t: string, userId: string) => keys.sessionIndex(t, userId).slice(indexPrefix(t).length)
  const rec = (t: string, handle: string) => keys.session(t, handle)
  const members = async (t: string, userId: string) =>
    (await runScript<unknown[]>(redis, MEMBERS, [keys.sessionIndex(t, userId), keys.sessionRegistry(t)], [Date.now(), userPart(t, userId)])).map(String)

  /** Sweeps `users` (registry members), then batch by batch those due after them (none when batch is 0). */
  const sweep = async (t: string, users: string[], batch: number) => {
    const reg = keys.sessionRegistry(t)
    let removed = 0
    let left = 0
    let due = users
    do {
      const out = await runScript<unknown[]>(redis, SWEEP, [reg, ...due.map((u) => indexPrefix(t) + u)], [Date.now(), batch, ...due])
      removed += Number(out[0])
      left = Number(out[1])
      due = out.slice(2).map(String)
    } while (due.length > 0)
    return { removed, left }
  }

  /**
   * Runs `step` on the handles first read, then on members it reports that no earlier round saw
   * (a sign-in in between), until none is new.
   */
  const untilSettled = async (first: string[], step: (handles: string[]) => Promise<unknown[]>): Promise<number> => {
    const seen = new Set<string>()
    let total = 0
    for (let next = first, round = 0; next.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new BackendUnavailableError('redis', 'error', 'the session index kept changing')
      for (const h of next) seen.add(h)
      const out = await step(next)
      total += Number(out[0])
      next = out
        .slice(1)
        .map(String)
        .filter((h) => !seen.has(h))
    }
    return total
  }

  return {
    userPart,

    /** Writes the record and indexes it (one script), then sweeps the users the script found due. */
    async create(t: string, userId: string, handle: string, now: number, expiresAt: number, fields: string[]) {
      const user = userPart(t, userId)
      const created = runScript<string[]>(
        redis,
        CREATE,
        [rec(t, handle), keys.sessionIndex(t, userId), keys.sessionRegistry(t)],
        [now, expiresAt, handle, user, SWEEP_ON_CREATE, ...fields],
      )
      const due = (await created).map(String).filter((u) => u !== user)
      // Housekeeping: a failure here must not fail the sign-in; cleanupExpired sweeps later.
      if (due.length > 0) await sweep(t, due, 0).catch(() => undefined)
    },

    /** Slides a live record's idle expiry and its index score: the record's raw HGETALL, or null. */
    async touch(t: string, key: string, idleMs: number): Promise<unknown> {
      const user = await runScript<unknown>(redis, OWNER, [key], [Date.now()])
      if (typeof user !== 'string') return null
      return runScript(redis, TOUCH, [key, indexPrefix(t) + user, keys.sessionRegistry(t)], [Date.now(), idleMs, user])
    },

    /** The raw records (HGETALL replies) of the user's live index entries. */
    async list(t: string, userId: string): Promise<unknown[]> {
      const handles = await members(t, userId)
      if (handles.length === 0) return []
      const idx = keys.sessionIndex(t, userId)
      const args = [Date.now(), userPart(t, userId), ...handles]
      return (await runScript<unknown[]>(redis, LIST, [idx, keys.sessionRegistry(t), ...handles.map((h) => rec(t, h))], args)) ?? []
    },

    /** Sets `fields` on every live session of the user; how many. */
    async updateUser(t: string, userId: string, fields: string[]): Promise<number> {
      const idx = keys.sessionIndex(t, userId)
      const first = await members(t, userId)
      return untilSettled(first, (handles) =>
        runScript<unknown[]>(redis, UPDATE_USER, [idx, ...handles.map((h) => rec(t, h))], [Date.now(), fields.length, ...fields, ...handles]),
      )
    },

    /** Revokes one of the user's sessions by handle: whether it was one of their live sessions. */
    async revoke(t: string, userId: string, handle: string): Promise<boolean> {
      if (!HANDLE.test(handle)) return false
      const scriptKeys = [keys.sessionIndex(t, userId), keys.sessionRegistry(t), rec(t, handle)]
      const out = await runScript<unknown[]>(redis, REVOKE, scriptKeys, [Date.now(), userPart(t, userId), '0', handle])
      return Number(out[0]) > 0
    },

    /** Revokes every session of the user but `keep`; how many live ones. */
    async revokeAll(t: string, userId: string, keep: string[]): Promise<number> {
      const idx = keys.sessionIndex(t, userId)
      const kept = new Set(keep)
      const first = (await members(t, userId)).filter((h) => !kept.has(h))
      return untilSettled(first, (handles) =>
        runScript<unknown[]>(
          redis,
          REVOKE,
          [idx, keys.sessionRegistry(t), ...handles.map((h) => rec(t, h))],
          [Date.now(), userPart(t, userId), '1', ...handles, ...keep],
        ),
      )
    },

    /** Sweeps a tenant's registry: index entries removed, and whether the registry is now empty. */
    async cleanup(t: string): Promise<{ removed: number; empty: boolean }> {
      const { removed, left } = await sweep(t, [], CLEANUP_BATCH)
      return { removed, empty: left === 0 }
    },
  }
}
