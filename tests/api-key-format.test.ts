/** The API key format: prefix, tenant, secret and CRC-32 — a key that is not exactly right is refused by arithmetic. */
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../src/adapters/upstash/sha256.ts'
import { generateApiKey, hashApiKey, KEY_ID_PATTERN, keyPrefixOf, parseApiKey } from '../src/services/api-key-format.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('API key format', () => {
  it('carries its id and tenant, for any tenant id the API accepts', () => {
    for (const tenant of ['t', 'acme-corp-7k2p', 'a.b:c@d_e-f', 'x'.repeat(128)]) {
      const { keyId, key } = generateApiKey(tenant)
      expect(key).toMatch(/^gh_live_[A-Za-z0-9_-]+$/)
      expect(keyId).toMatch(KEY_ID_PATTERN)
      expect(parseApiKey(key)).toEqual({ keyId, tenantId: tenant })
      expect(key.startsWith(keyPrefixOf(keyId))).toBe(true)
    }
    expect(() => generateApiKey('')).toThrow(TypeError)
    expect(() => generateApiKey('x'.repeat(129))).toThrow(TypeError)
  })

  it('a new secret for the same id (rotation): same id and prefix, a different key', () => {
    const first = generateApiKey('acme')
    const again = generateApiKey('acme', first.keyId)
    expect(again.keyId).toBe(first.keyId)
    expect(again.key).not.toBe(first.key)
    expect(keyPrefixOf(again.keyId)).toBe(keyPrefixOf(first.keyId))
    expect(parseApiKey(again.key)).toEqual({ keyId: first.keyId, tenantId: 'acme' })
  })

  it('refuses every single-character typo, every adjacent swap, truncation and extension', () => {
    const { key } = generateApiKey('acme-corp-7k2p')
    let tried = 0
    for (let i = 0; i < key.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === key[i]) continue
        tried++
        expect(parseApiKey(key.slice(0, i) + ch + key.slice(i + 1)), `position ${i} → ${ch}`).toBeNull()
      }
      if (i + 1 < key.length && key[i] !== key[i + 1]) expect(parseApiKey(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))).toBeNull()
    }
    expect(tried).toBeGreaterThan(4000)
    for (let n = 1; n <= 8; n++) expect(parseApiKey(key.slice(0, -n))).toBeNull()
    expect(parseApiKey(`${key}A`)).toBeNull()
    for (const bad of ['', 'gh_live_', 'gh_live_====', `Bearer ${key}`, ` ${key}`, key.toUpperCase(), 'x'.repeat(500)]) expect(parseApiKey(bad)).toBeNull()
  })

  it('is stored as SHA-256 hex of the whole key', async () => {
    const { key } = generateApiKey('acme')
    expect(await hashApiKey(key)).toBe(sha256Hex(key))
  })
})
