/**
 * Contract of the `SessionStore` port: what every key-value adapter (Upstash via redis-http →
 * redis-server, embedded node:sqlite) must do alike. `make(times)` returns a fresh, isolated set
 * of ports (own key prefix or own database file).
 */
import { createHash } from 'node:crypto'
import { describe, it } from 'vitest'
import type { KvBackends, SessionStore, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const LONG: SessionTimes = { idleSeconds: 3600, maxLifetimeSeconds: 86_400 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const T = 't1'
const input = (userId: string, extra: Record<string, unknown> = {}) => ({ userId, tenantId: T, role: 'viewer' as const, ...extra })

export function sessionStoreContract(name: string, make: MakeKv): void {
  describe.concurrent(`SessionStore contract (${name})`, () => {
    const store = async (times = LONG): Promise<SessionStore> => (await make(times)).sessions

    it('creates a session: 128-bit base64url id, stored under its SHA-256 handle, all fields round-trip', async ({ expect }) => {
      const s = await store()
      const before = Date.now()
      const data = { theme: 'dark', tags: [], nested: { n: 1.5, list: [1, 'x', null] } }
      const { id, session } = await s.create(input('u1', { device: '123', ip: '203.0.113.9', userAgent: 'UA/1 "quoted"', refreshHash: 'r0', data }))
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(session.handle).toBe(sha256(id))
      expect(session.createdAt).toBeGreaterThanOrEqual(before)
      expect(session.expiresAt).toBe(session.createdAt + LONG.idleSeconds * 1000)
      expect(session.absoluteExpiresAt).toBe(session.createdAt + LONG.maxLifetimeSeconds * 1000)
      const got = await s.get(T, id)
      expect(got).toEqual(session)
      expect(got).toMatchObject({
        userId: 'u1',
        tenantId: 't1',
        role: 'viewer',
        device: '123',
        ip: '203.0.113.9',
        userAgent: 'UA/1 "quoted"',
        refreshHash: 'r0',
        data,
      })
      const other = await s.create(input('u1'))
      expect(other.id).not.toBe(id)
      expect(await s.get(T, other.id)).not.toHaveProperty('device')
    })

    it('answers null for unknown, malformed and hashed ids (the handle is not a credential)', async ({ expect }) => {
      const s = await store()
      const { session } = await s.create(input('u1'))
      expect(await s.get(T, 'A'.repeat(22))).toBeNull()
      expect(await s.get(T, 'not an id')).toBeNull()
      expect(await s.get(T, '')).toBeNull()
      expect(await s.get(T, session.handle)).toBeNull()
      expect(await s.touch(T, 'A'.repeat(22))).toBeNull()
      expect(await s.update(T, 'A'.repeat(22), { role: 'admin' })).toBeNull()
    })

    it('touch slides the idle expiry and records activity; update merges fields', async ({ expect }) => {
      const s = await store()
      const { id, session } = await s.create(input('u1', { data: { a: 1 } }))
      await sleep(15)
      const touched = await s.touch(T, id)
      expect(touched!.lastActiveAt).toBeGreaterThan(session.lastActiveAt)
      expect(touched!.expiresAt).toBe(touched!.lastActiveAt + LONG.idleSeconds * 1000)
      expect(touched!.absoluteExpiresAt).toBe(session.absoluteExpiresAt)
      const updated = await s.update(T, id, { role: 'admin', device: 'phone', data: { b: [2] }, refreshHash: 'r1' })
      expect(updated).toMatchObject({ role: 'admin', device: 'phone', data: { b: [2] }, refreshHash: 'r1', userId: 'u1', createdAt: session.createdAt })
      expect(await s.get(T, id)).toEqual(updated)
    })

    it('rotateRefresh is a compare-and-swap: 25 concurrent rotations of one token have exactly one winner', async ({ expect }) => {
      const s = await store()
      const { id } = await s.create(input('u1', { refreshHash: 'r0' }))
      const strict = (presented: string, next: string) => ({ presented, next, nonce: `n-${next}`, graceMs: 0 })
      const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => s.rotateRefresh(T, id, strict('r0', `r1-${i}`))))
      expect(outcomes.filter((o) => o.outcome === 'rotated')).toHaveLength(1)
      expect(outcomes.filter((o) => o.outcome === 'reused')).toHaveLength(24) // no grace: every other one is a reuse
      const winner = outcomes.findIndex((o) => o.outcome === 'rotated')
      expect((await s.get(T, id))!.refreshHash).toBe(`r1-${winner}`)
      expect(await s.rotateRefresh(T, id, strict('r0', 'again'))).toEqual({ outcome: 'reused' }) // reuse of a rotated token
      expect(await s.rotateRefresh(T, id, strict(`r1-${winner}`, 'r2'))).toEqual({ outcome: 'rotated' })
      expect(await s.rotateRefresh(T, 'B'.repeat(22), strict('r2', 'r3'))).toEqual({ outcome: 'missing' })
      const bare = await s.create(input('u1'))
      expect(await s.rotateRefresh(T, bare.id, strict('r0', 'r1'))).toEqual({ outcome: 'reused' }) // no refresh token yet
    })

    it('rotateRefresh reuse grace: the previous token within the grace is a replay (nonce of its successor); after it, or older, a reuse', async ({
      expect,
    }) => {
      const s = await store()
      const { id } = await s.create(input('u1', { refreshHash: 'a' }))
      const graceMs = 600
      const rotation = (presented: string, next: string) => ({ presented, next, nonce: `nonce-of-${next}`, graceMs })
      // 20 concurrent presentations of one token: one rotation, 19 replays naming the same successor.
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => s.rotateRefresh(T, id, rotation('a', `b-${i}`))))
      const won = outcomes.findIndex((o) => o.outcome === 'rotated')
      expect(won).toBeGreaterThanOrEqual(0)
      expect(outcomes.filter((o) => o.outcome === 'replayed')).toHaveLength(19)
      for (const o of outcomes) if (o.outcome === 'replayed') expect(o.nonce).toBe(`nonce-of-b-${won}`)
      expect((await s.get(T, id))!.refreshHash).toBe(`b-${won}`) // replays changed nothing
      // The successor rotates on; its parent is now the replayable one, the grandparent a reuse.
      expect(await s.rotateRefresh(T, id, rotation(`b-${won}`, 'c'))).toEqual({ outcome: 'rotated' })
      expect(await s.rotateRefresh(T, id, rotation('a', 'x'))).toEqual({ outcome: 'reused' })
      expect(await s.rotateRefresh(T, id, rotation(`b-${won}`, 'y'))).toEqual({ outcome: 'replayed', nonce: 'nonce-of-c' })
      await sleep(graceMs + 150)
      expect(await s.rotateRefresh(T, id, rotation(`b-${won}`, 'z'))).toEqual({ outcome: 'reused' }) // past the grace
      expect((await s.get(T, id))!.refreshHash).toBe('c')
      // A refresh token set outright ends the grace of the one before it.
      expect(await s.rotateRefresh(T, id, rotation('c', 'd'))).toEqual({ outcome: 'rotated' })
      await s.update(T, id, { refreshHash: 'e' })
      expect(await s.rotateRefresh(T, id, rotation('c', 'f'))).toEqual({ outcome: 'reused' })
      expect(await s.rotateRefresh(T, id, rotation('e', 'g'))).toEqual({ outcome: 'rotated' })
    })

    it('lists a user’s live sessions newest first; revoked ones never appear', async ({ expect }) => {
      const s = await store()
      const a = await s.create(input('u1'))
      await sleep(3)
      const b = await s.create(input('u1'))
      await sleep(3)
      const c = await s.create(input('u1'))
      await s.create(input('u2'))
      expect((await s.list(T, 'u1')).map((x) => x.handle)).toEqual([c.session.handle, b.session.handle, a.session.handle])
      expect(await s.list(T, 'nobody')).toEqual([])

      expect(await s.revoke(T, 'u2', b.session.handle)).toBe(false) // not u2's session
      expect(await s.revoke(T, 'u1', b.session.handle)).toBe(true)
      expect(await s.revoke(T, 'u1', b.session.handle)).toBe(false) // already gone
      expect(await s.get(T, b.id)).toBeNull()
      expect(await s.touch(T, b.id)).toBeNull()
      expect(await s.rotateRefresh(T, b.id, { presented: 'x', next: 'y', nonce: 'n', graceMs: 0 })).toEqual({ outcome: 'missing' })
      expect((await s.list(T, 'u1')).map((x) => x.handle)).toEqual([c.session.handle, a.session.handle])

      expect(await s.revokeAll(T, 'u1', [c.session.handle])).toBe(1)
      expect((await s.list(T, 'u1')).map((x) => x.handle)).toEqual([c.session.handle])
      expect(await s.get(T, a.id)).toBeNull()
      expect(await s.get(T, c.id)).not.toBeNull()
      expect(await s.revokeAll(T, 'u1')).toBe(1)
      expect(await s.list(T, 'u1')).toEqual([])
      expect(await s.list(T, 'u2')).toHaveLength(1)
    })

    it('scopes every call to the tenant: another tenant sees no session, list or revocation', async ({ expect }) => {
      const s = await store()
      const { id, session } = await s.create(input('u1'))
      expect(await s.get('t2', id)).toBeNull()
      expect(await s.touch('t2', id)).toBeNull()
      expect(await s.update('t2', id, { role: 'admin' })).toBeNull()
      expect(await s.rotateRefresh('t2', id, { presented: 'x', next: 'y', nonce: 'n', graceMs: 10_000 })).toEqual({ outcome: 'missing' })
      expect(await s.list('t2', 'u1')).toEqual([])
      expect(await s.revoke('t2', 'u1', session.handle)).toBe(false)
      expect(await s.revokeAll('t2', 'u1')).toBe(0)
      expect(await s.updateUser('t2', 'u1', { role: 'admin' })).toBe(0)
      expect((await s.get(T, id))?.role).toBe('viewer')
    })

    it('updateUser sets role and plan on every live session of the user, and only theirs', async ({ expect }) => {
      const s = await store()
      const a = await s.create(input('u1', { hourlyLimit: 10 }))
      const b = await s.create(input('u1'))
      const other = await s.create(input('u2'))
      await s.revoke(T, 'u1', b.session.handle)
      const c = await s.create(input('u1'))
      expect(await s.updateUser(T, 'u1', { role: 'admin', hourlyLimit: 0 })).toBe(2)
      for (const id of [a.id, c.id]) expect(await s.get(T, id)).toMatchObject({ role: 'admin', hourlyLimit: 0 })
      expect(await s.get(T, other.id)).toMatchObject({ role: 'viewer' })
      expect(await s.get(T, other.id)).not.toHaveProperty('hourlyLimit')
      expect(await s.updateUser(T, 'u1', { role: 'viewer' })).toBe(2)
      expect(await s.get(T, a.id)).toMatchObject({ role: 'viewer', hourlyLimit: 0 })
      expect(await s.updateUser(T, 'nobody', { role: 'viewer' })).toBe(0)
    })

    it('expires idle sessions, slides on touch, never past the absolute lifetime; cleanup removes the rest', async ({ expect }) => {
      const s = await store({ idleSeconds: 1, maxLifetimeSeconds: 2 })
      const a = await s.create(input('u1'))
      const b = await s.create(input('u1'))
      await s.create(input('u2'))
      await s.create(input('u2'))
      const t0 = a.session.createdAt
      const at = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()))

      await at(600)
      expect(await s.touch(T, a.id)).not.toBeNull()
      expect(await s.get(T, b.id)).not.toBeNull()

      await at(1250) // b idle for 1.25 s > 1 s; a touched 0.65 s ago
      expect(await s.get(T, b.id)).toBeNull()
      expect(await s.touch(T, b.id)).toBeNull()
      expect((await s.list(T, 'u1')).map((x) => x.handle)).toEqual([a.session.handle])
      const capped = await s.touch(T, a.id)
      expect(capped!.expiresAt).toBe(capped!.absoluteExpiresAt) // now + idle would pass the absolute end

      await at(1700)
      expect(await s.get(T, a.id)).not.toBeNull()

      await at(2150) // past the absolute lifetime although touched 0.9 s ago... and 0.45 s ago
      expect(await s.get(T, a.id)).toBeNull()
      expect(await s.touch(T, a.id)).toBeNull()
      expect(await s.update(T, a.id, { role: 'admin' })).toBeNull()
      expect(await s.rotateRefresh(T, a.id, { presented: 'x', next: 'y', nonce: 'n', graceMs: 10_000 })).toEqual({ outcome: 'missing' })
      expect(await s.list(T, 'u1')).toEqual([])

      expect(await s.cleanupExpired()).toBe(2) // u2's two sessions, never read since they expired
      expect(await s.cleanupExpired()).toBe(0)
      expect(await s.list(T, 'u2')).toEqual([])
    })
  })
}
