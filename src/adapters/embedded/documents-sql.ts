/**
 * SQL side of the embedded document store: table/index names, the json_extract expressions that
 * back index keys, and the "prefilter" that narrows a MongoDB filter to indexed equality lookups
 * before mingo evaluates the full filter on the candidates.
 *
 * Every identifier that reaches SQL is validated against a strict character set and quoted;
 * every value is bound as a parameter.
 */
import { EJSON } from 'bson'
import type { Filter } from '../../ports.ts'
import { ValidationError } from '../../errors.ts'

const NAME = /^[A-Za-z0-9_.-]{1,120}$/
const FIELD_SEGMENT = /^[A-Za-z0-9_-]{1,120}$/

/** Collection and index names: letters, digits, `_ . -` — safe inside a quoted identifier. */
export function checkName(kind: 'collection' | 'index', name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) throw new ValidationError(kind, `invalid ${kind} name`)
  return name
}

/** True for a dotted field path the store can turn into a JSON path (`a.b_c`, no `$`). */
export function isSimplePath(path: string): boolean {
  return path.split('.').every((s) => FIELD_SEGMENT.test(s))
}

export function tableName(collection: string): string {
  return `"doc_c_${collection}"`
}

export function sqlIndexName(collection: string, index: string): string {
  return `"doc_i_${collection}/${index}"`
}

/**
 * The SQL value of a field as index keys see it. A missing field and JSON null both map to the
 * blob x'00', so unique indexes treat them as one value — as MongoDB does. Queries must use the
 * very same text for SQLite to pick the expression index.
 */
export function fieldExpr(path: string): string {
  if (!isSimplePath(path)) throw new ValidationError('index', `unsupported index field "${path}"`)
  const jsonPath = '$' + path.split('.').map((s) => `."${s}"`).join('')
  return `ifnull(json_extract(body, '${jsonPath}'), x'00')`
}

/** The primary-key text of an `_id` value (canonical EJSON, so ObjectId("…") ≠ "…"). */
export function idKey(id: unknown): string {
  return EJSON.stringify({ v: id }, { relaxed: false })
}

type Scalar = string | number

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
}

/** BSON values (ObjectId, Decimal128...) from any copy of the bson package (ESM or CJS). */
export function isBsonValue(v: unknown): boolean {
  return !!v && typeof v === 'object' && typeof (v as { _bsontype?: unknown })._bsontype === 'string'
}

function isIdValue(v: unknown): boolean {
  return isScalar(v) || (isBsonValue(v) && (v as { _bsontype: string })._bsontype === 'ObjectId')
}

export interface Prefilter {
  where: string
  params: Scalar[]
}

/**
 * Builds SQL conditions that every document matching `filter` satisfies, from top-level (and
 * `$and`) equality / `$eq` / `$in` conditions on `_id` and on indexed fields holding strings or
 * numbers. The result is a superset of the matches; mingo does the exact evaluation.
 * Indexed fields are assumed to hold scalars (no multikey indexes in the embedded store).
 */
export function prefilter(filter: Filter, indexed: ReadonlySet<string>): Prefilter {
  const conds: string[] = []
  const params: Scalar[] = []
  const seen = new Set<string>()
  const visit = (f: Filter) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object' && !Array.isArray(part)) visit(part as Filter)
        continue
      }
      if (key.startsWith('$')) continue
      const isId = key === '_id'
      if (!isId && !indexed.has(key)) continue
      const values = equalityValues(value, isId)
      if (!values || seen.has(key)) continue
      seen.add(key)
      const expr = isId ? 'id' : fieldExpr(key)
      const bound = isId ? values.map(idKey) : (values as Scalar[])
      conds.push(bound.length === 1 ? `${expr} = ?` : `${expr} IN (${bound.map(() => '?').join(', ')})`)
      params.push(...bound)
    }
  }
  visit(filter)
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params }
}

/** The values a condition pins a field to, or null when it is not a plain equality we can use. */
function equalityValues(cond: unknown, isId: boolean): unknown[] | null {
  const ok = isId ? isIdValue : isScalar
  if (ok(cond)) return [cond]
  if (!cond || typeof cond !== 'object' || Array.isArray(cond) || isBsonValue(cond)) return null
  const entries = Object.entries(cond)
  if (entries.length !== 1) return null
  const [op, v] = entries[0]!
  if (op === '$eq' && ok(v)) return [v]
  if (op === '$in' && Array.isArray(v) && v.length > 0 && v.length <= 500 && v.every(ok)) return v
  return null
}
