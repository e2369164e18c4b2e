/**
 * The account lifecycle through HTTP on both backends: disable (signed out at once, sign-in and
 * refresh refused), enable, delete (credentials, sessions and profile gone; the tenant's uploads
 * stay), and who may do it: not across tenants (404), not upwards (403), never the last enabled
 * admin (409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsersRepository } from '../src/repositories/users.ts'
import { type Account, call, newEmail, PASSWORD, prepareStore, randomIp, registerAdmin, type SignedIn, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const PROBLEM = 'https://gatehouse.dev/problems/'
const USERS = '/api/v1/users/admin/users'

describe.each<BackendKind>(['embedded', 'remote'])('account lifecycle (%s)', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp(kind, UPLOAD_TEST_ENV)
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  /** A tenant: its admin signed in. */
  async function tenant(): Promise<Account & { session: SignedIn }> {
    const admin = await registerAdmin(t.app)
    return { ...admin, session: await signIn(t.app, admin.email) }
  }

  /** Adds a user to the admin's tenant; returns it signed in. */
  async function member(admin: { session: SignedIn }, role: 'viewer' | 'admin'): Promise<Account & { session: SignedIn }> {
    const email = newEmail(role)
    const r = await call(t.app, 'POST', '/api/v1/users/tenant/users/', { token: admin.session.access, body: { email, password: PASSWORD, role } })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return { email, userId: r.body.user_id, tenantId: r.body.tenant_id, session: await signIn(t.app, email) }
  }

  const login = (email: string, password = PASSWORD) => call(t.app, 'POST', '/api/v1/auth/login', { body: { email, password }, ip: randomIp() })
  const me = (token: string) => call(t.app, 'GET', '/api/v1/auth/me', { token })
  const act = (token: string, op: 'disable' | 'enable' | 'delete', userId: string) =>
    op === 'delete' ? call(t.app, 'DELETE', `${USERS}/${userId}`, { token }) : call(t.app, 'POST', `${USERS}/${userId}/${op}`, { token })

  it('disable: every session and token of the account is refused at once, sign-in and refresh are refused; enable: sign-in works', async () => {
    const admin = await tenant()
    const viewer = await member(admin, 'viewer')
    const second = await signIn(t.app, viewer.email)
    expect((await me(viewer.session.access)).status).toBe(200)

    const off = await act(admin.session.access, 'disable', viewer.userId)
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    expect(off.body).toMatchObject({
      user_id: viewer.userId,
      tenant_id: admin.tenantId,
      email: viewer.email,
      role: 'viewer',
      disabled: true,
      sessions_revoked: 2,
    })
    expect(Date.parse(off.body.disabled_at)).not.toBeNaN()

    // The very next request with either token: 401.
    expect((await me(viewer.session.access)).status).toBe(401)
    expect((await me(second.access)).status).toBe(401)
    const refused = await login(viewer.email)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(refused.body).toMatchObject({ type: `${PROBLEM}account-disabled`, status: 403 })
    expect(refused.body.detail).toMatch(/disabled/)
    // A wrong password says nothing about the account's state.
    const guess = await login(viewer.email, 'not the password at all')
    expect(guess.status).toBe(401)
    expect(guess.body.type).toBe(`${PROBLEM}invalid-credentials`)
    const refresh = await call(t.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: second.refresh } })
    expect(refresh.status).toBe(401)

    // Disabling again is harmless (and signs out whatever is left).
    const again = await act(admin.session.access, 'disable', viewer.userId)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ disabled: true, disabled_at: off.body.disabled_at, sessions_revoked: 0 })

    const on = await act(admin.session.access, 'enable', viewer.userId)
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    expect(on.body).toEqual({ user_id: viewer.userId, tenant_id: admin.tenantId, email: viewer.email, role: 'viewer', disabled: false, disabled_at: null })
    const back = await login(viewer.email)
    expect(back.status, JSON.stringify(back.body)).toBe(200)
    expect((await me(back.body.access_token)).status).toBe(200)
    // The admin's own session was never touched.
    expect((await me(admin.session.access)).status).toBe(200)
  })

  it('a session of an account disabled behind its back (no sign-out) is refused on refresh, and ends', async () => {
    const admin = await tenant()
    const viewer = await member(admin, 'viewer')
    // The flag alone, as if the sign-out of a disable had not reached this session.
    expect(await createUsersRepository(t.backends.documents).setDisabled(viewer.tenantId, viewer.userId, true)).toBe(true)
    const r = await call(t.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: viewer.session.refresh } })
    expect(r.status).toBe(403)
    expect(r.body.type).toBe(`${PROBLEM}account-disabled`)
    expect((await me(viewer.session.access)).status).toBe(401)
  })

  it("delete: sign-in refused, tokens refused, the profile gone; the tenant's uploads stay", async () => {
    const admin = await tenant()
    const viewer = await member(admin, 'viewer')
    const upload = await call(t.app, 'POST', '/api/v1/logs/metadata/', {
      token: viewer.session.access,
      body: { source: 'api', environment: 'production', file_name: 'app.log', file_size: 10, format_type: 'json' },
    })
    expect(upload.status, JSON.stringify(upload.body)).toBe(201)
    expect((await call(t.app, 'GET', `/api/v1/users/admin/profile/${viewer.userId}`, { token: admin.session.access })).status).toBe(200)

    const gone = await act(admin.session.access, 'delete', viewer.userId)
    expect(gone.status, JSON.stringify(gone.body)).toBe(200)
    expect(gone.body).toEqual({ user_id: viewer.userId, tenant_id: admin.tenantId, deleted: true, sessions_revoked: 1, profile_deleted: true })

    expect((await me(viewer.session.access)).status).toBe(401)
    const refused = await login(viewer.email)
    expect(refused.status).toBe(401)
    expect(refused.body.type).toBe(`${PROBLEM}invalid-credentials`)
    expect((await call(t.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: viewer.session.refresh } })).status).toBe(401)
    expect((await call(t.app, 'GET', `/api/v1/users/admin/profile/${viewer.userId}`, { token: admin.session.access })).status).toBe(404)
    expect(await createUsersRepository(t.backends.documents).getById(viewer.userId)).toBeNull()
    const kept = await call(t.app, 'GET', `/api/v1/logs/metadata/${upload.body.upload_id}`, { token: admin.session.access })
    expect(kept.status).toBe(200)
    expect(kept.body.user_id).toBe(viewer.userId)

    // Gone is gone: the account is not found any more.
    expect((await act(admin.session.access, 'delete', viewer.userId)).status).toBe(404)
    expect((await act(admin.session.access, 'enable', viewer.userId)).status).toBe(404)
    // The e-mail can be used again.
    const reused = await call(t.app, 'POST', '/api/v1/users/tenant/users/', {
      token: admin.session.access,
      body: { email: viewer.email, password: PASSWORD, role: 'viewer' },
    })
    expect(reused.status).toBe(201)
  })

  it("another tenant's user is not found; an unknown or malformed id too", async () => {
    const a = await tenant()
    const b = await tenant()
    const victim = await member(a, 'viewer')
    for (const op of ['disable', 'enable', 'delete'] as const) {
      const r = await act(b.session.access, op, victim.userId)
      expect(r.status, op).toBe(404)
      expect(r.body.type).toBe(`${PROBLEM}not-found`)
      expect((await act(b.session.access, op, a.userId)).status, op).toBe(404)
      expect((await act(a.session.access, op, crypto.randomUUID())).status, op).toBe(404)
      expect((await act(a.session.access, op, 'not%20an%20id')).status, op).toBe(422)
    }
    expect((await me(victim.session.access)).status).toBe(200)
    expect((await login(victim.email)).status).toBe(200)
  })

  it('nobody acts upwards: a viewer cannot at all, an admin not on a superadmin; a superadmin acts in any tenant', async () => {
    const a = await tenant()
    const viewer = await member(a, 'viewer')
    const other = await member(a, 'viewer')
    for (const op of ['disable', 'enable', 'delete'] as const) {
      const r = await act(viewer.session.access, op, other.userId)
      expect(r.status, op).toBe(403)
    }
    // A superadmin in tenant A (the role lives in the account and the sessions of a sign-in).
    const boss = await member(a, 'admin')
    expect(await createUsersRepository(t.backends.documents).setRole(a.tenantId, boss.userId, 'superadmin')).toBe(true)
    const bossSession = await signIn(t.app, boss.email)
    for (const op of ['disable', 'delete'] as const) {
      const r = await act(a.session.access, op, boss.userId)
      expect(r.status, op).toBe(403)
      expect(r.body.detail).toMatch(/above yours/)
    }
    expect((await me(bossSession.access)).status).toBe(200)

    // The superadmin reaches into another tenant.
    const b = await tenant()
    const bViewer = await member(b, 'viewer')
    const off = await act(bossSession.access, 'disable', bViewer.userId)
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    expect(off.body.tenant_id).toBe(b.tenantId)
    expect((await login(bViewer.email)).status).toBe(403)
    expect((await act(bossSession.access, 'enable', bViewer.userId)).status).toBe(200)
    expect((await login(bViewer.email)).status).toBe(200)
    // An admin may manage another admin (same rank).
    const peer = await member(b, 'admin')
    expect((await act(b.session.access, 'disable', peer.userId)).status).toBe(200)
  })

  it('the last enabled admin of a tenant can be neither disabled nor deleted (409)', async () => {
    const a = await tenant()
    for (const op of ['disable', 'delete'] as const) {
      const r = await act(a.session.access, op, a.userId)
      expect(r.status, op).toBe(409)
      expect(r.body.type).toBe(`${PROBLEM}last-admin`)
    }
    expect((await me(a.session.access)).status).toBe(200)

    const second = await member(a, 'admin')
    expect((await act(a.session.access, 'disable', second.userId)).status).toBe(200)
    // The disabled admin does not count: A is the last enabled one again.
    expect((await act(a.session.access, 'delete', a.userId)).status).toBe(409)
    // A disabled admin can be deleted (it takes no enabled admin away).
    expect((await act(a.session.access, 'delete', second.userId)).status).toBe(200)

    // Two admins removing each other at once: one wins, one admin remains.
    const third = await member(a, 'admin')
    const [x, y] = await Promise.all([act(a.session.access, 'disable', third.userId), act(third.session.access, 'disable', a.userId)])
    // The loser is refused by the guard (409), or — when the winner finished first — signed out (401).
    const statuses = [x.status, y.status]
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 200)[0]).toBeOneOf([401, 409])
    expect(await createUsersRepository(t.backends.documents).countActiveAdmins(a.tenantId)).toBe(1)
  })

  it('nor demoted through its profile (409); with a second admin the demotion applies', async () => {
    const a = await tenant()
    const demote = (token: string, userId: string) => call(t.app, 'PATCH', `/api/v1/users/admin/profile/${userId}/`, { token, body: { role: 'viewer' } })
    const refused = await demote(a.session.access, a.userId)
    expect(refused.status).toBe(409)
    expect(refused.body.type).toBe(`${PROBLEM}last-admin`)
    expect((await me(a.session.access)).body.role).toBe('admin')

    const second = await member(a, 'admin')
    const done = await demote(a.session.access, a.userId)
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect((await me(a.session.access)).body.role).toBe('viewer')
    expect((await demote(second.session.access, second.userId)).status).toBe(409) // the last one again
  })
})
