/**
 * The embedded document store: MongoDB-style collections on node:sqlite, implementing the same
 * `Collection` interface as the Data API client and the driver so repositories run unchanged.
 *
 * One table per collection (`doc_c_<name>`: rowid for natural order, `id` = canonical EJSON of
 * `_id`, `body` = relaxed EJSON). Indexes become SQLite expression indexes over json_extract, so
 * unique indexes are enforced by SQLite itself (across processes sharing the file) and equality
 * lookups on indexed fields are index searches. SQL narrows the candidates; mingo evaluates the
 * full filter, updates and aggregation pipelines on them. Writes run inside BEGIN IMMEDIATE.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { ObjectId } from 'bson'
import { Aggregator, update as applyUpdate, Query } from 'mingo'
import { ValidationError } from '../../errors.ts'
import type { Collection, Doc, DocumentStore, Filter, FindOptions, IndexSpec, Update, UpdateResult } from '../../ports.ts'
import { missingIndexes } from '../index-specs.ts'
import { checkDocument, checkFilter, checkPipeline, checkUpdate, decode, encode, MINGO, upsertSeed } from './documents-ops.ts'
import { asDuplicate, checkName, fieldExpr, idKey, jsonPathLiteral, prefilter, sqlIndexName, tableName } from './documents-sql.ts'

interface Row {
  rowid: number
  body: string
}

interface Stored {
  rowid: number
  doc: Doc
}

/**
 * Creates the document store on an open database (shared with the key-value twins; every table
 * here starts with `doc_`). The caller owns `db` and closes it.
 *
 * @example
 * const docs = createEmbeddedDocuments(new DatabaseSync('./data/gatehouse.db'))
 * await docs.collection('user_profiles').findOne({ user_id: 'u1' })
 */
export function createEmbeddedDocuments(db: DatabaseSync): DocumentStore {
  db.exec(`CREATE TABLE IF NOT EXISTS doc_indexes (
    coll TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (coll, name)
  )`)
  const statements = new Map<string, StatementSync>()
  const prepare = (sql: string): StatementSync => {
    let stmt = statements.get(sql)
    if (!stmt) {
      if (statements.size > 500) statements.clear()
      stmt = db.prepare(sql)
      statements.set(sql, stmt)
    }
    return stmt
  }
  const collections = new Map<string, EmbeddedCollection>()
  return {
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      checkName('collection', name)
      let coll = collections.get(name)
      if (!coll) {
        coll = new EmbeddedCollection(db, prepare, name)
        collections.set(name, coll)
      }
      return coll as unknown as Collection<T>
    },
    async ping() {
      prepare('SELECT 1').get()
    },
  }
}

class EmbeddedCollection implements Collection {
  readonly #db: DatabaseSync
  readonly #prepare: (sql: string) => StatementSync
  readonly #name: string
  readonly #table: string
  /** Fields that appear in some index of this collection (they may be used for SQL lookups). */
  #indexed: Set<string> | undefined

