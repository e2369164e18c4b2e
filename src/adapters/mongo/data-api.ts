/**
 * The edge Data API client: a `DocumentStore` over the MongoDB Data API v1 protocol (our gateway,
 * gateway/), using `fetch` only — no node: imports, so it runs in Workers.
 *
 * - EJSON both ways (src/adapters/mongo/ejson.ts): ObjectId, Date, Decimal128, Long survive.
 * - One deadline per call (`AbortSignal.timeout`) covering retries and backoff: `timeoutMs` for
 *   reads, the longer `writeTimeoutMs` for writes (an aborted write can still land).
 * - Only network errors are retried (capped backoff); an HTTP answer, even a 5xx, never is.
 * - Errors are our classes: DuplicateKeyError, IndexConflictError, ValidationError,
 *   UnsupportedOperationError, BackendUnavailableError (src/errors.ts), DataApiError for the rest. Their messages carry the
 *   action, status and the gateway's error code/message — never the request body.
 * - Extensions used (gateway/README.md): countDocuments, createIndexes, listIndexes, dropIndex, GET /ping.
 *
 * @example
 * const docs = createDataApiDocuments({ url: 'http://127.0.0.1:8080', apiKey: 'k', dataSource: 'local', database: 'app' })
 * await docs.collection('user_profiles').findOne({ user_id: 'u1' })
 */
import { ObjectId } from 'bson'
import { BackendUnavailableError, DuplicateKeyError, IndexConflictError, UnsupportedOperationError, ValidationError } from '../../errors.ts'
import type { Collection, Doc, DocumentStore, Filter, FindOptions, IndexSpec, Update, UpdateResult } from '../../ports.ts'
import { missingIndexes } from '../index-specs.ts'
import { decodeEjson, encodeEjson } from './ejson.ts'

export interface DataApiOptions {
  /** Base URL; actions are POSTed to `${url}/action/<name>`. */
  url: string
  apiKey: string
  /** The v1 `dataSource` field (the gateway accepts any name). */
  dataSource: string
  database: string
  /** Deadline of one call, retries included (default 5000 ms). */
  timeoutMs?: number
  /**
   * Deadline of one WRITE call (insert, update, delete, index changes; default: timeoutMs). Longer
   * than reads on purpose: an aborted write may still be applied by the server, so the client
   * waits for the real outcome; the HTTP layer answers its own deadline (src/http/idempotency).
   */
  writeTimeoutMs?: number
  /** Retries after a network error (default 2). */
  retries?: number
  /**
   * Limit sent by `find` without one (default 50,000, the v1 maximum; keep it ≤ the gateway's
   * `--find-limit-cap`). More matches than that is an error rather than a silently cut answer.
   */
  maxFindLimit?: number
  /** A fetch to use instead of the global one (tests, service bindings). */
  fetch?: typeof fetch
}

/** A Data API answer our other classes do not cover (401/403/404, or an unreadable answer). */
export class DataApiError extends Error {
  override name = 'DataApiError'
  readonly action: string
  /** HTTP status (0 when there was no answer). */
  readonly status: number
  /** The gateway's `error_code` (e.g. InvalidSession, Forbidden, NotSupported). */
  readonly code: string

  constructor(action: string, status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(`Data API ${action} failed (${status} ${code}): ${message}`, options)
    this.action = action
    this.status = status
    this.code = code
  }
}

