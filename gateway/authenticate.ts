/**
 * Authentication: every form the Atlas Data API accepted, each mapped to a KeyScope.
 *   Authorization: Bearer <t>  → an API key; else, when JWTs are configured and <t> is a JWT, a JWT
 *   email + password           → a configured user (scrypt hash)
 *   apiKey / api-key           → an API key
 *   jwtTokenString             → a JWT checked against the configured key set
 * A form that is not configured (users, JWT) is refused with 401 like a wrong credential. The
 * answer never echoes a credential; 401 messages name the form only.
 */
import { createKeyring, type KeyScope, type ResolvedKey } from './auth.ts'
import { CREDENTIAL_FORMS, type HeaderReader, looksLikeJwt, readCredentials } from './credentials.ts'
import { GatewayError } from './errors.ts'
import { createJwtVerifier, type JwtOptions } from './jwt.ts'
import { createUserDirectory, type GatewayUser } from './users.ts'

export interface AuthOptions {
  /** API keys: a list (full access), or key → allow-list. */
  apiKeys?: string[] | Record<string, KeyScope>
  /** email → {passwordHash, databases?, collections?}. */
  users?: Record<string, GatewayUser>
  /** JWTs checked against a JSON Web Key Set. */
  jwt?: JwtOptions
}

const unauthorized = (message: string) => new GatewayError(401, 'InvalidSession', message)

/** Builds the request authenticator; throws at start-up when nothing at all is configured. */
export function createAuthenticator(options: AuthOptions): (headers: HeaderReader) => Promise<ResolvedKey> {
  const hasKeys = Array.isArray(options.apiKeys) ? options.apiKeys.length > 0 : Object.keys(options.apiKeys ?? {}).length > 0
  const hasUsers = Object.keys(options.users ?? {}).length > 0
  if (!hasKeys && !hasUsers && !options.jwt) throw new Error('[gateway] configure at least one API key, user or JWT key set')
  const resolveKey = hasKeys ? createKeyring(options.apiKeys!) : () => null
  const checkUser = hasUsers ? createUserDirectory(options.users!) : undefined
  const checkJwt = options.jwt ? createJwtVerifier(options.jwt) : undefined

  return async (headers) => {
    const presented = readCredentials(headers)
    switch (presented.kind) {
      case 'none':
        throw unauthorized(`no credentials were given (${CREDENTIAL_FORMS})`)
      case 'bearer': {
        if (!presented.token) throw unauthorized('the Authorization header must be "Bearer <token>"')
        const key = resolveKey(presented.token)
        if (key) return key
        if (checkJwt && looksLikeJwt(presented.token)) return checkJwt(presented.token)
        throw unauthorized('invalid Bearer token')
      }
      case 'apiKey': {
        const key = resolveKey(presented.key)
        if (!key) throw unauthorized('invalid API key')
        return key
      }
      case 'incompleteEmailPassword':
        throw unauthorized('email and password headers must be given together')
      case 'emailPassword': {
        if (!checkUser) throw unauthorized('email/password authentication is not enabled on this gateway')
        const user = await checkUser(presented.email, presented.password)
        if (!user) throw unauthorized('invalid email or password')
        return user
      }
      case 'jwt':
        if (!checkJwt) throw unauthorized('JWT authentication is not enabled on this gateway')
        return checkJwt(presented.token)
    }
  }
}
