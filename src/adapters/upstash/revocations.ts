/**
 * Revocations on Redis: one key per revoked token id (TTL = until the token would expire anyway)
 * and one "revoked before" time per user. Reads are scripts so they join the auth hot path's
 * pipeline (see client.ts).
 */
import type { Revocations } from '../../ports.ts'
import { GET, guard, lua, runScript, toNumber, type UpstashContext } from './client.ts'

// KEYS user · ARGV at ttlMs — keeps the latest time; the TTL never shortens.
const REVOKE_BEFORE = lua(`
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if at > cur then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') end
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1`)

/** Builds the Redis-backed Revocations. */
export function createUpstashRevocations(ctx: UpstashContext): Revocations {
  const { redis, prefix } = ctx
  const tokenKey = (jti: string) => `${prefix}:rv:t:${jti}`
  const userKey = (userId: string) => `${prefix}:rv:u:${userId}`
  return {
    async revokeToken(jti, expiresAt) {
      const ttl = Math.ceil(expiresAt - Date.now())
      if (ttl <= 0) return // already expired: nothing to refuse
      await guard(redis.set(tokenKey(jti), '1', { px: ttl }))
    },
    async isRevoked(jti) {
      return (await runScript(redis, GET, [tokenKey(jti)], [])) !== null
    },
    async revokeUserBefore(userId, at, ttlSeconds) {
      await runScript(redis, REVOKE_BEFORE, [userKey(userId)], [Math.floor(at), Math.max(1, Math.ceil(ttlSeconds * 1000))])
    },
    async revokedBefore(userId) {
      return toNumber(await runScript(redis, GET, [userKey(userId)], []))
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
