/**
 * Revocations on Redis: one key per revoked token id (TTL = until the token would expire anyway)
 * and one cutoff per user (epoch seconds, the unit of `iat`), both under the tenant's hash tag.
 * The Gatekeeper reads the same keys in its admission script.
 */
import type { Revocations } from '../../ports.ts'
import { GET, guard, lua, runScript, toNumber, type UpstashContext } from './client.ts'

// KEYS user · ARGV atSeconds ttlMs — keeps the latest cutoff; the TTL never shortens.
const REVOKE_BEFORE = lua(`
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if at > cur then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') end
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1`)

/** Builds the Redis-backed Revocations. */
export function createUpstashRevocations(ctx: UpstashContext): Revocations {
  const { redis, keys } = ctx
  return {
    async revokeToken(t, jti, expiresAt) {
      const ttl = Math.ceil(expiresAt - Date.now())
      if (ttl <= 0) return // already expired: nothing to refuse
      await guard(redis.set(keys.revokedToken(t, jti), '1', { px: ttl }))
    },
    async isRevoked(t, jti) {
      return (await runScript(redis, GET, [keys.revokedToken(t, jti)], [])) !== null
    },
    async revokeUserBefore(t, userId, atSeconds, ttlSeconds) {
      await runScript(redis, REVOKE_BEFORE, [keys.revokedBefore(t, userId)], [Math.floor(atSeconds), Math.max(1, Math.ceil(ttlSeconds * 1000))])
    },
    async revokedBefore(t, userId) {
      return toNumber(await runScript(redis, GET, [keys.revokedBefore(t, userId)], []))
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
