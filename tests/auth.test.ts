/**
 * Sign-in and sessions through HTTP, on real backends: embedded (temp SQLite dir) and remote
 * (redis-http → redis-server, Data API → gateway → FerretDB). The remote suite runs two app
 * instances that share Redis and MongoDB, as a deployment would.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { AppOpenAPI } from '../src/http/types.ts'
import { createLogger } from '../src/logger.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, newEmail, PASSWORD, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const LAPTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1'

describe.each<BackendKind>(['embedded', 'remote'])('sign-in and sessions (%s)', (kind) => {
  let a: TestApp
  /** A second app instance over the same Redis/MongoDB (embedded: the same SQLite store). */
  let b: AppOpenAPI
  let env: Record<string, string>

  beforeAll(async () => {
    env = {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      TRUSTED_IP_HEADER: 'x-test-ip',
      MONGO_DB_NAME: `auth${uniq().replace(/-/g, '')}`.slice(0, 60),
    }
    a = await makeTestApp(kind, env)
    await prepareStore(a.backends)
    if (kind === 'remote') {
      const other = await makeTestApp(kind, env)
      b = other.app
      const close = a.close
      a.close = async () => {
        await other.close()
        await close()
      }
    } else {
      b = createApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), backends: a.backends, logger: createLogger('silent') })
    }
  })
  afterAll(async () => a?.close())

  it('register → login on two devices → me → sessions → revoke the other → its token is refused', async () => {
    const admin = await registerAdmin(a.app)
    expect(admin.tenantId).toMatch(/^org-/)

    const laptop = await signIn(a.app, admin.email, { ua: LAPTOP_UA })
    const phone = await signIn(b, admin.email, { ua: PHONE_UA, device: 'My phone' })

    const me = await call(a.app, 'GET', '/api/v1/auth/me', { token: laptop.access })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      user_id: admin.userId,
      tenant_id: admin.tenantId,
      role: 'admin',
      email: admin.email,
      session_id: laptop.sessionId,
      issuer: 'local',
    })
    expect(me.headers.get('cache-control')).toBe('no-store')

    const list = await call(b, 'GET', '/api/v1/auth/sessions', { token: laptop.access })
    expect(list.status).toBe(200)
    expect(list.body.sessions).toHaveLength(2)
    const byId = Object.fromEntries(list.body.sessions.map((s: any) => [s.session_id, s]))
    expect(byId[laptop.sessionId]).toMatchObject({ current: true, device: 'Firefox on Linux', user_agent: LAPTOP_UA })
    expect(byId[phone.sessionId]).toMatchObject({ current: false, device: 'My phone' })
    expect(list.body.sessions[0].session_id).toBe(phone.sessionId) // newest first

    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: phone.access })).status).toBe(200)
    const revoke = await call(a.app, 'DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, { token: laptop.access })
    expect(revoke.status).toBe(204)
    // Refused on its very next request, on either instance.
    const after = await call(b, 'GET', '/api/v1/auth/me', { token: phone.access })
    expect(after.status).toBe(401)
    expect(after.headers.get('content-type')).toContain('application/problem+json')
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: phone.access })).status).toBe(401)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: laptop.access })).status).toBe(200)

    // Revoking it again, or a session that is not the caller's: 404.
    expect((await call(a.app, 'DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, { token: laptop.access })).status).toBe(404)
    expect((await call(a.app, 'DELETE', `/api/v1/auth/sessions/${'0'.repeat(64)}`, { token: laptop.access })).status).toBe(404)
    expect((await call(a.app, 'DELETE', '/api/v1/auth/sessions/not-a-handle', { token: laptop.access })).status).toBe(422)
  })

  it('logout refuses the same access token immediately, on both instances', async () => {
    const admin = await registerAdmin(a.app)
    const s = await signIn(a.app, admin.email)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(200)
    expect((await call(a.app, 'POST', '/api/v1/auth/logout', { token: s.access })).status).toBe(204)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(401)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(401)
    expect((await call(a.app, 'POST', '/api/v1/auth/logout', { token: s.access })).status).toBe(401)
    // The session's refresh token died with it.
    expect((await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: s.refresh }, ip: randomIp() })).status).toBe(401)
  })

  it('refresh rotates; replaying a used refresh token → 401 and the session is gone', async () => {
    const admin = await registerAdmin(a.app)
    const s = await signIn(a.app, admin.email)
    const r1 = await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: s.refresh }, ip: randomIp() })
    expect(r1.status).toBe(200)
    expect(r1.body).toMatchObject({ token_type: 'Bearer', session_id: s.sessionId, expires_in: 900 })
    expect(r1.body.refresh_token).not.toBe(s.refresh)
    expect(r1.body.access_token).not.toBe(s.access)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: r1.body.access_token })).status).toBe(200)

    const r2 = await call(b, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: r1.body.refresh_token }, ip: randomIp() })
    expect(r2.status).toBe(200)

    // Replay of the first (used) refresh token: refused, and the whole session revoked.
    const replay = await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: s.refresh }, ip: randomIp() })
    expect(replay.status).toBe(401)
    expect(replay.body.type).toContain('invalid-refresh-token')
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: r2.body.access_token })).status).toBe(401)
    expect((await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: r2.body.refresh_token }, ip: randomIp() })).status).toBe(401)
    const list = await call(a.app, 'GET', '/api/v1/auth/sessions', { token: (await signIn(a.app, admin.email)).access })
    expect(list.body.sessions.map((x: any) => x.session_id)).not.toContain(s.sessionId)

    // Garbage refresh tokens are a plain 401, never a 500.
    for (const bad of ['x', 'a.b', `${s.sid}.${'A'.repeat(43)}`, `${'A'.repeat(22)}.${'B'.repeat(43)}`]) {
      expect((await call(a.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: bad }, ip: randomIp() })).status).toBe(401)
    }
  })

  it('scope=others keeps only the current session; scope=all ends them all', async () => {
    const admin = await registerAdmin(a.app)
    const s1 = await signIn(a.app, admin.email)
    const s2 = await signIn(a.app, admin.email)
    const s3 = await signIn(b, admin.email)
    const others = await call(a.app, 'DELETE', '/api/v1/auth/sessions?scope=others', { token: s1.access })
    expect(others).toMatchObject({ status: 200, body: { revoked: 2 } })
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: s2.access })).status).toBe(401)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: s3.access })).status).toBe(401)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: s1.access })).status).toBe(200)
    expect((await call(a.app, 'DELETE', '/api/v1/auth/sessions', { token: s1.access })).status).toBe(422)
    const s4 = await signIn(a.app, admin.email)
    const all = await call(a.app, 'DELETE', '/api/v1/auth/sessions?scope=all', { token: s4.access })
    expect(all).toMatchObject({ status: 200, body: { revoked: 2 } })
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: s1.access })).status).toBe(401)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: s4.access })).status).toBe(401)
  })

  it('password change revokes every other session; the old password stops working', async () => {
    const admin = await registerAdmin(a.app)
    const here = await signIn(a.app, admin.email)
    const there = await signIn(a.app, admin.email)
    const wrong = await call(a.app, 'POST', '/api/v1/auth/password', {
      token: here.access,
      body: { current_password: 'not the password', new_password: 'a brand new passphrase' },
    })
    expect(wrong.status).toBe(403)
    const short = await call(a.app, 'POST', '/api/v1/auth/password', { token: here.access, body: { current_password: PASSWORD, new_password: 'short' } })
    expect(short.status).toBe(422)
    const ok = await call(a.app, 'POST', '/api/v1/auth/password', {
      token: here.access,
      body: { current_password: PASSWORD, new_password: 'a brand new passphrase' },
    })
    expect(ok).toMatchObject({ status: 200, body: { status: 'password_changed', revoked_sessions: 1 } })
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: there.access })).status).toBe(401)
    expect((await call(b, 'GET', '/api/v1/auth/me', { token: here.access })).status).toBe(200)
    expect((await call(a.app, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: PASSWORD }, ip: randomIp() })).status).toBe(401)
    await signIn(a.app, admin.email, { password: 'a brand new passphrase' })
  })

  it('admins add users to their own tenant (never above their role) and sign them out; other tenants get 404', async () => {
    const admin = await registerAdmin(a.app)
    const adminS = await signIn(a.app, admin.email)
    const viewerEmail = newEmail('viewer')
    const add = await call(a.app, 'POST', '/api/v1/users/tenant/users/', {
      token: adminS.access,
      body: { email: viewerEmail, password: PASSWORD, role: 'viewer' },
    })
    expect(add.status, JSON.stringify(add.body)).toBe(201)
    expect(add.body).toMatchObject({ tenant_id: admin.tenantId, role: 'viewer', email: viewerEmail })
    const dup = await call(a.app, 'POST', '/api/v1/users/tenant/users', {
      token: adminS.access,
      body: { email: viewerEmail.toUpperCase(), password: PASSWORD, role: 'viewer' },
    })
    expect(dup.status).toBe(409)
    const above = await call(a.app, 'POST', '/api/v1/users/tenant/users/', {
      token: adminS.access,
      body: { email: newEmail(), password: PASSWORD, role: 'superadmin' },
    })
    expect(above.status).toBe(403)

    const viewer = await signIn(b, viewerEmail)
    const me = await call(a.app, 'GET', '/api/v1/auth/me', { token: viewer.access })
    expect(me.body).toMatchObject({ role: 'viewer', tenant_id: admin.tenantId })
    // A viewer cannot use admin routes.
    const forbidden = await call(a.app, 'POST', '/api/v1/users/tenant/users/', {
      token: viewer.access,
      body: { email: newEmail(), password: PASSWORD, role: 'viewer' },
    })
    expect(forbidden.status).toBe(403)
    expect((await call(a.app, 'DELETE', `/api/v1/auth/users/${admin.userId}/sessions`, { token: viewer.access })).status).toBe(403)

    // The admin of another tenant cannot see (or sign out) this user: 404, not 403.
    const stranger = await registerAdmin(a.app)
    const strangerS = await signIn(a.app, stranger.email)
    const cross = await call(a.app, 'DELETE', `/api/v1/auth/users/${add.body.user_id}/sessions`, { token: strangerS.access })
    expect(cross.status).toBe(404)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: viewer.access })).status).toBe(200)

    const out = await call(b, 'DELETE', `/api/v1/auth/users/${add.body.user_id}/sessions`, { token: adminS.access })
    expect(out).toMatchObject({ status: 200, body: { revoked: 1 } })
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: viewer.access })).status).toBe(401)
    // Signing in again afterwards works at once.
    const again = await signIn(a.app, viewerEmail)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { token: again.access })).status).toBe(200)
  })

  it('register validates input and refuses a taken e-mail', async () => {
    const admin = await registerAdmin(a.app)
    const taken = await call(a.app, 'POST', '/api/v1/auth/register', {
      body: { email: ` ${admin.email.toUpperCase()} `, password: PASSWORD, organization: 'X' },
      ip: randomIp(),
    })
    expect(taken.status).toBe(409)
    const bad = await call(a.app, 'POST', '/api/v1/auth/register', { body: { email: 'nope', password: 'short', organization: '' }, ip: randomIp() })
    expect(bad.status).toBe(422)
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['email', 'organization', 'password'])
    const notJson = await a.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('unknown e-mail and wrong password get the same answer and the same PBKDF2 work', async () => {
    const admin = await registerAdmin(a.app)
    const ip = randomIp()
    const attempt = (email: string) => call(a.app, 'POST', '/api/v1/auth/login', { body: { email, password: 'wrong password!' }, ip })
    await attempt(newEmail('ghost')) // warm-up: the dummy record is made on first use
    // Timing is judged by the work done, not by a clock (this machine is noisy): record every
    // PBKDF2 derivation and its cost during each kind of failed sign-in.
    const derive = crypto.subtle.deriveBits.bind(crypto.subtle)
    const costs: number[] = []
    const spy = vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
      costs.push((algorithm as Pbkdf2Params).iterations)
      return derive(algorithm, key, length)
    })
    try {
      const unknown = await attempt(newEmail('ghost'))
      const unknownCosts = costs.splice(0)
      const wrong = await attempt(admin.email)
      const wrongCosts = costs.splice(0)
      const strip = (b: any) => ({ ...b, request_id: undefined })
      expect(unknown.status).toBe(401)
      expect(strip(unknown.body)).toEqual(strip(wrong.body))
      expect(unknown.headers.get('www-authenticate')).toBe(wrong.headers.get('www-authenticate'))
      expect(unknownCosts.length).toBeGreaterThan(0)
      expect(unknownCosts).toEqual(wrongCosts)
    } finally {
      spy.mockRestore()
    }
  })
})
