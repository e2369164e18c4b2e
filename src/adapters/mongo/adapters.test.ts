/**
 * What both MongoDB adapters must do alike, run against the real FerretDB: the Data API client
 * through the real gateway, and the driver directly. (The repositories' contract suites cover the
 * query semantics; this covers types, errors and index management of the adapters themselves.)
 */
import { Long, ObjectId } from 'bson'
import { afterAll, describe, expect, it } from 'vitest'
import { need, uniq } from '../../../tests/harness/services.ts'
import { DuplicateKeyError, IndexConflictError, UnsupportedOperationError, ValidationError } from '../../errors.ts'
import type { DocumentStore, IndexSpec } from '../../ports.ts'
import { createDataApiDocuments } from './data-api.ts'
import { createDriverDocuments } from './driver.ts'

const SECRET = 'sk_live_do-not-log-me'

const makers: Array<[string, () => DocumentStore]> = [
  [
    'data-api → gateway → FerretDB',
    () => createDataApiDocuments({ url: need('gatewayUrl'), apiKey: need('gatewayKey'), dataSource: 'ferret', database: uniq('api') }),
  ],
  ['driver → FerretDB', () => createDriverDocuments({ uri: need('mongoUri'), database: uniq('drv') })],
]

describe.each(makers)('%s', (_label, make) => {
  const store = make()
  afterAll(async () => {
    await store.close?.()
  })

  it('pings', async () => {
    await expect(store.ping()).resolves.toBeUndefined()
  })

  it('round-trips ObjectId, Date, Long, big and fractional numbers, nested values', async () => {
    const coll = store.collection(uniq('types'))
    const ref = new ObjectId()
    const at = new Date('2024-02-29T12:34:56.789Z')
    const doc = {
      ref,
      at,
      long: Long.fromString('9007199254740993'),
      small: Long.fromNumber(7),
      ms: 1_761_000_000_123,
      ratio: 0.25,
      neg: -3,
      nested: { list: [1, 'two', { three: at }], empty: {} },
      flag: false,
      nothing: null,
    }
    const { insertedId } = await coll.insertOne(doc)
    expect(ObjectId.isValid(String(insertedId))).toBe(true)
    const back = await coll.findOne({ _id: insertedId })
    expect(back).not.toBeNull()
    expect(String(back!.ref)).toBe(ref.toHexString())
    expect((back!.ref as { _bsontype?: string })._bsontype).toBe('ObjectId')
    expect(back!.at).toBeInstanceOf(Date)
    expect((back!.at as Date).toISOString()).toBe(at.toISOString())
    expect((back!.long as { _bsontype?: string })._bsontype).toBe('Long')
    expect(String(back!.long)).toBe('9007199254740993')
    expect(String(back!.small)).toBe('7')
    expect(back!.ms).toBe(1_761_000_000_123)
    expect(back!.ratio).toBe(0.25)
    expect(back!.neg).toBe(-3)
    expect(back!.flag).toBe(false)
    expect(back!.nothing).toBeNull()
    expect(((back!.nested as { list: unknown[] }).list[2] as { three: Date }).three.toISOString()).toBe(at.toISOString())
    // values of those types work in filters too
    expect(await coll.count({ long: Long.fromString('9007199254740993'), at, ref })).toBe(1)
    expect(await coll.count({ ms: { $gt: 1_761_000_000_000 } })).toBe(1)
  })

  it('does not change the document it is given, and drops undefined fields', async () => {
    const coll = store.collection(uniq('input'))
    const doc: Record<string, unknown> = { a: 1, gone: undefined }
    const { insertedId } = await coll.insertOne(doc)
    expect(doc).toEqual({ a: 1, gone: undefined })
    expect('_id' in doc).toBe(false)
    expect(await coll.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual({ a: 1 })
  })

  it('find: sort, skip, limit, projection; findOne with sort; count; updates; deletes; aggregate', async () => {
    const coll = store.collection(uniq('crud'))
    for (let i = 0; i < 6; i++) await coll.insertOne({ i, group: i % 2 ? 'odd' : 'even' })
    expect(await coll.find({ group: 'even' }, { sort: { i: -1 }, skip: 1, limit: 1, projection: { _id: 0, i: 1 } })).toEqual([{ i: 2 }])
    expect(await coll.findOne({}, { sort: { i: -1 }, projection: { _id: 0, i: 1 } })).toEqual({ i: 5 })
    expect(await coll.count({ group: 'odd' })).toBe(3)
    expect(await coll.updateOne({ i: 0 }, { $set: { seen: true } })).toEqual({ matchedCount: 1, modifiedCount: 1 })
    expect(await coll.updateMany({ group: 'odd' }, { $inc: { i: 10 } })).toEqual({ matchedCount: 3, modifiedCount: 3 })
    const up = await coll.updateOne({ i: 99 }, { $set: { group: 'new' } }, { upsert: true })
    expect(up.matchedCount).toBe(0)
    expect(up.upsertedId).toBeDefined()
    expect(await coll.findOne({ i: 99 }, { projection: { _id: 0 } })).toEqual({ i: 99, group: 'new' })
    const sums = await coll.aggregate([{ $group: { _id: '$group', total: { $sum: '$i' } } }, { $sort: { _id: 1 } }])
    expect(sums).toEqual([
      { _id: 'even', total: 6 },
      { _id: 'new', total: 99 },
      { _id: 'odd', total: 39 },
    ])
    expect(await coll.deleteOne({ group: 'new' })).toEqual({ deletedCount: 1 })
    expect(await coll.deleteMany({ group: 'odd' })).toEqual({ deletedCount: 3 })
    expect(await coll.count({})).toBe(3)
    expect(await coll.findOne({ i: 12345 })).toBeNull()
    expect(await coll.find({ i: 12345 })).toEqual([])
  })

  it('createIndexes is idempotent; a changed definition is an IndexConflictError naming the index', async () => {
    const coll = store.collection(uniq('idx'))
    expect(await coll.listIndexes()).toEqual([{ key: { _id: 1 }, name: '_id_' }])
    const specs: IndexSpec[] = [
      { key: { user_id: 1 }, name: 'user_id_1', unique: true },
      { key: { tenant_id: 1, role: -1 }, name: 'tenant_role' },
      { key: { created_at: -1 }, name: 'created_at_-1' },
    ]
    await coll.createIndexes(specs)
    await coll.createIndexes(specs)
    await coll.createIndexes(specs.slice(1))
    const listed = (await coll.listIndexes()).sort((a, b) => a.name.localeCompare(b.name))
    expect(listed).toEqual([
      { key: { _id: 1 }, name: '_id_' },
      { key: { created_at: -1 }, name: 'created_at_-1' },
      { key: { tenant_id: 1, role: -1 }, name: 'tenant_role' },
      { key: { user_id: 1 }, name: 'user_id_1', unique: true },
    ])
    const err = await coll.createIndexes([{ key: { user_id: 1 }, name: 'user_id_1' }]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(IndexConflictError)
    expect((err as IndexConflictError).index).toBe('user_id_1')
  })

  it('a unique violation (insert or update) is a DuplicateKeyError without the value; nothing is overwritten', async () => {
    const coll = store.collection(uniq('dup'))
    await coll.createIndexes([{ key: { user_id: 1 }, name: 'user_id_1', unique: true }])
    await coll.insertOne({ user_id: SECRET, v: 1 })
    const err = await coll.insertOne({ user_id: SECRET, v: 2 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DuplicateKeyError)
    expect(String((err as Error).message)).not.toContain(SECRET)
    await coll.insertOne({ user_id: 'other' })
    const upd = await coll.updateOne({ user_id: 'other' }, { $set: { user_id: SECRET } }).catch((e: unknown) => e)
    expect(upd).toBeInstanceOf(DuplicateKeyError)
    expect(String((upd as Error).message)).not.toContain(SECRET)
    expect(await coll.find({ user_id: SECRET }, { projection: { _id: 0 } })).toEqual([{ user_id: SECRET, v: 1 }])
    expect(await coll.count({ user_id: 'other' })).toBe(1)
  })

  it('building a unique index over duplicates is a DuplicateKeyError', async () => {
    const coll = store.collection(uniq('dupidx'))
    await coll.insertOne({ k: 'same' })
    await coll.insertOne({ k: 'same' })
    await expect(coll.createIndexes([{ key: { k: 1 }, name: 'k_1', unique: true }])).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('an operation the database refuses is a ValidationError that does not quote the document', async () => {
    const coll = store.collection(uniq('refused'))
    await coll.insertOne({ _id: SECRET as unknown as ObjectId, n: 'text' })
    const err = await coll.updateOne({ _id: SECRET }, { $inc: { n: 1 } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect(String((err as Error).message)).not.toContain(SECRET)
  })

  it('a feature FerretDB v1 lacks ($avg) is an UnsupportedOperationError', async () => {
    const coll = store.collection(uniq('gaps'))
    await coll.insertOne({ n: 1 })
    await expect(coll.aggregate([{ $group: { _id: null, avg: { $avg: '$n' } } }])).rejects.toBeInstanceOf(UnsupportedOperationError)
  })
})
