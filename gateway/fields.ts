/** Typed reads of request-body fields; each failure is a 400 naming the field, never its value. */
import { badRequest, missing } from './errors.ts'

export type Body = Record<string, unknown>
type Obj = Record<string, unknown>

const isPlainObject = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v as { _bsontype?: unknown })._bsontype && !(v instanceof Date)

export function requiredString(body: Body, field: string): string {
  const v = body[field]
  if (v === undefined || v === null || v === '') throw missing(field)
  if (typeof v !== 'string') throw badRequest(`"${field}" must be a string`)
  return v
}

export function requiredObject(body: Body, field: string): Obj {
  const v = body[field]
  if (v === undefined || v === null) throw missing(field)
  if (!isPlainObject(v)) throw badRequest(`"${field}" must be an object`)
  return v
}

export function optionalObject(body: Body, field: string): Obj | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (!isPlainObject(v)) throw badRequest(`"${field}" must be an object`)
  return v
}

export function requiredObjectArray(body: Body, field: string, { nonEmpty = false } = {}): Obj[] {
  const v = body[field]
  if (v === undefined || v === null) throw missing(field)
  if (!Array.isArray(v) || !v.every(isPlainObject)) throw badRequest(`"${field}" must be an array of objects`)
  if (nonEmpty && v.length === 0) throw badRequest(`"${field}" must not be empty`)
  return v
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw badRequest(`"${field}" must be a boolean`)
  return v
}

/** A non-negative integer; EJSON number wrappers (Int32, Long, Double) are accepted. */
export function optionalCount(body: Body, field: string): number | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  const n = asNumber(v)
  if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`"${field}" must be a non-negative integer`)
  return n
}

/** A sort or index key: field → 1 | -1. */
export function direction(spec: Obj, field: string): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {}
  for (const [k, v] of Object.entries(spec)) {
    const n = asNumber(v)
    if (n !== 1 && n !== -1) throw badRequest(`"${field}" values must be 1 or -1`)
    out[k] = n
  }
  return out
}

/** A replacement document: no update operators at its top level. */
export function assertReplacement(doc: Obj): void {
  if (Object.keys(doc).some((k) => k.startsWith('$'))) throw badRequest('"replacement" must not contain update operators')
}

/** An update: an operator document ($set…) or a pipeline (array of stages). */
export function requiredUpdate(body: Body): Obj | Obj[] {
  const v = body.update
  if (v === undefined || v === null) throw missing('update')
  if (Array.isArray(v)) {
    if (!v.every(isPlainObject) || v.length === 0) throw badRequest('"update" must be an operator document or a non-empty pipeline')
    return v
  }
  if (!isPlainObject(v)) throw badRequest('"update" must be an object')
  const keys = Object.keys(v)
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) throw badRequest('"update" must contain only update operators (use replaceOne to replace)')
  return v
}

/** A JS number, or the value of an EJSON number wrapper (Int32, Double, Long, Decimal128); else NaN. */
function asNumber(v: unknown): number {
  if (typeof v === 'number') return v
  const t = (v as { _bsontype?: unknown } | null)?._bsontype
  return t === 'Int32' || t === 'Double' || t === 'Long' || t === 'Decimal128' ? Number(String(v)) : NaN
}
