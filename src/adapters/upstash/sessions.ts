/**
 * SessionStore on Redis. Layout (keys.ts; t = the tenant's hash tag `p:{tenant}`):
 *   t:s:<handle>   HASH   the record (handle = SHA-256 of the raw id); TTL = idle expiry
 *   t:su:<userId>  ZSET   the user's sessions, member handle, score = idle expiry (ms)
 *   t:su           ZSET   the tenant's users with sessions, score = their earliest expiry
 *   p:su-tenants   SET    tenants with sessions (cleanupExpired visits their registries)
 * Reads and writes of one record are ONE script each (`rotateRefresh` a compare-and-swap that also
 * remembers the token it replaced, for the reuse grace); what
 * keeps record, index and registry in step lives in session-index.ts. Every script declares every
 * key it touches, and all keys of a tenant share its slot (Redis Cluster, Valkey, Dragonfly).
 */
import type { Session, SessionInput, SessionStore, SessionTimes } from '../../ports.ts'
import { fieldMap, guard, lua, runScript, type UpstashContext } from './client.ts'
import { newSessionId, SESSION_ID_PATTERN, sessionHandle } from './common.ts'
import { createSessionIndex } from './session-index.ts'

// KEYS rec
const GET = lua(`return redis.call('HGETALL', KEYS[1])`)

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

/** Builds the Redis-backed SessionStore. */
export function createUpstashSessions(ctx: UpstashContext, times: SessionTimes): SessionStore {
  const { redis, keys } = ctx
  const idleMs = times.idleSeconds * 1000
  const lifeMs = times.maxLifetimeSeconds * 1000
  const index = createSessionIndex(ctx)

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
      const fields = toFields(session, index.userPart(t, input.userId))
      const created = index.create(t, input.userId, handle, now, session.expiresAt, fields)
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
      return fromFields(await index.touch(t, key, idleMs), Date.now())
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
      const rows = await index.list(t, userId)
      const now = Date.now()
      return rows
        .map((r) => fromFields(r, now))
        .filter((s): s is Session => s !== null && s.userId === userId && s.tenantId === t)
        .sort((a, b) => b.createdAt - a.createdAt || (a.handle < b.handle ? -1 : 1))
    },

    async updateUser(t, userId, patch) {
      const fields = patchFields(patch)
      if (fields.length === 0) return 0
      return index.updateUser(t, userId, fields)
    },

    revoke: (t, userId, handle) => index.revoke(t, userId, handle),

    revokeAll: (t, userId, exceptHandles = []) => index.revokeAll(t, userId, exceptHandles),

    async cleanupExpired() {
      let total = 0
      const tenants = (await guard(redis.smembers(keys.sessionTenants))) as string[]
      for (const t of tenants) {
        const { removed, empty } = await index.cleanup(t)
        total += removed
        if (empty) await guard(redis.srem(keys.sessionTenants, t))
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
