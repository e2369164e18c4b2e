/**
 * Contract of the `Collection` / `DocumentStore` ports (src/ports.ts): what every document
 * backend (embedded SQLite, Data API → gateway → FerretDB, driver → FerretDB) must do alike.
 * Each test works in its own collection.
 */
import { ObjectId } from 'bson'
import { beforeAll, describe, expect, it } from 'vitest'
import { DuplicateKeyError } from '../../src/errors.ts'
import type { Doc, DocumentStore, IndexSpec } from '../../src/ports.ts'
import { COLLECTIONS, ensureIndexes, INDEXES } from '../../src/repositories/indexes.ts'
import { uniq } from '../harness/services.ts'

/** ObjectId from any copy of bson (the driver loads the CJS build, tests the ESM one). */
const isObjectId = (v: unknown) => !!v && (v as { _bsontype?: string })._bsontype === 'ObjectId'

/** Registers the suite; `store()` is called inside tests (after the file's beforeAll ran). */
export function collectionContract(store: () => DocumentStore): void {
  describe('Collection contract', () => {
    const fresh = <T extends Doc = Doc>() => store().collection<T>(uniq('c').replace(/-/g, '_'))

    it('ping resolves', async () => {
      await expect(store().ping()).resolves.toBeUndefined()
    })

    it('insertOne generates an ObjectId; findOne round-trips Dates, ObjectIds, nested values, arrays', async () => {
      const c = fresh()
      const ref = new ObjectId()
      const at = new Date('2025-11-24T10:00:00.123Z')
      const { insertedId } = await c.insertOne({ name: 'a', at, ref, n: 42, f: 2.5, ok: true, none: null, tags: ['x', 'y'], deep: { a: { b: 1 } } })
      expect(isObjectId(insertedId)).toBe(true)
      const doc = await c.findOne({ _id: insertedId })
      expect(doc).not.toBeNull()
      expect(isObjectId(doc!._id)).toBe(true)
      expect(String(doc!._id)).toBe(String(insertedId))
      expect(doc!.at).toBeInstanceOf(Date)
      expect((doc!.at as Date).toISOString()).toBe(at.toISOString())
      expect(isObjectId(doc!.ref)).toBe(true)
      expect(String(doc!.ref)).toBe(ref.toHexString())
      expect(doc).toMatchObject({ name: 'a', n: 42, f: 2.5, ok: true, none: null, tags: ['x', 'y'], deep: { a: { b: 1 } } })
      expect(await c.findOne({ _id: new ObjectId() })).toBeNull()
      expect(await c.findOne({ _id: String(insertedId) })).toBeNull()
    })

    it('a duplicate _id is a DuplicateKeyError and leaves the stored document alone', async () => {
      const c = fresh()
      await c.insertOne({ _id: 'k1', v: 1 })
      await expect(c.insertOne({ _id: 'k1', v: 2 })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect((await c.findOne({ _id: 'k1' }))?.v).toBe(1)
      expect(await c.count({})).toBe(1)
    })

    it('query operators: $eq $ne $in $gt $gte $lt $lte $exists, dotted paths, date ranges', async () => {
      const c = fresh()
      const day = (d: number) => new Date(Date.UTC(2025, 0, d))
      for (let i = 1; i <= 5; i++) {
        await c.insertOne({ i, s: `s${i}`, at: day(i), nested: { k: i % 2 === 0 ? 'even' : 'odd' }, ...(i > 3 ? { opt: i } : {}) })
      }
      const is = async (filter: Doc) => (await c.find(filter, { sort: { i: 1 } })).map((d) => d.i)
      expect(await is({ i: 2 })).toEqual([2])
      expect(await is({ i: { $eq: 3 } })).toEqual([3])
      expect(await is({ i: { $ne: 3 } })).toEqual([1, 2, 4, 5])
      expect(await is({ s: { $in: ['s1', 's5', 'nope'] } })).toEqual([1, 5])
      expect(await is({ i: { $gt: 3 } })).toEqual([4, 5])
      expect(await is({ i: { $gte: 3 } })).toEqual([3, 4, 5])
      expect(await is({ i: { $lt: 2 } })).toEqual([1])
      expect(await is({ i: { $lte: 2 } })).toEqual([1, 2])
      expect(await is({ opt: { $exists: true } })).toEqual([4, 5])
      expect(await is({ opt: { $exists: false } })).toEqual([1, 2, 3])
      expect(await is({ 'nested.k': 'even' })).toEqual([2, 4])
      expect(await is({ at: { $gte: day(2), $lt: day(4) } })).toEqual([2, 3])
      expect(await is({ i: { $gt: 1 }, 'nested.k': 'odd' })).toEqual([3, 5])
      expect(await is({ s: 'S1' })).toEqual([])
    })

    it('an operator object inside $eq / $in never widens a query (literal, or refused)', async () => {
      const c = fresh()
      await c.insertOne({ s: 'a' })
      await c.insertOne({ s: 'b' })
      // MongoDB compares a literal document under $eq and refuses operators nested under $in.
      const matches = (filter: Doc) => c.count(filter).catch(() => 0)
      expect(await matches({ s: { $eq: { $ne: 'zzz' } } })).toBe(0)
      expect(await matches({ s: { $in: [{ $ne: 'zzz' }] } })).toBe(0)
    })

    it('sort, skip, limit and projection (inclusion keeps _id, exclusion drops fields)', async () => {
      const c = fresh()
      for (const [i, g] of [
        [3, 'b'],
        [1, 'a'],
        [2, 'b'],
        [5, 'a'],
        [4, 'b'],
      ] as const)
        await c.insertOne({ i, g, extra: 'x' })
      const page = await c.find({}, { sort: { i: -1 }, skip: 1, limit: 2 })
      expect(page.map((d) => d.i)).toEqual([4, 3])
      const byGroup = await c.find({}, { sort: { g: 1, i: -1 } })
      expect(byGroup.map((d) => d.i)).toEqual([5, 1, 4, 3, 2])
      const inc = await c.find({ g: 'a' }, { sort: { i: 1 }, projection: { i: 1 } })
      expect(inc.map((d) => Object.keys(d).sort())).toEqual([
        ['_id', 'i'],
        ['_id', 'i'],
      ])
      const exc = await c.findOne({ i: 1 }, { projection: { extra: 0, _id: 0 } })
      expect(exc).toEqual({ i: 1, g: 'a' })
      expect(await c.count({ g: 'b' })).toBe(3)
      expect(await c.count({})).toBe(5)
    })

    it('updateOne: $set (dotted) $inc $unset $push $currentDate, counts, no-op update', async () => {
      const c = fresh()
      await c.insertOne({ _id: 'u', a: { b: 1, keep: true }, n: 1, gone: 'x', list: ['p'] })
      const before = Date.now()
      const res = await c.updateOne(
        { _id: 'u' },
        { $set: { 'a.b': 2, 'a.c': 'new' }, $inc: { n: 5, fresh: 1 }, $unset: { gone: '' }, $push: { list: 'q' }, $currentDate: { touched: true } },
      )
      expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 })
      const doc = await c.findOne({ _id: 'u' })
      expect(doc).toMatchObject({ a: { b: 2, c: 'new', keep: true }, n: 6, fresh: 1, list: ['p', 'q'] })
      expect(doc).not.toHaveProperty('gone')
      expect(doc!.touched).toBeInstanceOf(Date)
      expect((doc!.touched as Date).getTime()).toBeGreaterThanOrEqual(before - 1000)
      expect(await c.updateOne({ _id: 'u' }, { $set: { n: 6 } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 })
      expect(await c.updateOne({ _id: 'nope' }, { $set: { n: 1 } })).toMatchObject({ matchedCount: 0, modifiedCount: 0 })
    })

    it('updateOne with upsert: inserts from the filter + $setOnInsert once, then only updates', async () => {
      const c = fresh()
      const first = await c.updateOne({ key: 'k', tenant: 't' }, { $setOnInsert: { created: 1 }, $inc: { hits: 1 } }, { upsert: true })
      expect(first.matchedCount).toBe(0)
      expect(first.upsertedId).toBeDefined()
      const second = await c.updateOne({ key: 'k', tenant: 't' }, { $setOnInsert: { created: 2 }, $inc: { hits: 1 } }, { upsert: true })
      expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1 })
      expect(second.upsertedId ?? undefined).toBeUndefined()
      const docs = await c.find({ key: 'k' })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ key: 'k', tenant: 't', created: 1, hits: 2 })
    })

    it('updateMany, deleteOne and deleteMany report their counts', async () => {
      const c = fresh()
      for (let i = 0; i < 6; i++) await c.insertOne({ i, even: i % 2 === 0 })
      expect(await c.updateMany({ even: true }, { $set: { flag: 1 } })).toMatchObject({ matchedCount: 3, modifiedCount: 3 })
      expect(await c.count({ flag: 1 })).toBe(3)
      expect(await c.deleteOne({ even: false })).toEqual({ deletedCount: 1 })
      expect(await c.deleteMany({ even: true })).toEqual({ deletedCount: 3 })
      expect(await c.deleteMany({ even: true })).toEqual({ deletedCount: 0 })
      expect(await c.count({})).toBe(2)
    })

    it('a conditional updateOne raced 10 times matches exactly once', async () => {
      const c = fresh()
      await c.insertOne({ _id: 'race', state: 'open', wins: 0 })
      const results = await Promise.all(
        Array.from({ length: 10 }, () => c.updateOne({ _id: 'race', state: 'open' }, { $set: { state: 'closed' }, $inc: { wins: 1 } })),
      )
      expect(results.filter((r) => r.matchedCount === 1)).toHaveLength(1)
      expect((await c.findOne({ _id: 'race' }))?.wins).toBe(1)
    })

    it('a unique index refuses duplicates (insert and update) with DuplicateKeyError, nothing overwritten', async () => {
      const c = fresh()
      await c.createIndexes([{ key: { email: 1 }, name: 'email_1', unique: true }])
      await c.insertOne({ email: 'a@x', v: 1 })
      await c.insertOne({ email: 'b@x', v: 2 })
      const err = await c.insertOne({ email: 'a@x', v: 3 }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DuplicateKeyError)
      expect(String((err as Error).message)).not.toContain('a@x')
      await expect(c.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect((await c.find({}, { sort: { v: 1 } })).map((d) => [d.email, d.v])).toEqual([
        ['a@x', 1],
        ['b@x', 2],
      ])
    })

    it('a compound unique index allows the same value under another prefix', async () => {
      const c = fresh()
      await c.createIndexes([{ key: { tenant: 1, name: 1 }, name: 'tenant_1_name_1', unique: true }])
      await c.insertOne({ tenant: 'a', name: 'x' })
      await c.insertOne({ tenant: 'b', name: 'x' })
      await expect(c.insertOne({ tenant: 'a', name: 'x' })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await c.count({ name: 'x' })).toBe(2)
    })

    it('createIndexes is idempotent and listIndexes reports name, key and uniqueness', async () => {
      const c = fresh()
      const specs: IndexSpec[] = [
        { key: { a: 1 }, name: 'a_1', unique: true },
        { key: { b: 1, c: -1 }, name: 'b_1_c_-1' },
      ]
      await c.createIndexes(specs)
      await c.createIndexes(specs)
      await Promise.all([c.createIndexes(specs), c.createIndexes(specs)])
      const list = await c.listIndexes()
      const names = list.map((i) => i.name)
      expect(names.filter((n) => n === 'a_1')).toHaveLength(1)
      expect(names).toContain('_id_')
      expect(list.find((i) => i.name === 'a_1')).toMatchObject({ key: { a: 1 }, unique: true })
      const bc = list.find((i) => i.name === 'b_1_c_-1')!
      expect(bc.key).toEqual({ b: 1, c: -1 })
      expect(bc.unique ?? false).toBe(false)
    })

    it('dropIndex drops one index by name (the unique constraint goes with it); false when absent; _id_ refused', async () => {
      const c = fresh()
      await c.createIndexes([
        { key: { k: 1 }, name: 'k_1', unique: true },
        { key: { j: 1 }, name: 'j_1' },
      ])
      await c.insertOne({ k: 'same', j: 1 })
      await expect(c.insertOne({ k: 'same', j: 2 })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await c.dropIndex('k_1')).toBe(true)
      expect((await c.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'j_1'])
      await c.insertOne({ k: 'same', j: 3 })
      expect(await c.count({ k: 'same' })).toBe(2)
      expect(await c.dropIndex('k_1')).toBe(false)
      expect(await fresh().dropIndex('nothing_1')).toBe(false)
      await expect(c.dropIndex('_id_')).rejects.toThrow()
    })

    it('ensureIndexes migrates the retired global upload_id index to the per-tenant one', async () => {
      const name = uniq('uploads').replace(/-/g, '_')
      const only = { only: ['uploads' as const], names: { uploads: name } }
      const uploads = store().collection(name)
      await ensureIndexes(store(), only)
      // An older deployment: the single-field unique index, not the compound one.
      await uploads.dropIndex('tenant_id_1_upload_id_1')
      await uploads.createIndexes([{ key: { upload_id: 1 }, name: 'upload_id_1', unique: true }])
      const id = uniq('shared-id')
      await uploads.insertOne({ tenant_id: uniq('ta'), upload_id: id })
      await expect(uploads.insertOne({ tenant_id: uniq('tb'), upload_id: id })).rejects.toBeInstanceOf(DuplicateKeyError)
      const names = (await ensureIndexes(store(), only))[name]!
      expect(names).toContain('tenant_id_1_upload_id_1')
      expect(names).not.toContain('upload_id_1')
      const tenant = uniq('tb')
      await uploads.insertOne({ tenant_id: tenant, upload_id: id })
      await expect(uploads.insertOne({ tenant_id: tenant, upload_id: id })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await uploads.count({ upload_id: id })).toBe(2)
    })

    it('aggregate: $match, $group with $sum (a count, a field sum), $sort, $limit, $project', async () => {
      const c = fresh()
      const rows = [
        { t: 'x', s: 'ok', n: 10, size: 100 },
        { t: 'x', s: 'ok', n: 5, size: 50 },
        { t: 'x', s: 'bad', n: 1, size: 7 },
        { t: 'x', s: 'bad', size: 3 },
        { t: 'y', s: 'ok', n: 1000, size: 1 },
      ]
      for (const r of rows) await c.insertOne(r)
      // One accumulator per $group: the portable subset (FerretDB v1 fills only the first one).
      const sum = (value: 1 | string) => c.aggregate([{ $match: { t: 'x' } }, { $group: { _id: '$s', v: { $sum: value } } }, { $sort: { _id: 1 } }])
      expect(await sum(1)).toEqual([
        { _id: 'bad', v: 2 },
        { _id: 'ok', v: 2 },
      ])
      expect(await sum('$n')).toEqual([
        { _id: 'bad', v: 1 },
        { _id: 'ok', v: 15 },
      ])
      expect(await sum('$size')).toEqual([
        { _id: 'bad', v: 10 },
        { _id: 'ok', v: 150 },
      ])
      const top = await c.aggregate([{ $match: { t: 'x' } }, { $sort: { size: -1 } }, { $limit: 2 }, { $project: { _id: 0, size: 1 } }])
      expect(top).toEqual([{ size: 100 }, { size: 50 }])
      const total = await c.aggregate([{ $match: {} }, { $group: { _id: null, all: { $sum: 1 } } }])
      expect(total).toEqual([{ _id: null, all: 5 }])
      const since = await c.aggregate([{ $match: { t: 'x', n: { $gte: 5 } } }, { $group: { _id: null, v: { $sum: '$size' } } }])
      expect(since).toEqual([{ _id: null, v: 150 }])
    })

    it('an unknown query operator is refused, not ignored', async () => {
      const c = fresh()
      await c.insertOne({ s: 'a' })
      await expect(c.find({ s: { $bogus: 1 } })).rejects.toThrow()
    })

    it('ensureIndexes creates every repository index once, run twice and concurrently', async () => {
      await ensureIndexes(store())
      await Promise.all([ensureIndexes(store()), ensureIndexes(store())])
      for (const kind of Object.keys(COLLECTIONS) as Array<keyof typeof COLLECTIONS>) {
        const list = await store().collection(COLLECTIONS[kind]).listIndexes()
        for (const spec of INDEXES[kind]) {
          const found = list.filter((i) => i.name === spec.name)
          expect(found, `${kind}.${spec.name}`).toHaveLength(1)
          expect(found[0]!.key).toEqual(spec.key)
          expect(found[0]!.unique ?? false).toBe(spec.unique ?? false)
        }
      }
    })
  })
}

/** Runs ensureIndexes once for a suite that relies on the unique indexes. */
export function withIndexes(store: () => DocumentStore): void {
  beforeAll(async () => {
    await ensureIndexes(store())
  })
}
