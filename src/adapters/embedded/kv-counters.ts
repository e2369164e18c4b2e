/** Counters on node:sqlite — the twin of the Upstash adapter: the expiry is set by the first increment. */
import type { Counters } from '../../ports.ts'
import { type KvDb, values } from './kv-store.ts'

export function createEmbeddedCounters(kv: KvDb): Counters {
  const vals = values(kv)
  return {
    async increment(key, by, ttlSeconds) {
      return kv.tx(() => {
        const now = Date.now()
        const k = `n:${key}`
        const row = vals.get(k, now)
        const next = (row ? Number(row.value) : 0) + Math.trunc(by)
        vals.set(k, String(next), row?.expiresAt ?? now + Math.max(1, Math.ceil(ttlSeconds * 1000)))
        return next
      })
    },
    async get(key) {
      return Number(vals.get(`n:${key}`, Date.now())?.value ?? 0)
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
