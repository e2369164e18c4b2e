/**
 * Body formats. Requests: `application/json` is parsed as relaxed EJSON (so `{"$oid": …}` and
 * `{"$date": …}` work in plain JSON, numbers stay JS numbers), `application/ejson` as canonical
 * EJSON (Int32/Double/Long/Decimal128 keep their BSON types). Answers: EJSON is canonical; plain
 * JSON turns ObjectId into its hex string, Date into an ISO string, every number type into a
 * number (Decimal128 and Longs beyond 2^53 into strings), Binary into base64, other BSON types
 * into relaxed EJSON.
 */
import { EJSON } from 'bson'
import { badRequest } from './errors.ts'

export type Format = 'json' | 'ejson'

/** The request format from Content-Type, or null when it is neither JSON nor EJSON. */
export function requestFormat(contentType: string | undefined): Format | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'application/ejson') return 'ejson'
  return null
}

/** The answer format: Accept when it names one, else the request's format. */
export function answerFormat(accept: string | undefined, fallback: Format): Format {
  const a = accept?.toLowerCase() ?? ''
  if (a.includes('application/ejson')) return 'ejson'
  if (a.includes('application/json')) return 'json'
  return fallback
}

/** Parses a request body; anything unparsable is a 400 naming no content. */
export function decodeBody(text: string, format: Format): Record<string, unknown> {
  let value: unknown
  try {
    value = EJSON.parse(text, { relaxed: format === 'json' })
  } catch {
    throw badRequest(`request body is not valid ${format === 'json' ? 'JSON' : 'EJSON'}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('request body must be a JSON object')
  return value as Record<string, unknown>
}

/** Serialises an answer in the wanted format. */
export function encodeAnswer(value: unknown, format: Format): string {
  return format === 'ejson' ? EJSON.stringify(value, { relaxed: false }) : JSON.stringify(toPlainJson(value))
}

/**
 * The plain-JSON view of a BSON value (see the file comment). Types are told by `_bsontype`, not
 * instanceof: the driver (CommonJS) and this file (ESM) load different copies of the bson classes.
 */
function toPlainJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(toPlainJson)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (value instanceof RegExp) return { pattern: value.source, options: value.flags }
  const bson = value as { _bsontype?: string; toHexString?: () => string; toString(enc?: string): string; valueOf(): unknown }
  switch (bson._bsontype) {
    case undefined:
      break
    case 'ObjectId':
      return bson.toHexString!()
    case 'Int32':
    case 'Double':
      return Number(bson.valueOf())
    case 'Long': {
      const n = Number(bson.toString())
      return Number.isSafeInteger(n) ? n : bson.toString()
    }
    case 'Decimal128':
      return bson.toString()
    case 'Binary':
      return bson.toString('base64')
    default:
      return EJSON.serialize(value, { relaxed: true })
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = toPlainJson(v)
  return out
}
