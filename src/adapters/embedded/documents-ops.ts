/**
 * Document-level helpers of the embedded store: the EJSON codec (so Dates, ObjectIds, Decimal128
 * survive the trip through SQLite's JSON text), checks of update documents and pipelines, and
 * the seed document an upsert starts from.
 */
import { EJSON, Long, ObjectId } from 'bson'
import type { Options } from 'mingo/types'
import { ValidationError } from '../../errors.ts'
import type { Doc, Filter, Update } from '../../ports.ts'
import { isBsonValue } from './documents-sql.ts'

/** mingo settings shared by every evaluation: `$where`/`$function`/`$accumulator` stay disabled. */
export const MINGO: Partial<Options> = { idKey: '_id', scriptEnabled: false }

/**
 * Relaxed EJSON (numbers and strings stay plain JSON, so json_extract indexes see them), except
 * that Longs keep their canonical `{"$numberLong": "…"}` form: relaxed mode would turn them into
 * doubles and lose precision above 2^53.
 */
export function encode(doc: Doc): string {
  return EJSON.stringify(keepLongs(doc) as Doc, { relaxed: true })
}

function keepLongs(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(keepLongs)
  if ((value as { _bsontype?: unknown })._bsontype === 'Long') return { $numberLong: String(value) }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = keepLongs(v)
  return out
}

/**
 * Like `EJSON.parse(text, { relaxed: true })` but about twice as fast, and Longs come back as
 * Long: plain JSON.parse, then Dates, ObjectIds and Longs are built directly and any other EJSON
 * wrapper goes to bson's own deserializer.
 */
export function decode(text: string): Doc {
  return revive(JSON.parse(text)) as Doc
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i])
    return value
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length > 0 && keys[0]!.startsWith('$')) {
    if (keys.length === 1 && keys[0] === '$date' && typeof obj.$date === 'string') return new Date(obj.$date)
    if (keys.length === 1 && keys[0] === '$oid' && typeof obj.$oid === 'string') return ObjectId.createFromHexString(obj.$oid)
    if (keys.length === 1 && keys[0] === '$numberLong' && typeof obj.$numberLong === 'string') return Long.fromString(obj.$numberLong)
    return EJSON.deserialize(obj, { relaxed: true })
  }
  for (const key of keys) obj[key] = revive(obj[key])
  return obj
}

/** Update operators the store applies (the set FerretDB v1 also supports). */
const UPDATE_OPS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$addToSet', '$pull', '$currentDate', '$setOnInsert'])

/** Splits an update into the mingo modifier and the `$setOnInsert` part; refuses replacements. */
export function checkUpdate(update: Update): { modifier: Record<string, Doc>; onInsert: Doc } {
  if (!update || typeof update !== 'object' || Array.isArray(update)) throw new ValidationError('update', 'must be an object')
  const keys = Object.keys(update)
  if (keys.length === 0) throw new ValidationError('update', 'must not be empty')
  const modifier: Record<string, Doc> = {}
  let onInsert: Doc = {}
  for (const key of keys) {
    if (!UPDATE_OPS.has(key)) {
      throw new ValidationError('update', key.startsWith('$') ? `unsupported operator ${key}` : 'requires update operators')
    }
    const arg = update[key]
    if (!arg || typeof arg !== 'object' || Array.isArray(arg)) throw new ValidationError('update', `${key} takes an object`)
    for (const path of Object.keys(arg)) {
      if (path === '_id' || path.startsWith('_id.')) {
        if (key !== '$setOnInsert') throw new ValidationError('update', 'the _id field is immutable')
      }
      if (path.split('.').some((s) => s === '' || s.startsWith('$'))) throw new ValidationError('update', `invalid field path`)
    }
    if (key === '$setOnInsert') onInsert = arg as Doc
    else modifier[key] = arg as Doc
  }
  return { modifier, onInsert }
}

/** Refuses field names MongoDB refuses in stored documents (leading `$`, dots in keys). */
export function checkDocument(doc: Doc): void {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ValidationError('document', 'must be an object')
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$') || key.includes('.')) throw new ValidationError('document', 'field names must not start with $ or contain dots')
  }
}

/** A new document for `upsert`: the filter's top-level equality fields (and `$and` parts). */
export function upsertSeed(filter: Filter): Doc {
  const seed: Doc = {}
  const visit = (f: Filter) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object') visit(part as Filter)
        continue
      }
      if (key.startsWith('$')) continue
      const v = literal(value)
      if (v !== undefined) setPath(seed, key, v)
    }
  }
  visit(filter)
  return seed
}

function literal(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date || isBsonValue(value)) return value
  if (Array.isArray(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '$eq') return (value as Doc).$eq
  if (keys.some((k) => k.startsWith('$'))) return undefined
  return value
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let node: Doc = doc
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    if (!next || typeof next !== 'object') node[part] = {}
    node = node[part] as Doc
  }
  node[parts[parts.length - 1]!] = value
}

/** Stages the store evaluates; anything that writes elsewhere or runs code is refused. */
const STAGES = new Set(['$match', '$group', '$sort', '$limit', '$skip', '$project', '$count', '$unwind', '$unset', '$addFields', '$set'])

export function checkPipeline(pipeline: Doc[]): void {
  if (!Array.isArray(pipeline)) throw new ValidationError('pipeline', 'must be an array')
  for (const stage of pipeline) {
    const keys = stage && typeof stage === 'object' ? Object.keys(stage) : []
    if (keys.length !== 1 || !STAGES.has(keys[0]!)) throw new ValidationError('pipeline', `unsupported stage ${keys[0] ?? '(empty)'}`)
  }
}

/** A filter must be a document. */
export function checkFilter(filter: Filter): void {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw new ValidationError('filter', 'must be an object')
}
