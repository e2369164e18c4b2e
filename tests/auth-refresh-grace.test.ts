/**
 * Refresh-token reuse grace through HTTP, on both backend families: a client retrying a refresh
 * (concurrent tabs, a lost answer) keeps its session and gets the pair it was already traded
 * for; a replay after REFRESH_REUSE_GRACE_SECONDS, or of an older token, still revokes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
// Retries come from one client: the brute-force budgets must not be what this measures.
const LIMITS = { AUTH_RATE_LIMIT_ACCOUNT: '1000', AUTH_RATE_LIMIT_IP: '100000' }

describe.each<BackendKind>(['embedded', 'remote'])('refresh reuse grace (%s)', (kind) => {
  let t: TestApp
  let short: TestApp

  beforeAll(async () => {
    t = await makeTestApp(kind, LIMITS) // the default grace: 10 s
    short = await makeTestApp(kind, { ...LIMITS, REFRESH_REUSE_GRACE_SECONDS: '1' })
    await prepareStore(t.backends)
    await prepareStore(short.backends)
  })
  afterAll(async () => {
    await t?.close()
    await short?.close()
  })

  const refresh = (app: TestApp, token: string, ip = randomIp()) => call(app.app, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: token }, ip })

  it('20 concurrent refreshes with one token: all 200 with the same new refresh token; the session stays alive', async () => {
    const admin = await registerAdmin(t.app)
    const s = await signIn(t.app, admin.email)
    const ip = randomIp()
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(t, s.refresh, ip)))
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200))
    const refreshTokens = new Set(answers.map((r) => r.body.refresh_token))
    expect(refreshTokens.size).toBe(1)
    expect([...refreshTokens][0]).not.toBe(s.refresh)
    for (const r of answers) expect(r.body.session_id).toBe(s.sessionId)
    // Every access token handed out is valid, the old one too (same session).
    for (const token of [s.access, ...answers.map((r) => r.body.access_token)]) {
      expect((await call(t.app, 'GET', '/api/v1/auth/me', { token })).status).toBe(200)
    }
    // The session moves on with the one successor.
    const next = await refresh(t, [...refreshTokens][0])
    expect(next.status, JSON.stringify(next.body)).toBe(200)
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: next.body.access_token })).status).toBe(200)
    const sessions = await call(t.app, 'GET', '/api/v1/auth/sessions', { token: next.body.access_token })
    expect(sessions.body.sessions.map((x: { session_id: string }) => x.session_id)).toEqual([s.sessionId])
  })

  it('a replay after the grace revokes the session (4 concurrent refreshes within it did not)', async () => {
    const admin = await registerAdmin(short.app)
    const s = await signIn(short.app, admin.email)
    const four = await Promise.all(Array.from({ length: 4 }, () => refresh(short, s.refresh)))
    expect(four.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(new Set(four.map((r) => r.body.refresh_token)).size).toBe(1)
    const successor = four[0]!.body
    expect((await call(short.app, 'GET', '/api/v1/auth/me', { token: successor.access_token })).status).toBe(200)
    await sleep(1300)
    const late = await refresh(short, s.refresh)
    expect(late.status).toBe(401)
    expect(late.body.type).toContain('invalid-refresh-token')
    expect(late.body.detail).toMatch(/revoked/)
    // The whole session is gone: its access tokens and the successor refresh token.
    expect((await call(short.app, 'GET', '/api/v1/auth/me', { token: successor.access_token })).status).toBe(401)
    expect((await call(short.app, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(401)
    expect((await refresh(short, successor.refresh_token)).status).toBe(401)
  })

  it('within the grace only the parent of the current token replays: an older one revokes', async () => {
    const admin = await registerAdmin(t.app)
    const s = await signIn(t.app, admin.email)
    const b = await refresh(t, s.refresh)
    const c = await refresh(t, b.body.refresh_token)
    expect([b.status, c.status]).toEqual([200, 200])
    const retry = await refresh(t, b.body.refresh_token) // the parent of the current one: a retry
    expect(retry.status).toBe(200)
    expect(retry.body.refresh_token).toBe(c.body.refresh_token)
    const old = await refresh(t, s.refresh) // two steps back: reuse
    expect(old.status).toBe(401)
    expect((await call(t.app, 'GET', '/api/v1/auth/me', { token: c.body.access_token })).status).toBe(401)
  })
})
