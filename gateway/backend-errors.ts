/**
 * Turns driver/server failures into gateway errors. The server's own message is never forwarded:
 * MongoDB (and FerretDB) put document values in messages (E11000 "dup key: { … }", type errors
 * quoting `_id`), so answers carry only the code name — plus the index name for duplicates.
 */
import { MongoNetworkError, MongoOperationTimeoutError, MongoServerError, MongoServerSelectionError } from 'mongodb'
import { GatewayError } from './errors.ts'

/** Server codes caused by the request itself rather than by the backend. */
const DUPLICATE = new Set([11000, 11001])
const INDEX_CONFLICT = new Set([85, 86, 68])
const NOT_SUPPORTED = new Set([238, 59, 115])
const UNAVAILABLE = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436])

export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err
  if (err instanceof MongoNetworkError || err instanceof MongoServerSelectionError || err instanceof MongoOperationTimeoutError) {
    return new GatewayError(503, 'BackendUnavailable', 'the database is unavailable')
  }
  const rawCode = (err as { code?: unknown } | null)?.code
  const code = rawCode !== undefined && rawCode !== null && Number.isInteger(Number(rawCode)) ? Number(rawCode) : undefined
  if (err instanceof MongoServerError || code !== undefined) {
    const codeName = (err as { codeName?: string }).codeName ?? `code ${code}`
    const message = String((err as Error).message ?? '')
    // FerretDB v1 reports a unique violation caused by an UPDATE as InternalError (code 1).
    if ((code !== undefined && DUPLICATE.has(code)) || (code === 1 && /UNIQUE constraint failed/.test(message))) {
      const index = /index: (\S+)/.exec(message)?.[1]
      return new GatewayError(409, 'DuplicateKey', index ? `duplicate key on index ${index}` : 'duplicate key', index ? { index } : undefined)
    }
    if (code !== undefined && INDEX_CONFLICT.has(code)) {
      return new GatewayError(409, 'IndexConflict', `an index conflicts with an existing one (${codeName})`)
    }
    if (code !== undefined && NOT_SUPPORTED.has(code)) {
      return new GatewayError(501, 'NotSupported', `the database does not support this operation (${codeName})`)
    }
    if (code !== undefined && UNAVAILABLE.has(code)) return new GatewayError(503, 'BackendUnavailable', 'the database is unavailable')
    if (code === 1 || code === 50) return new GatewayError(500, 'InternalServerError', `the database failed (${codeName})`)
    return new GatewayError(400, 'InvalidParameter', `the database refused the operation (${codeName})`)
  }
  return new GatewayError(500, 'InternalServerError', 'internal error')
}
