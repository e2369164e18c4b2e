/**
 * Who is calling, as far as the request itself tells — before any server-side check:
 * - the client's address: the TRUSTED_IP_HEADER when configured (for X-Forwarded-For the
 *   right-most entry, the one our own proxy added), else the runtime's connection (the entry
 *   point supplies it: Node's socket, Workers' CF-Connecting-IP), else "unknown";
 * - the credential: a bearer token, verified locally (jose; signature, iss/aud/exp) into a
 *   `Claim`; or an API key (`X-API-Key: <key>`, or `Authorization: Bearer <key>` — a bearer value
 *   with the key prefix is a key, anything else a JWT), checked locally for its shape and
 *   checksum and hashed. Whether the session is alive or the key known, and the role, are the
 *   gate's round trip's business.
 */

import { keyActorId } from '../domain/principal.ts'
import type { Role } from '../domain/roles.ts'
import { hashApiKey, looksLikeApiKey, parseApiKey } from '../services/api-key-format.ts'
import { signingKeys } from '../services/signing-keys.ts'
import { TokenError, verifyAccessToken } from '../services/tokens.ts'
import type { Ctx } from './types.ts'

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/

/** The client address rate limits and sessions record; "unknown" when nothing trustworthy says. */
export function clientAddress(c: Ctx): string {
  const { config, connectionAddress } = c.var.deps
  const name = config.TRUSTED_IP_HEADER
  if (name) {
    const raw = c.req.header(name)
    const parts = (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const ip = (name.toLowerCase() === 'x-forwarded-for' ? parts.at(-1) : parts[0]) ?? ''
    return ADDRESS.test(ip) ? ip : 'unknown'
  }
  const peer = connectionAddress?.(c)
  return peer && ADDRESS.test(peer) ? peer : 'unknown'
}

/** A locally verified credential: who it claims the caller is. */
export interface Claim {
  /** Our token, an external provider's token, or an API key. */
  issuer: 'local' | 'external' | 'key'
  /** The user; for an API key its acting id `key:<keyId>`. */
  userId: string
  tenantId: string
  /** The token's role claim (authoritative for external providers only; a key's is its record's). */
  role: Role
  /** An API key's id and the SHA-256 of the key, for the admission. */
  key?: { id: string; hash: string }
  sessionId?: string
  jti?: string
  /** Issue time, epoch seconds. */
  issuedAt: number
  /** Expiry, ms epoch. */
  expiresAt: number
}

export type Credential = { kind: 'none' } | { kind: 'malformed' } | { kind: 'bearer'; token: string } | { kind: 'key'; key: string }

/**
 * The credential the request presents: `X-API-Key`, or the Authorization header (a bearer value
 * with the API key prefix is a key). Both at once is ambiguous, hence malformed.
 */
export function readCredential(c: Ctx): Credential {
  const header = c.req.header('authorization')
  const apiKey = c.req.header('x-api-key')
  if (apiKey !== undefined) {
    const key = apiKey.trim()
    return header === undefined && key !== '' ? { kind: 'key', key } : { kind: 'malformed' }
  }
  if (header === undefined) return { kind: 'none' }
  const m = /^Bearer +([A-Za-z0-9_\-.=]{1,8192}) *$/i.exec(header)
  if (!m) return { kind: 'malformed' }
  return looksLikeApiKey(m[1]!) ? { kind: 'key', key: m[1]! } : { kind: 'bearer', token: m[1]! }
}

/**
 * Verifies a credential locally: the claim, or why there is none. Throws KeySourceError when an
 * external provider's keys cannot be fetched (the answer is then 503, not 401).
 */
export async function verifyCredential(c: Ctx, credential: Credential, now: number): Promise<{ claim: Claim } | { failure: 'missing' | 'invalid' }> {
  if (credential.kind === 'none') return { failure: 'missing' }
  if (credential.kind === 'malformed') return { failure: 'invalid' }
  if (credential.kind === 'key') {
    // Shape and checksum only: a mistyped or tampered key is refused here, asking no store.
    const parsed = parseApiKey(credential.key)
    if (!parsed) return { failure: 'invalid' }
    return {
      claim: {
        issuer: 'key',
        userId: keyActorId(parsed.keyId),
        tenantId: parsed.tenantId,
        role: 'viewer',
        key: { id: parsed.keyId, hash: await hashApiKey(credential.key) },
        issuedAt: 0,
        expiresAt: Number.POSITIVE_INFINITY,
      },
    }
  }
  const { config, logger } = c.var.deps
  try {
    const v = await verifyAccessToken(credential.token, await signingKeys(config, logger), config, now)
    return {
      claim: {
        issuer: v.issuer,
        userId: v.userId,
        tenantId: v.tenantId,
        role: v.role,
        ...(v.sessionId ? { sessionId: v.sessionId } : {}),
        ...(v.jti ? { jti: v.jti } : {}),
        issuedAt: Math.floor(v.issuedAt / 1000),
        expiresAt: v.expiresAt,
      },
    }
  } catch (err) {
    if (err instanceof TokenError) return { failure: 'invalid' }
    throw err // KeySourceError among others
  }
}
