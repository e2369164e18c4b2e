/**
 * Brute-force protection on login and refresh through the RateLimiter port: per account+IP and
 * per IP budgets, 429 problem with Retry-After, on embedded and remote backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, newEmail, PASSWORD, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

describe.each<BackendKind>(['embedded', 'remote'])('sign-in attempt limits (%s)', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp(kind, {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      TRUSTED_IP_HEADER: 'x-test-ip',
      AUTH_RATE_LIMIT_ACCOUNT: '3',
      AUTH_RATE_LIMIT_IP: '6',
      MONGO_DB_NAME: `lim${uniq().replace(/-/g, '')}`.slice(0, 60),
    })
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  const login = (email: string, password: string, ip: string) => call(t.app, 'POST', '/api/v1/auth/login', { body: { email, password }, ip })

  it('per account+IP: the 4th wrong password in a minute gets 429 with Retry-After; other IPs are unaffected', async () => {
    const admin = await registerAdmin(t.app)
    const ip = randomIp()
    for (let i = 0; i < 3; i++) expect((await login(admin.email, 'wrong password', ip)).status).toBe(401)
    const limited = await login(admin.email, PASSWORD, ip) // even the right password: the budget is spent
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    const retry = Number(limited.headers.get('retry-after'))
    expect(retry).toBeGreaterThanOrEqual(1)
    expect(retry).toBeLessThanOrEqual(60)
    expect(limited.body).toMatchObject({ status: 429, retry_after: retry, 'violated-policies': ['login-account'] })
    expect(limited.body.policies).toEqual([expect.objectContaining({ name: 'login-account', limit: 3, remaining: 0, window_seconds: 60 })])
    expect(limited.body.type).toContain('too-many-attempts')
    // The owner, from elsewhere, still gets in.
    await signIn(t.app, admin.email, { ip: randomIp() })
  })

  it('a success starts the account+IP budget over', async () => {
    const admin = await registerAdmin(t.app)
    const ip = randomIp()
    for (let i = 0; i < 2; i++) expect((await login(admin.email, 'wrong password', ip)).status).toBe(401)
    expect((await login(admin.email, PASSWORD, ip)).status).toBe(200)
    for (let i = 0; i < 2; i++) expect((await login(admin.email, 'wrong password', ip)).status).toBe(401)
    expect((await login(admin.email, PASSWORD, ip)).status).toBe(200)
  })

  it('per IP: spraying many accounts from one address is cut off', async () => {
    const ip = randomIp()
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await login(newEmail('spray'), 'guess', ip)).status)
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401])
    expect(statuses.slice(6)).toEqual([429, 429])
    const r = await login(newEmail('spray'), 'guess', ip)
    expect(r.body['violated-policies']).toEqual(['login-ip'])
  })

  it('refresh attempts are limited too (per IP)', async () => {
    const admin = await registerAdmin(t.app)
    const s = await signIn(t.app, admin.email)
    const ip = randomIp()
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await call(t.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: `${s.sid}.${'x'.repeat(43)}` }, ip })).status)
    // 3 refused tokens (the first one also revoked the session: reuse), then the budget is spent.
    expect(statuses).toEqual([401, 401, 401, 429])
  })
})
