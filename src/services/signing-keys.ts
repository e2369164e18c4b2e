import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { type Config, ConfigError } from '../config.ts'
import type { Logger } from '../logger.ts'

/**
 * Signing keys for gatehouse's own access tokens.
 *
 * - JWT_PRIVATE_JWK: the current private JWK (Ed25519 → EdDSA, or P-256 → ES256). A `kid` is
 *   taken from the JWK or derived (RFC 7638 thumbprint).
 * - JWT_PREVIOUS_PUBLIC_JWKS: JSON array of public JWKs still accepted while tokens signed by
 *   a retired key are alive (rotation: move the old public key here, deploy the new private key,
 *   drop the old one after ACCESS_TOKEN_TTL_SECONDS).
 * Only these two algorithms exist here; verification pins the algorithm to the key's own.
 */

export type SigningAlg = 'EdDSA' | 'ES256'

interface VerifyKey {
  alg: SigningAlg
  key: CryptoKey
}

export interface SigningKeys {
  alg: SigningAlg
  kid: string
  privateKey: CryptoKey
  /** kid → public key, for the current key and every previous one. */
  verify: Map<string, VerifyKey>
  /** Public JWK Set served at /.well-known/jwks.json. */
  jwks: { keys: JWK[] }
  /** True when no key was configured and one was generated for this process only. */
  ephemeral: boolean
}

const PUBLIC_FIELDS = ['kty', 'crv', 'x', 'y'] as const

/** The JWS algorithm a JWK is for, or null when gatehouse does not sign with that key type. */
function algorithmOf(jwk: JWK): SigningAlg | null {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA'
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256'
  return null
}

/**
 * A fresh private JWK (with kid, alg, use) — for the embedded key file, tests and the
 * `JWT_PRIVATE_JWK` a deployment sets.
 */
export async function generateSigningJwk(alg: SigningAlg = 'EdDSA'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' }
}

function publicPart(jwk: JWK, kid: string, alg: SigningAlg): JWK {
  const out: JWK = { kid, alg, use: 'sig' }
  for (const f of PUBLIC_FIELDS) if (jwk[f] !== undefined) out[f] = jwk[f]
  return out
}

function parseJson(text: string, setting: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ConfigError([`${setting}: is not valid JSON`])
  }
}

async function buildKeys(config: Config, logger?: Logger): Promise<SigningKeys> {
  let ephemeral = false
  let privateJwk: JWK
  if (config.JWT_PRIVATE_JWK) {
    const parsed = parseJson(config.JWT_PRIVATE_JWK, 'JWT_PRIVATE_JWK')
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(['JWT_PRIVATE_JWK: must be one JWK object'])
    privateJwk = parsed as JWK
  } else {
    // Tokens from this key die with the process and are not shared by other instances.
    ephemeral = true
    privateJwk = await generateSigningJwk()
    logger?.warn('JWT_PRIVATE_JWK is not set: signing with a generated key that lives only in this process')
  }
  const alg = algorithmOf(privateJwk)
  if (!alg) throw new ConfigError(['JWT_PRIVATE_JWK: must be an Ed25519 (OKP) or P-256 (EC) key'])
  if (typeof privateJwk.d !== 'string') throw new ConfigError(['JWT_PRIVATE_JWK: must be a private key (has "d")'])
  if (privateJwk.alg && privateJwk.alg !== alg && !(alg === 'EdDSA' && privateJwk.alg === 'Ed25519')) {
    throw new ConfigError([`JWT_PRIVATE_JWK: "alg" does not match the key type (expected ${alg})`])
  }
  const kid = typeof privateJwk.kid === 'string' && privateJwk.kid ? privateJwk.kid : await calculateJwkThumbprint(privateJwk)
  let privateKey: CryptoKey
  let publicKey: CryptoKey
  try {
    privateKey = (await importJWK({ ...privateJwk, alg }, alg)) as CryptoKey
    publicKey = (await importJWK(publicPart(privateJwk, kid, alg), alg)) as CryptoKey
  } catch {
    throw new ConfigError(['JWT_PRIVATE_JWK: the key could not be imported'])
  }
  const verify = new Map<string, VerifyKey>([[kid, { alg, key: publicKey }]])
  const jwks: JWK[] = [publicPart(privateJwk, kid, alg)]

  if (config.JWT_PREVIOUS_PUBLIC_JWKS) {
    const list = parseJson(config.JWT_PREVIOUS_PUBLIC_JWKS, 'JWT_PREVIOUS_PUBLIC_JWKS')
    const items = Array.isArray(list) ? list : (list as { keys?: unknown })?.keys
    if (!Array.isArray(items)) throw new ConfigError(['JWT_PREVIOUS_PUBLIC_JWKS: must be a JSON array of public JWKs (or a JWK Set)'])
    const problems: string[] = []
    for (const [i, item] of items.entries()) {
      const jwk = item as JWK
      const prevAlg = jwk && typeof jwk === 'object' ? algorithmOf(jwk) : null
      if (!prevAlg) problems.push(`JWT_PREVIOUS_PUBLIC_JWKS[${i}]: must be an Ed25519 or P-256 public JWK`)
      else if ('d' in jwk) problems.push(`JWT_PREVIOUS_PUBLIC_JWKS[${i}]: must not contain private key material`)
      else if (typeof jwk.kid !== 'string' || !jwk.kid) problems.push(`JWT_PREVIOUS_PUBLIC_JWKS[${i}]: needs a "kid"`)
      else if (verify.has(jwk.kid)) problems.push(`JWT_PREVIOUS_PUBLIC_JWKS[${i}]: duplicate kid`)
      else {
        try {
          const pub = publicPart(jwk, jwk.kid, prevAlg)
          verify.set(jwk.kid, { alg: prevAlg, key: (await importJWK(pub, prevAlg)) as CryptoKey })
          jwks.push(pub)
        } catch {
          problems.push(`JWT_PREVIOUS_PUBLIC_JWKS[${i}]: the key could not be imported`)
        }
      }
    }
    if (problems.length > 0) throw new ConfigError(problems)
  }
  return { alg, kid, privateKey, verify, jwks: { keys: jwks }, ephemeral }
}

// One key set per parsed config: import once per process/isolate, not per request.
const loaded = new WeakMap<Config, Promise<SigningKeys>>()

/**
 * The signing keys for a config, loaded once. Throws ConfigError (naming settings, never values)
 * when a configured key is unusable; entry points await it at start-up so that fails loudly.
 */
export function signingKeys(config: Config, logger?: Logger): Promise<SigningKeys> {
  let keys = loaded.get(config)
  if (!keys) {
    keys = buildKeys(config, logger)
    loaded.set(config, keys)
    // A broken config stays broken, but don't cache a transient failure forever.
    keys.catch(() => loaded.delete(config))
  }
  return keys
}
