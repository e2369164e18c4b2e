/**
 * Request guards: operators and stages the gateway never forwards, and the per-key allow-list.
 *
 * Refused anywhere in a filter, projection, sort, update or pipeline (found by a recursive scan of
 * keys, bounded in depth): `$out` and `$merge` (write to other collections), `$function`,
 * `$accumulator`, `$where` (server-side JavaScript), plus admin-only stages that leak other
 * clients' data (`$currentOp`, `$listSessions`, `$listLocalSessions`). BSON Code values are refused
 * too. Stages that read another collection (`$lookup`, `$graphLookup`, `$unionWith`) are refused
 * for keys restricted to a list of collections, since they would step around the allow-list.
 */
import type { KeyScope } from './auth.ts'
import { badRequest, GatewayError } from './errors.ts'

const REFUSED = new Set(['$out', '$merge', '$function', '$accumulator', '$where', '$currentOp', '$listSessions', '$listLocalSessions'])
const CROSS_COLLECTION = new Set(['$lookup', '$graphLookup', '$unionWith'])
/** Databases that hold server state; no key reaches them. */
const INTERNAL_DATABASES = new Set(['admin', 'local', 'config'])
const MAX_DEPTH = 64

/** Throws a 400 when `value` contains a refused operator (see the file comment). */
export function assertSafe(value: unknown, field: string, scope: KeyScope): void {
  scan(value, field, scope, 0)
}

function scan(value: unknown, field: string, scope: KeyScope, depth: number): void {
  if (value === null || typeof value !== 'object') return
  if (depth > MAX_DEPTH) throw badRequest(`"${field}" is nested deeper than ${MAX_DEPTH} levels`)
  if (bsonType(value) === 'Code') throw badRequest(`"${field}" contains JavaScript code, which the gateway refuses`)
  if (Array.isArray(value)) {
    for (const item of value) scan(item, field, scope, depth + 1)
    return
  }
  if ((value as { _bsontype?: unknown })._bsontype || value instanceof Date) return
  for (const [key, inner] of Object.entries(value)) {
    if (REFUSED.has(key)) throw badRequest(`"${field}" uses ${key}, which the gateway refuses`)
    if (CROSS_COLLECTION.has(key) && scope.collections) {
      throw new GatewayError(403, 'Forbidden', `${key} is not allowed for a key restricted to some collections`)
    }
    scan(inner, field, scope, depth + 1)
  }
}

/** Database names MongoDB accepts (and that are not internal). */
export function assertDatabaseName(name: string): void {
  if (!name || name.length > 63 || /[/\\. "$\0]/.test(name)) throw badRequest('"database" is not a valid database name')
  if (INTERNAL_DATABASES.has(name)) throw new GatewayError(403, 'Forbidden', `database "${name}" is internal and not reachable through the gateway`)
}

export function assertCollectionName(name: string): void {
  if (!name || name.length > 255 || name.includes('$') || name.includes('\0') || name.startsWith('system.')) {
    throw badRequest('"collection" is not a valid collection name')
  }
}

/** 403 unless the key's allow-list admits this database and collection. */
export function assertAllowed(scope: KeyScope, database: string, collection: string): void {
  if (scope.databases && !scope.databases.includes(database)) {
    throw new GatewayError(403, 'Forbidden', `this key may not access database "${database}"`)
  }
  if (scope.collections && !scope.collections.includes(collection) && !scope.collections.includes(`${database}.${collection}`)) {
    throw new GatewayError(403, 'Forbidden', `this key may not access collection "${collection}"`)
  }
}

/** True when a Decimal128 value appears anywhere (FerretDB v1 drops the connection on one). */
export function containsDecimal(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false
  if (bsonType(value) === 'Decimal128') return true
  if ((value as { _bsontype?: unknown })._bsontype || value instanceof Date) return false
  const items = Array.isArray(value) ? value : Object.values(value)
  return items.some((v) => containsDecimal(v, depth + 1))
}

/** The BSON class name of a value (works across the ESM and CommonJS copies of bson). */
function bsonType(value: object): string | undefined {
  const t = (value as { _bsontype?: unknown })._bsontype
  return typeof t === 'string' ? t : undefined
}
