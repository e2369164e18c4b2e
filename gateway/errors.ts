/**
 * Gateway errors, answered in the Data API v1 shape `{error, error_code, link}`.
 * Messages name fields, actions and index names only — never values from the request body,
 * never the backend's own message (MongoDB echoes document values, e.g. in E11000 errors).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Machine-readable codes; the README's "Errors" table lists each with its status. */
export type ErrorCode =
  | 'InvalidParameter'
  | 'MissingParameter'
  | 'InvalidSession'
  | 'Forbidden'
  | 'ActionNotFound'
  | 'NotFound'
  | 'PayloadTooLarge'
  | 'DuplicateKey'
  | 'IndexConflict'
  | 'ResultTooLarge'
  | 'NotSupported'
  | 'BackendUnavailable'
  | 'AuthUnavailable'
  | 'InternalServerError'

/** Where `link` points: the README section describing the codes. */
const ERROR_LINK = 'gateway/README.md#errors'

export class GatewayError extends Error {
  override name = 'GatewayError'
  readonly status: ContentfulStatusCode
  readonly code: ErrorCode
  /** Extra answer fields (e.g. `index` for DuplicateKey). Never body values. */
  readonly extra: Record<string, string> | undefined

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, extra?: Record<string, string>) {
    super(message)
    this.status = status
    this.code = code
    this.extra = extra
  }
}

export const badRequest = (message: string) => new GatewayError(400, 'InvalidParameter', message)
export const missing = (field: string) => new GatewayError(400, 'MissingParameter', `missing required field "${field}"`)

/** The v1 error body. */
export function errorBody(err: GatewayError): Record<string, string> {
  return { error: err.message, error_code: err.code, link: ERROR_LINK, ...err.extra }
}
