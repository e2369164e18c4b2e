/**
 * The actions: Data API v1's ten, plus the gateway's extensions (countDocuments, createIndexes,
 * listIndexes, dropIndex). Each reads its fields from the parsed body, runs ONE driver call and returns the
 * v1 answer object; the app serialises it.
 */
import type { Collection, Document } from 'mongodb'
import type { KeyScope } from './auth.ts'
import { badRequest, GatewayError } from './errors.ts'
import {
  assertReplacement,
  type Body,
  direction,
  optionalBoolean,
  optionalCount,
  optionalObject,
  requiredObject,
  requiredObjectArray,
  requiredString,
  requiredUpdate,
} from './fields.ts'
import { assertSafe } from './guards.ts'

interface ActionContext {
  coll: Collection<Document>
  body: Body
  scope: KeyScope
  /** Largest `find` limit (and aggregate result) served. */
  findLimitCap: number
}

type Action = (ctx: ActionContext) => Promise<Record<string, unknown>>

/**
 * Reads keep every number's BSON type (Int32, Double, Long) so canonical EJSON answers say exactly
 * what is stored — a double holding 2^40 must not come back as $numberLong. Set per read, not on
 * the client: client-wide it would also wrap the numbers in server replies (error codes...).
 */
const READ = { promoteValues: false } as const

/** v1 default when `find` has no limit (capped by findLimitCap). */
const DEFAULT_FIND_LIMIT = 1000

/** The filter of a body ({} when absent), scanned for refused operators. */
function filterOf(ctx: ActionContext): Document {
  const filter = optionalObject(ctx.body, 'filter') ?? {}
  assertSafe(filter, 'filter', ctx.scope)
  return filter
}

function projectionOf(ctx: ActionContext): Document | undefined {
  const projection = optionalObject(ctx.body, 'projection')
  if (projection) assertSafe(projection, 'projection', ctx.scope)
  return projection
}

function updateAnswer(r: { matchedCount: number; modifiedCount: number; upsertedId?: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount }
  if (r.upsertedId !== null && r.upsertedId !== undefined) out.upsertedId = r.upsertedId
  return out
}

function updateOf(ctx: ActionContext): Document | Document[] {
  const update = requiredUpdate(ctx.body)
  assertSafe(update, 'update', ctx.scope)
  return update
}

