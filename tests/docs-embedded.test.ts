/**
 * Document contracts on the embedded store (node:sqlite, a temp file), plus what only this path
 * has to prove: persistence across reopen, uniqueness across two connections to one file, and
 * indexed lookups that do not scan the table.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { Binary, Decimal128, Long, ObjectId } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmbeddedDocuments } from '../src/adapters/embedded/documents.ts'
import { fieldExpr, prefilter, tableName } from '../src/adapters/embedded/documents-sql.ts'
import { DuplicateKeyError, IndexConflictError, ValidationError } from '../src/errors.ts'
import type { DocumentStore } from '../src/ports.ts'
import { COLLECTIONS, ensureIndexes } from '../src/repositories/indexes.ts'
import { createUploadsRepository } from '../src/repositories/uploads.ts'
import { collectionContract } from './contracts/collection.contract.ts'
import { profilesContract } from './contracts/profiles.contract.ts'
import { uploadsContract } from './contracts/uploads.contract.ts'
import { usersContract } from './contracts/users.contract.ts'

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-docs-'))
const file = join(dir, 'gatehouse.db')

/** Opened like src/adapters/embedded/index.ts does (WAL, busy timeout). */
function open(): DatabaseSync {
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;')
  return db
}

let db: DatabaseSync
let store: DocumentStore

