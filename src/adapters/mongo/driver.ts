/**
 * The driver adapter: a `DocumentStore` over the official `mongodb` package, for Node (and MongoDB-
 * wire servers such as FerretDB).
 *
 * Workers: with nodejs_compat the driver can open TCP from a Worker, but FACTS.md records that a
 * MongoClient REUSED across requests hung the second request in local workerd, while one client
 * per request worked; Cloudflare's guidance is a Durable Object holding the connection. So on
 * Workers prefer the Data API client (data-api.ts); if this adapter is used there, create the
 * store per request and `close()` it when the request ends.
 *
 * One client per store, created lazily on first use (`client ??=`). Reads keep Longs as Long (as
 * the Data API client does); undefined fields are dropped, not stored as null. Errors: E11000 →
 * DuplicateKeyError, index clashes → IndexConflictError, input the server refuses →
 * ValidationError, missing features → UnsupportedOperationError, network/timeouts →
 * BackendUnavailableError. Server messages are not quoted
 * (they echo document values).
 */
import {
  type Db,
  type Document,
  MongoClient,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb'
import { BackendUnavailableError, DuplicateKeyError, IndexConflictError, UnsupportedOperationError, ValidationError } from '../../errors.ts'
import type { Collection, Doc, DocumentStore, Filter, FindOptions, IndexSpec, Update, UpdateResult } from '../../ports.ts'
import { missingIndexes } from '../index-specs.ts'

export interface DriverOptions {
  /** mongodb:// or mongodb+srv:// URI. Never put in error messages (it may carry credentials). */
  uri: string
  database: string
  /** Server selection / connect / socket bound (default 5000 ms). */
  timeoutMs?: number
  /**
   * How long a write may wait for the server (default: timeoutMs). The socket bound covers it, so
   * a slow write is waited for rather than cut off while the server may still apply it.
   */
  writeTimeoutMs?: number
}

const BACKEND = 'mongodb'
const READ = { promoteLongs: false } as const

/** Server codes meaning "the request is at fault". */
const CLIENT_ERROR_CODES = new Set([
  2, 9, 14, 15, 16, 17, 20, 22, 28, 30, 40, 52, 53, 54, 55, 56, 57, 66, 73, 168, 10334, 15955, 15956, 15958, 15959, 15972, 15973, 15976, 15998, 16006, 16410,
  16411, 16436, 17276, 28667, 31249, 31250, 31253, 31254, 40156, 40157, 40158, 40160, 40177, 40180, 40181, 40234, 40238, 40323, 40324, 40352, 40353, 40390,
  40602,
])
const INDEX_CONFLICT_CODES = new Set([68, 85, 86])
/** NotImplemented (FerretDB), CommandNotFound, CommandNotSupported. */
const UNSUPPORTED_CODES = new Set([238, 59, 115])

export function createDriverDocuments(options: DriverOptions): DocumentStore {
  if (!options.uri) throw new Error('[documents] [driver] Missing required option `uri`')
  if (!options.database) throw new Error('[documents] [driver] Missing required option `database`')
  const timeoutMs = options.timeoutMs ?? 5000
  let client: MongoClient | undefined
  const connect = (): MongoClient =>
    (client ??= new MongoClient(options.uri, {
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      socketTimeoutMS: Math.max(timeoutMs * 2, options.writeTimeoutMs ?? 0),
      ignoreUndefined: true,
      appName: 'gatehouse',
    }))
  /** Runs one driver call on the shared client, mapping failures to our error classes. */
  const run: Run = async (fn) => {
    const current = connect()
    try {
      return await fn(current.db(options.database))
    } catch (err) {
      // A client whose first connection failed stays closed ("Topology is closed"): drop it, so
      // the next call starts afresh once the server is back.
      if (err instanceof MongoServerSelectionError || err instanceof MongoTopologyClosedError) {
        if (client === current) client = undefined
        current.close().catch(() => undefined)
      }
      throw mapError(err)
    }
  }
  const collections = new Map<string, DriverCollection>()
  return {
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      let coll = collections.get(name)
      if (!coll) {
        coll = new DriverCollection(name, run)
        collections.set(name, coll)
      }
      return coll as unknown as Collection<T>
    },
    async ping() {
      await run((db) => db.command({ ping: 1 }))
    },
    async close() {
      const c = client
      client = undefined
      await c?.close()
    },
  }
}

type Run = <T>(fn: (db: Db) => Promise<T>) => Promise<T>

class DriverCollection implements Collection {
  readonly #name: string
  readonly #run: Run

  constructor(name: string, run: Run) {
    this.#name = name
    this.#run = run
  }

