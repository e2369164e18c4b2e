/**
 * Password hashes for the gateway's email/password users: scrypt (node:crypto), stored as
 *   $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt, base64>$<hash, base64>
 * (the PHC string format). Verification derives the hash with the stored parameters and compares
 * with timingSafeEqual. scrypt runs on libuv's thread pool, so it does not block the event loop.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number
  r: number
  p: number
}

/**
 * N=2^15, r=8, p=1: ~120 ms and 32 MiB per check on these machines. OWASP's reference is N=2^17
 * (~360 ms, 128 MiB); every failed login costs the gateway that much, so the default is lower and
 * the parameters are stored per hash (`hash-password --ln 17` for the stronger one).
 */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16

interface ParsedHash {
  params: ScryptParams
  salt: Buffer
  hash: Buffer
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** ln
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 + 1024 * 1024 }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))))
}

/** Parses a stored hash; throws (naming no value) when it is not a gateway scrypt hash. */
export function parsePasswordHash(stored: string): ParsedHash {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(stored)
  if (!m) throw new Error('not a $scrypt$ln=…,r=…,p=…$salt$hash password hash')
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  if (params.ln < 10 || params.ln > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) {
    throw new Error('scrypt parameters out of range (ln 10-20, r 1-32, p 1-16)')
  }
  const salt = Buffer.from(m[4]!, 'base64')
  const hash = Buffer.from(m[5]!, 'base64')
  if (salt.length < 8 || hash.length < 16) throw new Error('password hash salt or digest too short')
  return { params, salt, hash }
}

/** A new stored hash for `password` (random salt). */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  if (!password) throw new Error('empty password')
  const salt = randomBytes(SALT_LENGTH)
  const hash = await derive(password, salt, params, KEY_LENGTH)
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '')
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`
}

/** True when `password` matches the parsed hash (constant-time comparison of the digests). */
export async function verifyPassword(password: string, stored: ParsedHash): Promise<boolean> {
  const got = await derive(password, stored.salt, stored.params, stored.hash.length)
  return timingSafeEqual(got, stored.hash)
}
