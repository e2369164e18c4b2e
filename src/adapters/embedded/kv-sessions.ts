/**
 * SessionStore on node:sqlite — the twin of the Upstash adapter: same handles (SHA-256 of the
 * raw id), same idle/absolute expiry, every call scoped to its tenant, listing never returns
 * expired or revoked sessions (expired rows of the user are pruned on read), rotateRefresh is a
 * compare-and-swap that remembers the token it replaced (the reuse grace).
 */
import type { RefreshRotation, Session, SessionInput, SessionStore, SessionTimes } from '../../ports.ts'
import { newSessionId, SESSION_ID_PATTERN, sessionHandle } from '../upstash/common.ts'
import { type KvDb, writing } from './kv-store.ts'

interface Row {
  record: string
  refresh_hash: string | null
}

export function createEmbeddedSessions(kv: KvDb, times: SessionTimes): SessionStore {
  const idleMs = times.idleSeconds * 1000
  const lifeMs = times.maxLifetimeSeconds * 1000
  const handleFor = (id: string) => (typeof id === 'string' && SESSION_ID_PATTERN.test(id) ? sessionHandle(id) : null)

  const live = (tenantId: string, handle: string, now: number): Session | null => liveSession(kv, tenantId, handle, now)
  /** Memory mode: the remembered copy of a session is forgotten before any write to it. */
  const forget = (handle: string) => kv.memory?.sessions.delete(handle)

  const save = (s: Session) => {
    forget(s.handle)
    const { refreshHash, ...rest } = s
    kv.sql('UPDATE kv_sessions SET record = ?, refresh_hash = ?, expires_at = ? WHERE handle = ?').run(
      JSON.stringify(rest),
      refreshHash ?? null,
      s.expiresAt,
      s.handle,
    )
  }

  /** Runs `fn` on the live session of a raw id, in a transaction; null when there is none. */
  const withLive = <T>(tenantId: string, id: string, fn: (s: Session, now: number) => T): T | null => {
    const handle = handleFor(id)
    if (!handle) return null
    return kv.tx(() => {
      const now = Date.now()
      const s = live(tenantId, handle, now)
      return s ? fn(s, now) : null
    })
  }

  return {
    async create(input: SessionInput) {
      const id = newSessionId()
      const now = Date.now()
      const session: Session = {
        ...input,
        handle: sessionHandle(id),
        createdAt: now,
        lastActiveAt: now,
        expiresAt: Math.min(now + idleMs, now + lifeMs),
        absoluteExpiresAt: now + lifeMs,
      }
      const { refreshHash, ...rest } = session
      kv.sql(
        'INSERT INTO kv_sessions (handle, tenant_id, user_id, record, refresh_hash, created_at, expires_at, absolute_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(session.handle, input.tenantId, input.userId, JSON.stringify(rest), refreshHash ?? null, now, session.expiresAt, session.absoluteExpiresAt)
      return { id, session }
    },

    async get(tenantId, id) {
      const handle = handleFor(id)
      return handle ? live(tenantId, handle, Date.now()) : null
    },

    async touch(tenantId, id) {
      return withLive(tenantId, id, (s, now) => {
        s.lastActiveAt = now
        s.expiresAt = Math.min(now + idleMs, s.absoluteExpiresAt)
        save(s)
        return s
      })
    },

    async update(tenantId, id, patch) {
      return withLive(tenantId, id, (s) => {
        if (patch.refreshHash !== undefined) {
          s.refreshHash = patch.refreshHash
          // A refresh token set outright ends any reuse grace of the one it replaces.
          kv.sql('UPDATE kv_sessions SET refresh_prev = NULL, refresh_nonce = NULL, refresh_rotated_at = NULL WHERE handle = ?').run(s.handle)
        }
        if (patch.role !== undefined) s.role = patch.role
        if (patch.hourlyLimit !== undefined) s.hourlyLimit = patch.hourlyLimit
        if (patch.device !== undefined) s.device = patch.device
        if (patch.data !== undefined) s.data = patch.data
        save(s)
        return s
      })
    },

    async rotateRefresh(tenantId, id, r) {
      const outcome = withLive(tenantId, id, (s, now): RefreshRotation => {
        if (s.refreshHash === r.presented) {
          forget(s.handle)
          kv.sql('UPDATE kv_sessions SET refresh_hash = ?, refresh_prev = ?, refresh_nonce = ?, refresh_rotated_at = ? WHERE handle = ?').run(
            r.next,
            r.presented,
            r.nonce,
            now,
            s.handle,
          )
          return { outcome: 'rotated' }
        }
        const prev = kv.sql('SELECT refresh_prev, refresh_nonce, refresh_rotated_at FROM kv_sessions WHERE handle = ?').get(s.handle) as
          | { refresh_prev: string | null; refresh_nonce: string | null; refresh_rotated_at: number | null }
          | undefined
        const withinGrace = prev?.refresh_rotated_at != null && now - prev.refresh_rotated_at < r.graceMs
        if (prev?.refresh_prev === r.presented && prev.refresh_nonce && withinGrace) return { outcome: 'replayed', nonce: prev.refresh_nonce }
        return { outcome: 'reused' }
      })
      return outcome ?? { outcome: 'missing' }
    },

    async list(tenantId, userId) {
      return kv.tx(() => {
        const now = Date.now()
        kv.sql('DELETE FROM kv_sessions WHERE tenant_id = ? AND user_id = ? AND (expires_at <= ? OR absolute_expires_at <= ?)').run(tenantId, userId, now, now)
        const rows = kv
          .sql('SELECT record, refresh_hash FROM kv_sessions WHERE tenant_id = ? AND user_id = ? ORDER BY created_at DESC, handle ASC')
          .all(tenantId, userId) as unknown as Row[]
        return rows.map(toSession)
      })
    },

    async updateUser(tenantId, userId, patch) {
      if (patch.role === undefined && patch.hourlyLimit === undefined) return 0
      return kv.tx(() => {
        const now = Date.now()
        const rows = kv
          .sql('SELECT record, refresh_hash FROM kv_sessions WHERE tenant_id = ? AND user_id = ? AND expires_at > ? AND absolute_expires_at > ?')
          .all(tenantId, userId, now, now) as unknown as Row[]
        for (const row of rows) {
          const s = toSession(row)
          if (patch.role !== undefined) s.role = patch.role
          if (patch.hourlyLimit !== undefined) s.hourlyLimit = patch.hourlyLimit
          save(s)
        }
        return rows.length
      })
    },

    async revoke(tenantId, userId, handle) {
      return kv.tx(() => {
        const now = Date.now()
        forget(handle)
        const wasLive = kv
          .sql('SELECT 1 FROM kv_sessions WHERE handle = ? AND tenant_id = ? AND user_id = ? AND expires_at > ? AND absolute_expires_at > ?')
          .get(handle, tenantId, userId, now, now)
        kv.sql('DELETE FROM kv_sessions WHERE handle = ? AND tenant_id = ? AND user_id = ?').run(handle, tenantId, userId)
        return wasLive !== undefined
      })
    },

    async revokeAll(tenantId, userId, exceptHandles = []) {
      return kv.tx(() => {
        const now = Date.now()
        const keep = new Set(exceptHandles)
        const rows = kv
          .sql('SELECT handle, expires_at, absolute_expires_at FROM kv_sessions WHERE tenant_id = ? AND user_id = ?')
          .all(tenantId, userId) as unknown as Array<{
          handle: string
          expires_at: number
          absolute_expires_at: number
        }>
        let revoked = 0
        const del = kv.sql('DELETE FROM kv_sessions WHERE handle = ?')
        for (const r of rows) {
          if (keep.has(r.handle)) continue
          forget(r.handle)
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

/** A stored row as a Session (the record column holds everything but the refresh hash). */
function toSession(row: Row): Session {
  const s = JSON.parse(row.record) as Session
  if (row.refresh_hash !== null) s.refreshHash = row.refresh_hash
  return s
}

/**
 * The live session of a handle in a tenant (the store's reads, and the gatekeeper's inside its
 * transaction). Memory mode remembers live sessions and hands out copies.
 */
export function liveSession(kv: KvDb, tenantId: string, handle: string, now: number): Session | null {
  // Inside a SQL transaction the file itself is read: it may have changed since the tick began.
  const memory = kv.memory && !writing(kv) ? kv.memory : null
  memory?.sync()
  const remembered = memory?.sessions.get(handle)
  if (remembered) {
    const s = remembered.session
    if (remembered.tenantId === tenantId && s.expiresAt > now && s.absoluteExpiresAt > now) return { ...s }
    if (s.expiresAt > now && s.absoluteExpiresAt > now) return null // another tenant's handle
  }
  const row = kv
    .sql('SELECT record, refresh_hash, tenant_id FROM kv_sessions WHERE handle = ? AND expires_at > ? AND absolute_expires_at > ?')
    .get(handle, now, now) as (Row & { tenant_id: string }) | undefined
  if (!row) return null
  const session = toSession(row)
  memory?.sessions.set(handle, { tenantId: row.tenant_id, session: { ...session } })
  return row.tenant_id === tenantId ? session : null
}
