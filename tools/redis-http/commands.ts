/**
 * Checks and rewrites one command before it reaches the shared Redis connection: refuses commands
 * that would change that connection's state, translates ratelimit-style Lua shebangs (see
 * scripts.ts), and says whether the command may block the connection.
 */
import type { ScriptMap } from './scripts.ts'

/** Commands that would alter or hijack the shared connection's state. */
const FORBIDDEN = new Set([
  'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe', 'monitor',
  'select', 'multi', 'exec', 'discard', 'watch', 'unwatch', 'quit', 'reset', 'hello', 'auth',
  'sync', 'psync', 'client',
])

/** Commands that may block; they run on a dedicated connection so others are not held up. */
const BLOCKING = new Set([
  'blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof',
])

export interface PreparedCommand {
  name: string
  args: string[]
  blocking: boolean
  /** Adjusts the raw reply (SCRIPT LOAD answers the client's SHA, not the rewritten one). */
  fixReply?: (reply: unknown) => unknown
}

/** A command as received: its JSON array elements turned into Redis arguments. */
export function toArgs(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const out: string[] = []
  for (const v of value) {
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v))
    else return undefined
  }
  return out[0] === '' ? undefined : out
}

/** Prepares a command, or returns a Redis-style error message when it is refused. */
export function prepareCommand(args: string[], scripts: ScriptMap): PreparedCommand | string {
  const name = args[0]!.toLowerCase()
  const rest = args.slice(1)
  if (FORBIDDEN.has(name)) return `ERR '${name.toUpperCase()}' is not supported over HTTP (the Redis connection is shared)`
  const blocking = BLOCKING.has(name) || ((name === 'xread' || name === 'xreadgroup') && rest.some((a) => a.toLowerCase() === 'block'))

  if ((name === 'eval' || name === 'eval_ro') && rest[0] !== undefined) {
    const prepared = scripts.prepare(rest[0])
    if (prepared) rest[0] = prepared.text
  } else if ((name === 'evalsha' || name === 'evalsha_ro') && rest[0] !== undefined) {
    rest[0] = scripts.translate(rest[0])
  } else if (name === 'script' && rest[0] !== undefined) {
    const sub = rest[0].toLowerCase()
    if (sub === 'load' && rest[1] !== undefined) {
      const prepared = scripts.prepare(rest[1])
      if (prepared) {
        rest[1] = prepared.text
        return { name, args: rest, blocking, fixReply: (reply) => (reply == null ? reply : prepared.clientSha) }
      }
    } else if (sub === 'exists') {
      for (let i = 1; i < rest.length; i++) rest[i] = scripts.translate(rest[i]!)
    }
  }
  return { name, args: rest, blocking }
}
