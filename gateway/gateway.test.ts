/**
 * Gateway conformance against the real FerretDB: every action in JSON and EJSON, the extensions,
 * auth, malformed bodies, refused operators, allow-lists, limits, duplicate keys, logs, CLI.
 * Starts its own gateway (own keys and limits) on the FerretDB of the test harness.
 */
import { spawn } from 'node:child_process'
import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { need, uniq } from '../tests/harness/services.ts'
import type { LogFields } from './log.ts'
import { type RunningGateway, startGateway } from './server.ts'

const KEY = 'conformance-key'
const SCOPED_DB_KEY = 'db-scoped-key'
const SCOPED_COLL_KEY = 'coll-scoped-key'
const SECRET = 'hunter2-secret-value'
const MAX_BODY = 16 * 1024
const CAP = 25

let gw: RunningGateway
const db = uniq('gw')
const otherDb = uniq('gw-other')
const logs: Array<{ msg: string; fields?: LogFields }> = []

beforeAll(async () => {
  gw = await startGateway({
    mongodbUri: need('mongoUri'),
    apiKeys: {
      [KEY]: {},
      [SCOPED_DB_KEY]: { databases: [db] },
      [SCOPED_COLL_KEY]: { databases: [db], collections: ['open'] },
    },
    port: 0,
    maxBodyBytes: MAX_BODY,
    findLimitCap: CAP,
    logger: { info: (msg, fields) => logs.push({ msg, fields }), error: (msg, fields) => logs.push({ msg, fields }) },
  })
})

afterAll(async () => {
  await gw?.close()
})

interface CallOptions {
  key?: string | null
  bearer?: boolean
  contentType?: string
  accept?: string
  raw?: string
}

/** POSTs an action; returns status, content type and the parsed (plain JSON) answer. */
async function call(action: string, body: Record<string, unknown>, o: CallOptions = {}) {
  const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json' }
  const key = o.key === undefined ? KEY : o.key
  if (key !== null) {
    if (o.bearer) headers.authorization = `Bearer ${key}`
    else headers.apiKey = key
  }
  if (o.accept) headers.accept = o.accept
  const ejson = (o.contentType ?? '').startsWith('application/ejson')
  const payload =
    o.raw ??
    (ejson
      ? EJSON.stringify({ dataSource: 'ferret', database: db, ...body }, { relaxed: false })
      : JSON.stringify({ dataSource: 'ferret', database: db, ...body }))
  const res = await fetch(`${gw.url}/action/${action}`, { method: 'POST', headers, body: payload })
  const text = await res.text()
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: JSON.parse(text) as Record<string, any> }
}