const BACKEND = 'mongodb'
/** Actions that change data: bounded by writeTimeoutMs. */
const WRITE_ACTIONS = new Set(['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'createIndexes', 'dropIndex'])
const BACKOFF_BASE_MS = 50
const BACKOFF_CAP_MS = 400

/** Answer bodies whose text we quote are cut to this many characters. */
const MAX_QUOTED = 300

export function createDataApiDocuments(options: DataApiOptions): DocumentStore {
  if (!options.url) throw new Error('[documents] [data-api] Missing required option `url`')
  if (!options.apiKey) throw new Error('[documents] [data-api] Missing required option `apiKey`')
  if (!options.database) throw new Error('[documents] [data-api] Missing required option `database`')
  const base = options.url.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 5000
  const writeTimeoutMs = Math.max(timeoutMs, options.writeTimeoutMs ?? timeoutMs)
  const retries = options.retries ?? 2
  const maxFindLimit = options.maxFindLimit ?? 50_000
  // Bound through a wrapper: Workers throw "Illegal invocation" for a detached global fetch.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const headers = { 'content-type': 'application/ejson', accept: 'application/ejson', apiKey: options.apiKey }
  const utf8 = new TextDecoder()

  /** One request with the call's deadline; network errors retried, answers returned as is. */
  async function send(what: string, url: string, init: RequestInit): Promise<{ status: number; text: string }> {
    const bound = WRITE_ACTIONS.has(what) ? writeTimeoutMs : timeoutMs
    const signal = AbortSignal.timeout(bound)
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await doFetch(url, { ...init, signal })
        // Decoded by hand: workerd warns on .text() of a non-text type such as application/ejson.
        return { status: res.status, text: utf8.decode(await res.arrayBuffer()) }
      } catch (err) {
        if (signal.aborted || isAbort(err)) {
          throw withCause(new BackendUnavailableError(BACKEND, 'timeout', `Data API ${what}: no answer within ${bound} ms`), err)
        }
        if (attempt >= retries) {
          throw withCause(new BackendUnavailableError(BACKEND, 'unreachable', `Data API ${what}: ${errorName(err)}`), err)
        }
        const delay = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)
        if (!(await sleep(delay, signal))) {
          throw withCause(new BackendUnavailableError(BACKEND, 'timeout', `Data API ${what}: no answer within ${bound} ms`), err)
        }
      }
    }
  }

  /** POSTs an action; the decoded answer, or our error class for a failure. */
  async function call<R>(action: string, payload: Record<string, unknown>, collection: string): Promise<R> {
    const body = encodeEjson({ dataSource: options.dataSource, database: options.database, collection, ...payload })
    const { status, text } = await send(action, `${base}/action/${action}`, { method: 'POST', headers, body })
    if (status >= 200 && status < 300) {
      try {
        return decodeEjson(text) as R
      } catch (err) {
        throw new DataApiError(action, status, 'InvalidAnswer', 'the answer is not EJSON', { cause: err })
      }
    }
    throw answerError(action, status, text)
  }

  const collections = new Map<string, DataApiCollection>()
  return {
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      let coll = collections.get(name)
      if (!coll) {
        coll = new DataApiCollection(name, call, maxFindLimit)
        collections.set(name, coll)
      }
      return coll as unknown as Collection<T>
    },
    async ping() {
      const { status, text } = await send('ping', `${base}/ping`, { method: 'GET', headers: { apiKey: options.apiKey } })
      if (status !== 200) throw answerError('ping', status, text)
    },
  }
}

type Call = <R>(action: string, payload: Record<string, unknown>, collection: string) => Promise<R>

class DataApiCollection implements Collection {
  readonly #name: string
  readonly #call: Call
  readonly #maxFindLimit: number

  constructor(name: string, call: Call, maxFindLimit: number) {
    this.#name = name
    this.#call = call
    this.#maxFindLimit = maxFindLimit
  }

