/**
 * Profiles, tenant users, roles and admin operations through HTTP (`app.request`), on both
 * backends: embedded (node:sqlite) and remote (redis-http → redis-server, gateway → FerretDB).
 * Users come from the auth routes: register (tenant + admin) → login; admins add users through
 * POST /api/v1/users/tenant/users/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProfilesRepository } from '../src/repositories/profiles.ts'
import { createUsersRepository } from '../src/repositories/users.ts'
import { LOGS_TTL_SECONDS, logsKey } from '../src/services/quotas.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const PASSWORD = 'correct horse battery staple'
const SEED_KEYS = ['_id', 'api_quota', 'created_at', 'organization', 'preferences', 'role', 'tenant_id', 'updated_at', 'user_id']

interface User {
  email: string
  user_id: string
  tenant_id: string
  token: string
}

function client(t: TestApp) {
  async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } }
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`
    if (body !== undefined) {
      ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
      init.body = JSON.stringify(body)
    }
    const res = await t.app.request(path, init)
    const text = await res.text()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: res.status, headers: res.headers, body: json }
  }

  async function login(email: string): Promise<string> {
    const r = await call('POST', '/api/v1/auth/login', undefined, { email, password: PASSWORD })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body.access_token as string
  }

  async function register(label: string): Promise<User> {
    const email = `${uniq(label)}@example.test`
    const r = await call('POST', '/api/v1/auth/register', undefined, { email, password: PASSWORD, organization: `Org ${label}` })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return { email, user_id: r.body.user_id, tenant_id: r.body.tenant_id, token: await login(email) }
  }

  async function addUser(admin: User, label: string, role: 'viewer' | 'admin'): Promise<User> {
    const email = `${uniq(label)}@example.test`
    const r = await call('POST', '/api/v1/users/tenant/users/', admin.token, { email, password: PASSWORD, role })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return { email, user_id: r.body.user_id, tenant_id: r.body.tenant_id, token: await login(email) }
  }

  return { call, login, register, addUser }
}

describe.each<BackendKind>(['embedded', 'remote'])('profiles on %s backends', (kind) => {
  let t: TestApp
  let api: ReturnType<typeof client>
  let adminA: User, viewerA: User, adminB: User, viewerB: User

  beforeAll(async () => {
    // Generous limits: this suite is about profiles, not the gate.
    t = await makeTestApp(kind, { AUTH_RATE_LIMIT_ACCOUNT: '1000', AUTH_RATE_LIMIT_IP: '100000', RATE_LIMIT_REQUESTS: '100000' })
    api = client(t)
    adminA = await api.register('admin-a')
    const init = await api.call('POST', '/api/v1/users/admin/initialize-indexes/', adminA.token)
    expect(init.status, JSON.stringify(init.body)).toBe(200)
    viewerA = await api.addUser(adminA, 'viewer-a', 'viewer')
    adminB = await api.register('admin-b')
    viewerB = await api.addUser(adminB, 'viewer-b', 'viewer')
  })

  afterAll(async () => {
    await t?.close()
  })

  it('GET /profile answers in the seed shape, with and without the trailing slash', async () => {
    for (const path of ['/api/v1/users/profile/', '/api/v1/users/profile']) {
      const r = await api.call('GET', path, viewerA.token)
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toMatch(/application\/json/)
      expect(Object.keys(r.body).sort()).toEqual(SEED_KEYS)
      expect(r.body).toMatchObject({
        user_id: viewerA.user_id,
        tenant_id: viewerA.tenant_id,
        organization: 'Org admin-a',
        role: 'viewer',
        preferences: { theme: expect.any(String), timezone: 'UTC', notifications: { email: true, browser: true } },
        api_quota: { logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 },
      })
      expect(Number.isNaN(Date.parse(r.body.created_at))).toBe(false)
      expect(r.headers.get('etag')).toMatch(/^"v\d+"$/)
    }
    const again = await api.call('GET', '/api/v1/users/profile/', viewerA.token)
    const etag = again.headers.get('etag')!
    const notModified = await api.call('GET', '/api/v1/users/profile/', viewerA.token, undefined, { 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
  })

  it('requires a bearer token', async () => {
    const r = await api.call('GET', '/api/v1/users/profile/')
    expect(r.status).toBe(401)
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })

  it('PATCH merges preferences deeply, bumps the ETag and the next GET sees it (cache invalidated)', async () => {
    const before = await api.call('GET', '/api/v1/users/profile/', adminA.token)
    const r = await api.call('PATCH', '/api/v1/users/profile/', adminA.token, { preferences: { timezone: 'europe/paris', notifications: { email: false } } })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.preferences).toEqual({ theme: before.body.preferences.theme, timezone: 'Europe/Paris', notifications: { email: false, browser: true } })
    const r2 = await api.call('PATCH', '/api/v1/users/profile', adminA.token, { preferences: { theme: 'light' } })
    expect(r2.status).toBe(200)
    expect(r2.body.preferences).toEqual({ theme: 'light', timezone: 'Europe/Paris', notifications: { email: false, browser: true } })
    expect(r2.headers.get('etag')).not.toBe(before.headers.get('etag'))
    const after = await api.call('GET', '/api/v1/users/profile/', adminA.token)
    expect(after.body.preferences).toEqual(r2.body.preferences)
    expect(after.headers.get('etag')).toBe(r2.headers.get('etag'))
  })

  it('keeps a valid time zone as the client named it (no alias renaming: Asia/Kolkata stays Asia/Kolkata)', async () => {
    for (const tz of ['Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'UTC']) {
      const r = await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { preferences: { timezone: tz } })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      expect(r.body.preferences.timezone).toBe(tz)
      expect((await api.call('GET', '/api/v1/users/profile/', viewerA.token)).body.preferences.timezone).toBe(tz)
    }
  })

  it('PATCH validates every field (422 problem) and writes nothing', async () => {
    const bad: unknown[] = [
      { preferences: { theme: 'neon' } },
      { preferences: { timezone: 'Mars/Olympus_Mons' } },
      { preferences: { timezone: '+01:00' } },
      { preferences: { notifications: { email: 'yes' } } },
      { preferences: { notifications: { sms: true } } },
      { preferences: { font: 'serif' } },
      { nickname: 'x' },
      { api_quota: { logs_per_day: -1 } },
      { role: 'owner' },
    ]
    const before = await api.call('GET', '/api/v1/users/profile/', viewerA.token)
    for (const body of bad) {
      const r = await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, body)
      expect(r.status, JSON.stringify(body)).toBe(422)
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(r.body.errors.length).toBeGreaterThan(0)
    }
    const after = await api.call('GET', '/api/v1/users/profile/', viewerA.token)
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'))
  })

  it('If-Match: a stale ETag gets 412 and nothing is written; a broken header 400', async () => {
    const first = await api.call('GET', '/api/v1/users/profile/', viewerA.token)
    const etag = first.headers.get('etag')!
    const ok = await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { preferences: { theme: 'dark' } }, { 'if-match': etag })
    expect(ok.status).toBe(200)
    const stale = await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { preferences: { theme: 'light' } }, { 'if-match': etag })
    expect(stale.status).toBe(412)
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const now = await api.call('GET', '/api/v1/users/profile/', viewerA.token)
    expect(now.body.preferences.theme).toBe('dark')
    expect(now.headers.get('etag')).toBe(ok.headers.get('etag'))
    const weak = await api.call(
      'PATCH',
      '/api/v1/users/profile/',
      viewerA.token,
      { preferences: { theme: 'system' } },
      { 'if-match': `W/${ok.headers.get('etag')}` },
    )
    expect(weak.status).toBe(200)
    const broken = await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { preferences: { theme: 'dark' } }, { 'if-match': 'v1' })
    expect(broken.status).toBe(400)
  })

  it('concurrent PATCHes with the same ETag: exactly one 200, the rest 412', async () => {
    const { headers } = await api.call('GET', '/api/v1/users/profile/', adminA.token)
    const etag = headers.get('etag')!
    const zones = ['Asia/Tokyo', 'America/New_York', 'Africa/Cairo', 'Australia/Sydney', 'Europe/Berlin', 'America/Lima', 'Asia/Kolkata', 'Europe/Oslo']
    const results = await Promise.all(
      zones.map((tz) => api.call('PATCH', '/api/v1/users/profile/', adminA.token, { preferences: { timezone: tz } }, { 'if-match': etag })),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(zones.length - 1)
    const winner = results.find((r) => r.status === 200)!
    const after = await api.call('GET', '/api/v1/users/profile/', adminA.token)
    expect(after.body.preferences.timezone).toBe(winner.body.preferences.timezone)
    expect(after.headers.get('etag')).toBe(winner.headers.get('etag'))
  })

  it('role and api_quota are admin operations, never above the actor’s own role', async () => {
    expect((await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { role: 'admin' })).status).toBe(403)
    expect((await api.call('PATCH', '/api/v1/users/profile/', viewerA.token, { api_quota: { api_calls_per_hour: 5 } })).status).toBe(403)
    expect((await api.call('PATCH', '/api/v1/users/profile/', adminA.token, { role: 'superadmin' })).status).toBe(403)
    const path = `/api/v1/users/admin/profile/${viewerA.user_id}/`
    expect((await api.call('PATCH', path, adminA.token, { role: 'superadmin' })).status).toBe(403)
    const quota = await api.call('PATCH', path, adminA.token, { api_quota: { api_calls_per_hour: 500 } })
    expect(quota.status, JSON.stringify(quota.body)).toBe(200)
    expect(quota.body.api_quota).toEqual({ logs_per_day: 100000, api_calls_per_hour: 500, retention_days: 90 })
    const seen = await api.call('GET', '/api/v1/users/profile/quota/', viewerA.token)
    expect(seen.body.api_quota.api_calls_per_hour).toBe(500)
    expect((await api.call('PATCH', path, adminA.token, { api_quota: { api_calls_per_hour: 1000 } })).status).toBe(200) // back to the plan
  })

  it('plan quotas are the operator’s: a tenant admin lowers within the plan, never raises above it (own included); a superadmin sets the plan', async () => {
    const admin = await api.register('plan-admin')
    const member = await api.addUser(admin, 'plan-member', 'viewer')
    const own = `/api/v1/users/admin/profile/${admin.user_id}/`
    const theirs = `/api/v1/users/admin/profile/${member.user_id}/`
    const expectAbovePlan = (r: { status: number; body: any }) => {
      expect(r.status, JSON.stringify(r.body)).toBe(403)
      expect(r.body.type).toBe('https://gatehouse.dev/problems/above-plan')
    }
    // Raising one's own quota: refused, on both routes, and nothing is written.
    expectAbovePlan(await api.call('PATCH', own, admin.token, { api_quota: { api_calls_per_hour: 5000 } }))
    expectAbovePlan(await api.call('PATCH', '/api/v1/users/profile/', admin.token, { api_quota: { logs_per_day: 100001 } }))
    expect((await api.call('GET', '/api/v1/users/profile/', admin.token)).body.api_quota).toEqual({
      logs_per_day: 100000,
      api_calls_per_hour: 1000,
      retention_days: 90,
    })
    expect((await api.call('GET', '/api/v1/users/profile/quota/', admin.token)).body.api_quota.api_calls_per_hour).toBe(1000)
    // A member's: lowered (applies at once), restored up to the plan, never above it.
    expectAbovePlan(await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 1001 } }))
    expectAbovePlan(await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 10, retention_days: 91 } }))
    expect((await api.call('GET', theirs, admin.token)).body.api_quota.api_calls_per_hour).toBe(1000) // all or nothing
    expect((await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 10, retention_days: 30 } })).status).toBe(200)
    expect((await api.call('GET', '/api/v1/users/profile/quota/', member.token)).body.api_quota).toMatchObject({ api_calls_per_hour: 10, retention_days: 30 })
    expect((await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 1000 } })).status).toBe(200)
    // Lowering one's own is fine.
    expect((await api.call('PATCH', own, admin.token, { api_quota: { api_calls_per_hour: 999 } })).status).toBe(200)

    // The operator raises the member's plan; the admin may then move within THAT plan.
    const op = await api.register('operator')
    await createUsersRepository(t.backends.documents).setRole(op.tenant_id, op.user_id, 'superadmin')
    await createProfilesRepository(t.backends.documents).patch(op.user_id, { role: 'superadmin' })
    const opToken = await api.login(op.email)
    const raised = await api.call('PATCH', theirs, opToken, { api_quota: { api_calls_per_hour: 5000 } })
    expect(raised.status, JSON.stringify(raised.body)).toBe(200)
    expect(raised.body.api_quota.api_calls_per_hour).toBe(5000)
    expect(raised.body).not.toHaveProperty('api_quota_plan') // the seed's shape, nothing more
    expect((await api.call('GET', '/api/v1/users/profile/quota/', member.token)).body.api_quota.api_calls_per_hour).toBe(5000)
    expect((await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 100 } })).status).toBe(200)
    expect((await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 5000 } })).status).toBe(200)
    expectAbovePlan(await api.call('PATCH', theirs, admin.token, { api_quota: { api_calls_per_hour: 5001 } }))
    // The admin's own plan did not move.
    expectAbovePlan(await api.call('PATCH', own, admin.token, { api_quota: { api_calls_per_hour: 1001 } }))
  })

  it('a lowered role applies to the token already held, from its next request; the next sign-in carries it', async () => {
    const admin2 = await api.addUser(adminA, 'admin2-a', 'admin')
    expect((await api.call('GET', '/api/v1/users/tenant/users/', admin2.token)).status).toBe(200)
    const r = await api.call('PATCH', `/api/v1/users/admin/profile/${admin2.user_id}/`, adminA.token, { role: 'viewer' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.role).toBe('viewer')
    expect((await api.call('GET', '/api/v1/users/tenant/users/', admin2.token)).status).toBe(403)
    expect((await api.call('GET', '/api/v1/auth/me', admin2.token)).body.role).toBe('viewer')
    const token = await api.login(admin2.email)
    expect((await api.call('GET', '/api/v1/auth/me', token)).body.role).toBe('viewer')
    expect((await api.call('GET', '/api/v1/users/tenant/users/', token)).status).toBe(403)
  })

  it('POST /profile/create: 409 when the profile exists', async () => {
    const r = await api.call('POST', '/api/v1/users/profile/create/', viewerA.token, {})
    expect(r.status).toBe(409)
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect((await api.call('POST', '/api/v1/users/profile/create/', viewerA.token, { nickname: 'x' })).status).toBe(422)
  })

  it('GET /profile/quota: limits and live usage of the current windows', async () => {
    const now = Date.now()
    const first = await api.call('GET', '/api/v1/users/profile/quota/', adminB.token)
    for (let i = 0; i < 7; i++) expect((await api.call('GET', '/api/v1/auth/me', adminB.token)).status).toBe(200)
    await t.backends.counters.increment(logsKey(adminB.tenant_id, now), 1500, LOGS_TTL_SECONDS)
    const r = await api.call('GET', '/api/v1/users/profile/quota/', adminB.token)
    expect(r.status).toBe(200)
    expect(r.body.user_id).toBe(adminB.user_id)
    expect(r.body.api_quota).toEqual({ logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 })
    const calls = r.body.usage.api_calls_per_hour
    // The quota read itself is charged to the address, never to the user's hour.
    expect(calls.used).toBe(first.body.usage.api_calls_per_hour.used + 7)
    expect(calls.limit).toBe(1000)
    expect(calls.remaining).toBe(1000 - calls.used)
    expect(Date.parse(calls.reset_at) - now).toBeGreaterThan(0)
    expect(Date.parse(calls.reset_at) - now).toBeLessThanOrEqual(3600_000)
    expect(r.body.usage.logs_per_day).toMatchObject({ limit: 100000, used: 1500, remaining: 98500, window_seconds: 86400 })
    expect(new Date(r.body.usage.logs_per_day.reset_at).getUTCHours()).toBe(0)
  })

  it('GET /tenant/users: the caller’s tenant only, paginated, filtered by role, page_size capped', async () => {
    const all = await api.call('GET', '/api/v1/users/tenant/users/', adminA.token)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ page: 1, page_size: 20 })
    const ids = all.body.users.map((u: { user_id: string }) => u.user_id)
    expect(ids).toContain(adminA.user_id)
    expect(ids).toContain(viewerA.user_id)
    expect(ids).not.toContain(adminB.user_id)
    expect(ids).not.toContain(viewerB.user_id)
    expect(all.body.count).toBe(ids.length)
    expect(all.body.total).toBe(ids.length)
    for (const u of all.body.users) expect(Object.keys(u).sort()).toEqual(SEED_KEYS)

    const viewers = await api.call('GET', '/api/v1/users/tenant/users?role=viewer', adminA.token)
    expect(viewers.body.users.length).toBeGreaterThan(0)
    expect(viewers.body.users.every((u: { role: string }) => u.role === 'viewer')).toBe(true)

    const p1 = await api.call('GET', '/api/v1/users/tenant/users/?page=1&page_size=1', adminA.token)
    const p2 = await api.call('GET', '/api/v1/users/tenant/users/?page=2&page_size=1', adminA.token)
    expect(p1.body.users).toHaveLength(1)
    expect(p2.body.users).toHaveLength(1)
    expect(p1.body.users[0].user_id).not.toBe(p2.body.users[0].user_id)
    expect(p1.body.total).toBe(all.body.total)

    expect((await api.call('GET', '/api/v1/users/tenant/users/?page_size=101', adminA.token)).status).toBe(422)
    expect((await api.call('GET', '/api/v1/users/tenant/users/?page=0', adminA.token)).status).toBe(422)
    expect((await api.call('GET', '/api/v1/users/tenant/users/?role=owner', adminA.token)).status).toBe(422)
  })

  it('a viewer gets 403 on every admin route', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/users/tenant/users/'],
      ['GET', `/api/v1/users/admin/profile/${adminA.user_id}/`],
      ['PATCH', `/api/v1/users/admin/profile/${adminA.user_id}/`, { preferences: { theme: 'light' } }],
      ['DELETE', `/api/v1/users/admin/profile/${adminA.user_id}/`],
      ['POST', '/api/v1/users/admin/initialize-indexes/'],
    ]
    for (const [method, path, body] of routes) {
      const r = await api.call(method, path, viewerA.token, body)
      expect(r.status, `${method} ${path}`).toBe(403)
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
    }
    expect((await api.call('GET', `/api/v1/users/admin/profile/${adminA.user_id}/`, adminA.token)).status).toBe(200)
  })

  it('cross-tenant matrix: an admin of tenant A gets 404 for users of tenant B on every route', async () => {
    for (const target of [adminB, viewerB]) {
      const path = `/api/v1/users/admin/profile/${target.user_id}/`
      const matrix: Array<[string, string, unknown?]> = [
        ['GET', path],
        ['GET', path.slice(0, -1)],
        ['PATCH', path, { preferences: { theme: 'light' } }],
        ['PATCH', path, { api_quota: { api_calls_per_hour: 1 } }],
        ['DELETE', path],
        ['GET', `/api/v1/users/tenant/users/?tenant_id=${target.tenant_id}`],
      ]
      for (const [method, p, body] of matrix) {
        const r = await api.call(method, p, adminA.token, body)
        expect(r.status, `${method} ${p} ${JSON.stringify(body ?? null)}`).toBe(404)
        expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
      }
      // Nothing of B was touched, and B still signs in.
      const own = await api.call('GET', '/api/v1/users/profile/', target.token)
      expect(own.status).toBe(200)
      expect(own.body.api_quota.api_calls_per_hour).toBe(1000)
      expect(own.body.preferences.theme).not.toBe('light')
      const seenByB = await api.call('GET', path, adminB.token)
      expect(seenByB.status).toBe(200)
    }
    // The same holds the other way round.
    expect((await api.call('GET', `/api/v1/users/admin/profile/${viewerA.user_id}/`, adminB.token)).status).toBe(404)
    expect((await api.call('DELETE', `/api/v1/users/admin/profile/${adminA.user_id}/`, adminB.token)).status).toBe(404)
  })

  it('a superadmin acts across tenants', async () => {
    const boss = await api.register('boss')
    // No route grants superadmin (no one can grant above their own role): set it in storage.
    await createUsersRepository(t.backends.documents).setRole(boss.tenant_id, boss.user_id, 'superadmin')
    await createProfilesRepository(t.backends.documents).patch(boss.user_id, { role: 'superadmin' })
    const token = await api.login(boss.email)
    const r = await api.call('GET', `/api/v1/users/admin/profile/${viewerB.user_id}/`, token)
    expect(r.status).toBe(200)
    expect(r.body.tenant_id).toBe(viewerB.tenant_id)
    const list = await api.call('GET', `/api/v1/users/tenant/users/?tenant_id=${adminB.tenant_id}`, token)
    expect(list.status).toBe(200)
    expect(list.body.users.map((u: { user_id: string }) => u.user_id)).toContain(viewerB.user_id)
    // An admin cannot touch the superadmin's profile, even inside its own tenant.
    const bossAdmin = await api.addUser(boss, 'boss-admin', 'admin')
    expect((await api.call('DELETE', `/api/v1/users/admin/profile/${boss.user_id}/`, bossAdmin.token)).status).toBe(403)
    expect((await api.call('PATCH', `/api/v1/users/admin/profile/${boss.user_id}/`, bossAdmin.token, { role: 'viewer' })).status).toBe(403)
  })

  it('DELETE /admin/profile revokes that user’s sessions and clears their cache; the profile can be re-created', async () => {
    const victim = await api.addUser(adminA, 'victim-a', 'viewer')
    const other = await api.login(victim.email) // a second device
    expect((await api.call('GET', '/api/v1/users/profile/', victim.token)).status).toBe(200) // fills the cache
    const r = await api.call('DELETE', `/api/v1/users/admin/profile/${victim.user_id}/`, adminA.token)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ user_id: victim.user_id, tenant_id: victim.tenant_id, deleted: true })
    expect(r.body.sessions_revoked).toBeGreaterThanOrEqual(2)
    expect((await api.call('GET', '/api/v1/users/profile/', victim.token)).status).toBe(401)
    expect((await api.call('GET', '/api/v1/auth/me', other)).status).toBe(401)
    expect((await api.call('GET', `/api/v1/users/admin/profile/${victim.user_id}/`, adminA.token)).status).toBe(404)
    expect((await api.call('DELETE', `/api/v1/users/admin/profile/${victim.user_id}/`, adminA.token)).status).toBe(404)

    // A sign-in right after the deletion works (the cutoff is in seconds, like the token's iat).
    const fresh = await api.login(victim.email)
    expect((await api.call('GET', '/api/v1/users/profile/', fresh)).status).toBe(404)
    const created = await api.call('POST', '/api/v1/users/profile/create/', fresh, { preferences: { theme: 'dark' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ user_id: victim.user_id, tenant_id: victim.tenant_id, role: 'viewer', organization: 'Org admin-a' })
    expect(created.body.preferences).toEqual({ theme: 'dark', timezone: 'UTC', notifications: { email: true, browser: true } })
    expect(created.headers.get('etag')).toMatch(/^"v\d+"$/)
    const got = await api.call('GET', '/api/v1/users/profile/', fresh)
    expect(got.status).toBe(200)
    expect(got.body.preferences.theme).toBe('dark')
  })

  it('index initialisation run twice and concurrently: no error, each index present once', async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', '/api/v1/users/admin/initialize-indexes/', adminA.token)))
    runs.push(await api.call('POST', '/api/v1/users/admin/initialize-indexes', adminA.token))
    for (const r of runs) {
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      expect(r.body.status).toBe('ok')
    }
    for (const name of ['user_profiles', 'users', 'tenants', 'log_metadata']) {
      const listed = (await t.backends.documents.collection(name).listIndexes()).map((i) => i.name)
      expect(new Set(listed).size, name).toBe(listed.length)
    }
    const profiles = await t.backends.documents.collection('user_profiles').listIndexes()
    const byName = Object.fromEntries(profiles.map((i) => [i.name, i]))
    expect(byName.user_id_1).toMatchObject({ key: { user_id: 1 }, unique: true })
    expect(byName.tenant_id_1_role_1).toMatchObject({ key: { tenant_id: 1, role: 1 } })
    expect(byName.created_at_1).toBeDefined()
    expect(runs.at(-1)!.body.indexes.user_profiles).toEqual(expect.arrayContaining(['user_id_1', 'tenant_id_1', 'tenant_id_1_role_1', 'created_at_1']))
  })
})
