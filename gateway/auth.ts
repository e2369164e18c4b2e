/**
 * The scope model every credential maps to, and the API-key ring (keys arrive as `apiKey`,
 * `api-key` or `Authorization: Bearer`; see credentials.ts). Keys are compared as
 * SHA-256 digests with timingSafeEqual against EVERY configured key (no early exit), so neither
 * the key's length nor the position of the first differing byte shows in the timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

/** What one key may reach. Absent lists mean "any" (internal databases stay refused). */
export interface KeyScope {
  databases?: string[]
  collections?: string[]
}

export interface ResolvedKey {
  /** Stable label for logs ("key#0", "user#0", "jwt"): never the credential itself. */
  label: string
  scope: KeyScope
}

interface StoredKey extends ResolvedKey {
  digest: Buffer
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** Builds the key checker from the configured keys (a list, or key → scope). */
export function createKeyring(apiKeys: string[] | Record<string, KeyScope>): (presented: string | undefined) => ResolvedKey | null {
  const entries: Array<[string, KeyScope]> = Array.isArray(apiKeys) ? apiKeys.map((k) => [k, {}]) : Object.entries(apiKeys)
  if (entries.length === 0) throw new Error('[gateway] at least one API key is required')
  const stored: StoredKey[] = entries.map(([key, scope], i) => {
    if (!key) throw new Error(`[gateway] API key #${i} is empty`)
    return { digest: sha256(key), label: `key#${i}`, scope }
  })
  return (presented) => {
    if (!presented) return null
    const got = sha256(presented)
    let found: StoredKey | null = null
    for (const key of stored) if (timingSafeEqual(got, key.digest) && !found) found = key
    return found && { label: found.label, scope: found.scope }
  }
}
