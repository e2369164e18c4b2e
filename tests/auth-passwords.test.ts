/** Password hashing (PBKDF2-SHA256 via WebCrypto) and the rehash-on-login upgrade path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'
import { createUsersRepository } from '../src/repositories/users.ts'
import { constantTimeEqual, hashPassword, verifyAgainstDummy, verifyPassword } from '../src/services/passwords.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, PASSWORD, prepareStore, registerAdmin, signIn } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'

describe('password hashes', () => {
  it('stores scheme, iterations, salt and hash; a fresh salt every time', async () => {
    const a = await hashPassword('hunter2hunter2', 10_000)
    const b = await hashPassword('hunter2hunter2', 10_000)
    expect(a).toMatch(/^pbkdf2-sha256\$10000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('hunter2hunter2', a, 10_000)).toEqual({ ok: true, needsRehash: false })
    expect(await verifyPassword('hunter2hunter3', a, 10_000)).toEqual({ ok: false, needsRehash: false })
    // Raised parameters: still verifies with the stored count, and asks for a rehash.
    expect(await verifyPassword('hunter2hunter2', a, 20_000)).toEqual({ ok: true, needsRehash: true })
  })

  it('refuses malformed stored values without throwing', async () => {
    for (const stored of ['', 'plain', 'pbkdf2-sha256$abc$x$y', 'pbkdf2-sha256$10000$!!$??', 'bcrypt$10$x$y', 'pbkdf2-sha256$0$AAAA$AAAA']) {
      expect((await verifyPassword('whatever', stored, 10_000)).ok).toBe(false)
    }
    expect(await verifyAgainstDummy('whatever', 10_000)).toBe(false)
  })

  it('compares in constant time and only equal inputs are equal', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true)
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false)
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false)
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([1]))).toBe(false)
  })
})

describe('rehash on login when PASSWORD_PBKDF2_ITERATIONS was raised (embedded)', () => {
  let t: TestApp
  let env: Record<string, string>
  beforeAll(async () => {
    env = { JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()), TRUSTED_IP_HEADER: 'x-test-ip', PASSWORD_PBKDF2_ITERATIONS: '20000' }
    t = await makeTestApp('embedded', env)
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  it('upgrades the stored hash at the next successful login', async () => {
    const admin = await registerAdmin(t.app)
    const users = createUsersRepository(t.backends.documents)
    expect((await users.getByEmail(admin.email))!.password_hash).toMatch(/^pbkdf2-sha256\$20000\$/)
    // Same store, a deployment with a higher cost.
    const raised = createApp({
      config: loadConfig({ LOG_LEVEL: 'silent', ...env, PASSWORD_PBKDF2_ITERATIONS: '30000' }),
      backends: t.backends,
      logger: createLogger('silent'),
    })
    const wrong = await call(raised, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: 'nope nope nope' } })
    expect(wrong.status).toBe(401)
    expect((await users.getByEmail(admin.email))!.password_hash).toMatch(/^pbkdf2-sha256\$20000\$/)
    await signIn(raised, admin.email)
    expect((await users.getByEmail(admin.email))!.password_hash).toMatch(/^pbkdf2-sha256\$30000\$/)
    // And the password still works on both.
    await signIn(raised, admin.email)
    await signIn(t.app, admin.email, { password: PASSWORD })
  })
})
