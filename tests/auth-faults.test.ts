/**
 * Auth fails closed, fast and clean when a backend is down: 503 problem+json (never 500, never a
 * hang, never a 200 for a token we could not check).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, PASSWORD, prepareStore, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { need, uniq } from './harness/services.ts'

/** A loopback URL nobody listens on. */
async function deadUrl(): Promise<string> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as AddressInfo).port
  await new Promise((resolve) => s.close(resolve))
  return `http://127.0.0.1:${port}`
}

describe('auth with a backend down (remote)', () => {
  let healthy: TestApp
  let env: Record<string, string>
  beforeAll(async () => {
    env = {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      TRUSTED_IP_HEADER: 'x-test-ip',
      MONGO_DB_NAME: `flt${uniq().replace(/-/g, '')}`.slice(0, 60),
      BACKEND_TIMEOUT_MS: '500',
    }
    healthy = await makeTestApp('remote', env)
    await prepareStore(healthy.backends)
  })
  afterAll(async () => healthy?.close())

  it('Redis unreachable: a valid token gets 503 (fail closed), login gets 503', async () => {
    const admin = await registerAdmin(healthy.app)
    const s = await signIn(healthy.app, admin.email)
    const broken = await makeTestApp('remote', { ...env, UPSTASH_REDIS_REST_URL: await deadUrl(), UPSTASH_REDIS_REST_TOKEN: 'x' })
    try {
      const started = Date.now()
      const me = await call(broken.app, 'GET', '/api/v1/auth/me', { token: s.access })
      expect(me.status).toBe(503)
      expect(me.headers.get('content-type')).toContain('application/problem+json')
      expect(me.headers.get('retry-after')).toBeTruthy()
      const login = await call(broken.app, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: PASSWORD }, ip: randomIp() })
      expect(login.status).toBe(503)
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(JSON.stringify(login.body)).not.toContain(s.access)
    } finally {
      await broken.close()
    }
  })

  it('MongoDB unreachable: login and register answer 503, tokens still verify against Redis', async () => {
    const admin = await registerAdmin(healthy.app)
    const s = await signIn(healthy.app, admin.email)
    const broken = await makeTestApp('remote', {
      ...env,
      MONGO_DATA_API_URL: await deadUrl(),
      MONGO_DATA_API_KEY: 'x',
      UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
    })
    try {
      const login = await call(broken.app, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: PASSWORD }, ip: randomIp() })
      expect(login.status).toBe(503)
      expect(login.body.type).toContain('backend-unavailable')
      const reg = await call(broken.app, 'POST', '/api/v1/auth/register', {
        body: { email: `${uniq()}@example.test`, password: PASSWORD, organization: 'X' },
        ip: randomIp(),
      })
      expect(reg.status).toBe(503)
      const sessions = await call(broken.app, 'GET', '/api/v1/auth/sessions', { token: s.access })
      expect(sessions.status).toBe(200)
      expect(sessions.body.sessions).toHaveLength(1)
    } finally {
      await broken.close()
    }
  })
})