  #with<T>(fn: (coll: ReturnType<Db['collection']>) => Promise<T>): Promise<T> {
    return this.#run((db) => fn(db.collection(this.#name)))
  }

  findOne(filter: Filter, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<Doc | null> {
    return this.#with((c) => c.findOne(filter, { ...READ, ...options }))
  }

  find(filter: Filter, options: FindOptions = {}): Promise<Doc[]> {
    return this.#with((c) => {
      const cursor = c.find(filter, { ...READ, ...(options.projection && { projection: options.projection }) })
      if (options.sort) cursor.sort(options.sort)
      if (options.skip) cursor.skip(options.skip)
      if (options.limit) cursor.limit(options.limit)
      return cursor.toArray()
    })
  }

  count(filter: Filter): Promise<number> {
    return this.#with((c) => c.countDocuments(filter))
  }

  async insertOne(doc: Doc): Promise<{ insertedId: unknown }> {
    // A copy: the driver would otherwise write the generated _id into the caller's object.
    const r = await this.#with((c) => c.insertOne({ ...doc }))
    return { insertedId: r.insertedId }
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return updateResult(await this.#with((c) => c.updateOne(filter, update, { upsert: options.upsert === true })))
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return updateResult(await this.#with((c) => c.updateMany(filter, update)))
  }

  async deleteOne(filter: Filter): Promise<{ deletedCount: number }> {
    return { deletedCount: (await this.#with((c) => c.deleteOne(filter))).deletedCount }
  }

  async deleteMany(filter: Filter): Promise<{ deletedCount: number }> {
    return { deletedCount: (await this.#with((c) => c.deleteMany(filter))).deletedCount }
  }

  aggregate<R extends Doc = Doc>(pipeline: Doc[]): Promise<R[]> {
    return this.#with((c) => c.aggregate<R>(pipeline as Document[], READ).toArray())
  }

  async createIndexes(indexes: IndexSpec[]): Promise<void> {
    const missing = missingIndexes(await this.listIndexes(), indexes)
    if (missing.length === 0) return
    try {
      await this.#with((c) => c.createIndexes(missing))
    } catch (err) {
      throw err instanceof IndexConflictError ? new IndexConflictError(missing[0]!.name) : err
    }
  }

  async dropIndex(name: string): Promise<boolean> {
    if (name === '_id_') throw new ValidationError('index', 'the _id_ index cannot be dropped')
    return this.#with(async (c) => {
      try {
        await c.dropIndex(name)
        return true
      } catch (err) {
        // IndexNotFound (27) or NamespaceNotFound (26): nothing to drop.
        const code = Number((err as { code?: unknown } | null)?.code)
        if (code === 27 || code === 26) return false
        throw err
      }
    })
  }

  async listIndexes(): Promise<IndexSpec[]> {
    const raw = await this.#with(async (c) => {
      try {
        return await c.listIndexes().toArray()
      } catch (err) {
        // A collection that does not exist yet has only the built-in index (NamespaceNotFound).
        if (Number((err as { code?: unknown } | null)?.code) === 26) return [{ key: { _id: 1 }, name: '_id_' }]
        throw err
      }
    })
    return raw.map((ix) => {
      const key: Record<string, 1 | -1> = {}
      for (const [k, v] of Object.entries(ix.key as Document)) key[k] = Number(v) === -1 ? -1 : 1
      return ix.unique ? { key, name: String(ix.name), unique: true } : { key, name: String(ix.name) }
    })
  }
}

function updateResult(r: { matchedCount: number; modifiedCount: number; upsertedId?: unknown }): UpdateResult {
  const out: UpdateResult = { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount }
  if (r.upsertedId !== undefined && r.upsertedId !== null) out.upsertedId = r.upsertedId
  return out
}

function mapError(err: unknown): unknown {
  if (err instanceof MongoOperationTimeoutError || err instanceof MongoNetworkTimeoutError) {
    return withCause(new BackendUnavailableError(BACKEND, 'timeout'), err)
  }
  if (err instanceof MongoNetworkError || err instanceof MongoServerSelectionError || err instanceof MongoTopologyClosedError) {
    return withCause(new BackendUnavailableError(BACKEND, 'unreachable'), err)
  }
  if (err instanceof MongoServerError || typeof (err as { code?: unknown } | null)?.code === 'number') {
    const code = Number((err as { code: unknown }).code)
    const codeName = (err as { codeName?: string }).codeName ?? `code ${code}`
    // FerretDB v1 reports a unique violation caused by an UPDATE as InternalError (code 1).
    if (code === 11000 || code === 11001 || (code === 1 && /UNIQUE constraint failed/.test(String((err as Error).message)))) {
      const name = /index: (\S+)/.exec(String((err as Error).message))?.[1]
      return new DuplicateKeyError(name ? `duplicate key on index ${name}` : 'duplicate key', { index: name, cause: err })
    }
    if (INDEX_CONFLICT_CODES.has(code)) return withCause(new IndexConflictError('unknown'), err)
    if (UNSUPPORTED_CODES.has(code)) return withCause(new UnsupportedOperationError(BACKEND, codeName), err)
    if (CLIENT_ERROR_CODES.has(code)) return withCause(new ValidationError('operation', `refused by the database (${codeName})`), err)
    return withCause(new BackendUnavailableError(BACKEND, 'error', codeName), err)
  }
  return err
}

function withCause<E extends Error>(err: E, cause: unknown): E {
  Object.defineProperty(err, 'cause', { value: cause, enumerable: false, configurable: true, writable: true })
  return err
}