describe('Data API v1 actions (JSON)', () => {
  const collection = uniq('json')

  it('insertOne, findOne: plain JSON answers turn ObjectId into hex and Date into ISO', async () => {
    const ins = await call('insertOne', { collection, document: { name: 'a', n: 1, at: { $date: '2024-05-01T10:00:00Z' } } })
    expect(ins.status).toBe(200)
    expect(ins.type).toContain('application/json')
    expect(ins.json.insertedId).toMatch(/^[0-9a-f]{24}$/)
    const found = await call('findOne', { collection, filter: { _id: { $oid: ins.json.insertedId } }, projection: { name: 1, at: 1 } })
    expect(found.status).toBe(200)
    expect(found.json.document).toEqual({ _id: ins.json.insertedId, name: 'a', at: '2024-05-01T10:00:00.000Z' })
    const none = await call('findOne', { collection, filter: { name: 'nobody' } })
    expect(none.json).toEqual({ document: null })
  })

  it('insertMany, find with sort, skip, limit and projection', async () => {
    const ins = await call('insertMany', {
      collection,
      documents: [
        { name: 'b', n: 2 },
        { name: 'c', n: 3 },
        { name: 'd', n: 4 },
      ],
    })
    expect(ins.status).toBe(200)
    expect(ins.json.insertedIds).toHaveLength(3)
    const found = await call('find', { collection, filter: { n: { $gte: 2 } }, sort: { n: -1 }, skip: 1, limit: 2, projection: { _id: 0, name: 1 } })
    expect(found.status).toBe(200)
    expect(found.json.documents).toEqual([{ name: 'c' }, { name: 'b' }])
  })

  it('updateOne, updateMany (matched/modified counts) and upsert (upsertedId)', async () => {
    const one = await call('updateOne', { collection, filter: { name: 'b' }, update: { $inc: { n: 10 } } })
    expect(one.json).toEqual({ matchedCount: 1, modifiedCount: 1 })
    const many = await call('updateMany', { collection, filter: { n: { $gte: 3 } }, update: { $set: { big: true } } })
    expect(many.json).toEqual({ matchedCount: 3, modifiedCount: 3 })
    const up = await call('updateOne', { collection, filter: { name: 'z' }, update: { $set: { n: 26 } }, upsert: true })
    expect(up.json.matchedCount).toBe(0)
    expect(up.json.upsertedId).toMatch(/^[0-9a-f]{24}$/)
    const z = await call('findOne', { collection, filter: { name: 'z' } })
    expect(z.json.document.n).toBe(26)
  })

  it('replaceOne replaces the whole document', async () => {
    const r = await call('replaceOne', { collection, filter: { name: 'd' }, replacement: { name: 'd2', only: true } })
    expect(r.json).toEqual({ matchedCount: 1, modifiedCount: 1 })
    const d = await call('findOne', { collection, filter: { name: 'd2' }, projection: { _id: 0 } })
    expect(d.json.document).toEqual({ name: 'd2', only: true })
  })

  it('aggregate with $match, $group ($sum), $sort and $count', async () => {
    const r = await call('aggregate', {
      collection,
      pipeline: [{ $match: { n: { $exists: true } } }, { $group: { _id: '$big', total: { $sum: '$n' } } }, { $sort: { total: 1 } }],
    })
    expect(r.status).toBe(200)
    // not big: a (1) + z (26) + d2 (replaced, no n); big: b (12) + c (3)
    expect(r.json.documents).toEqual([
      { _id: true, total: 15 },
      { _id: null, total: 27 },
    ])
    const counted = await call('aggregate', { collection, pipeline: [{ $match: { big: true } }, { $count: 'n' }] })
    expect(counted.json.documents).toEqual([{ n: 2 }])
  })

  it('deleteOne and deleteMany report deletedCount', async () => {
    expect((await call('deleteOne', { collection, filter: { name: 'a' } })).json).toEqual({ deletedCount: 1 })
    expect((await call('deleteMany', { collection, filter: {} })).json).toEqual({ deletedCount: 4 })
    expect((await call('deleteMany', { collection, filter: {} })).json).toEqual({ deletedCount: 0 })
  })

  it('Bearer auth works like the apiKey header', async () => {
    const r = await call('find', { collection, filter: {} }, { bearer: true })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ documents: [] })
  })
})

