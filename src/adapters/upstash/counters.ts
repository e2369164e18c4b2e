/** Counters on Redis: INCRBY and a first-write expiry in one script (one command, atomic). */
import type { Counters } from '../../ports.ts'
import { GET, guard, lua, runScript, toNumber, type UpstashContext } from './client.ts'

// KEYS counter · ARGV by ttlMs — the TTL is set when the counter has none (its first increment).
const INCREMENT = lua(`
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`)

/** Builds the Redis-backed Counters. */
export function createUpstashCounters(ctx: UpstashContext): Counters {
  const { redis, keys } = ctx
  const key = keys.counter
  return {
    async increment(k, by, ttlSeconds) {
      return Number(await runScript(redis, INCREMENT, [key(k)], [Math.trunc(by), Math.max(1, Math.ceil(ttlSeconds * 1000))]))
    },
    async get(k) {
      return toNumber(await runScript(redis, GET, [key(k)], [])) ?? 0
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
