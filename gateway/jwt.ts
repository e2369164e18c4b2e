/**
 * JWT authentication (the Atlas Data API's `jwtTokenString` header; also a Bearer token that is
 * not an API key): the token's signature is checked against a JSON Web Key Set fetched from a
 * configured URL (jose's remote key set: cached, refetched when a token names an unknown `kid`),
 * then `exp` (required), `nbf`, and the configured `iss` / `aud`. Only asymmetric algorithms.
 *
 * A token that fails is a 401. A key set that cannot be had (unreachable, timeout, not 200, not a
 * key set) is a 503 `AuthUnavailable`: the caller's token may be fine, so "unauthorised" would be
 * a lie and would make clients drop good tokens. The key set is fetched on first use, not at start.
 */
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { KeyScope, ResolvedKey } from './auth.ts'
import { GatewayError } from './errors.ts'

export interface JwtOptions {
  /** Where the JSON Web Key Set is served (http or https). */
  jwksUrl: string
  /** Accepted `iss` value(s); unchecked when absent. */
  issuer?: string | string[]
  /** Accepted `aud` value(s); unchecked when absent. */
  audience?: string | string[]
  /** What a valid token may reach (default: everything but the internal databases). */
  scope?: KeyScope
  /** Timeout of one key-set fetch in ms (default 5000). */
  timeoutMs?: number
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']

/**
 * Why the key set cannot be had, for errors that mean "no key set to check against" (as opposed
 * to "this token is bad", which gives undefined).
 */
function keySetProblem(err: unknown): string | undefined {
  if (!(err instanceof errors.JOSEError)) return 'unreachable' // fetch failed: refused, DNS, aborted…
  if (err instanceof errors.JWKSTimeout) return 'timeout'
  if (err instanceof errors.JWKSInvalid) return 'not a key set'
  if (err.code === errors.JOSEError.code) return 'bad answer' // not 200, or not JSON
  return undefined
}

class KeySetUnavailable extends Error {
  override name = 'KeySetUnavailable'
}

/** Fixed 401 messages by jose error: never the token, never claim values. */
function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'the JWT has expired'
  if (err instanceof errors.JWTClaimValidationFailed) {
    return err.reason === 'missing' ? `the JWT has no "${err.claim}" claim` : `the JWT's "${err.claim}" claim is not accepted`
  }
  if (err instanceof errors.JWKSNoMatchingKey) return 'the JWT is signed by a key the gateway does not know'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'the JWT signature is invalid'
  if (err instanceof errors.JOSEAlgNotAllowed) return "the JWT's algorithm is not accepted"
  return 'the JWT is malformed or cannot be verified'
}

export function createJwtVerifier(options: JwtOptions): (token: string) => Promise<ResolvedKey> {
  let url: URL
  try {
    url = new URL(options.jwksUrl)
  } catch {
    throw new Error('[gateway] jwt.jwksUrl is not a URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('[gateway] jwt.jwksUrl must be http(s)')
  const remote = createRemoteJWKSet(url, { timeoutDuration: options.timeoutMs ?? 5000 })
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token)
    } catch (err) {
      const problem = keySetProblem(err)
      throw problem ? new KeySetUnavailable(problem) : err
    }
  }
  const verifyOptions = {
    algorithms: ALGORITHMS,
    requiredClaims: ['exp'],
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.audience !== undefined && { audience: options.audience }),
  }
  const resolved: ResolvedKey = { label: 'jwt', scope: options.scope ?? {} }

  return async (token) => {
    try {
      await jwtVerify(token, getKey, verifyOptions)
      return resolved
    } catch (err) {
      if (err instanceof KeySetUnavailable) {
        throw new GatewayError(503, 'AuthUnavailable', `the JSON Web Key Set used to check JWTs cannot be fetched (${err.message}); try again later`)
      }
      throw new GatewayError(401, 'InvalidSession', `invalid JWT: ${reason(err)}`)
    }
  }
}