describe('Data API v1 actions (EJSON)', () => {
  const collection = uniq('ejson')
  const E = { contentType: 'application/ejson' }

  it('answers are canonical EJSON; Long, Date, ObjectId and number types keep their types', async () => {
    const oid = '65f0a1b2c3d4e5f601234567'
    const ins = await call(
      'insertOne',
      {
        collection,
        document: { _id: { $oid: oid }, long: { $numberLong: '9007199254740993' }, at: { $date: '2024-05-01T10:00:00Z' }, i: 7, d: 2.5, ms: 1_700_000_000_000 },
      },
      E,
    )
    expect(ins.status).toBe(200)
    expect(ins.type).toContain('application/ejson')
    expect(ins.json).toEqual({ insertedId: { $oid: oid } })
    const found = await call('findOne', { collection, filter: { _id: { $oid: oid } } }, E)
    expect(found.json.document).toEqual({
      _id: { $oid: oid },
      long: { $numberLong: '9007199254740993' },
      at: { $date: { $numberLong: String(Date.parse('2024-05-01T10:00:00Z')) } },
      i: { $numberInt: '7' },
      d: { $numberDouble: '2.5' },
      // a plain JSON integer beyond int32 is parsed (canonical mode) as a Long
      ms: { $numberLong: '1700000000000' },
    })
  })

  it('every other action answers in EJSON', async () => {
    const many = await call(
      'insertMany',
      {
        collection,
        documents: [
          { k: 'a', n: 1 },
          { k: 'b', n: 2 },
        ],
      },
      E,
    )
    expect(many.json.insertedIds.every((id: any) => typeof id.$oid === 'string')).toBe(true)
    const found = await call('find', { collection, filter: { k: { $in: ['a', 'b'] } }, sort: { k: 1 }, projection: { _id: 0 } }, E)
    expect(found.json.documents).toEqual([
      { k: 'a', n: { $numberInt: '1' } },
      { k: 'b', n: { $numberInt: '2' } },
    ])
    const int = (n: number) => ({ $numberInt: String(n) })
    expect((await call('updateOne', { collection, filter: { k: 'a' }, update: { $set: { x: 1 } } }, E)).json).toEqual({
      matchedCount: int(1),
      modifiedCount: int(1),
    })
    expect((await call('updateMany', { collection, filter: { k: { $exists: true } }, update: { $inc: { n: 1 } } }, E)).json).toEqual({
      matchedCount: int(2),
      modifiedCount: int(2),
    })
    expect((await call('replaceOne', { collection, filter: { k: 'b' }, replacement: { k: 'b', n: 0 } }, E)).json).toEqual({
      matchedCount: int(1),
      modifiedCount: int(1),
    })
    const up = await call('updateOne', { collection, filter: { k: 'c' }, update: { $set: { n: 5 } }, upsert: true }, E)
    expect(up.json).toMatchObject({ matchedCount: int(0), modifiedCount: int(0), upsertedId: { $oid: expect.any(String) } })
    expect((await call('deleteOne', { collection, filter: { k: 'c' } }, E)).json).toEqual({ deletedCount: int(1) })
    const agg = await call('aggregate', { collection, pipeline: [{ $match: { k: { $exists: true } } }, { $group: { _id: null, s: { $sum: '$n' } } }] }, E)
    expect(agg.json.documents).toEqual([{ _id: null, s: { $numberInt: '2' } }])
    const count = await call('countDocuments', { collection, filter: { k: { $exists: true } } }, E)
    expect(count.json).toEqual({ count: { $numberInt: '2' } })
    expect((await call('deleteOne', { collection, filter: { k: 'a' } }, E)).json).toEqual({ deletedCount: { $numberInt: '1' } })
    expect((await call('deleteMany', { collection, filter: {} }, E)).json).toEqual({ deletedCount: { $numberInt: '2' } })
  })

  it('Accept picks the answer format independently of Content-Type', async () => {
    const ins = await call(
      'insertOne',
      { collection, document: { at: { $date: '2024-01-01T00:00:00Z' } } },
      { contentType: 'application/json', accept: 'application/ejson' },
    )
    expect(ins.type).toContain('application/ejson')
    expect(ins.json.insertedId.$oid).toMatch(/^[0-9a-f]{24}$/)
    const found = await call('findOne', { collection, filter: { _id: ins.json.insertedId } }, { contentType: 'application/ejson', accept: 'application/json' })
    expect(found.type).toContain('application/json')
    expect(found.json.document).toEqual({ _id: ins.json.insertedId.$oid, at: '2024-01-01T00:00:00.000Z' })
  })

  it('Decimal128 is refused up front on FerretDB (501), instead of a dropped connection', async () => {
    const r = await call('insertOne', { collection, document: { price: { $numberDecimal: '1.10' } } }, E)
    expect(r.status).toBe(501)
    expect(r.json.error_code).toBe('NotSupported')
    expect((await call('countDocuments', { collection, filter: { price: { $exists: true } } })).json).toEqual({ count: 0 })
    // the pooled connection survived: the next request works
    expect((await call('countDocuments', { collection })).status).toBe(200)
  })
})

