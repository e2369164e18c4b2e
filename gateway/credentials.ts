/**
 * Which credential a request presents, read from its headers in the Atlas Data API's order:
 *   1. `Authorization: Bearer <token>`
 *   2. `email` + `password`
 *   3. `apiKey` (or `api-key`, as the npm client `mongodb-data-api` sends it)
 *   4. `jwtTokenString`
 * Header names are case-insensitive (`ApiKey`, `Api-Key` are the same headers), the dash is not:
 * `apiKey` and `api-key` are two names, both accepted. The FIRST form present decides; a request
 * never falls back to a later form when the earlier one is wrong. Empty values count as absent;
 * an Authorization header with another scheme than Bearer is not a credential of the gateway's.
 */

export type Credentials =
  | { kind: 'bearer'; token: string }
  | { kind: 'emailPassword'; email: string; password: string }
  /** Only one of email / password was given. */
  | { kind: 'incompleteEmailPassword' }
  | { kind: 'apiKey'; key: string }
  | { kind: 'jwt'; token: string }
  | { kind: 'none' }

export interface HeaderReader {
  get(name: string): string | undefined
}

/** The form names, for 401 messages (never values). */
export const CREDENTIAL_FORMS = 'Authorization: Bearer, email + password, apiKey / api-key, or jwtTokenString'

export function readCredentials(headers: HeaderReader): Credentials {
  const read = (name: string) => {
    const v = headers.get(name)?.trim()
    return v ? v : undefined
  }
  // Only the Bearer scheme is a credential here; another scheme (say, Basic for a proxy in front)
  // is left alone. "Bearer" with a malformed token is a Bearer credential that fails.
  const authorization = read('authorization')
  if (authorization && /^Bearer(\s|$)/i.test(authorization)) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization)
    return { kind: 'bearer', token: m?.[1] ?? '' }
  }
  const email = read('email')
  const password = read('password')
  if (email && password) return { kind: 'emailPassword', email, password }
  if (email || password) return { kind: 'incompleteEmailPassword' }
  const key = read('apikey') ?? read('api-key')
  if (key) return { kind: 'apiKey', key }
  const jwt = read('jwttokenstring')
  if (jwt) return { kind: 'jwt', token: jwt }
  return { kind: 'none' }
}

/** Three base64url segments: the shape of a compact JWS. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)
}
