/**
 * ApiKeyStore and TenantPlans on Redis. Layout (keys.ts; t = the tenant's hash tag `p:{tenant}`):
 *   t:ak:<id>  HASH    the key's record: h (SHA-256 of the key), ph + pu (the previous hash and
 *                      when its grace ends, ms), role, name, created, by, exp, lim + win (own
 *                      rate limit: requests per seconds), used, rot
 *   t:ak       ZSET    the tenant's key ids, score = creation time (listing)
 *   t:plan     STRING  the tenant's API calls per hour, when overridden
 * The admission script (gatekeeper.ts) reads the record and the plan in the request's one round
 * trip; this is the only copy, so what the listing shows is what the gate enforces. Every write
 * is one script, so record and index stay in step.
 */
import type { ApiKeyRecord, ApiKeyStore, KeyRateLimit, TenantPlans } from '../../ports.ts'
import { fieldMap, guard, lua, runScript, toNumber, type UpstashContext } from './client.ts'

// KEYS rec idx · ARGV member (the encoded id) created field value ... → 0 when the id is taken
const CREATE = lua(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1`)

const GET = lua(`return redis.call('HGETALL', KEYS[1])`)

// KEYS idx · ARGV recPrefix (+ member = the record key) → the records, oldest first (ids whose record is gone are dropped)
const LIST = lua(`
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local rec = redis.call('HGETALL', ARGV[1] .. id)
  if #rec == 0 then redis.call('ZREM', KEYS[1], id) else out[#out + 1] = rec end
end
return out`)

// KEYS rec · ARGV hash graceUntil at
const ROTATE = lua(`
local h = redis.call('HGET', KEYS[1], 'h')
if not h then return false end
redis.call('HSET', KEYS[1], 'ph', h, 'pu', ARGV[2], 'h', ARGV[1], 'rot', ARGV[3])
return redis.call('HGETALL', KEYS[1])`)

// KEYS rec · ARGV limit windowSeconds (both empty: clear)
const SET_LIMIT = lua(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if ARGV[1] == '' then redis.call('HDEL', KEYS[1], 'lim', 'win') else redis.call('HSET', KEYS[1], 'lim', ARGV[1], 'win', ARGV[2]) end
return redis.call('HGETALL', KEYS[1])`)

// KEYS rec idx · ARGV member
const REVOKE = lua(`
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])`)

// KEYS rec · ARGV at
const TOUCH = lua(`
local used = redis.call('HGET', KEYS[1], 'used')
if redis.call('EXISTS', KEYS[1]) == 1 and (not used or tonumber(used) < tonumber(ARGV[1])) then redis.call('HSET', KEYS[1], 'used', ARGV[1]) end
return 1`)

// KEYS plan · ARGV limit ('' clears)
const SET_PLAN = lua(`
if ARGV[1] == '' then return redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[1], ARGV[1])
return 1`)

const READ = lua(`return redis.call('GET', KEYS[1])`)

/** A record as HASH fields (absent optional fields are not written). */
function toFields(r: ApiKeyRecord): Array<string | number> {
  const f: Array<string | number> = ['id', r.id, 'tenant', r.tenantId, 'name', r.name, 'role', r.role, 'h', r.hash, 'created', r.createdAt, 'by', r.createdBy]
  if (r.previous) f.push('ph', r.previous.hash, 'pu', r.previous.until)
  if (r.expiresAt !== null) f.push('exp', r.expiresAt)
  if (r.rateLimit) f.push('lim', r.rateLimit.limit, 'win', r.rateLimit.windowSeconds)
  if (r.lastUsedAt !== null) f.push('used', r.lastUsedAt)
  if (r.rotatedAt !== null) f.push('rot', r.rotatedAt)
  return f
}

/** HASH fields (HGETALL) as a record; null when there is none. Shared with the admission. */
export function keyFromFields(flat: unknown): ApiKeyRecord | null {
  const m = fieldMap(flat)
  const id = m.get('id')
  const hash = m.get('h')
  if (!id || !hash) return null
  const num = (name: string) => toNumber(m.get(name))
  const ph = m.get('ph')
  const lim = num('lim')
  const win = num('win')
  return {
    id,
    tenantId: m.get('tenant') ?? '',
    name: m.get('name') ?? '',
    role: (m.get('role') ?? 'viewer') as ApiKeyRecord['role'],
    hash,
    previous: ph ? { hash: ph, until: num('pu') ?? 0 } : null,
    createdAt: num('created') ?? 0,
    createdBy: m.get('by') ?? '',
    expiresAt: num('exp'),
    rateLimit: lim !== null && win !== null ? { limit: lim, windowSeconds: win } : null,
    lastUsedAt: num('used'),
    rotatedAt: num('rot'),
  }
}

export function createUpstashApiKeys(ctx: UpstashContext): ApiKeyStore {
  const { redis, keys } = ctx
  const rec = (t: string, id: string) => keys.apiKey(t, id)
  return {
    async create(record) {
      const args = [encodeURIComponent(record.id), record.createdAt, ...toFields(record)]
      return Number(await runScript(redis, CREATE, [rec(record.tenantId, record.id), keys.apiKeyIndex(record.tenantId)], args)) === 1
    },
    async get(t, id) {
      return keyFromFields(await runScript(redis, GET, [rec(t, id)], []))
    },
    async list(t) {
      const prefix = keys.apiKey(t, '')
      const out = await runScript<unknown[]>(redis, LIST, [keys.apiKeyIndex(t)], [prefix])
      return (out ?? []).map(keyFromFields).filter((r): r is ApiKeyRecord => r !== null)
    },
    async rotate(t, id, hash, graceUntil, at) {
      return keyFromFields(await runScript(redis, ROTATE, [rec(t, id)], [hash, graceUntil, at]))
    },
    async setRateLimit(t, id, rateLimit: KeyRateLimit | null) {
      const args = rateLimit ? [rateLimit.limit, rateLimit.windowSeconds] : ['', '']
      return keyFromFields(await runScript(redis, SET_LIMIT, [rec(t, id)], args))
    },
    async revoke(t, id) {
      return Number(await runScript(redis, REVOKE, [rec(t, id), keys.apiKeyIndex(t)], [encodeURIComponent(id)])) === 1
    },
    async touch(t, id, at) {
      await runScript(redis, TOUCH, [rec(t, id)], [Math.floor(at)])
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}

export function createUpstashTenantPlans(ctx: UpstashContext): TenantPlans {
  const { redis, keys } = ctx
  return {
    async hourlyLimit(t) {
      return toNumber(await runScript(redis, READ, [keys.tenantPlan(t)], []))
    },
    async setHourlyLimit(t, limit) {
      await runScript(redis, SET_PLAN, [keys.tenantPlan(t)], [limit === null ? '' : limit])
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
