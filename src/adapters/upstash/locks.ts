/**
 * Locks on Redis: SET NX PX with a random owner token; release and extend are compare-and-act
 * scripts so only the owner can do either.
 *
 * Why not @upstash/lock: its acquire is the same SET NX PX, but its `extend` adds whole seconds
 * to the remaining TTL read with TTL (a lock with under a second left cannot be extended, and a
 * sub-second amount is refused by EXPIRE), and it sends the full script text with EVAL on every
 * release. Our port's `extend(ttlMs)` sets a fresh millisecond TTL, and our scripts go by EVALSHA.
 */
import type { LockHandle, Locks } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { acquireWithWait, runWithLock } from './common.ts'

// KEYS lock · ARGV owner
const RELEASE = lua(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`)

// KEYS lock · ARGV owner ttlMs
const EXTEND = lua(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`)

/** Builds the Redis-backed Locks. */
export function createUpstashLocks(ctx: UpstashContext): Locks {
  const { redis, keys } = ctx
  const key = keys.lock

  const tryOnce = async (name: string, ttlMs: number): Promise<LockHandle | null> => {
    const owner = crypto.randomUUID()
    const ok = await guard(redis.set(key(name), owner, { nx: true, px: Math.max(1, Math.ceil(ttlMs)) }))
    if (ok !== 'OK') return null
    return {
      name,
      owner,
      release: async () => (await runScript<number>(redis, RELEASE, [key(name)], [owner])) === 1,
      extend: async (ms: number) => (await runScript<number>(redis, EXTEND, [key(name)], [owner, Math.max(1, Math.ceil(ms))])) === 1,
    }
  }

  const locks: Locks = {
    acquire: (name, options) => acquireWithWait(name, options, () => tryOnce(name, options.ttlMs)),
    withLock: (name, options, fn) => runWithLock(locks, name, options, fn),
    async ping() {
      await guard(redis.ping())
    },
  }
  return locks
}
