/**
 * ApiKeyStore and TenantPlans on Redis. Layout (keys.ts; t = the tenant's hash tag `p:{tenant}`):
 *   t:ak    HASH    the tenant's keys: field = key id, value = the record as JSON (ApiKeyRecord:
 *                   SHA-256 of the key, the previous hash and its grace end, role, expiry, own
 *                   rate limit, last use...)
 *   t:plan  STRING  the tenant's API calls per hour, when overridden
 * One hash per tenant: the admission script (gatekeeper.ts) reads a record with one HGET of a key
 * it declares, the listing is one HVALS, and there is no index to keep in step. This is the only
 * copy, so what the listing shows is what the gate enforces. Changes are scripts (cjson), atomic.
 */
import type { ApiKeyRecord, ApiKeyStore, KeyRateLimit, TenantPlans } from '../../ports.ts'
import { guard, lua, GET as READ, runScript, toNumber, type UpstashContext } from './client.ts'

// KEYS keys · ARGV id json → 0 when the id is taken
const CREATE = lua(`return redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])`)

const GET = lua(`return redis.call('HGET', KEYS[1], ARGV[1])`)

const LIST = lua(`return redis.call('HVALS', KEYS[1])`)

// The edits: decode the record ARGV[1] names (r; cjson.null is JSON null), change it, store it.
const OPEN = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local r = cjson.decode(raw)
`
const CLOSE = `
raw = cjson.encode(r)
redis.call('HSET', KEYS[1], ARGV[1], raw)
return raw`

// ARGV id hash graceUntil at
const ROTATE = lua(`${OPEN}
r.previous = { hash = r.hash, ['until'] = tonumber(ARGV[3]) }
r.hash = ARGV[2]
r.rotatedAt = tonumber(ARGV[4])${CLOSE}`)

// ARGV id limit windowSeconds (both empty: clear)
const SET_LIMIT = lua(`${OPEN}
if ARGV[2] == '' then r.rateLimit = cjson.null else r.rateLimit = { limit = tonumber(ARGV[2]), windowSeconds = tonumber(ARGV[3]) } end${CLOSE}`)

// ARGV id at — never moves back
const TOUCH = lua(`${OPEN}
if r.lastUsedAt == cjson.null or r.lastUsedAt < tonumber(ARGV[2]) then r.lastUsedAt = tonumber(ARGV[2]) end${CLOSE}`)

// ARGV id → 1 when it existed
const REVOKE = lua(`return redis.call('HDEL', KEYS[1], ARGV[1])`)

// KEYS plan · ARGV limit ('' clears)
const SET_PLAN = lua(`
if ARGV[1] == '' then return redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[1], ARGV[1])
return 1`)

/** A stored record (JSON), or null; shared with the admission. */
export function keyFromJson(raw: unknown): ApiKeyRecord | null {
  if (typeof raw !== 'string' || raw === '') return null
  const r = JSON.parse(raw) as ApiKeyRecord
  return typeof r?.id === 'string' && typeof r.hash === 'string' ? r : null
}

export function createUpstashApiKeys(ctx: UpstashContext): ApiKeyStore {
  const { redis, keys } = ctx
  const run = (script: ReturnType<typeof lua>, t: string, args: Array<string | number>) => runScript<unknown>(redis, script, [keys.apiKeys(t)], args)
  return {
    async create(record) {
      return Number(await run(CREATE, record.tenantId, [record.id, JSON.stringify(record)])) === 1
    },
    async get(t, id) {
      return keyFromJson(await run(GET, t, [id]))
    },
    async list(t) {
      const all = ((await run(LIST, t, [])) as unknown[] | null) ?? []
      return all
        .map(keyFromJson)
        .filter((r): r is ApiKeyRecord => r !== null)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    },
    async rotate(t, id, hash, graceUntil, at) {
      return keyFromJson(await run(ROTATE, t, [id, hash, graceUntil, at]))
    },
    async setRateLimit(t, id, rateLimit: KeyRateLimit | null) {
      return keyFromJson(await run(SET_LIMIT, t, rateLimit ? [id, rateLimit.limit, rateLimit.windowSeconds] : [id, '', '']))
    },
    async revoke(t, id) {
      return Number(await run(REVOKE, t, [id])) === 1
    },
    async touch(t, id, at) {
      await run(TOUCH, t, [id, Math.floor(at)])
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
