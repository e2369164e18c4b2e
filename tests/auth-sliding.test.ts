/**
 * Sliding idle expiry: the auth middleware touches the session in the background, at most once
 * per touch interval (min(60 s, idle/4)), never on every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { touchIntervalMs } from '../src/http/gate/index.ts'
import { createLogger } from '../src/logger.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, prepareStore, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

describe.each<BackendKind>(['embedded', 'remote'])('sliding session expiry (%s)', (kind) => {
  let t: TestApp
  let env: Record<string, string>
  beforeAll(async () => {
    env = {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      TRUSTED_IP_HEADER: 'x-test-ip',
      MONGO_DB_NAME: `sld${uniq().replace(/-/g, '')}`.slice(0, 60),
    }
    t = await makeTestApp(kind, env)
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  it('the touch interval is a minute, or a quarter of a short idle window', () => {
    expect(touchIntervalMs(3600)).toBe(60_000)
    expect(touchIntervalMs(120)).toBe(30_000)
  })

  it('a request after the touch interval slides the expiry; requests within it do not write', async () => {
    const admin = await registerAdmin(t.app)
    const s = await signIn(t.app, admin.email)
    const first = (await t.backends.sessions.list(admin.tenantId, admin.userId))[0]!

    await call(t.app, 'GET', '/api/v1/auth/me', { token: s.access })
    await new Promise((r) => setTimeout(r, 30))
    expect((await t.backends.sessions.list(admin.tenantId, admin.userId))[0]!.expiresAt).toBe(first.expiresAt)

    // The same store seen by an instance whose clock says 2 minutes passed since the last touch.
    const later = createApp({
      // Only settings are read from this config; storage is the shared `t.backends`.
      config: loadConfig({ LOG_LEVEL: 'silent', ...env }),
      backends: t.backends,
      logger: createLogger('silent'),
      now: () => Date.now() + 120_000,
    })
    expect((await call(later, 'GET', '/api/v1/auth/me', { token: s.access })).status).toBe(200)
    let touched = first
    for (let i = 0; i < 50 && touched.expiresAt === first.expiresAt; i++) {
      await new Promise((r) => setTimeout(r, 20))
      touched = (await t.backends.sessions.list(admin.tenantId, admin.userId))[0]!
    }
    expect(touched.expiresAt).toBeGreaterThan(first.expiresAt)
    expect(touched.lastActiveAt).toBeGreaterThan(first.lastActiveAt)
  })
})
