/**
 * IdempotencyStore on Redis: one HASH per key under the tenant's hash tag (keys.ts),
 *   t:ik:<sha256(caller, key)>  fp (fingerprint) · token (the holder) · answer (JSON, once done)
 * with the lease as its TTL while running and the retention TTL once done. Reserve, complete and
 * release are scripts, so "first one wins" and "only the holder completes" are atomic.
 */
import type { IdempotencyStore, KeptAnswer, Reservation } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { sha256Hex } from './sha256.ts'

// KEYS rec · ARGV fingerprint token leaseMs → {'reserved'} | {'mismatch'} | {'running'} | {'done', answer}
const RESERVE = lua(`local v = redis.call('HMGET', KEYS[1], 'fp', 'answer')
if not v[1] then
redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'token', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return { 'reserved' }
end
if v[1] ~= ARGV[1] then return { 'mismatch' } end
if v[2] then return { 'done', v[2] } end
return { 'running' }`)

// KEYS rec · ARGV token answer ttlSeconds → 1 kept, 0 not the holder
const COMPLETE = lua(`if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'answer', ARGV[2])
redis.call('HDEL', KEYS[1], 'token')
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`)

// KEYS rec · ARGV token
const RELEASE = lua(`if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`)

// KEYS rec
// KEYS rec → {fp, answer} (false where absent)
const LOOKUP = lua(`return redis.call('HMGET', KEYS[1], 'fp', 'answer')`)

/** Builds the Redis-backed IdempotencyStore. */
export function createUpstashIdempotency(ctx: UpstashContext): IdempotencyStore {
  const { redis, keys } = ctx
  const rec = (tenantId: string, caller: string, key: string) => keys.idempotency(tenantId, sha256Hex(JSON.stringify([caller, key])))

  return {
    async reserve(scope, key, fingerprint, leaseMs) {
      const token = crypto.randomUUID()
      const [state, answer] = await runScript<[string, string?]>(
        redis,
        RESERVE,
        [rec(scope.tenantId, scope.caller, key)],
        [fingerprint, token, Math.max(1, Math.ceil(leaseMs))],
      )
      if (state === 'reserved') return { state, token }
      if (state === 'done') return { state, answer: JSON.parse(String(answer)) as KeptAnswer }
      return { state: state === 'mismatch' ? 'mismatch' : 'running' } as Reservation
    },
    async complete(scope, key, token, answer, ttlSeconds) {
      const kept = await runScript<number>(
        redis,
        COMPLETE,
        [rec(scope.tenantId, scope.caller, key)],
        [token, JSON.stringify(answer), Math.max(1, Math.ceil(ttlSeconds))],
      )
      return Number(kept) === 1
    },
    async release(scope, key, token) {
      await runScript(redis, RELEASE, [rec(scope.tenantId, scope.caller, key)], [token])
    },
    async lookup(scope, key) {
      const [fingerprint, answer] = await runScript<[string | null, string | null]>(redis, LOOKUP, [rec(scope.tenantId, scope.caller, key)], [])
      if (!fingerprint) return null
      return { fingerprint: String(fingerprint), answer: answer ? (JSON.parse(String(answer)) as KeptAnswer) : null }
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
