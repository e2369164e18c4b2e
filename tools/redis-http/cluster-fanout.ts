/**
 * Commands that, on a Redis Cluster, must reach every master to mean what they mean on one
 * redis-server, and how their answers combine. Everything else is routed by key slot.
 *   SCRIPT LOAD / SCRIPT FLUSH  → same on all (the SHA, OK)
 *   SCRIPT EXISTS               → 1 only where the script is loaded on every master (so EVALSHA works anywhere)
 *   FLUSHALL / FLUSHDB          → OK once all are flushed
 *   DBSIZE                      → the sum;  KEYS → all the matches
 * Not covered (answered by one node): SCAN, RANDOMKEY, INFO, PUBSUB CHANNELS/NUMSUB and the like.
 */
import type { PreparedCommand } from './commands.ts'

type Merge = (replies: unknown[]) => unknown

const first: Merge = (replies) => replies[0]

const allLoaded: Merge = (replies) => (replies[0] as number[]).map((_, i) => Math.min(...replies.map((r) => Number((r as number[])[i]))))

const sum: Merge = (replies) => replies.reduce<number>((total, r) => total + Number(r), 0)

const concat: Merge = (replies) => replies.flatMap((r) => r as unknown[])

/** How to merge the masters' replies, or undefined when the command goes to one node. */
export function fanOutMerge(cmd: PreparedCommand): Merge | undefined {
  const name = cmd.name.toLowerCase()
  if (name === 'script') {
    const sub = cmd.args[0]?.toLowerCase()
    if (sub === 'load' || sub === 'flush') return first
    if (sub === 'exists') return allLoaded
    return undefined
  }
  if (name === 'flushall' || name === 'flushdb') return first
  if (name === 'dbsize') return sum
  if (name === 'keys') return concat
  return undefined
}
