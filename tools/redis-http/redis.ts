/**
 * Runs commands against Redis over one shared ioredis connection, with
 * bounded failure: no offline queue and no per-request retries, so a dead Redis answers at once,
 * while ioredis keeps reconnecting in the background and recovers by itself.
 */
import { createRequire } from 'node:module'
import { prepareCommand, type PreparedCommand } from './commands.ts'
import { ScriptMap } from './scripts.ts'

// ioredis is CommonJS, loaded with Node's own require: the workers test project inlines every
// dependency (its globalSetup included) and an inlined ioredis breaks — named exports come out
// undefined, and a second evaluation next to the native one throws. require() shares one copy.
const { Command, Pipeline, Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis')
type Command = import('ioredis').Command
type Redis = import('ioredis').Redis

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

/** A command with Buffer replies (binary-safe). */
function command(cmd: PreparedCommand): Command {
  return new Command(cmd.name, cmd.args, { replyEncoding: null })
}

/** Sends one command straight away (dedicated connections). */
function send(client: Redis, cmd: PreparedCommand): Promise<unknown> {
  return client.sendCommand(command(cmd)) as Promise<unknown>
}

function isReplyError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'ReplyError'
}

function unavailable(err: unknown): RedisUnavailableError {
  const msg = err instanceof Error ? err.message : String(err)
  return new RedisUnavailableError(`Redis unavailable: ${msg}`)
}

export interface ExecutorOptions {
  redisUrl: string
  /** Upper bound for one command on the shared connection, ms. */
  commandTimeoutMs?: number
}

export class RedisExecutor {
  readonly client: Redis
  readonly #scripts = new ScriptMap()
  #batch: Command[] | undefined

  constructor(options: ExecutorOptions) {
    this.client = new Redis(options.redisUrl, {
      // ioredis auto-pipelining drops the command name of callBuffer(); #batched() does the same
      // job for our Command objects.
      enableAutoPipelining: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      commandTimeout: options.commandTimeoutMs ?? 5000,
      // Keep trying in the background, at most every 500 ms, so recovery is quick.
      retryStrategy: (times) => Math.min(50 * times, 500),
      lazyConnect: true,
    })
    // Connection errors surface per request; without a listener ioredis would log each retry.
    this.client.on('error', () => undefined)
  }

  /** Connects, waiting at most timeoutMs; false when Redis is not (yet) reachable. */
  async connect(timeoutMs = 3000): Promise<boolean> {
    const ready = new Promise<boolean>((resolve) => {
      if (this.client.status === 'ready') return resolve(true)
      this.client.once('ready', () => resolve(true))
    })
    this.client.connect().catch(() => undefined)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
    const ok = await Promise.race([ready, timeout])
    clearTimeout(timer)
    return ok
  }

  async close(): Promise<void> {
    this.client.disconnect(false)
  }

  prepare(args: string[]): PreparedCommand | string {
    return prepareCommand(args, this.#scripts)
  }

  /** One command; throws RedisUnavailableError when Redis cannot be reached. */
  async one(cmd: PreparedCommand): Promise<Outcome> {
    if (cmd.blocking) return (await this.#dedicated([cmd]))[0]!
    return this.#settle(cmd, this.#batched(cmd))
  }

  /** A pipeline: in order, not atomic, one outcome per command. */
  async pipeline(cmds: Array<PreparedCommand | string>): Promise<Outcome[]> {
    if (cmds.some((c) => typeof c !== 'string' && c.blocking)) return this.#dedicated(cmds)
    // Queued in order into the same batch, so Redis runs them in order.
    return Promise.all(cmds.map((c) => (typeof c === 'string' ? { ok: false as const, error: c } : this.#settle(c, this.#batched(c)))))
  }

  /** MULTI/EXEC: all or nothing; a queueing error aborts the whole transaction (RedisReplyError). */
  async multi(cmds: PreparedCommand[]): Promise<Outcome[]> {
    const tx = this.client.multi()
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

  /**
   * Queues a command for the batch written at the end of this event-loop turn: one socket write
   * for all commands of all HTTP requests that arrived together (the write syscall dominates).
   */
  #batched(cmd: PreparedCommand): Promise<unknown> {
    const c = command(cmd)
    if (!this.#batch) {
      const batch: Command[] = (this.#batch = [])
      setImmediate(() => {
        this.#batch = undefined
        const pipeline = new Pipeline(this.client)
        for (const queued of batch) pipeline.sendCommand(queued)
        // Outcomes are read from each command's own promise.
        pipeline.exec().catch(() => undefined)
      })
    }
    this.#batch.push(c)
    return c.promise as Promise<unknown>
  }

  async #settle(cmd: PreparedCommand, pending: Promise<unknown>): Promise<Outcome> {
    try {
      const reply = await pending
      return { ok: true, reply: cmd.fixReply ? cmd.fixReply(reply) : reply }
    } catch (err) {
      if (isReplyError(err)) return { ok: false, error: cmd.fixError?.(err.message) ?? err.message }
      throw unavailable(err)
    }
  }

  /** Runs commands (some of which may block) in order on a connection of their own. */
  async #dedicated(cmds: Array<PreparedCommand | string>): Promise<Outcome[]> {
    const conn = this.client.duplicate({
      enableAutoPipelining: false,
      enableOfflineQueue: true,
      commandTimeout: undefined,
      retryStrategy: () => null,
      lazyConnect: false,
    })
    conn.on('error', () => undefined)
    try {
      const out: Outcome[] = []
      for (const c of cmds) {
        if (typeof c === 'string') out.push({ ok: false, error: c })
        else out.push(await this.#settle(c, send(conn, c)))
      }
      return out
    } finally {
      conn.disconnect(false)
    }
  }
}
