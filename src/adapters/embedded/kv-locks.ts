/**
 * Locks on node:sqlite — the twin of the Upstash adapter. Acquire is ONE conditional upsert (it
 * takes the row only when absent or expired), release/extend only match the owner's token: each
 * is a single statement, so they are atomic across processes sharing the file too.
 */
import type { LockHandle, Locks } from '../../ports.ts'
import { acquireWithWait, runWithLock } from '../upstash/common.ts'
import type { KvDb } from './kv-store.ts'

export function createEmbeddedLocks(kv: KvDb): Locks {
  const tryOnce = (name: string, ttlMs: number): LockHandle | null => {
    const key = `lk:${name}`
    const owner = crypto.randomUUID()
    const now = Date.now()
    const res = kv
      .sql(
        `INSERT INTO kv_values (key, value, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
         WHERE kv_values.expires_at IS NOT NULL AND kv_values.expires_at <= ?`,
      )
      .run(key, owner, now + Math.max(1, Math.ceil(ttlMs)), now)
    if (Number(res.changes) !== 1) return null
    return {
      name,
      owner,
      release: async () => Number(kv.sql('DELETE FROM kv_values WHERE key = ? AND value = ? AND expires_at > ?').run(key, owner, Date.now()).changes) === 1,
      extend: async (ms: number) => {
        const t = Date.now()
        return (
          Number(
            kv.sql('UPDATE kv_values SET expires_at = ? WHERE key = ? AND value = ? AND expires_at > ?').run(t + Math.max(1, Math.ceil(ms)), key, owner, t)
              .changes,
          ) === 1
        )
      },
    }
  }

  const locks: Locks = {
    acquire: (name, options) => acquireWithWait(name, options, async () => tryOnce(name, options.ttlMs)),
    withLock: (name, options, fn) => runWithLock(locks, name, options, fn),
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
  return locks
}
