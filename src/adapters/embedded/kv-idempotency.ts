/**
 * IdempotencyStore on node:sqlite — the twin of the Upstash adapter: one `kv_values` row per key
 * (JSON {fp, token?, answer?}), the lease as its expiry while running and the retention once
 * done; each call is one transaction, so the first reservation wins and only the holder completes.
 */
import type { IdempotencyStore, KeptAnswer } from '../../ports.ts'
import { sha256Hex } from '../upstash/sha256.ts'
import { type KvDb, values } from './kv-store.ts'

interface Row {
  fp: string
  token?: string
  answer?: KeptAnswer
}

export function createEmbeddedIdempotency(kv: KvDb): IdempotencyStore {
  const vals = values(kv)
  const keyOf = (tenantId: string, caller: string, key: string) => `ik:${tenantId}:${sha256Hex(JSON.stringify([caller, key]))}`
  const read = (k: string, now: number): Row | null => {
    const row = vals.get(k, now)
    return row ? (JSON.parse(row.value) as Row) : null
  }

  return {
    async reserve(scope, key, fingerprint, leaseMs) {
      const k = keyOf(scope.tenantId, scope.caller, key)
      return kv.tx(() => {
        const now = Date.now()
        const held = read(k, now)
        if (!held) {
          const token = crypto.randomUUID()
          vals.set(k, JSON.stringify({ fp: fingerprint, token } satisfies Row), now + Math.max(1, Math.ceil(leaseMs)))
          return { state: 'reserved' as const, token }
        }
        if (held.fp !== fingerprint) return { state: 'mismatch' as const }
        if (held.answer) return { state: 'done' as const, answer: held.answer }
        return { state: 'running' as const }
      })
    },
    async complete(scope, key, token, answer, ttlSeconds) {
      const k = keyOf(scope.tenantId, scope.caller, key)
      return kv.tx(() => {
        const now = Date.now()
        const held = read(k, now)
        if (!held || held.token !== token) return false
        vals.set(k, JSON.stringify({ fp: held.fp, answer } satisfies Row), now + Math.max(1, Math.ceil(ttlSeconds)) * 1000)
        return true
      })
    },
    async release(scope, key, token) {
      const k = keyOf(scope.tenantId, scope.caller, key)
      kv.tx(() => {
        if (read(k, Date.now())?.token === token) vals.delete(k)
      })
    },
    async lookup(scope, key) {
      const held = read(keyOf(scope.tenantId, scope.caller, key), Date.now())
      return held ? { fingerprint: held.fp, answer: held.answer ?? null } : null
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