describe('extensions: countDocuments, createIndexes, listIndexes, dropIndex, ping', () => {
  const collection = uniq('ext')

  it('createIndexes is idempotent and listIndexes reports key, name, unique', async () => {
    const before = await call('listIndexes', { collection })
    expect(before.json).toEqual({ indexes: [{ key: { _id: 1 }, name: '_id_' }] })
    const spec = {
      indexes: [
        { key: { user_id: 1 }, name: 'user_id_1', unique: true },
        { key: { tenant_id: 1, role: -1 }, name: 'tenant_role' },
      ],
    }
    expect((await call('createIndexes', { collection, ...spec })).json).toEqual({ createdIndexes: ['user_id_1', 'tenant_role'] })
    expect((await call('createIndexes', { collection, ...spec })).status).toBe(200)
    const after = await call('listIndexes', { collection })
    // FerretDB lists indexes by name, MongoDB in creation order: compare as a set
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    expect(after.json.indexes.sort(byName)).toEqual(
      [
        { key: { _id: 1 }, name: '_id_' },
        { key: { user_id: 1 }, name: 'user_id_1', unique: true },
        { key: { tenant_id: 1, role: -1 }, name: 'tenant_role' },
      ].sort(byName),
    )
    expect(Object.keys(after.json.indexes.find((ix: { name: string }) => ix.name === 'tenant_role').key)).toEqual(['tenant_id', 'role'])
  })

  it('dropIndex drops one index by name, answers dropped: false for an unknown one, and refuses _id_', async () => {
    const coll = uniq('drop')
    await call('createIndexes', { collection: coll, indexes: [{ key: { upload_id: 1 }, name: 'upload_id_1', unique: true }] })
    expect((await call('dropIndex', { collection: coll, name: 'upload_id_1' })).json).toEqual({ dropped: true })
    expect((await call('listIndexes', { collection: coll })).json.indexes.map((ix: { name: string }) => ix.name)).toEqual(['_id_'])
    expect((await call('dropIndex', { collection: coll, name: 'upload_id_1' })).json).toEqual({ dropped: false })
    expect((await call('dropIndex', { collection: uniq('never'), name: 'x_1' })).json).toEqual({ dropped: false })
    const id = await call('dropIndex', { collection: coll, name: '_id_' })
    expect(id.status).toBe(400)
    expect((await call('dropIndex', { collection: coll })).status).toBe(400)
  })

  it('an index with the same name and another key is a 409 IndexConflict', async () => {
    const r = await call('createIndexes', { collection, indexes: [{ key: { user_id: -1 }, name: 'user_id_1' }] })
    expect(r.status).toBe(409)
    expect(r.json.error_code).toBe('IndexConflict')
  })

  it('index options other than key, name, unique (e.g. TTL) are refused with 400', async () => {
    const r = await call('createIndexes', { collection, indexes: [{ key: { at: 1 }, name: 'ttl', expireAfterSeconds: 60 }] })
    expect(r.status).toBe(400)
    expect(r.json.error_code).toBe('InvalidParameter')
  })

  it('countDocuments counts matches', async () => {
    await call('insertMany', {
      collection,
      documents: [
        { user_id: 'u1', tenant_id: 't' },
        { user_id: 'u2', tenant_id: 't' },
        { user_id: 'u3', tenant_id: 'x' },
      ],
    })
    expect((await call('countDocuments', { collection, filter: { tenant_id: 't' } })).json).toEqual({ count: 2 })
    expect((await call('countDocuments', { collection })).json).toEqual({ count: 3 })
  })

  it('GET /ping answers {ok: 1} with a key and 401 without', async () => {
    const ok = await fetch(`${gw.url}/ping`, { headers: { apiKey: KEY } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ ok: 1 })
    const anon = await fetch(`${gw.url}/ping`)
    expect(anon.status).toBe(401)
    expect((await anon.json()).error_code).toBe('InvalidSession')
  })
})

describe('duplicate keys', () => {
  it('a unique index violation is a 409 DuplicateKey; nothing is overwritten; no value is echoed', async () => {
    const collection = uniq('dup')
    await call('createIndexes', { collection, indexes: [{ key: { user_id: 1 }, name: 'user_id_1', unique: true }] })
    await call('insertOne', { collection, document: { user_id: SECRET, v: 1 } })
    const again = await call('insertOne', { collection, document: { user_id: SECRET, v: 2 } })
    expect(again.status).toBe(409)
    expect(again.json.error_code).toBe('DuplicateKey')
    expect(again.text).not.toContain(SECRET)
    const many = await call('insertMany', { collection, documents: [{ user_id: 'fresh' }, { user_id: SECRET, v: 3 }] })
    expect(many.status).toBe(409)
    const docs = await call('find', { collection, filter: { user_id: SECRET }, projection: { _id: 0 } })
    expect(docs.json.documents).toEqual([{ user_id: SECRET, v: 1 }])
    const up = await call('updateOne', { collection, filter: { user_id: 'fresh' }, update: { $set: { user_id: SECRET } } })
    expect(up.status).toBe(409)
    expect(up.text).not.toContain(SECRET)
  })
})

