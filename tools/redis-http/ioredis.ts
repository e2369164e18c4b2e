/**
 * What the single-node and the cluster executors share: the ioredis classes, Upstash-style
 * outcomes and the error classes the HTTP layer maps to statuses, and the Executor interface.
 */
import { createRequire } from 'node:module'
import type { PreparedCommand } from './commands.ts'

// ioredis is CommonJS, loaded with Node's own require: the workers test project inlines every
// dependency (its globalSetup included) and an inlined ioredis breaks — named exports come out
// undefined, and a second evaluation next to the native one throws. require() shares one copy.
export const { Cluster, Command, Pipeline, Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis')
export type Cluster = import('ioredis').Cluster
export type Command = import('ioredis').Command
export type Redis = import('ioredis').Redis
export type RedisOptions = import('ioredis').RedisOptions

/** One command's outcome in Upstash terms: a raw reply or a Redis error message. */
export type Outcome = { ok: true; reply: unknown } | { ok: false; error: string }

/** Redis could not be reached (or did not answer in time): the whole HTTP request is a 5xx. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError'
}

/** A Redis error reply (including EXECABORT for a transaction): the client's mistake, a 4xx. */
export class RedisReplyError extends Error {
  override name = 'RedisReplyError'
}

/** Runs commands for the HTTP routes; one implementation per Redis topology. */
export interface Executor {
  /** Connects, waiting at most timeoutMs; false when Redis is not (yet) reachable. */
  connect(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
  prepare(args: string[]): PreparedCommand | string
  /** One command; throws RedisUnavailableError when Redis cannot be reached. */
  one(cmd: PreparedCommand): Promise<Outcome>
  /** A pipeline: not atomic, one outcome per command, in request order. */
  pipeline(cmds: Array<PreparedCommand | string>): Promise<Outcome[]>
  /** MULTI/EXEC: all or nothing; a queueing error aborts the whole transaction (RedisReplyError). */
  multi(cmds: PreparedCommand[]): Promise<Outcome[]>
  /** A new, not yet connected connection of its own for SUBSCRIBE / PSUBSCRIBE. */
  subscriber(): Redis
  /** Where Redis is, for log lines (no password). */
  describe(): string
}

/** A command with Buffer replies (binary-safe). */
export function command(cmd: PreparedCommand): Command {
  return new Command(cmd.name, cmd.args, { replyEncoding: null })
}

export function isReplyError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'ReplyError'
}

export function unavailable(err: unknown): RedisUnavailableError {
  const msg = err instanceof Error ? err.message : String(err)
  return new RedisUnavailableError(`Redis unavailable: ${msg}`)
}

/** The outcome of a sent command: Redis errors become outcomes, connection trouble throws. */
export async function settle(cmd: PreparedCommand, pending: Promise<unknown>): Promise<Outcome> {
  try {
    const reply = await pending
    return { ok: true, reply: cmd.fixReply ? cmd.fixReply(reply) : reply }
  } catch (err) {
    if (isReplyError(err)) return { ok: false, error: cmd.fixError?.(err.message) ?? err.message }
    throw unavailable(err)
  }
}

/** Runs a MULTI/EXEC built by ioredis (from a Redis or a Cluster) and maps its answer. */
export async function runTransaction(tx: ReturnType<Redis['multi']>, cmds: PreparedCommand[]): Promise<Outcome[]> {
  for (const c of cmds) tx.callBuffer(c.name, ...c.args)
  let results: Array<[Error | null, unknown]> | null
  try {
    results = await tx.exec()
  } catch (err) {
    if (isReplyError(err)) {
      const previous = (err as Error & { previousErrors?: Error[] }).previousErrors?.[0]?.message
      throw new RedisReplyError(previous ? `${err.message} ${previous}` : err.message)
    }
    throw unavailable(err)
  }
  if (!results) throw new RedisReplyError('EXECABORT Transaction discarded')
  return results.map(([err, reply], i) => {
    if (err) {
      if (!isReplyError(err)) throw unavailable(err)
      return { ok: false, error: cmds[i]!.fixError?.(err.message) ?? err.message }
    }
    const fix = cmds[i]!.fixReply
    return { ok: true, reply: fix ? fix(reply) : reply }
  })
}

/** Resolves true once `emitter` is ready, false after timeoutMs; starts connecting via `start`. */
export async function readyWithin(
  emitter: { status: string; once(event: 'ready', fn: () => void): unknown },
  start: () => Promise<unknown>,
  timeoutMs: number,
): Promise<boolean> {
  const ready = new Promise<boolean>((resolve) => {
    if (emitter.status === 'ready') return resolve(true)
    emitter.once('ready', () => resolve(true))
  })
  start().catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
  const ok = await Promise.race([ready, timeout])
  clearTimeout(timer)
  return ok
}

/** Options for a connection that does one job and must never queue or retry behind our back. */
export const DEDICATED: RedisOptions = {
  enableAutoPipelining: false,
  enableOfflineQueue: true,
  commandTimeout: undefined,
  retryStrategy: () => null,
  lazyConnect: false,
}

/** Options for a pub/sub connection: no reconnect (the stream ends instead), no resubscribe. */
export const SUBSCRIBER: RedisOptions = {
  enableAutoPipelining: false,
  enableOfflineQueue: false,
  autoResubscribe: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2000,
  commandTimeout: undefined,
  retryStrategy: () => null,
  lazyConnect: true,
  connectionName: 'redis-http:subscriber',
}
