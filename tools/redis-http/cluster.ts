/**
 * Runs commands against a Redis Cluster through ioredis' Cluster client, which routes each
 * command by the slot of its first key (EVAL/EVALSHA: their declared keys) and follows MOVED/ASK.
 * - Pipelines: each entry is routed on its own (entries may live in different slots, as Upstash
 *   allows); entries are written in request order, so those for one node run in that order.
 * - Transactions must be single-slot: a multi-slot /multi-exec answers Redis' CROSSSLOT error.
 * - Commands that concern every node (SCRIPT LOAD/FLUSH/EXISTS, FLUSHALL, FLUSHDB, DBSIZE, KEYS)
 *   go to all masters and their answers are merged (cluster-fanout.ts).
 * - Blocking commands run on a connection of their own to the node owning their slot.
 */
import { fanOutMerge } from './cluster-fanout.ts'
import { type PreparedCommand, prepareCommand } from './commands.ts'
import {
  Cluster,
  Command,
  command,
  DEDICATED,
  type Executor,
  type Outcome,
  Redis,
  RedisReplyError,
  readyWithin,
  runTransaction,
  SUBSCRIBER,
  settle,
  unavailable,
} from './ioredis.ts'
import { ScriptMap } from './scripts.ts'
import { keySlot } from './slot.ts'

/** What Redis answers when one request's keys hash to different slots. */
export const CROSSSLOT = "CROSSSLOT Keys in request don't hash to the same slot"

export interface ClusterExecutorOptions {
  /** Some (or all) nodes of the cluster; the client discovers the rest. */
  nodes: Array<{ host: string; port: number }>
  /** Upper bound for one command, ms (default 5000). */
  commandTimeoutMs?: number
}

/**
 * The command's keys, or undefined when its arguments contradict its key spec (`EVAL s 5 a`:
 * numkeys beyond the arguments). ioredis would pad such a command with undefined arguments and
 * throw while writing it, so those go to one node as they are, and Redis answers the error.
 */
function keysOf(cmd: PreparedCommand): Array<string | Buffer> | undefined {
  try {
    const probe = new Command(cmd.name, [...cmd.args])
    const keys = probe.getKeys() as Array<string | Buffer | undefined>
    return probe.args.length === cmd.args.length && keys.every((k) => k !== undefined) ? (keys as Array<string | Buffer>) : undefined
  } catch {
    return undefined
  }
}

/** "host:port" (the host may be an IPv6 literal) → its parts. */
function splitNodeKey(key: string): { host: string; port: number } {
  const at = key.lastIndexOf(':')
  return { host: key.slice(0, at), port: Number(key.slice(at + 1)) }
}

export class ClusterExecutor implements Executor {
  readonly cluster: Cluster
  readonly #scripts = new ScriptMap()
  readonly #startup: Array<{ host: string; port: number }>
  readonly #timeoutMs: number
  #nextSubscriberNode = 0

  constructor(options: ClusterExecutorOptions) {
    this.#startup = options.nodes.map((n) => ({ host: n.host, port: n.port }))
    this.#timeoutMs = options.commandTimeoutMs ?? 5000
    this.cluster = new Cluster(this.#startup, {
      // Queue only in the nodes' own connections while they connect (they start lazily); while the
      // cluster as a whole is not ready, #ready() refuses at once (503). ioredis keeps retrying.
      enableOfflineQueue: true,
      enableAutoPipelining: false,
      lazyConnect: true,
      clusterRetryStrategy: (times) => Math.min(100 * times, 1000),
      slotsRefreshTimeout: 2000,
      redisOptions: { connectTimeout: 2000, commandTimeout: this.#timeoutMs, maxRetriesPerRequest: 0 },
    })
    this.cluster.on('error', () => undefined)
    this.cluster.on('node error', () => undefined)
  }

  connect(timeoutMs = 3000): Promise<boolean> {
    return readyWithin(this.cluster, () => this.cluster.connect(), timeoutMs)
  }

  async close(): Promise<void> {
    this.cluster.disconnect(false)
  }

  describe(): string {
    return `cluster ${this.#startup.map((n) => `${n.host}:${n.port}`).join(',')}`
  }

