/**
 * The Upstash side's plumbing: the shared client context, Lua scripts sent by EVALSHA, and the
 * mapping of client failures to BackendUnavailableError (without the command text that
 * @upstash/redis puts into its messages — it would carry session handles and cached values).
 *
 * ## Why every hot-path read is a script
 * @upstash/redis auto-pipelining batches commands issued in the same tick, but into TWO
 * pipelines: one for commands it classes as reads (GET, HGETALL, EXISTS...) and one for the rest.
 * The rate-limit scripts (EVALSHA) and counter increments are "writes", so a plain GET for the
 * session would leave in a second HTTP request. Our reads are therefore tiny EVALSHA scripts:
 * session lookup, revocation checks, counter and cache reads all join the same `/pipeline`.
 */
import type { Redis } from '@upstash/redis'
import { BackendUnavailableError } from '../../errors.ts'
import type { Keyspace } from './keys.ts'

/** What every Upstash store gets: the client and the key layout (prefix "gh" by default). */
export interface UpstashContext {
  redis: Redis
  keys: Keyspace
}

/** A Lua script run with EVALSHA (EVAL once after NOSCRIPT, e.g. after a Redis restart). */
export interface LuaScript {
  readonly source: string
  /** SHA-1 of the source, known once the first call computed it. */
  sha?: string
  pending?: Promise<void>
}

/** Declares a script. Nothing is computed yet: Workers forbid async work at module scope. */
export const lua = (source: string): LuaScript => ({ source })

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Runs a script. Once its SHA-1 is known (after the first call) EVALSHA is issued synchronously,
 * so it joins the current tick's auto-pipeline. Arguments are passed as strings.
 */
export function runScript<T = unknown>(redis: Redis, script: LuaScript, keys: string[], args: Array<string | number>): Promise<T> {
  const argv = args.map(String)
  const send = (sha: string) =>
    (redis.evalsha(sha, keys, argv) as Promise<T>).catch((err: unknown) => {
      if (/NOSCRIPT/i.test(String((err as Error)?.message))) return redis.eval(script.source, keys, argv) as Promise<T>
      throw err
    })
  if (script.sha) return guard(send(script.sha))
  script.pending ??= crypto.subtle.digest('SHA-1', new TextEncoder().encode(script.source)).then((buf) => {
    script.sha = hex(buf)
  })
  return guard(script.pending.then(() => send(script.sha!)))
}

/** Awaits a client call, turning its failure into a BackendUnavailableError with a safe message. */
export function guard<T>(call: Promise<T>): Promise<T> {
  return call.catch((err: unknown) => {
    throw toBackendError(err)
  })
}

/** Classifies a client failure; keeps the Redis error text but never the command or its values. */
function toBackendError(err: unknown): BackendUnavailableError {
  if (err instanceof BackendUnavailableError) return err
  const e = err as { name?: string; message?: string } | undefined
  const name = e?.name ?? ''
  if (name === 'TimeoutError' || name === 'AbortError') return new BackendUnavailableError('redis', 'timeout')
  if (name === 'UpstashError' || name === 'UpstashJSONParseError') {
    const detail = String(e?.message ?? '')
      .split(', command was:')[0]!
      .replace(/^Command failed: /, '')
      .slice(0, 160)
    return new BackendUnavailableError('redis', 'error', name === 'UpstashJSONParseError' ? 'answer was not JSON' : detail)
  }
  return new BackendUnavailableError('redis', 'unreachable')
}

/** A flat [field, value, field, value...] reply (HGETALL) as a Map. */
export function fieldMap(flat: unknown): Map<string, string> {
  const out = new Map<string, string>()
  if (!Array.isArray(flat)) return out
  for (let i = 0; i + 1 < flat.length; i += 2) out.set(String(flat[i]), String(flat[i + 1]))
  return out
}

/** Reads the first value of a GET-like reply as a number (null when absent). */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === false) return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

/** `GET` as a script, so reads batch with the hot path's scripts (see the note at the top). */
export const GET = lua(`return redis.call('GET', KEYS[1])`)