beforeAll(() => {
  db = open()
  store = createEmbeddedDocuments(db)
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

collectionContract(() => store)
profilesContract(() => store)
uploadsContract(() => store)
usersContract(() => store)

describe('embedded document store specifics', () => {
  it('documents and indexes persist across closing and reopening the file', async () => {
    const c = store.collection('persist')
    await c.createIndexes([{ key: { k: 1 }, name: 'k_1', unique: true }])
    const at = new Date('2026-05-05T05:05:05.005Z')
    await c.insertOne({ k: 'one', at })
    const other = open()
    try {
      const reopened = createEmbeddedDocuments(other).collection('persist')
      const doc = await reopened.findOne({ k: 'one' })
      expect(doc!.at).toEqual(at)
      expect((await reopened.listIndexes()).map((i) => i.name)).toEqual(['_id_', 'k_1'])
      // The unique index lives in SQLite: a second connection (another process) is refused too.
      await expect(reopened.insertOne({ k: 'one' })).rejects.toBeInstanceOf(DuplicateKeyError)
    } finally {
      other.close()
    }
    expect(await c.count({ k: 'one' })).toBe(1)
  })

  it('equality on indexed fields is an index search, not a table scan', async () => {
    await ensureIndexes(store, { only: ['uploads'] })
    const uploads = createUploadsRepository(store)
    await uploads.create({ tenant_id: 'plan-t', user_id: 'u', source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'json' })
    const indexed = new Set(['tenant_id', 'upload_id', 'status'])
    const { where, params } = prefilter({ tenant_id: 'plan-t', status: { $in: ['pending', 'success'] }, file_size: { $gt: 0 } }, indexed)
    expect(where).toContain(fieldExpr('tenant_id'))
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT rowid, body FROM ${tableName(COLLECTIONS.uploads)} ${where}`).all(...params) as Array<{ detail: string }>
    const detail = plan.map((p) => p.detail).join(' | ')
    expect(detail).toMatch(/USING INDEX/)
    expect(detail).not.toMatch(/^SCAN/)
    const byId = prefilter({ _id: 'x' }, new Set())
    expect(byId.where).toBe('WHERE id = ?')
  })

  it('refuses what it cannot do safely: bad names, replacement updates, code, writing stages, index redefinition', async () => {
    expect(() => store.collection('bad"name')).toThrow(ValidationError)
    const c = store.collection('refusals')
    await c.insertOne({ _id: 'a', v: 1 })
    await expect(c.updateOne({ _id: 'a' }, { v: 2 })).rejects.toBeInstanceOf(ValidationError)
    await expect(c.updateOne({ _id: 'a' }, { $set: { _id: 'b' } })).rejects.toBeInstanceOf(ValidationError)
    await expect(c.insertOne({ $where: 'x' })).rejects.toBeInstanceOf(ValidationError)
    await expect(c.find({ $where: 'function () { return true }' })).rejects.toThrow()
    await expect(c.aggregate([{ $out: 'elsewhere' }])).rejects.toBeInstanceOf(ValidationError)
    await expect(c.aggregate([{ $match: {} }, { $lookup: { from: 'x' } }])).rejects.toBeInstanceOf(ValidationError)
    await c.createIndexes([{ key: { v: 1 }, name: 'v_1' }])
    await expect(c.createIndexes([{ key: { v: -1 }, name: 'v_1' }])).rejects.toBeInstanceOf(IndexConflictError)
    await expect(c.createIndexes([{ key: { 'a.$b': 1 }, name: 'weird' }])).rejects.toBeInstanceOf(ValidationError)
    // No multikey indexes: an array in an indexed field is refused rather than silently unmatched.
    await expect(c.insertOne({ v: [1, 2] })).rejects.toBeInstanceOf(ValidationError)
    await expect(c.updateOne({ _id: 'a' }, { $set: { v: [1] } })).rejects.toBeInstanceOf(ValidationError)
    await c.insertOne({ w: ['already', 'an', 'array'] })
    await expect(c.createIndexes([{ key: { w: 1 }, name: 'w_1' }])).rejects.toBeInstanceOf(ValidationError)
    const { insertedId } = await c.insertOne({ _id: undefined, v: 3 })
    expect(insertedId).toBeDefined()
    expect(await c.findOne({ v: 3 })).toMatchObject({ _id: insertedId })
    expect(await c.findOne({ _id: 'a' })).toMatchObject({ v: 1 })
  })

  it('counts answered by SQL alone agree with MongoDB semantics (numbers vs booleans, JSON-looking strings)', async () => {
    const c = store.collection('exact_count')
    await c.createIndexes([{ key: { f: 1 }, name: 'f_1' }])
    for (const f of [true, 1, 1.0, '1', { a: 1 }, '{"a":1}', null, 'x', 'x']) await c.insertOne({ f })
    await c.insertOne({ other: 1 })
    expect(prefilter({ f: 'x' }, new Set(['f'])).exact).toBe(true)
    expect(prefilter({ f: 1 }, new Set(['f'])).exact).toBe(false)
    expect(prefilter({ f: 'x', g: 1 }, new Set(['f'])).exact).toBe(false)
    expect(await c.count({ f: 'x' })).toBe(2)
    expect(await c.count({ f: { $in: ['x', '1'] } })).toBe(3)
    expect(await c.count({ f: 1 })).toBe(2)
    expect(await c.count({ f: true })).toBe(1)
    expect(await c.count({ f: '{"a":1}' })).toBe(1)
    expect(await c.count({ f: { a: 1 } })).toBe(1)
    expect(await c.count({ f: null })).toBe(2)
    expect(await c.count({})).toBe(10)
  })

  it('round-trips every EJSON type it stores (Decimal128, Long, Binary, old and far dates, nested)', async () => {
    const c = store.collection('ejson_types')
    const doc = {
      _id: 'types',
      dec: Decimal128.fromString('1234.5678'),
      long: Long.fromString('9007199254740993'),
      bin: new Binary(new Uint8Array([1, 2, 3])),
      old: new Date('1900-01-01T00:00:00Z'),
      nested: { list: [{ at: new Date('2026-01-01T00:00:00Z') }, new ObjectId('507f1f77bcf86cd799439011')] },
    }
    await c.insertOne(doc)
    const back = (await c.findOne({ _id: 'types' }))!
    expect(String(back.dec)).toBe('1234.5678')
    expect(String(back.long)).toBe('9007199254740993')
    expect(Buffer.from((back.bin as Binary).buffer)).toEqual(Buffer.from([1, 2, 3]))
    expect(back.old).toEqual(doc.old)
    expect(back.nested).toEqual(doc.nested)
  })

  it('a $group may carry several accumulators (unlike FerretDB v1, which fills only the first)', async () => {
    const c = store.collection('multi_acc')
    for (const [s, n] of [
      ['a', 1],
      ['a', 2],
      ['b', 5],
    ] as const)
      await c.insertOne({ s, n })
    const out = await c.aggregate([{ $group: { _id: '$s', count: { $sum: 1 }, n: { $sum: '$n' } } }, { $sort: { _id: 1 } }])
    expect(out).toEqual([
      { _id: 'a', count: 2, n: 3 },
      { _id: 'b', count: 1, n: 5 },
    ])
  })

  it('a failed write inside a multi-document update rolls back entirely', async () => {
    const c = store.collection('rollback')
    await c.createIndexes([{ key: { slot: 1 }, name: 'slot_1', unique: true }])
    await c.insertOne({ slot: 1, group: 'g' })
    await c.insertOne({ slot: 2, group: 'g' })
    await expect(c.updateMany({ group: 'g' }, { $set: { slot: 9 } })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await c.find({}, { sort: { slot: 1 } })).map((d) => d.slot)).toEqual([1, 2])
  })
})
