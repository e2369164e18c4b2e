/** Revocations on node:sqlite — the twin of the Upstash adapter (TTL'd rows in kv_values). */
import type { Revocations } from '../../ports.ts'
import { values, type KvDb } from './kv-store.ts'

export function createEmbeddedRevocations(kv: KvDb): Revocations {
  const vals = values(kv)
  return {
    async revokeToken(jti, expiresAt) {
      if (expiresAt <= Date.now()) return // already expired: nothing to refuse
      vals.set(`rv:t:${jti}`, '1', Math.ceil(expiresAt))
    },
    async isRevoked(jti) {
      return vals.get(`rv:t:${jti}`, Date.now()) !== null
    },
    async revokeUserBefore(userId, at, ttlSeconds) {
      kv.tx(() => {
        const now = Date.now()
        const key = `rv:u:${userId}`
        const cur = vals.get(key, now)
        const until = now + Math.max(1, Math.ceil(ttlSeconds * 1000))
        // Keeps the latest time; the expiry never moves earlier (as in the Redis script).
        const value = cur && Number(cur.value) >= Math.floor(at) ? cur.value : String(Math.floor(at))
        vals.set(key, value, Math.max(until, cur?.expiresAt ?? 0))
      })
    },
    async revokedBefore(userId) {
      const row = vals.get(`rv:u:${userId}`, Date.now())
      return row ? Number(row.value) : null
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
