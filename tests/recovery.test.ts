/**
 * "Never lock out the innocent", through HTTP on both backend families: a revoked token spends
 * its address's budget, never its owner's; a rate-limited user can still sign out, revoke
 * sessions and read their quota; a promotion applies to the token already held; signing in right
 * after a profile deletion works, every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newEmail, PASSWORD, prepareStore, randomIp, registerAdmin, type SignedIn, signIn } from './auth-helpers.ts'
import { readRateHeaders } from './gate-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'

describe.each<BackendKind>(['embedded', 'remote'])('never lock out the innocent (%s)', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    // A burst budget small enough that 40 misdirected requests would exhaust it.
    t = await makeTestApp(kind, { RATE_LIMIT_REQUESTS: '30', RATE_LIMIT_WINDOW: '3600', AUTH_RATE_LIMIT_ACCOUNT: '1000', AUTH_RATE_LIMIT_IP: '100000' })
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  /** A member of the admin's tenant with `role`; returns their e-mail and first sign-in. */
  async function member(adminToken: string, role: 'viewer' | 'admin'): Promise<{ email: string; userId: string; s: SignedIn }> {
    const email = newEmail(role)
    const r = await call(t.app, 'POST', '/api/v1/users/tenant/users/', { token: adminToken, body: { email, password: PASSWORD, role } })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return { email, userId: r.body.user_id, s: await signIn(t.app, email) }
  }

  const left = async (token: string) => readRateHeaders((await call(t.app, 'GET', '/api/v1/auth/me', { token })).headers).limit

  it('40 requests with a revoked token leave the owner’s remaining budget unchanged (they cost the address)', async () => {
    const owner = await registerAdmin(t.app)
    const stolen = await signIn(t.app, owner.email)
    const own = await signIn(t.app, owner.email)
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', { token: stolen.access })).status).toBe(204)
    const before = await left(own.access)
    const ip = randomIp()
    const addressLeft: number[] = []
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) {
      const r = await call(t.app, 'GET', '/api/v1/auth/me', { token: stolen.access, ip })
      statuses.push(r.status)
      addressLeft.push(readRateHeaders(r.headers).limit.burst!.r)
    }
    // Each refusal was counted against the sending ADDRESS: 401 while its budget of 30 lasts, then 429.
    expect(statuses).toEqual([...Array(30).fill(401), ...Array(10).fill(429)])
    expect(addressLeft.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => 29 - i))
    expect(addressLeft.slice(30)).toEqual(Array(10).fill(0))
    // ...and only the reading request itself was charged to the owner.
    const after = await left(own.access)
    expect(after.burst!.r).toBe(before.burst!.r - 1)
    expect(after.hourly!.r).toBe(before.hourly!.r - 1)
  })

  it('a rate-limited user can still read their quota, revoke sessions and sign out', async () => {
    const small = await makeTestApp(kind, {
      RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_WINDOW: '3600',
      AUTH_RATE_LIMIT_ACCOUNT: '1000',
      AUTH_RATE_LIMIT_IP: '100000',
    })
    try {
      await prepareStore(small.backends)
      const user = await registerAdmin(small.app)
      const phone = await signIn(small.app, user.email)
      const tablet = await signIn(small.app, user.email)
      const laptop = await signIn(small.app, user.email)
      const me = () => call(small.app, 'GET', '/api/v1/auth/me', { token: laptop.access })
      const seen: number[] = []
      for (let i = 0; i < 4; i++) seen.push((await me()).status)
      expect(seen).toEqual([200, 200, 200, 429]) // the user's own budget is spent
      const quota = await call(small.app, 'GET', '/api/v1/users/profile/quota/', { token: laptop.access })
      expect(quota.status, JSON.stringify(quota.body)).toBe(200)
      expect(quota.body.usage.api_calls_per_hour.used).toBeGreaterThanOrEqual(3)
      expect((await call(small.app, 'DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, { token: laptop.access })).status).toBe(204)
      const others = await call(small.app, 'DELETE', '/api/v1/auth/sessions?scope=others', { token: laptop.access })
      expect(others.status).toBe(200)
      expect(others.body.revoked).toBe(1) // the tablet
      expect((await call(small.app, 'POST', '/api/v1/auth/logout', { token: laptop.access })).status).toBe(204)
      for (const token of [phone.access, tablet.access, laptop.access]) expect((await call(small.app, 'GET', '/api/v1/auth/me', { token })).status).toBe(401)
    } finally {
      await small.close()
    }
  })

  it('a promotion applies to the token already held, from its next request', async () => {
    const admin = await registerAdmin(t.app)
    const boss = await signIn(t.app, admin.email)
    const v = await member(boss.access, 'viewer')
    expect((await call(t.app, 'GET', '/api/v1/users/tenant/users/', { token: v.s.access })).status).toBe(403)
    const promoted = await call(t.app, 'PATCH', `/api/v1/users/admin/profile/${v.userId}`, { token: boss.access, body: { role: 'admin' } })
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200)
    expect(promoted.body.role).toBe('admin')
    // Same token, no new sign-in.
    expect((await call(t.app, 'GET', '/api/v1/users/tenant/users/', { token: v.s.access })).status).toBe(200)
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: v.s.access })).body.role).toBe('admin')
    // A refreshed token carries it too.
    const refreshed = await call(t.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: v.s.refresh } })
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: refreshed.body.access_token })).body.role).toBe('admin')
  })

  it('signing in right after a profile deletion works — five times in a row', async () => {
    const admin = await registerAdmin(t.app)
    const boss = await signIn(t.app, admin.email)
    const v = await member(boss.access, 'viewer')
    let held = v.s.access
    for (let round = 0; round < 5; round++) {
      const del = await call(t.app, 'DELETE', `/api/v1/users/admin/profile/${v.userId}`, { token: boss.access })
      expect(del.status, `round ${round}: ${JSON.stringify(del.body)}`).toBe(200)
      // Within the same second as the deletion's cutoff: the fresh token is valid, the old one not.
      const fresh = await signIn(t.app, v.email)
      const me = await call(t.app, 'GET', '/api/v1/auth/me', { token: fresh.access })
      expect(me.status, `round ${round}`).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: held })).status, `round ${round}: the old token`).toBe(401)
      expect((await call(t.app, 'GET', '/api/v1/users/profile/', { token: fresh.access })).status).toBe(404)
      expect((await call(t.app, 'POST', '/api/v1/users/profile/create/', { token: fresh.access })).status).toBe(201)
      held = fresh.access
    }
  })
})