  constructor(db: DatabaseSync, prepare: (sql: string) => StatementSync, name: string) {
    this.#db = db
    this.#prepare = prepare
    this.#name = name
    this.#table = tableName(name)
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.#table} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)`)
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<Doc | null> {
    return this.#find(filter, { ...options, limit: 1 })[0] ?? null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<Doc[]> {
    return this.#find(filter, options)
  }

  async count(filter: Filter): Promise<number> {
    checkFilter(filter)
    const pre = prefilter(filter, this.#indexedFields())
    if (pre.exact) {
      const row = this.#prepare(`SELECT count(*) AS n FROM ${this.#table} ${pre.where}`).get(...pre.params) as { n: number }
      return row.n
    }
    return this.#matching(filter).length
  }

  async insertOne(doc: Doc): Promise<{ insertedId: unknown }> {
    checkDocument(doc)
    const { _id, ...rest } = doc
    const stored: Doc = { _id: _id === undefined ? new ObjectId() : _id, ...rest }
    this.#write(() => this.#insert(stored))
    return { insertedId: stored._id }
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.#update(filter, update, { upsert: options.upsert === true, multi: false })
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.#update(filter, update, { upsert: false, multi: true })
  }

  async deleteOne(filter: Filter): Promise<{ deletedCount: number }> {
    return this.#delete(filter, false)
  }

  async deleteMany(filter: Filter): Promise<{ deletedCount: number }> {
    return this.#delete(filter, true)
  }

  async aggregate<R extends Doc = Doc>(pipeline: Doc[]): Promise<R[]> {
    checkPipeline(pipeline)
    const first = pipeline[0]
    const match = first && '$match' in first ? (first.$match as Filter) : {}
    const docs = this.#narrowed(match).rows.map((s) => s.doc)
    return new Aggregator(pipeline, MINGO).run<R>(docs)
  }

  async createIndexes(indexes: IndexSpec[]): Promise<void> {
    for (const spec of indexes) {
      checkName('index', spec.name)
      if (spec.name === '_id_') throw new ValidationError('index', 'the _id_ index is built in')
      const fields = Object.entries(spec.key ?? {})
      if (fields.length === 0 || fields.some(([, dir]) => dir !== 1 && dir !== -1)) throw new ValidationError('index', 'key must map fields to 1 or -1')
    }
    this.#write(() => {
      for (const want of missingIndexes(this.#listSpecs(), indexes)) {
        const columns = Object.entries(want.key).map(([field, dir]) => `${fieldExpr(field)}${dir === -1 ? ' DESC' : ''}`)
        for (const field of Object.keys(want.key)) {
          const arrays = this.#prepare(`SELECT 1 FROM ${this.#table} WHERE json_type(body, ${jsonPathLiteral(field)}) = 'array' LIMIT 1`).get()
          if (arrays) throw new ValidationError('index', `field "${field}" holds arrays; the embedded store has no multikey indexes`)
        }
        try {
          this.#db.exec(`CREATE ${want.unique ? 'UNIQUE ' : ''}INDEX ${sqlIndexName(this.#name, want.name)} ON ${this.#table} (${columns.join(', ')})`)
        } catch (err) {
          throw asDuplicate(err, want.name) ?? err
        }
        this.#prepare('INSERT INTO doc_indexes (coll, name, spec) VALUES (?, ?, ?)').run(this.#name, want.name, JSON.stringify(want))
      }
    })
    this.#indexed = undefined
  }

  async listIndexes(): Promise<IndexSpec[]> {
    return [{ key: { _id: 1 }, name: '_id_' }, ...this.#listSpecs()]
  }

  async dropIndex(name: string): Promise<boolean> {
    if (name === '_id_') throw new ValidationError('index', 'the _id_ index cannot be dropped')
    checkName('index', name)
    const dropped = this.#write(() => {
      if (Number(this.#prepare('DELETE FROM doc_indexes WHERE coll = ? AND name = ?').run(this.#name, name).changes) === 0) return false
      this.#db.exec(`DROP INDEX IF EXISTS ${sqlIndexName(this.#name, name)}`)
      return true
    })
    this.#indexed = undefined
    return dropped
  }

  #listSpecs(): IndexSpec[] {
    const rows = this.#prepare('SELECT spec FROM doc_indexes WHERE coll = ? ORDER BY rowid').all(this.#name) as Array<{ spec: string }>
    return rows.map((r) => JSON.parse(r.spec) as IndexSpec)
  }

  #indexedFields(): Set<string> {
    this.#indexed ??= new Set(this.#listSpecs().flatMap((s) => Object.keys(s.key)))
    return this.#indexed
  }

  /** Rows that may match (SQL-level narrowing), decoded, in natural (insertion) order; `exact`: SQL alone decided the filter. */
  #narrowed(filter: Filter): { rows: Stored[]; exact: boolean } {
    checkFilter(filter)
    const { where, params, exact } = prefilter(filter, this.#indexedFields())
    const rows = this.#prepare(`SELECT rowid, body FROM ${this.#table} ${where} ORDER BY rowid`).all(...params) as unknown as Row[]
    return { rows: rows.map((r) => ({ rowid: r.rowid, doc: decode(r.body) })), exact }
  }

