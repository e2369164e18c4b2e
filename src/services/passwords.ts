/**
 * Password hashing: PBKDF2-HMAC-SHA256 through WebCrypto, so the same code runs in workerd, Node,
 * Deno and Bun. The stored string carries its own parameters —
 * `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` — so the cost can be raised later:
 * a login with an older, lower count rehashes with the configured one.
 *
 * Iterations come from PASSWORD_PBKDF2_ITERATIONS (default 100,000). That default is the
 * deployed Cloudflare Workers ceiling for PBKDF2 (workerd itself accepts more: 600,000 took
 * ~94 ms locally); raise it only where the runtime allows.
 */

const SCHEME = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BITS = 256

export interface PasswordCheck {
  ok: boolean
  /** The stored hash uses weaker parameters than configured: store a fresh hash. */
  needsRehash: boolean
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

function fromB64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0))
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

/** Compares in time independent of where the inputs differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i % Math.max(b.length, 1)] ?? 0)
  return diff === 0
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  return `${SCHEME}$${iterations}$${b64url(salt)}$${b64url(await derive(password, salt, iterations))}`
}

interface Parsed {
  iterations: number
  salt: Uint8Array
  hash: Uint8Array
}

function parse(stored: string): Parsed | null {
  const [scheme, iter, salt, hash, ...rest] = stored.split('$')
  if (scheme !== SCHEME || rest.length > 0 || !iter || !salt || !hash) return null
  const iterations = Number(iter)
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return null
  const s = fromB64url(salt)
  const h = fromB64url(hash)
  return s && h && h.length > 0 ? { iterations, salt: s, hash: h } : null
}

/** Checks a password against a stored hash; `iterations` is the configured (current) cost. */
export async function verifyPassword(password: string, stored: string, iterations: number): Promise<PasswordCheck> {
  const parsed = parse(stored)
  if (!parsed) {
    // Spend the same work as a real check so a corrupt record is not a timing oracle either.
    await derive(password, new Uint8Array(SALT_BYTES), iterations)
    return { ok: false, needsRehash: false }
  }
  const actual = await derive(password, parsed.salt, parsed.iterations)
  const ok = constantTimeEqual(actual, parsed.hash)
  return { ok, needsRehash: ok && parsed.iterations < iterations }
}

/**
 * Burns the time of one password check for an account that does not exist, so "no such user"
 * and "wrong password" take the same time and give the same answer. The dummy record is random
 * bytes in the stored format: verifying against it costs exactly one derivation, and fails.
 */
export async function verifyAgainstDummy(password: string, iterations: number): Promise<false> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = crypto.getRandomValues(new Uint8Array(HASH_BITS / 8))
  await verifyPassword(password, `${SCHEME}$${iterations}$${b64url(salt)}$${b64url(hash)}`, iterations)
  return false
}
