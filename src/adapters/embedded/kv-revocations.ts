/** Revocations on node:sqlite — the twin of the Upstash adapter (TTL'd rows in kv_values). */
import type { Revocations } from '../../ports.ts'
import { type KvDb, values } from './kv-store.ts'

/** kv_values keys, shared with the embedded gatekeeper. */
export const revokedTokenKey = (tenantId: string, jti: string) => `rv:t:${JSON.stringify([tenantId, jti])}`
export const revokedBeforeKey = (tenantId: string, userId: string) => `rv:u:${JSON.stringify([tenantId, userId])}`

export function createEmbeddedRevocations(kv: KvDb): Revocations {
  const vals = values(kv)
  return {
    async revokeToken(tenantId, jti, expiresAt) {
      if (expiresAt <= Date.now()) return // already expired: nothing to refuse
      vals.set(revokedTokenKey(tenantId, jti), '1', Math.ceil(expiresAt))
    },
    async isRevoked(tenantId, jti) {
      return vals.get(revokedTokenKey(tenantId, jti), Date.now()) !== null
    },
    async revokeUserBefore(tenantId, userId, atSeconds, ttlSeconds) {
      kv.tx(() => {
        const now = Date.now()
        const key = revokedBeforeKey(tenantId, userId)
        const cur = vals.get(key, now)
        const until = now + Math.max(1, Math.ceil(ttlSeconds * 1000))
        // Keeps the latest cutoff; the expiry never moves earlier (as in the Redis script).
        const value = cur && Number(cur.value) >= Math.floor(atSeconds) ? cur.value : String(Math.floor(atSeconds))
        vals.set(key, value, Math.max(until, cur?.expiresAt ?? 0))
      })
    },
    async revokedBefore(tenantId, userId) {
      const row = vals.get(revokedBeforeKey(tenantId, userId), Date.now())
      return row ? Number(row.value) : null
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
