import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose'
import type { Config } from '../config.ts'
import { isRole, type Role } from '../domain/roles.ts'
import type { SigningKeys } from './signing-keys.ts'

/**
 * Access tokens: short-lived JWTs bound to a server-side session (`sid`), each with its own `jti`
 * so it can be revoked alone. Verification is local (no network) and strict: algorithm pinned to
 * the key's, iss/aud/exp/nbf checked with a small clock tolerance, required claims present.
 */

/** Seconds of clock skew tolerated on exp/nbf/iat. */
const CLOCK_TOLERANCE_SECONDS = 5

// Asymmetric only: a provider's JWKS can never make an HMAC (or "none") token acceptable.
const EXTERNAL_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA', 'Ed25519']

export interface AccessClaims {
  userId: string
  tenantId: string
  role: Role
  /** Raw session id (the `sid` claim). */
  sessionId: string
}

export interface IssuedToken {
  token: string
  jti: string
  /** Expiry, ms epoch. */
  expiresAt: number
  expiresIn: number
}

/** A token that passed local verification; the server-side checks come next. */
export interface VerifiedToken {
  issuer: 'local' | 'external'
  userId: string
  tenantId: string
  role: Role
  sessionId?: string
  jti?: string
  /** ms epoch */
  issuedAt: number
  /** ms epoch */
  expiresAt: number
}

/** Why a token was refused. Never shown to clients in detail (they get one generic 401). */
export class TokenError extends Error {
  override name = 'TokenError'
}

/** The external provider's key set could not be fetched (timeout, network): answer 503, not 401. */
export class KeySourceError extends Error {
  override name = 'KeySourceError'
}

/** Signs an access token for a session. `now` in ms. */
export async function signAccessToken(keys: SigningKeys, config: Config, claims: AccessClaims, now: number): Promise<IssuedToken> {
  const iat = Math.floor(now / 1000)
  const exp = iat + config.ACCESS_TOKEN_TTL_SECONDS
  const jti = crypto.randomUUID()
  const token = await new SignJWT({ tenant: claims.tenantId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: keys.alg, kid: keys.kid, typ: 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(keys.privateKey)
  return { token, jti, expiresAt: exp * 1000, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS }
}

// One remote key set per provider URL: jose caches and rate-limits its JWKS fetches.
const remoteSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

function remoteSet(url: string) {
  let set = remoteSets.get(url)
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    remoteSets.set(url, set)
  }
  return set
}

/** Reads a claim by name or dotted path ("app_metadata.tenant_id" for Supabase-style tokens). */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 512

/**
 * Our own tokens that passed verification, by their exact text, per key set: a token's
 * signature and claims are checked once, not on every request (a signature check costs ~100 µs
 * of CPU; a token is typically presented hundreds of times). Only the time checks depend on the
 * moment, and they are repeated on every use, as jose does them. Oldest entries go first.
 */
const verifiedLocal = new WeakMap<SigningKeys, Map<string, { token: VerifiedToken; nbf: number; issuer: string; audience: string }>>()
const VERIFIED_MAX = 10_000

function rememberedLocal(token: string, keys: SigningKeys, config: Config, now: number): VerifiedToken | null {
  const hit = verifiedLocal.get(keys)?.get(token)
  if (!hit || hit.issuer !== config.JWT_ISSUER || hit.audience !== config.JWT_AUDIENCE) return null
  // jose's checks: exp <= now - tolerance is expired, nbf > now + tolerance is not yet valid.
  const nowSeconds = Math.floor(now / 1000)
  if (hit.token.expiresAt / 1000 <= nowSeconds - CLOCK_TOLERANCE_SECONDS || hit.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) return null
  return hit.token
}

function rememberLocal(token: string, keys: SigningKeys, config: Config, verified: VerifiedToken, nbf: number): void {
  let memo = verifiedLocal.get(keys)
  if (!memo) verifiedLocal.set(keys, (memo = new Map()))
  if (memo.size >= VERIFIED_MAX) memo.delete(memo.keys().next().value!)
  memo.set(token, { token: verified, nbf, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE })
}

/**
 * Verifies a bearer token: ours when its `kid` is one of our keys, else the configured external
 * provider's (JWKS_URL). Throws TokenError for anything not acceptable.
 */
export async function verifyAccessToken(token: string, keys: SigningKeys, config: Config, now: number): Promise<VerifiedToken> {
  const remembered = rememberedLocal(token, keys, config, now)
  if (remembered) return { ...remembered }
  let kid: string | undefined
  try {
    kid = decodeProtectedHeader(token).kid
  } catch {
    throw new TokenError('malformed token')
  }
  const currentDate = new Date(now)
  let external = false
  try {
    const local = kid ? keys.verify.get(kid) : undefined
    if (local) {
      const { payload } = await jwtVerify(token, local.key, {
        algorithms: [local.alg],
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate,
        requiredClaims: ['sub', 'iat', 'nbf', 'exp', 'jti', 'sid', 'tenant', 'role'],
      })
      const { sub, jti, sid, tenant, role } = payload as JWTPayload & Record<string, unknown>
      if (!nonEmpty(sub) || !nonEmpty(jti) || !nonEmpty(sid) || !nonEmpty(tenant) || !isRole(role)) {
        throw new TokenError('bad claims')
      }
      const verified: VerifiedToken = {
        issuer: 'local',
        userId: sub,
        tenantId: tenant,
        role: role as Role,
        sessionId: sid,
        jti,
        issuedAt: payload.iat! * 1000,
        expiresAt: payload.exp! * 1000,
      }
      rememberLocal(token, keys, config, verified, payload.nbf!)
      return { ...verified }
    }
    if (!config.JWKS_URL) throw new TokenError('unknown key')
    external = true
    const { payload } = await jwtVerify(token, remoteSet(config.JWKS_URL), {
      algorithms: EXTERNAL_ALGORITHMS,
      ...(config.JWKS_ISSUER ? { issuer: config.JWKS_ISSUER } : {}),
      ...(config.JWKS_AUDIENCE ? { audience: config.JWKS_AUDIENCE } : {}),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate,
      requiredClaims: ['sub', 'exp'],
    })
    const tenant = claimAt(payload, config.JWKS_TENANT_CLAIM)
    const roleClaim = claimAt(payload, config.JWKS_ROLE_CLAIM)
    // A provider token without a role claim is a plain user; an unknown role is refused.
    const role = roleClaim === undefined ? 'viewer' : roleClaim
    if (!nonEmpty(payload.sub) || !nonEmpty(tenant) || !isRole(role)) throw new TokenError('bad claims')
    const sid = payload.sid
    const jti = payload.jti
    return {
      issuer: 'external',
      userId: payload.sub,
      tenantId: tenant,
      role: role as Role,
      ...(nonEmpty(sid) ? { sessionId: sid } : {}),
      ...(nonEmpty(jti) ? { jti } : {}),
      issuedAt: (payload.iat ?? 0) * 1000,
      expiresAt: payload.exp! * 1000,
    }
  } catch (err) {
    if (err instanceof TokenError) throw err
    if (external && (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError))) {
      throw new KeySourceError('identity provider keys unavailable', { cause: err })
    }
    if (err instanceof errors.JOSEError) throw new TokenError(err.code)
    throw new TokenError('invalid token')
  }
}