  #run<R>(action: string, payload: Record<string, unknown>): Promise<R> {
    return this.#call<R>(action, payload, this.#name)
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<Doc | null> {
    // v1 findOne has no sort: a sorted findOne is a find with limit 1.
    if (options.sort) return (await this.find(filter, { ...options, limit: 1 }))[0] ?? null
    const r = await this.#run<{ document: Doc | null }>('findOne', { filter, ...(options.projection && { projection: options.projection }) })
    return r.document ?? null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<Doc[]> {
    const limit = options.limit || this.#maxFindLimit
    const r = await this.#run<{ documents: Doc[] }>('find', {
      filter,
      ...(options.projection && { projection: options.projection }),
      ...(options.sort && { sort: options.sort }),
      ...(options.skip && { skip: options.skip }),
      limit,
    })
    if (!options.limit && r.documents.length >= this.#maxFindLimit) {
      throw new ValidationError('limit', `more than ${this.#maxFindLimit} documents match; pass a limit`)
    }
    return r.documents
  }

  async count(filter: Filter): Promise<number> {
    return (await this.#run<{ count: number }>('countDocuments', { filter })).count
  }

  async insertOne(doc: Doc): Promise<{ insertedId: unknown }> {
    // The id is made here (as the driver does), so a retried insert cannot create a second copy.
    const document = doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc
    return { insertedId: (await this.#run<{ insertedId: unknown }>('insertOne', { document })).insertedId }
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return updateResult(await this.#run('updateOne', { filter, update, upsert: options.upsert === true }))
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return updateResult(await this.#run('updateMany', { filter, update }))
  }

  async deleteOne(filter: Filter): Promise<{ deletedCount: number }> {
    return { deletedCount: (await this.#run<{ deletedCount: number }>('deleteOne', { filter })).deletedCount }
  }

  async deleteMany(filter: Filter): Promise<{ deletedCount: number }> {
    return { deletedCount: (await this.#run<{ deletedCount: number }>('deleteMany', { filter })).deletedCount }
  }

  async aggregate<R extends Doc = Doc>(pipeline: Doc[]): Promise<R[]> {
    return (await this.#run<{ documents: R[] }>('aggregate', { pipeline })).documents
  }

  async createIndexes(indexes: IndexSpec[]): Promise<void> {
    const missing = missingIndexes(await this.listIndexes(), indexes)
    if (missing.length > 0) await this.#run('createIndexes', { indexes: missing })
  }

  async listIndexes(): Promise<IndexSpec[]> {
    return (await this.#run<{ indexes: IndexSpec[] }>('listIndexes', {})).indexes
  }

  async dropIndex(name: string): Promise<boolean> {
    if (name === '_id_') throw new ValidationError('index', 'the _id_ index cannot be dropped')
    return (await this.#run<{ dropped: boolean }>('dropIndex', { name })).dropped === true
  }
}

function updateResult(r: UpdateResult): UpdateResult {
  const out: UpdateResult = { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount }
  if (r.upsertedId !== undefined && r.upsertedId !== null) out.upsertedId = r.upsertedId
  return out
}

/** Maps an error answer `{error, error_code}` to our classes. */
function answerError(action: string, status: number, text: string): Error {
  let error = ''
  let code = `HTTP${status}`
  let index: string | undefined
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_code?: unknown; index?: unknown }
    if (typeof parsed.error === 'string') error = parsed.error.slice(0, MAX_QUOTED)
    if (typeof parsed.error_code === 'string') code = parsed.error_code
    if (typeof parsed.index === 'string') index = parsed.index
  } catch {
    // Not our gateway's JSON (a proxy page...): status and code say enough; the text is not quoted.
  }
  const base = new DataApiError(action, status, code, error || 'no error message')
  if (status === 409 && code === 'DuplicateKey') {
    return new DuplicateKeyError(index ? `duplicate key on index ${index}` : 'duplicate key', { index, cause: base })
  }
  if (status === 409 && code === 'IndexConflict') return withCause(new IndexConflictError(index ?? 'unknown'), base)
  if (status === 400 || status === 413) {
    const field = /"([^"]+)"/.exec(error)?.[1] ?? (status === 413 ? 'document' : 'request')
    return withCause(new ValidationError(field, status === 413 ? 'the request is larger than the gateway accepts' : error || code), base)
  }
  if (status === 501) return withCause(new UnsupportedOperationError(BACKEND, `Data API ${action}: ${error || code}`), base)
  if (status >= 500) {
    const reason = status === 502 || status === 503 || status === 504 ? 'unreachable' : 'error'
    return withCause(new BackendUnavailableError(BACKEND, reason, `Data API ${action}: ${status} ${code}`), base)
  }
  return base
}

function isAbort(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name
  return name === 'AbortError' || name === 'TimeoutError'
}

function errorName(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : ''
  return `network error${code}`
}

/** Attaches `cause` to errors whose constructors take none. */
function withCause<E extends Error>(err: E, cause: unknown): E {
  Object.defineProperty(err, 'cause', { value: cause, enumerable: false, configurable: true, writable: true })
  return err
}

/** Waits ms; false when the signal fires first. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(ok)
    }
    const onAbort = () => done(false)
    const timer = setTimeout(() => done(true), ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