describe('authentication', () => {
  const collection = uniq('auth')

  it('no key → 401 InvalidSession in the v1 error shape', async () => {
    const r = await call('find', { collection }, { key: null })
    expect(r.status).toBe(401)
    expect(r.json).toEqual({ error: expect.any(String), error_code: 'InvalidSession', link: expect.any(String) })
  })

  it('a wrong key (header or Bearer, longer, shorter, or a prefix) → 401', async () => {
    for (const key of ['wrong', `${KEY}x`, KEY.slice(0, -1), KEY.toUpperCase()]) {
      expect((await call('find', { collection }, { key })).status).toBe(401)
      expect((await call('find', { collection }, { key, bearer: true })).status).toBe(401)
    }
  })

  it('the 401 answer never echoes the presented key', async () => {
    const r = await call('find', { collection }, { key: SECRET })
    expect(r.text).not.toContain(SECRET)
  })
})

describe('malformed requests → 400', () => {
  const collection = uniq('bad')
  const cases: Array<[string, string, Record<string, unknown>, CallOptions?]> = [
    ['invalid JSON', 'find', {}, { raw: '{"dataSource": ' }],
    [
      'invalid EJSON',
      'find',
      {},
      { raw: '{"dataSource":"x","database":"d","collection":"c","filter":{"_id":{"$oid":"nothex"}}}', contentType: 'application/ejson' },
    ],
    ['an array body', 'find', {}, { raw: '[1,2]' }],
    ['no dataSource', 'find', {}, { raw: JSON.stringify({ database: 'd', collection: 'c' }) }],
    ['no collection', 'find', {}],
    ['a bad database name', 'find', { database: 'a/b', collection: 'c' }],
    ['a system collection', 'find', { collection: 'system.users' }],
    ['a wrong content type', 'find', { collection: 'c' }, { contentType: 'text/plain' }],
    ['a filter that is not an object', 'find', { collection: 'c', filter: 'x' }],
    ['a negative limit', 'find', { collection: 'c', limit: -1 }],
    ['a fractional skip', 'find', { collection: 'c', skip: 1.5 }],
    ['a sort that is not 1/-1', 'find', { collection: 'c', sort: { a: 'up' } }],
    ['insertOne without document', 'insertOne', { collection: 'c' }],
    ['insertMany with an empty list', 'insertMany', { collection: 'c', documents: [] }],
    ['insertMany with a non-object', 'insertMany', { collection: 'c', documents: [1] }],
    ['an update without operators', 'updateOne', { collection: 'c', filter: {}, update: { a: 1 } }],
    ['a replacement with operators', 'replaceOne', { collection: 'c', filter: {}, replacement: { $set: { a: 1 } } }],
    ['a pipeline that is not an array', 'aggregate', { collection: 'c', pipeline: { $match: {} } }],
    ['upsert that is not a boolean', 'updateOne', { collection: 'c', filter: {}, update: { $set: { a: 1 } }, upsert: 'yes' }],
  ]
  for (const [what, action, body, options] of cases) {
    it(`${what}`, async () => {
      const r = await call(action, { ...body }, options)
      expect(r.status).toBe(400)
      expect(['InvalidParameter', 'MissingParameter']).toContain(r.json.error_code)
      expect(r.json.link).toBeTruthy()
    })
  }

  it('missing fields are MissingParameter naming the field', async () => {
    const r = await call('insertOne', { collection })
    expect(r.json).toMatchObject({ error_code: 'MissingParameter', error: expect.stringContaining('"document"') })
  })

  it('an operation the database refuses is a 400 without the server message (which quotes values)', async () => {
    await call('insertOne', { collection, document: { _id: SECRET, n: 'text' } })
    const r = await call('updateOne', { collection, filter: { _id: SECRET }, update: { $inc: { n: 1 } } })
    expect(r.status).toBe(400)
    expect(r.text).not.toContain(SECRET)
  })
})

describe('routing', () => {
  it('an unknown action → 404 ActionNotFound', async () => {
    const r = await call('dropDatabase', { collection: 'c' })
    expect(r.status).toBe(404)
    expect(r.json.error_code).toBe('ActionNotFound')
    expect((await call('__proto__', { collection: 'c' })).status).toBe(404)
  })

  it('an unknown path → 404, GET on an action → 404', async () => {
    const a = await fetch(`${gw.url}/nope`, { headers: { apiKey: KEY } })
    expect(a.status).toBe(404)
    expect((await a.json()).error_code).toBe('NotFound')
    expect((await fetch(`${gw.url}/action/find`, { headers: { apiKey: KEY } })).status).toBe(404)
  })
})

