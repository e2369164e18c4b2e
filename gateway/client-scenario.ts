/**
 * Test helper: one CRUD + aggregate scenario that each third-party Data API client runs against
 * the real gateway (gateway/clients.test.ts). A client plugs in through `ScenarioClient`, a thin
 * wrapper over its own API that only turns answers into plain values (ids as hex strings), so
 * the scenario checks what went over the wire, not one client's representation.
 *
 * Aggregations use ONE accumulator per $group: FerretDB v1 computes only the first.
 */
import { expect } from 'vitest'

export type Doc = Record<string, unknown>

export interface ScenarioClient {
  insertOne(document: Doc): Promise<string>
  insertMany(documents: Doc[]): Promise<string[]>
  findOne(filter: Doc): Promise<Doc | null>
  find(filter: Doc, options: { sort: Record<string, 1 | -1>; limit: number }): Promise<Doc[]>
  updateOne(filter: Doc, update: Doc): Promise<{ matchedCount: number; modifiedCount: number }>
  deleteOne(filter: Doc): Promise<number>
  aggregate(pipeline: Doc[]): Promise<Doc[]>
  /** A filter on `_id` in the client's own way (EJSON `$oid` or an ObjectId instance). */
  byId(id: string): Doc
}

const HEX_ID = /^[0-9a-f]{24}$/

/** Runs the scenario on an empty collection; every step checks the gateway's answer. */
export async function runScenario(client: ScenarioClient): Promise<void> {
  const first = await client.insertOne({ sku: 'a', qty: 5, kind: 'part', tags: ['x', 'y'] })
  expect(first).toMatch(HEX_ID)

  const ids = await client.insertMany([
    { sku: 'b', qty: 2, kind: 'tool' },
    { sku: 'c', qty: 7, kind: 'tool' },
    { sku: 'd', qty: 1, kind: 'part' },
  ])
  expect(ids).toHaveLength(3)
  for (const id of ids) expect(id).toMatch(HEX_ID)

  const a = await client.findOne(client.byId(first))
  expect(a).toMatchObject({ sku: 'a', qty: 5, kind: 'part', tags: ['x', 'y'] })
  expect(String(a!._id)).toBe(first)
  const b = await client.findOne({ sku: 'b' })
  expect(String(b!._id)).toBe(ids[0])
  expect(await client.findOne({ sku: 'nope' })).toBeNull()

  const top = await client.find({ qty: { $gte: 2 } }, { sort: { qty: -1 }, limit: 2 })
  expect(top.map((d) => [d.sku, d.qty])).toEqual([
    ['c', 7],
    ['a', 5],
  ])

  expect(await client.updateOne({ sku: 'b' }, { $inc: { qty: 10 }, $set: { checked: true } })).toEqual({ matchedCount: 1, modifiedCount: 1 })
  expect(await client.updateOne({ sku: 'zzz' }, { $set: { qty: 0 } })).toEqual({ matchedCount: 0, modifiedCount: 0 })
  expect(await client.findOne({ sku: 'b' })).toMatchObject({ qty: 12, checked: true })

  expect(await client.deleteOne({ sku: 'd' })).toBe(1)
  expect(await client.deleteOne({ sku: 'd' })).toBe(0)

  const totals = await client.aggregate([{ $match: { qty: { $gt: 0 } } }, { $group: { _id: '$kind', total: { $sum: '$qty' } } }, { $sort: { _id: 1 } }])
  // part: a (5); tool: b (12) + c (7). d was deleted.
  expect(totals).toEqual([
    { _id: 'part', total: 5 },
    { _id: 'tool', total: 19 },
  ])

  const remaining = await client.find({}, { sort: { sku: 1 }, limit: 10 })
  expect(remaining.map((d) => d.sku)).toEqual(['a', 'b', 'c'])
}