  /** The matches: the SQL candidates, filtered by mingo unless SQL alone decided the filter. */
  #matching(filter: Filter): Stored[] {
    const { rows, exact } = this.#narrowed(filter)
    if (exact) return rows
    const query = new Query(filter, MINGO)
    return rows.filter((s) => query.test(s.doc))
  }

  #find(filter: Filter, options: FindOptions): Doc[] {
    let docs = this.#matching(filter).map((s) => s.doc)
    if (options.sort && Object.keys(options.sort).length > 0) {
      docs = new Query({}, MINGO).find<Doc>(docs).sort(options.sort).all()
    }
    const skip = Math.max(0, options.skip ?? 0)
    const limit = options.limit && options.limit > 0 ? options.limit : undefined
    docs = docs.slice(skip, limit === undefined ? undefined : skip + limit)
    if (options.projection && Object.keys(options.projection).length > 0) {
      docs = new Query({}, MINGO).find<Doc>(docs, options.projection).all()
    }
    return docs
  }

  #update(filter: Filter, update: Update, opts: { upsert: boolean; multi: boolean }): UpdateResult {
    const { modifier, onInsert } = checkUpdate(update)
    const hasModifier = Object.keys(modifier).length > 0
    return this.#write(() => {
      const matches = this.#matching(filter)
      const targets = opts.multi ? matches : matches.slice(0, 1)
      let modified = 0
      for (const { rowid, doc } of targets) {
        if (!hasModifier) continue
        const changed = applyUpdate(doc, modifier)
        if (changed.length === 0) continue
        this.#replace(rowid, doc)
        modified++
      }
      if (targets.length > 0 || !opts.upsert) return { matchedCount: targets.length, modifiedCount: modified }
      const doc: Doc = upsertSeed(filter)
      if (Object.keys(onInsert).length > 0) applyUpdate(doc, { $set: onInsert })
      if (hasModifier) applyUpdate(doc, modifier)
      if (doc._id === undefined) doc._id = new ObjectId()
      this.#insert(doc)
      return { matchedCount: 0, modifiedCount: 0, upsertedId: doc._id }
    })
  }

  #delete(filter: Filter, multi: boolean): { deletedCount: number } {
    return this.#write(() => {
      const matches = this.#matching(filter)
      const targets = multi ? matches : matches.slice(0, 1)
      const del = this.#prepare(`DELETE FROM ${this.#table} WHERE rowid = ?`)
      for (const { rowid } of targets) del.run(rowid)
      return { deletedCount: targets.length }
    })
  }

  /**
   * SQL lookups compare an indexed field's JSON value as a whole, so an array there would hide
   * element matches: refused loudly instead (the embedded store has no multikey indexes).
   */
  #checkIndexedValues(doc: Doc): void {
    for (const path of this.#indexedFields()) {
      let value: unknown = doc
      for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Doc)[part] : undefined
      if (Array.isArray(value)) throw new ValidationError('document', `indexed field "${path}" must not hold an array in the embedded store`)
    }
  }

  #insert(doc: Doc): void {
    this.#checkIndexedValues(doc)
    try {
      this.#prepare(`INSERT INTO ${this.#table} (id, body) VALUES (?, ?)`).run(idKey(doc._id), encode(doc))
    } catch (err) {
      throw asDuplicate(err) ?? err
    }
  }

  #replace(rowid: number, doc: Doc): void {
    this.#checkIndexedValues(doc)
    try {
      this.#prepare(`UPDATE ${this.#table} SET body = ? WHERE rowid = ?`).run(encode(doc), rowid)
    } catch (err) {
      throw asDuplicate(err) ?? err
    }
  }

  /**
   * Runs fn atomically. BEGIN IMMEDIATE takes the write lock up front, so another process on the
   * same file cannot slip a write between our read and our write. Nested use (a caller already
   * inside a transaction on this connection) becomes a savepoint.
   */
  #write<T>(fn: () => T): T {
    const nested = this.#db.isTransaction
    this.#db.exec(nested ? 'SAVEPOINT doc_write' : 'BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.#db.exec(nested ? 'RELEASE doc_write' : 'COMMIT')
      return result
    } catch (err) {
      this.#db.exec(nested ? 'ROLLBACK TO doc_write; RELEASE doc_write' : 'ROLLBACK')
      throw err
    }
  }
}