describe('refused operators and stages → 400', () => {
  const collection = uniq('refused')
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['$out', 'aggregate', { pipeline: [{ $match: {} }, { $out: 'stolen' }] }],
    ['$merge', 'aggregate', { pipeline: [{ $merge: { into: 'stolen' } }] }],
    ['$where in a filter', 'find', { filter: { $where: 'sleep(1000) || true' } }],
    ['$where nested in $or/$and', 'findOne', { filter: { $or: [{ a: 1 }, { $and: [{ $where: 'true' }] }] } }],
    ['$function in $expr', 'find', { filter: { $expr: { $function: { body: 'function(){return true}', args: [], lang: 'js' } } } }],
    ['$accumulator in $group', 'aggregate', { pipeline: [{ $group: { _id: null, x: { $accumulator: { init: 'function(){}' } } } }] }],
    ['$function in an update pipeline', 'updateMany', { filter: {}, update: [{ $set: { a: { $function: { body: 'x', args: [], lang: 'js' } } } }] }],
    ['$where in deleteMany', 'deleteMany', { filter: { $where: 'true' } }],
    ['$where in countDocuments', 'countDocuments', { filter: { $where: 'true' } }],
    ['$currentOp', 'aggregate', { pipeline: [{ $currentOp: {} }] }],
    ['$out deep in a $lookup sub-pipeline', 'aggregate', { pipeline: [{ $lookup: { from: 'x', pipeline: [{ $out: 'y' }], as: 'z' } }] }],
  ]
  for (const [what, action, body] of cases) {
    it(what, async () => {
      const r = await call(action, { collection, ...body })
      expect(r.status).toBe(400)
      expect(r.json.error_code).toBe('InvalidParameter')
      expect(r.json.error).toContain('refuses')
    })
  }

  it('JavaScript code values (EJSON $code) are refused', async () => {
    const r = await call('find', { collection, filter: { a: { $code: 'function(){}' } } }, { contentType: 'application/ejson' })
    expect(r.status).toBe(400)
  })

  it('nothing was written by a refused $out', async () => {
    const r = await call('countDocuments', { collection: 'stolen' })
    expect(r.json).toEqual({ count: 0 })
  })

  it('absurd nesting is a 400, not a crash', async () => {
    let filter: Record<string, unknown> = { a: 1 }
    for (let i = 0; i < 200; i++) filter = { $and: [filter] }
    expect((await call('find', { collection, filter })).status).toBe(400)
  })
})

describe('per-key allow-lists → 403', () => {
  it('a database-scoped key reaches its database only', async () => {
    expect((await call('find', { collection: 'any' }, { key: SCOPED_DB_KEY })).status).toBe(200)
    const other = await call('find', { database: otherDb, collection: 'any' }, { key: SCOPED_DB_KEY })
    expect(other.status).toBe(403)
    expect(other.json.error_code).toBe('Forbidden')
    expect((await call('insertOne', { database: otherDb, collection: 'any', document: { a: 1 } }, { key: SCOPED_DB_KEY })).status).toBe(403)
  })

  it('a collection-scoped key reaches its collections only, and cannot $lookup elsewhere', async () => {
    expect((await call('find', { collection: 'open' }, { key: SCOPED_COLL_KEY })).status).toBe(200)
    expect((await call('find', { collection: 'closed' }, { key: SCOPED_COLL_KEY })).status).toBe(403)
    const lookup = await call(
      'aggregate',
      { collection: 'open', pipeline: [{ $lookup: { from: 'closed', localField: 'a', foreignField: 'a', as: 'x' } }] },
      { key: SCOPED_COLL_KEY },
    )
    expect(lookup.status).toBe(403)
    const union = await call('aggregate', { collection: 'open', pipeline: [{ $unionWith: 'closed' }] }, { key: SCOPED_COLL_KEY })
    expect(union.status).toBe(403)
  })

  it('internal databases (admin, local, config) are refused to every key', async () => {
    for (const database of ['admin', 'local', 'config']) expect((await call('find', { database, collection: 'x' })).status).toBe(403)
  })
})