  prepare(args: string[]): PreparedCommand | string {
    return prepareCommand(args, this.#scripts)
  }

  /** Any node will do: Redis Cluster forwards every PUBLISH to all nodes. Spread them round-robin. */
  subscriber(): Redis {
    const known = this.cluster.nodes('master').map((n) => ({ host: n.options.host!, port: n.options.port! }))
    const nodes = known.length > 0 ? known : this.#startup
    const node = nodes[this.#nextSubscriberNode++ % nodes.length]!
    return new Redis({ ...SUBSCRIBER, host: node.host, port: node.port, commandTimeout: this.#timeoutMs })
  }

  async one(cmd: PreparedCommand): Promise<Outcome> {
    this.#ready()
    return cmd.blocking ? this.#dedicated(cmd) : this.#send(cmd)
  }

  async pipeline(cmds: Array<PreparedCommand | string>): Promise<Outcome[]> {
    this.#ready()
    const refused = (error: string): Outcome => ({ ok: false, error })
    if (cmds.some((c) => typeof c !== 'string' && c.blocking)) {
      // A blocking entry must finish before the next one starts, as on a single connection.
      const out: Outcome[] = []
      for (const c of cmds) out.push(typeof c === 'string' ? refused(c) : await this.one(c))
      return out
    }
    // All written now, in order; each node's connection keeps that order for its entries.
    return Promise.all(cmds.map((c) => (typeof c === 'string' ? refused(c) : this.#send(c))))
  }

  async multi(cmds: PreparedCommand[]): Promise<Outcome[]> {
    this.#ready()
    const slots = new Set<number>()
    let malformed = false
    for (const c of cmds) {
      const keys = keysOf(c)
      if (!keys) malformed = true
      for (const key of keys ?? []) slots.add(keySlot(key))
    }
    // Redis answers this itself when the slots share a node; ioredis refuses other spreads with
    // its own wording. Say what Redis says in both cases.
    if (slots.size > 1) throw new RedisReplyError(CROSSSLOT)
    // A malformed entry: Redis refuses it while queueing (EXECABORT) on whichever node gets it.
    return runTransaction(malformed ? this.#anyMaster().multi() : this.cluster.multi(), cmds)
  }

  /** Nothing waits for a cluster that is down: refuse at once, as the single-node executor does. */
  #ready(): void {
    if (this.cluster.status !== 'ready') throw unavailable(new Error(`cluster not ready (${this.cluster.status})`))
  }

  /** Routes by slot, or fans out to every master for the commands that concern all of them. */
  async #send(cmd: PreparedCommand): Promise<Outcome> {
    const merge = fanOutMerge(cmd)
    if (merge) {
      this.#anyMaster() // fails when no node is known
      const all = this.cluster.nodes('master').map((node) => node.sendCommand(command(cmd)) as Promise<unknown>)
      return settle(cmd, Promise.all(all).then(merge))
    }
    if (!keysOf(cmd)) return settle(cmd, this.#anyMaster().sendCommand(command(cmd)) as Promise<unknown>)
    return settle(cmd, this.cluster.sendCommand(command(cmd)) as Promise<unknown>)
  }

  /** A master's connection, for commands that any node can answer. */
  #anyMaster(): Redis {
    const masters = this.cluster.nodes('master')
    if (masters.length === 0) throw unavailable(new Error('no cluster node is known yet'))
    return masters[Math.floor(Math.random() * masters.length)]!
  }

  /** A blocking command on a connection of its own to the node that owns its slot. */
  async #dedicated(cmd: PreparedCommand): Promise<Outcome> {
    const key = keysOf(cmd)?.[0]
    const owner = key === undefined ? undefined : this.cluster.slots[keySlot(key)]?.[0]
    const { host, port } = owner ? splitNodeKey(owner) : this.#anyMaster().options
    const conn = new Redis({ ...DEDICATED, host, port, connectTimeout: 2000 })
    conn.on('error', () => undefined)
    try {
      return await settle(cmd, conn.sendCommand(command(cmd)) as Promise<unknown>)
    } finally {
      conn.disconnect(false)
    }
  }
}
