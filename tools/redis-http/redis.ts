/**
 * Runs commands against a single redis-server over one shared ioredis connection, with
 * bounded failure: no offline queue and no per-request retries, so a dead Redis answers at once,
 * while ioredis keeps reconnecting in the background and recovers by itself.
 */
import { type PreparedCommand, prepareCommand } from './commands.ts'
import { type Command, command, DEDICATED, type Executor, type Outcome, Pipeline, Redis, readyWithin, runTransaction, SUBSCRIBER, settle } from './ioredis.ts'
import { ScriptMap } from './scripts.ts'

export type { Outcome } from './ioredis.ts'

export interface ExecutorOptions {
  redisUrl: string
  /** Upper bound for one command on the shared connection, ms. */
  commandTimeoutMs?: number
}

export class RedisExecutor implements Executor {
  readonly client: Redis
  readonly #scripts = new ScriptMap()
  readonly #redisUrl: string
  #batch: Command[] | undefined

  constructor(options: ExecutorOptions) {
    this.#redisUrl = options.redisUrl
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

  connect(timeoutMs = 3000): Promise<boolean> {
    return readyWithin(this.client, () => this.client.connect(), timeoutMs)
  }

  async close(): Promise<void> {
    this.client.disconnect(false)
  }

  describe(): string {
    return redactUrl(this.#redisUrl)
  }

  prepare(args: string[]): PreparedCommand | string {
    return prepareCommand(args, this.#scripts)
  }

  subscriber(): Redis {
    return new Redis(this.#redisUrl, { ...SUBSCRIBER, commandTimeout: this.client.options.commandTimeout })
  }

  async one(cmd: PreparedCommand): Promise<Outcome> {
    if (cmd.blocking) return (await this.#dedicated([cmd]))[0]!
    return settle(cmd, this.#batched(cmd))
  }

  async pipeline(cmds: Array<PreparedCommand | string>): Promise<Outcome[]> {
    if (cmds.some((c) => typeof c !== 'string' && c.blocking)) return this.#dedicated(cmds)
    // Queued in order into the same batch, so Redis runs them in order.
    return Promise.all(cmds.map((c) => (typeof c === 'string' ? { ok: false as const, error: c } : settle(c, this.#batched(c)))))
  }

  multi(cmds: PreparedCommand[]): Promise<Outcome[]> {
    return runTransaction(this.client.multi(), cmds)
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

  /** Runs commands (some of which may block) in order on a connection of their own. */
  async #dedicated(cmds: Array<PreparedCommand | string>): Promise<Outcome[]> {
    const conn = this.client.duplicate(DEDICATED)
    conn.on('error', () => undefined)
    try {
      const out: Outcome[] = []
      for (const c of cmds) {
        if (typeof c === 'string') out.push({ ok: false, error: c })
        else out.push(await settle(c, conn.sendCommand(command(c)) as Promise<unknown>))
      }
      return out
    } finally {
      conn.disconnect(false)
    }
  }
}

/** The Redis URL without its password, for log lines. */
export function redactUrl(redisUrl: string): string {
  try {
    const u = new URL(redisUrl)
    if (u.password) u.password = '***'
    return u.toString().replace(/\/$/, '')
  } catch {
    return 'redis'
  }
}
