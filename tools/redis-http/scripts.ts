/**
 * Lua shebang compatibility: @upstash/ratelimit sends scripts starting with
 * `#!lua flags=allow-key-locking`, a flag stock Redis 7.0 rejects. We strip unknown flags from the
 * shebang line (keeping the line, so Lua error line numbers stay the same), and remember which
 * client SHA-1 (of the original text) maps to the SHA-1 Redis knows (of the rewritten text), so
 * EVALSHA with the client's hash works after the first EVAL / SCRIPT LOAD.
 */
import { createHash } from 'node:crypto'

/** Shebang flags that Redis 7.0 does not know; dropping them keeps the script's meaning for us. */
const UNSUPPORTED_FLAGS = new Set(['allow-key-locking'])

/** Hex SHA-1 of the script's UTF-8 bytes, as Redis computes it. */
export function scriptSha(script: string): string {
  return createHash('sha1').update(script, 'utf8').digest('hex')
}

/** The script with unsupported shebang flags removed, or undefined when it needs no change. */
function rewriteShebang(script: string): string | undefined {
  if (!script.startsWith('#!')) return undefined
  const nl = script.indexOf('\n')
  const first = nl < 0 ? script : script.slice(0, nl)
  const [engine, ...params] = first.slice(2).trim().split(/\s+/)
  let changed = false
  const kept: string[] = []
  for (const param of params) {
    if (!param.startsWith('flags=')) {
      kept.push(param)
      continue
    }
    const flags = param
      .slice('flags='.length)
      .split(',')
      .filter((f) => f !== '')
    const known = flags.filter((f) => !UNSUPPORTED_FLAGS.has(f))
    if (known.length !== flags.length) changed = true
    if (known.length > 0) kept.push(`flags=${known.join(',')}`)
  }
  if (!changed) return undefined
  const line = [`#!${engine}`, ...kept].join(' ')
  return nl < 0 ? line : line + script.slice(nl)
}

/** Remembers client SHA → Redis SHA for rewritten scripts (bounded: scripts are few). */
export class ScriptMap {
  readonly #real = new Map<string, string>()
  readonly #max: number

  constructor(max = 10_000) {
    this.#max = max
  }

  /** Rewrites `script` if needed and records the mapping; returns the text to send to Redis. */
  prepare(script: string): { text: string; clientSha: string; realSha: string } | undefined {
    const text = rewriteShebang(script)
    if (text === undefined) return undefined
    const clientSha = scriptSha(script)
    const realSha = scriptSha(text)
    if (!this.#real.has(clientSha) && this.#real.size >= this.#max) this.#real.clear()
    this.#real.set(clientSha, realSha)
    return { text, clientSha, realSha }
  }

  /** The SHA Redis knows for a client SHA (SHA-1 hex is case-insensitive). */
  translate(sha: string): string {
    return this.#real.get(sha.toLowerCase()) ?? sha
  }
}
