/**
 * Cache on node:sqlite — the twin of the Upstash cache: same entry ids (SHA-256 of tenant, user
 * and key), same TTLs, same generations (rows `cg:<id>` in kv_values): an entry records the
 * generations it was computed under and is a hit only while they are current; a read answers the
 * generations it saw (the stamp) and a fill may record those instead of the current ones.
 */
import type { Cache, CacheScope } from '../../ports.ts'
import { parseStamp } from '../upstash/cache.ts'
import { cacheEntryId, cacheTagId, cacheUserId } from '../upstash/common.ts'
import { type KvDb, values } from './kv-store.ts'

/** How long a generation outlives its last invalidation (entries extend it further when longer). */
const GENERATION_TTL_MS = 7 * 24 * 3600 * 1000

interface Stored {
  v: unknown
  /** Generation key → generation recorded at fill. */
  g: Record<string, string>
}

export function createEmbeddedCache(kv: KvDb): Cache {
  const vals = values(kv)
  const generations = (scope: CacheScope, tags: string[] = []) => {
    const gens = [...new Set(tags)].map((t) => `cg:${cacheTagId(scope.tenantId, t)}`)
    if (scope.userId !== undefined) gens.push(`cg:${cacheUserId(scope.tenantId, scope.userId)}`)
    return gens
  }
  const current = (gens: string[], now: number) => gens.map((g) => vals.get(g, now)?.value ?? '0')

  return {
    get<T>(scope: CacheScope, key: string, tags?: string[]) {
      const now = Date.now()
      const gens = generations(scope, tags)
      const seen = current(gens, now)
      const stamp = JSON.stringify(seen)
      const row = kv.sql('SELECT value FROM kv_cache WHERE id = ? AND expires_at > ?').get(cacheEntryId(scope, key), now) as { value: string } | undefined
      if (!row) return Promise.resolve({ value: null, stamp })
      const stored = JSON.parse(row.value) as Partial<Stored>
      const recorded = stored.g ?? {}
      const fresh = Object.keys(recorded).length === gens.length && gens.every((g, i) => recorded[g] === seen[i])
      return Promise.resolve({ value: fresh ? (stored.v as T) : null, stamp })
    },

    async set(scope, key, value, options) {
      if (value === undefined) return
      const id = cacheEntryId(scope, key)
      const ttlMs = Math.max(1, Math.ceil(options.ttlSeconds * 1000))
      const gens = generations(scope, options.tags)
      kv.tx(() => {
        const now = Date.now()
        const stamp = parseStamp(options.stamp, gens.length)
        const recorded = stamp.length > 0 ? stamp : current(gens, now)
        // A generation lives at least as long as the entries that record it.
        for (const g of gens) {
          const row = vals.get(g, now)
          if (row && row.expiresAt !== null && row.expiresAt < now + ttlMs) vals.set(g, row.value, now + ttlMs)
        }
        const stored: Stored = { v: value, g: Object.fromEntries(gens.map((g, i) => [g, recorded[i]!])) }
        kv.sql(
          'INSERT INTO kv_cache (id, user_key, value, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
        ).run(id, null, JSON.stringify(stored), now + ttlMs)
      })
    },

    async delete(scope, key) {
      kv.sql('DELETE FROM kv_cache WHERE id = ?').run(cacheEntryId(scope, key))
    },

    async invalidateTags(tenantId, tags) {
      if (tags.length > 0) kv.tx(() => bump(generations({ tenantId }, tags)))
    },

    async clearUser(tenantId, userId) {
      kv.tx(() => bump(generations({ tenantId, userId })))
    },

    async ping() {
      kv.sql('SELECT 1').get()
    },
  }

  function bump(gens: string[]): void {
    const now = Date.now()
    for (const g of gens) {
      const row = vals.get(g, now)
      const until = Math.max(now + GENERATION_TTL_MS, row?.expiresAt ?? 0)
      vals.set(g, String(Number(row?.value ?? 0) + 1), until)
    }
  }
}
