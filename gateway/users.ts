/**
 * Email/password users configured for the gateway (the Atlas Data API's `email` + `password`
 * headers). Passwords are stored as scrypt hashes (gateway/passwords.ts). An unknown email costs
 * the same scrypt work as a wrong password, against a dummy hash, so timing does not tell which
 * emails exist (the dummy uses the most expensive parameters configured). A successful check is remembered for a minute under a keyed digest of the pair
 * (never the password itself), so a client sending its password on every request does not pay
 * scrypt every time; wrong passwords are never cached and always pay the full cost.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { KeyScope, ResolvedKey } from './auth.ts'
import { DEFAULT_SCRYPT, parsePasswordHash, type ScryptParams, verifyPassword } from './passwords.ts'

/** One user: the stored hash plus the same allow-lists an API key has. */
export interface GatewayUser extends KeyScope {
  /** `$scrypt$ln=…,r=…,p=…$salt$hash`, made by `npm run gateway -- hash-password`. */
  passwordHash: string
}

const CACHE_TTL_MS = 60_000
const CACHE_MAX = 1000

/** Emails compare case-insensitively (trimmed, lower-cased). */
const normalizeEmail = (email: string) => email.trim().toLowerCase()

export function createUserDirectory(users: Record<string, GatewayUser>): (email: string, password: string) => Promise<ResolvedKey | null> {
  const byEmail = new Map<string, ResolvedKey & { hash: ReturnType<typeof parsePasswordHash> }>()
  Object.entries(users).forEach(([email, user], i) => {
    const normalized = normalizeEmail(email)
    if (!normalized) throw new Error(`[gateway] user #${i} has an empty email`)
    if (byEmail.has(normalized)) throw new Error(`[gateway] user #${i} repeats an email (emails compare case-insensitively)`)
    let hash: ReturnType<typeof parsePasswordHash>
    try {
      hash = parsePasswordHash(String(user?.passwordHash ?? ''))
    } catch (err) {
      throw new Error(`[gateway] user #${i}: passwordHash is invalid (${(err as Error).message})`)
    }
    const scope: KeyScope = {}
    if (user.databases) scope.databases = user.databases
    if (user.collections) scope.collections = user.collections
    byEmail.set(normalized, { label: `user#${i}`, scope, hash })
  })
  // The dummy costs what the most expensive stored hash costs, so unknown emails are never faster
  // (with one set of parameters for all users — the usual case — they cost exactly the same).
  const cost = ({ ln, r, p }: ScryptParams) => 2 ** ln * r * p
  const stored = [...byEmail.values()].map((u) => u.hash.params)
  const params = stored.length ? stored.reduce((a, b) => (cost(b) > cost(a) ? b : a)) : DEFAULT_SCRYPT
  const dummy = { params, salt: randomBytes(16), hash: randomBytes(32) }
  const cacheKey = randomBytes(32)
  const remembered = new Map<string, { key: ResolvedKey; until: number }>()

  return async (email, password) => {
    const normalized = normalizeEmail(email)
    const digest = createHmac('sha256', cacheKey).update(normalized).update('\0').update(password).digest('base64')
    const hit = remembered.get(digest)
    if (hit && hit.until > Date.now()) return hit.key
    if (hit) remembered.delete(digest)
    const user = byEmail.get(normalized)
    const ok = await verifyPassword(password, user?.hash ?? dummy)
    if (!ok || !user) return null
    const key = { label: user.label, scope: user.scope }
    if (remembered.size >= CACHE_MAX) remembered.delete(remembered.keys().next().value!)
    remembered.set(digest, { key, until: Date.now() + CACHE_TTL_MS })
    return key
  }
}
