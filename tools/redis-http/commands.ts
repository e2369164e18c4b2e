/**
 * Checks and rewrites one command before it reaches the shared Redis connection: refuses commands
 * that would change that connection's state, translates ratelimit-style Lua shebangs (see
 * scripts.ts), and says whether the command may block the connection.
 */
import type { ScriptMap } from './scripts.ts'

/** Commands that would alter or hijack the shared connection's state. */
const FORBIDDEN = new Set([
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'monitor',
  'select',
  'multi',
  'exec',
  'discard',
  'watch',
  'unwatch',
  'quit',
  'reset',
  'hello',
  'auth',
  'sync',
  'psync',
  'client',
])

/** Commands that may block; they run on a dedicated connection so others are not held up. */
const BLOCKING = new Set(['blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof'])

export interface PreparedCommand {
  /** Upper case on purpose: ioredis applies reply transformers (HGETALL → object) to lower-case names only. */
  name: string
  args: string[]
  blocking: boolean
  /** Adjusts the raw reply (SCRIPT LOAD answers the client's SHA, not the rewritten one). */
  fixReply?: (reply: unknown) => unknown
  /** Adjusts an error message (Redis names the rewritten script's SHA; the client knows its own). */
  fixError?: (message: string) => string
}

const renameSha = (realSha: string, clientSha: string) => (message: string) => message.replaceAll(realSha, clientSha)

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
  const lower = args[0]!.toLowerCase()
  const name = args[0]!.toUpperCase()
  const rest = args.slice(1)
  if (lower === 'subscribe' || lower === 'psubscribe') return `ERR '${name}' is not a command here: POST /${lower}/<name> opens an event stream`
  if (FORBIDDEN.has(lower)) return `ERR '${name}' is not supported over HTTP (the Redis connection is shared)`
  const blocking = BLOCKING.has(lower) || ((lower === 'xread' || lower === 'xreadgroup') && rest.some((a) => a.toLowerCase() === 'block'))

  if ((lower === 'eval' || lower === 'eval_ro') && rest[0] !== undefined) {
    const prepared = scripts.prepare(rest[0])
    if (prepared) {
      rest[0] = prepared.text
      return { name, args: rest, blocking, fixError: renameSha(prepared.realSha, prepared.clientSha) }
    }
  } else if ((lower === 'evalsha' || lower === 'evalsha_ro') && rest[0] !== undefined) {
    const clientSha = rest[0]
    rest[0] = scripts.translate(clientSha)
    if (rest[0] !== clientSha) return { name, args: rest, blocking, fixError: renameSha(rest[0], clientSha) }
  } else if (lower === 'script' && rest[0] !== undefined) {
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