export const ACTIONS: Record<string, Action> = {
  /** `sort` is an extension (v1 findOne had none): @taskless/mongo-data-api sends it when given. */
  async findOne(ctx) {
    const projection = projectionOf(ctx)
    const sortSpec = optionalObject(ctx.body, 'sort')
    const options = { ...READ, ...(projection && { projection }), ...(sortSpec && { sort: direction(sortSpec, 'sort') }) }
    return { document: await ctx.coll.findOne(filterOf(ctx), options) }
  },

  async find(ctx) {
    const filter = filterOf(ctx)
    const projection = projectionOf(ctx)
    const sortSpec = optionalObject(ctx.body, 'sort')
    const limit = optionalCount(ctx.body, 'limit')
    const skip = optionalCount(ctx.body, 'skip')
    if (limit !== undefined && limit > ctx.findLimitCap) throw badRequest(`"limit" must be at most ${ctx.findLimitCap}`)
    const cursor = ctx.coll.find(filter, projection ? { ...READ, projection } : READ)
    if (sortSpec) cursor.sort(direction(sortSpec, 'sort'))
    if (skip) cursor.skip(skip)
    // limit 0 means "no limit" to MongoDB; here it means the default, so the cap always holds.
    cursor.limit(Math.min(limit || DEFAULT_FIND_LIMIT, ctx.findLimitCap))
    return { documents: await cursor.toArray() }
  },

  async insertOne(ctx) {
    const document = requiredObject(ctx.body, 'document')
    const r = await ctx.coll.insertOne(document)
    return { insertedId: r.insertedId }
  },

  async insertMany(ctx) {
    const documents = requiredObjectArray(ctx.body, 'documents', { nonEmpty: true })
    const r = await ctx.coll.insertMany(documents, { ordered: true })
    return { insertedIds: documents.map((_, i) => r.insertedIds[i]) }
  },

  async updateOne(ctx) {
    const filter = filterOf(ctx)
    const upsert = optionalBoolean(ctx.body, 'upsert') ?? false
    return updateAnswer(await ctx.coll.updateOne(filter, updateOf(ctx), { upsert }))
  },

  async updateMany(ctx) {
    const filter = filterOf(ctx)
    const upsert = optionalBoolean(ctx.body, 'upsert') ?? false
    return updateAnswer(await ctx.coll.updateMany(filter, updateOf(ctx), { upsert }))
  },

  async replaceOne(ctx) {
    const filter = filterOf(ctx)
    const replacement = requiredObject(ctx.body, 'replacement')
    assertReplacement(replacement)
    const upsert = optionalBoolean(ctx.body, 'upsert') ?? false
    return updateAnswer(await ctx.coll.replaceOne(filter, replacement, { upsert }))
  },

  async deleteOne(ctx) {
    const r = await ctx.coll.deleteOne(filterOf(ctx))
    return { deletedCount: r.deletedCount }
  },

  async deleteMany(ctx) {
    const r = await ctx.coll.deleteMany(filterOf(ctx))
    return { deletedCount: r.deletedCount }
  },

  async aggregate(ctx) {
    const pipeline = requiredObjectArray(ctx.body, 'pipeline')
    assertSafe(pipeline, 'pipeline', ctx.scope)
    // One past the cap tells "exactly at the cap" from "too many" without loading more.
    const documents = await ctx.coll.aggregate([...pipeline, { $limit: ctx.findLimitCap + 1 }], READ).toArray()
    if (documents.length > ctx.findLimitCap) {
      throw new GatewayError(400, 'ResultTooLarge', `aggregate result exceeds ${ctx.findLimitCap} documents; add a $limit stage`)
    }
    return { documents }
  },

  // ---- extensions (not in Data API v1; see README) ------------------------------------------

  async countDocuments(ctx) {
    return { count: await ctx.coll.countDocuments(filterOf(ctx)) }
  },

  /**
   * Idempotent: indexes that already exist with the same key and uniqueness are skipped, one with
   * the same name and another definition is a 409 IndexConflict. (Compared here, not left to the
   * server: FerretDB v1 drops the connection when several existing indexes are re-sent.)
   */
  async createIndexes(ctx) {
    const specs = requiredObjectArray(ctx.body, 'indexes', { nonEmpty: true }).map((spec, i) => {
      const extra = Object.keys(spec).filter((k) => k !== 'key' && k !== 'name' && k !== 'unique')
      if (extra.length) throw badRequest(`indexes[${i}] has unsupported options (only key, name, unique)`)
      const key = direction(requiredObject(spec, 'key'), `indexes[${i}].key`)
      if (Object.keys(key).length === 0) throw badRequest(`indexes[${i}].key must name at least one field`)
      const name = requiredString(spec, 'name')
      const unique = optionalBoolean(spec, 'unique') ?? false
      return unique ? { key, name, unique } : { key, name }
    })
    const existing = new Map((await indexesOf(ctx.coll)).map((ix) => [ix.name, ix]))
    const missing = specs.filter((spec) => {
      const have = existing.get(spec.name)
      if (!have) return true
      if (JSON.stringify(have.key) !== JSON.stringify(spec.key) || !!have.unique !== !!spec.unique) {
        throw new GatewayError(409, 'IndexConflict', `index ${spec.name} already exists with a different definition`, { index: spec.name })
      }
      return false
    })
    if (missing.length > 0) await ctx.coll.createIndexes(missing)
    return { createdIndexes: specs.map((s) => s.name) }
  },

  async listIndexes(ctx) {
    return { indexes: await indexesOf(ctx.coll) }
  },

  /** Drops one index by name (never `_id_`); `{dropped: false}` when there is no such index. */
  async dropIndex(ctx) {
    const name = requiredString(ctx.body, 'name')
    if (name === '_id_') throw badRequest('the _id_ index cannot be dropped')
    try {
      await ctx.coll.dropIndex(name)
      return { dropped: true }
    } catch (err) {
      // IndexNotFound (27) or NamespaceNotFound (26): nothing to drop.
      const code = Number((err as { code?: unknown }).code)
      if (code === 27 || code === 26) return { dropped: false }
      throw err
    }
  },
}

interface IndexAnswer {
  key: Record<string, number>
  name: string
  unique?: true
}

/** The collection's indexes as {key, name, unique?}; only `_id_` for a collection not created yet. */
async function indexesOf(coll: Collection<Document>): Promise<IndexAnswer[]> {
  let raw: Document[]
  try {
    raw = await coll.listIndexes().toArray()
  } catch (err) {
    if (Number((err as { code?: unknown }).code) === 26) return [{ key: { _id: 1 }, name: '_id_' }]
    throw err
  }
  return raw.map((ix) => {
    const key: Record<string, number> = {}
    for (const [k, v] of Object.entries(ix.key as Document)) key[k] = Number(v)
    return ix.unique ? { key, name: String(ix.name), unique: true } : { key, name: String(ix.name) }
  })
}
