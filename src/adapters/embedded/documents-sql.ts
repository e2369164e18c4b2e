/**
 * SQL side of the embedded document store: table/index names, the json_extract expressions that
 * back index keys, and the "prefilter" that narrows a MongoDB filter to indexed equality lookups
 * before mingo evaluates the full filter on the candidates.
 *
 * Every identifier that reaches SQL is validated against a strict character set and quoted;
 * every value is bound as a parameter.
 */
import { EJSON } from 'bson'
import { DuplicateKeyError, ValidationError } from '../../errors.ts'
import type { Filter } from '../../ports.ts'

const NAME = /^[A-Za-z0-9_.-]{1,120}$/
const FIELD_SEGMENT = /^[A-Za-z0-9_-]{1,120}$/

/** Collection and index names: letters, digits, `_ . -` — safe inside a quoted identifier. */
export function checkName(kind: 'collection' | 'index', name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) throw new ValidationError(kind, `invalid ${kind} name`)
  return name
}

/** True for a dotted field path the store can turn into a JSON path (`a.b_c`, no `$`). */
function isSimplePath(path: string): boolean {
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
  return `ifnull(json_extract(body, ${jsonPathLiteral(path)}), x'00')`
}

/** `a.b` → the SQL string literal `'$."a"."b"'` (segments validated, so nothing to escape). */
export function jsonPathLiteral(path: string): string {
  if (!isSimplePath(path)) throw new ValidationError('index', `unsupported index field "${path}"`)
  return `'$${path
    .split('.')
    .map((s) => `."${s}"`)
    .join('')}'`
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
  /**
   * True when the SQL condition alone decides the filter: every condition was pushed down and
   * compares plain strings (json_extract also returns objects/arrays as JSON text and true/false
   * as 1/0, so numbers and JSON-looking strings are only a superset). Then counting needs no
   * decoding.
   */
  exact: boolean
}

/**
 * Builds SQL conditions that every document matching `filter` satisfies, from top-level (and
 * `$and`) equality / `$eq` / `$in` conditions on `_id` and on indexed fields holding strings or
 * numbers. The result is a superset of the matches; mingo does the exact evaluation.
 * Indexed fields hold no arrays (the store refuses them), so an equality cannot hide an element match.
 */
export function prefilter(filter: Filter, indexed: ReadonlySet<string>): Prefilter {
  const conds: string[] = []
  const params: Scalar[] = []
  const seen = new Set<string>()
  let exact = true
  const visit = (f: Filter) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value) && value.length > 0) {
        for (const part of value) {
          if (part && typeof part === 'object' && !Array.isArray(part)) visit(part as Filter)
          else exact = false
        }
        continue
      }
      const isId = key === '_id'
      const values = key.startsWith('$') || (!isId && !indexed.has(key)) || seen.has(key) ? null : equalityValues(value, isId)
      if (!values) {
        exact = false
        continue
      }
      seen.add(key)
      const expr = isId ? 'id' : fieldExpr(key)
      const bound = isId ? values.map(idKey) : (values as Scalar[])
      if (!isId && !values.every(isPlainString)) exact = false
      conds.push(bound.length === 1 ? `${expr} = ?` : `${expr} IN (${bound.map(() => '?').join(', ')})`)
      params.push(...bound)
    }
  }
  visit(filter)
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, exact }
}

function isPlainString(v: unknown): boolean {
  return typeof v === 'string' && !v.startsWith('{') && !v.startsWith('[')
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

/** A SQLite unique-constraint failure as DuplicateKeyError naming the index (never the value). */
export function asDuplicate(err: unknown, indexName?: string): DuplicateKeyError | undefined {
  const e = err as { errcode?: number; message?: string }
  // 2067 SQLITE_CONSTRAINT_UNIQUE, 1555 SQLITE_CONSTRAINT_PRIMARYKEY
  if (e?.errcode !== 2067 && e?.errcode !== 1555) return undefined
  const fromIndex = /index '[^']*\/([^']+)'/.exec(e.message ?? '')?.[1]
  const index = indexName ?? fromIndex ?? '_id_'
  return new DuplicateKeyError(`duplicate key on index ${index}`, { index, cause: err })
}
