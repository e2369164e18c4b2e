/**
 * SessionStore on node:sqlite — the twin of the Upstash adapter: same handles (SHA-256 of the
 * raw id), same idle/absolute expiry, listing never returns expired or revoked sessions (expired
 * rows of the user are pruned on read), rotateRefresh is a compare-and-swap.
 */
import type { Session, SessionInput, SessionStore, SessionTimes } from '../../ports.ts'
import { newSessionId, SESSION_ID_PATTERN, sessionHandle } from '../upstash/common.ts'
import type { KvDb } from './kv-store.ts'

interface Row {
  record: string
  refresh_hash: string | null
}

export function createEmbeddedSessions(kv: KvDb, times: SessionTimes): SessionStore {
  const idleMs = times.idleSeconds * 1000
  const lifeMs = times.maxLifetimeSeconds * 1000
  const handleFor = (id: string) => (typeof id === 'string' && SESSION_ID_PATTERN.test(id) ? sessionHandle(id) : null)

  const live = (handle: string, now: number): Session | null => {
    const row = kv
      .sql('SELECT record, refresh_hash FROM kv_sessions WHERE handle = ? AND expires_at > ? AND absolute_expires_at > ?')
      .get(handle, now, now) as Row | undefined
    return row ? toSession(row) : null
  }

  const save = (s: Session) => {
    const { refreshHash, ...rest } = s
    kv.sql('UPDATE kv_sessions SET record = ?, refresh_hash = ?, expires_at = ? WHERE handle = ?').run(
      JSON.stringify(rest),
      refreshHash ?? null,
      s.expiresAt,
      s.handle,
    )
  }

  return {
    async create(input: SessionInput) {
      const id = newSessionId()
      const now = Date.now()
      const session: Session = { ...input, handle: sessionHandle(id), createdAt: now, lastActiveAt: now, expiresAt: Math.min(now + idleMs, now + lifeMs), absoluteExpiresAt: now + lifeMs }
      const { refreshHash, ...rest } = session
      kv.sql(
        'INSERT INTO kv_sessions (handle, user_id, record, refresh_hash, created_at, expires_at, absolute_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(session.handle, input.userId, JSON.stringify(rest), refreshHash ?? null, now, session.expiresAt, session.absoluteExpiresAt)
      return { id, session }
    },

    async get(id) {
      const handle = handleFor(id)
      return handle ? live(handle, Date.now()) : null
    },

    async touch(id) {
      const handle = handleFor(id)
      if (!handle) return null
      return kv.tx(() => {
        const now = Date.now()
        const s = live(handle, now)
        if (!s) return null
        s.lastActiveAt = now
        s.expiresAt = Math.min(now + idleMs, s.absoluteExpiresAt)
        save(s)
        return s
      })
    },

    async update(id, patch) {
      const handle = handleFor(id)
      if (!handle) return null
      return kv.tx(() => {
        const s = live(handle, Date.now())
        if (!s) return null
        if (patch.refreshHash !== undefined) s.refreshHash = patch.refreshHash
        if (patch.role !== undefined) s.role = patch.role
        if (patch.device !== undefined) s.device = patch.device
        if (patch.data !== undefined) s.data = patch.data
        save(s)
        return s
      })
    },

    async rotateRefresh(id, expected, next) {
      const handle = handleFor(id)
      if (!handle) return 'missing'
      return kv.tx(() => {
        const s = live(handle, Date.now())
        if (!s) return 'missing'
        if (s.refreshHash !== expected) return 'mismatch'
        kv.sql('UPDATE kv_sessions SET refresh_hash = ? WHERE handle = ?').run(next, handle)
        return 'rotated'
      })
    },

    async list(userId) {
      return kv.tx(() => {
        const now = Date.now()
        kv.sql('DELETE FROM kv_sessions WHERE user_id = ? AND (expires_at <= ? OR absolute_expires_at <= ?)').run(userId, now, now)
        const rows = kv
          .sql('SELECT record, refresh_hash FROM kv_sessions WHERE user_id = ? ORDER BY created_at DESC, handle ASC')
          .all(userId) as unknown as Row[]
        return rows.map(toSession)
      })
    },

    async revoke(userId, handle) {
      return kv.tx(() => {
        const now = Date.now()
        const wasLive = kv.sql('SELECT 1 FROM kv_sessions WHERE handle = ? AND user_id = ? AND expires_at > ? AND absolute_expires_at > ?').get(handle, userId, now, now)
        kv.sql('DELETE FROM kv_sessions WHERE handle = ? AND user_id = ?').run(handle, userId)
        return wasLive !== undefined
      })
    },

    async revokeAll(userId, exceptHandles = []) {
      return kv.tx(() => {
        const now = Date.now()
        const keep = new Set(exceptHandles)
        const rows = kv.sql('SELECT handle, expires_at, absolute_expires_at FROM kv_sessions WHERE user_id = ?').all(userId) as unknown as Array<{
          handle: string
          expires_at: number
          absolute_expires_at: number
        }>
        let revoked = 0
        const del = kv.sql('DELETE FROM kv_sessions WHERE handle = ?')
        for (const r of rows) {
          if (keep.has(r.handle)) continue
          if (r.expires_at > now && r.absolute_expires_at > now) revoked++
          del.run(r.handle)
        }
        return revoked
      })
    },

    async cleanupExpired() {
      const now = Date.now()
      const res = kv.sql('DELETE FROM kv_sessions WHERE expires_at <= ? OR absolute_expires_at <= ?').run(now, now)
      return Number(res.changes)
    },

    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}

function toSession(row: Row): Session {
  const s = JSON.parse(row.record) as Session
  if (row.refresh_hash !== null) s.refreshHash = row.refresh_hash
  return s
}