describe('limits', () => {
  const collection = uniq('limits')

  it(`a body larger than maxBodyBytes → 413`, async () => {
    const big = await call('insertOne', { collection, document: { blob: 'x'.repeat(MAX_BODY) } })
    expect(big.status).toBe(413)
    expect(big.json.error_code).toBe('PayloadTooLarge')
    // also without a Content-Length (a streamed body)
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify({ dataSource: 'x', database: db, collection, document: { blob: 'y'.repeat(MAX_BODY) } })))
        c.close()
      },
    })
    const res = await fetch(`${gw.url}/action/insertOne`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apiKey: KEY },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await call('countDocuments', { collection })).json).toEqual({ count: 0 })
  })

  it(`find limit is capped (${CAP}): above → 400, none → at most the cap`, async () => {
    await call('insertMany', { collection, documents: Array.from({ length: CAP + 5 }, (_, i) => ({ i })) })
    expect((await call('find', { collection, limit: CAP + 1 })).status).toBe(400)
    expect((await call('find', { collection, limit: CAP })).json.documents).toHaveLength(CAP)
    expect((await call('find', { collection })).json.documents).toHaveLength(CAP)
  })

  it('an aggregate result above the cap → 400 ResultTooLarge (not silently truncated)', async () => {
    const r = await call('aggregate', { collection, pipeline: [{ $match: {} }] })
    expect(r.status).toBe(400)
    expect(r.json.error_code).toBe('ResultTooLarge')
    expect((await call('aggregate', { collection, pipeline: [{ $limit: CAP }] })).json.documents).toHaveLength(CAP)
  })
})

describe('FerretDB gaps surface as clear errors', () => {
  it('an accumulator FerretDB v1 lacks ($avg) → 501 NotSupported', async () => {
    const collection = uniq('gaps')
    await call('insertOne', { collection, document: { n: 1 } })
    const r = await call('aggregate', { collection, pipeline: [{ $group: { _id: null, avg: { $avg: '$n' } } }] })
    expect(r.status).toBe(501)
    expect(r.json.error_code).toBe('NotSupported')
  })
})

describe('logs', () => {
  it('one structured line per request with action and status, never the key or body values', async () => {
    const collection = uniq('logs')
    logs.length = 0
    await call('insertOne', { collection, document: { secret: SECRET } })
    await call('find', { collection }, { key: 'not-the-key' })
    const lines = logs.filter((l) => l.msg === 'request')
    expect(lines).toHaveLength(2)
    expect(lines[0]!.fields).toMatchObject({ method: 'POST', action: 'insertOne', database: db, collection, status: 200, key: 'key#0' })
    expect(lines[1]!.fields).toMatchObject({ status: 401 })
    const text = JSON.stringify(logs)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(KEY)
    expect(text).not.toContain('not-the-key')
  })
})

describe('lifecycle', () => {
  it('close() lets an in-flight request finish, then refuses connections', async () => {
    const own = await startGateway({ mongodbUri: need('mongoUri'), apiKeys: [KEY], port: 0, quiet: true })
    const inflight = fetch(`${own.url}/action/find`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apiKey: KEY },
      body: JSON.stringify({ dataSource: 'x', database: db, collection: 'life' }),
    })
    await new Promise((r) => setTimeout(r, 5))
    const closed = own.close()
    expect((await inflight).status).toBe(200)
    await closed
    await expect(fetch(`${own.url}/ping`, { headers: { apiKey: KEY } })).rejects.toThrow()
  })

  it('the CLI takes --mongodb-uri --api-key --port, prints where it listens (not the key), stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['gateway/main.ts', '--mongodb-uri', need('mongoUri'), '--api-key', SECRET, '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15000)
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+?) /.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      })
    })
    expect(out).not.toContain(SECRET)
    const ping = await fetch(`${url}/ping`, { headers: { authorization: `Bearer ${SECRET}` } })
    expect(ping.status).toBe(200)
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  })

  it('the CLI refuses to start without --mongodb-uri or a key', async () => {
    const child = spawn(process.execPath, ['gateway/main.ts', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GATEWAY_API_KEYS: '' },
    })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
    expect(code).toBe(2)
    expect(err).toContain('--mongodb-uri')
  })
})
