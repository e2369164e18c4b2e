/**
 * Cache on node:sqlite — the twin of the Upstash cache: same entry ids (SHA-256 of tenant, user
 * and key), same TTLs, same generations (rows `cg:<id>` in kv_values): an entry records the
 * generations it was computed under and is a hit only while they are current; a read answers the
 * generations it saw (the stamp) and a fill may record those instead of the current ones.
 * Memory mode hands every reader of an entry the same deep-frozen value (kv-memory.ts).
 */
import type { Cache, CacheScope } from '../../ports.ts'
import { parseStamp } from '../upstash/cache.ts'
import { cacheEntryId, cacheTagId, cacheUserId } from '../upstash/common.ts'
import { deepFreeze, isLive } from './kv-memory.ts'
import { type KvDb, values, writing } from './kv-store.ts'

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
  /** The live entry of an id, parsed (memory mode: remembered, misses too; values frozen). */
  const entry = (id: string, now: number): Partial<Stored> | null => {
    const memory = kv.memory && !writing(kv) ? kv.memory : null
    if (!memory) {
      const row = kv.sql('SELECT value FROM kv_cache WHERE id = ? AND expires_at > ?').get(id, now) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as Partial<Stored>) : null
    }
    memory.sync()
    let remembered = memory.entries.get(id)
    if (remembered === undefined) {
      const found = kv.sql('SELECT value, expires_at FROM kv_cache WHERE id = ?').get(id) as { value: string; expires_at: number } | undefined
      remembered = found ? { value: deepFreeze(JSON.parse(found.value)), size: found.value.length, expiresAt: found.expires_at } : null
      memory.entries.set(id, remembered)
    }
    return remembered && isLive(remembered, now) ? (remembered.value as Partial<Stored>) : null
  }

  return {
    get<T>(scope: CacheScope, key: string, tags?: string[]) {
      const now = Date.now()
      const gens = generations(scope, tags)
      const seen = current(gens, now)
      const stamp = JSON.stringify(seen)
      const stored = entry(cacheEntryId(scope, key), now)
      if (!stored) return Promise.resolve({ value: null, stamp })
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
        kv.memory?.entries.delete(id)
        kv.sql(
          'INSERT INTO kv_cache (id, user_key, value, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
        ).run(id, null, JSON.stringify(stored), now + ttlMs)
      })
    },

    async delete(scope, key) {
      const id = cacheEntryId(scope, key)
      kv.memory?.entries.delete(id)
      kv.sql('DELETE FROM kv_cache WHERE id = ?').run(id)
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
