/**
 * The EJSON codec of the Data API client. Canonical EJSON both ways, with two adjustments so
 * JS values come back as they went:
 * - encode: an integer JS number outside the int32 range is sent as a double — canonical EJSON
 *   would say `$numberLong`, and `Date.now()` stored as a Long would come back as a Long;
 *   undefined fields are left out (as the driver's ignoreUndefined does), not sent as null;
 * - decode: Int32 and Double wrappers become plain numbers; Long, Decimal128, ObjectId, Date,
 *   Binary… keep their BSON classes (a Long the caller stored comes back a Long).
 * No node: imports — this runs in Workers.
 */
import { Double, EJSON, Int32 } from 'bson'

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

/** Request body → canonical EJSON text. */
export function encodeEjson(value: unknown): string {
  return EJSON.stringify(prepare(value), { relaxed: false })
}

/** Canonical (or relaxed) EJSON text → JS values (see the file comment). */
export function decodeEjson(text: string): unknown {
  return unwrapNumbers(EJSON.parse(text, { relaxed: false }))
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function prepare(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && (value < INT32_MIN || value > INT32_MAX) ? new Double(value) : value
  }
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(prepare)
  if (!isPlain(value)) return value
  // Undefined fields are dropped (EJSON would send null), as the driver adapter does.
  // fromEntries defines own properties, so a "__proto__" field stays a field.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, prepare(v)]),
  )
}

function unwrapNumbers(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Int32 || value instanceof Double) return value.valueOf()
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unwrapNumbers(value[i])
    return value
  }
  if (!isPlain(value)) return value
  const obj = value as Record<string, unknown>
  for (const k of Object.keys(obj)) obj[k] = unwrapNumbers(obj[k])
  return obj
}
