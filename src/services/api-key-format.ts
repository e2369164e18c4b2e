/**
 * The API key format: `gh_live_` + base64url(version ‖ key id ‖ tenant ‖ secret ‖ CRC-32).
 *
 *   version   1 byte (1)
 *   key id    9 random bytes (the API's `id`: 12 base64url characters)
 *   tenant    1 length byte + the tenant id (UTF-8): the admission must find the key's record
 *             under the tenant's hash tag without a lookup — the key says which tenant, as a
 *             token's claims do; the secret, not the tenant, is what the key proves
 *   secret    32 random bytes (256 bits)
 *   CRC-32    of the prefix and everything before it, so a mistyped, truncated or tampered key is
 *             refused by arithmetic alone, before any store is asked
 *
 * The fixed prefix and the checksum make a leaked key recognisable by secret scanners
 * (`gh_live_[A-Za-z0-9_-]{64,}` whose CRC-32 matches). Only SHA-256 of the whole key is stored:
 * the secret has 256 bits, so a fast hash suffices (no password stretching needed).
 */

const API_KEY_PREFIX = 'gh_live_'

const VERSION = 1
const ID_BYTES = 9
const SECRET_BYTES = 32
const MAX_TENANT_BYTES = 128
/** version + id + tenant length byte + secret + CRC. */
const FIXED_BYTES = 1 + ID_BYTES + 1 + SECRET_BYTES + 4

/** What a well-formed key says about itself. */
export interface ParsedApiKey {
  keyId: string
  tenantId: string
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (IEEE 802.3, as zlib and GitHub's token checksums). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function base64url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0))
  // One spelling per key: a non-canonical last character decodes to the same bytes.
  return base64url(bytes) === text ? bytes : null
}

const utf8 = new TextEncoder()
const prefixBytes = utf8.encode(API_KEY_PREFIX)

/** A new key for a tenant: its id and the key text (shown to its creator once). */
export function generateApiKey(tenantId: string, keyId?: string): { keyId: string; key: string } {
  const tenant = utf8.encode(tenantId)
  if (tenant.length === 0 || tenant.length > MAX_TENANT_BYTES) throw new TypeError('tenant id must be 1–128 bytes')
  const id = keyId ? fromBase64url(keyId) : crypto.getRandomValues(new Uint8Array(ID_BYTES))
  if (!id || id.length !== ID_BYTES) throw new TypeError('malformed key id')
  const body = new Uint8Array(FIXED_BYTES + tenant.length)
  body[0] = VERSION
  body.set(id, 1)
  body[1 + ID_BYTES] = tenant.length
  body.set(tenant, 2 + ID_BYTES)
  body.set(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)), 2 + ID_BYTES + tenant.length)
  const end = body.length - 4
  new DataView(body.buffer).setUint32(end, crc32(concat(prefixBytes, body.subarray(0, end))))
  return { keyId: base64url(id), key: API_KEY_PREFIX + base64url(body) }
}

/** True when the text has the shape of a key (the prefix), whether or not it is well-formed. */
export const looksLikeApiKey = (text: string) => text.startsWith(API_KEY_PREFIX)

/**
 * The key's id and tenant when it is well-formed (prefix, length, version, checksum), else null.
 * Pure arithmetic: no store is asked, so garbage costs nothing.
 */
export function parseApiKey(text: string): ParsedApiKey | null {
  if (typeof text !== 'string' || !text.startsWith(API_KEY_PREFIX) || text.length > 400) return null
  const body = fromBase64url(text.slice(API_KEY_PREFIX.length))
  if (!body || body.length < FIXED_BYTES + 1 || body[0] !== VERSION) return null
  const tenantLength = body[1 + ID_BYTES]!
  if (body.length !== FIXED_BYTES + tenantLength) return null
  const end = body.length - 4
  if (new DataView(body.buffer, body.byteOffset).getUint32(end) !== crc32(concat(prefixBytes, body.subarray(0, end)))) return null
  let tenantId: string
  try {
    tenantId = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(2 + ID_BYTES, 2 + ID_BYTES + tenantLength))
  } catch {
    return null
  }
  return { keyId: base64url(body.subarray(1, 1 + ID_BYTES)), tenantId }
}

/** What is stored and compared: SHA-256 hex of the whole key. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(key))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * What listings show to tell keys apart: the first 16 characters every key with this id starts
 * with (the prefix, then version and id bytes) — the same before and after a rotation.
 */
export function keyPrefixOf(keyId: string): string {
  const id = fromBase64url(keyId) ?? new Uint8Array(ID_BYTES)
  return API_KEY_PREFIX + base64url(Uint8Array.of(VERSION, ...id)).slice(0, 8)
}

/** Key ids as the API shows them (12 base64url characters). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
