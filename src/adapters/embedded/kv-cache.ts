/**
 * Cache on node:sqlite — the twin of the Upstash cache. Same entry ids (SHA-256 of tenant, user
 * and key), same TTLs; tags are rows (tag → entry) so invalidation deletes exactly the tagged
 * entries through an index, and clearUser deletes by the entry's user column.
 */
import type { Cache, CacheScope } from '../../ports.ts'
import { cacheEntryId, cacheTagId, cacheUserId } from '../upstash/common.ts'
import type { KvDb } from './kv-store.ts'

export function createEmbeddedCache(kv: KvDb): Cache {
  const drop = (id: string) => {
    kv.sql('DELETE FROM kv_cache_tags WHERE entry_id = ?').run(id)
    kv.sql('DELETE FROM kv_cache WHERE id = ?').run(id)
  }

  return {
    async get<T>(scope: CacheScope, key: string) {
      const row = kv.sql('SELECT value FROM kv_cache WHERE id = ? AND expires_at > ?').get(cacheEntryId(scope, key), Date.now()) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as T) : null
    },

    async set(scope, key, value, options) {
      if (value === undefined) return
      const id = cacheEntryId(scope, key)
      const expiresAt = Date.now() + Math.max(1, Math.ceil(options.ttlSeconds * 1000))
      const userKey = scope.userId !== undefined ? cacheUserId(scope.tenantId, scope.userId) : null
      const json = JSON.stringify(value)
      kv.tx(() => {
        drop(id)
        kv.sql('INSERT INTO kv_cache (id, user_key, value, expires_at) VALUES (?, ?, ?, ?)').run(id, userKey, json, expiresAt)
        const tag = kv.sql('INSERT OR IGNORE INTO kv_cache_tags (tag_id, entry_id) VALUES (?, ?)')
        for (const t of options.tags ?? []) tag.run(cacheTagId(scope.tenantId, t), id)
      })
    },

    async delete(scope, key) {
      const id = cacheEntryId(scope, key)
      kv.tx(() => drop(id))
    },

    async invalidateTags(tenantId, tags) {
      kv.tx(() => {
        for (const t of new Set(tags)) {
          const tagId = cacheTagId(tenantId, t)
          const entries = kv.sql('SELECT entry_id FROM kv_cache_tags WHERE tag_id = ?').all(tagId) as unknown as Array<{ entry_id: string }>
          for (const e of entries) drop(e.entry_id)
        }
      })
    },

    async clearUser(tenantId, userId) {
      const userKey = cacheUserId(tenantId, userId)
      kv.tx(() => {
        kv.sql('DELETE FROM kv_cache_tags WHERE entry_id IN (SELECT id FROM kv_cache WHERE user_key = ?)').run(userKey)
        kv.sql('DELETE FROM kv_cache WHERE user_key = ?').run(userKey)
      })
    },

    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
