/**
 * Token attacks and key rotation, through HTTP on real backends. Every forged or stale token must
 * get a 401 problem; the control token built the same way with the right key/claims must pass, so
 * each 401 is caused by the one thing that was changed.
 */
import { base64url, decodeJwt, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, prepareStore, registerAdmin, type SignedIn, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const ISS = 'gatehouse-test'
const AUD = 'gatehouse-test-api'

describe.each<BackendKind>(['embedded', 'remote'])('access token attacks and rotation (%s)', (kind) => {
  let t: TestApp
  let current: JWK
  let previous: JWK
  let user: { userId: string; tenantId: string; email: string }
  let s: SignedIn

  beforeAll(async () => {
    current = await generateSigningJwk()
    previous = await generateSigningJwk('ES256')
    const { d: _d, ...previousPublic } = previous
    t = await makeTestApp(kind, {
      JWT_PRIVATE_JWK: JSON.stringify(current),
      JWT_PREVIOUS_PUBLIC_JWKS: JSON.stringify([previousPublic]),
      JWT_ISSUER: ISS,
      JWT_AUDIENCE: AUD,
      TRUSTED_IP_HEADER: 'x-test-ip',
      MONGO_DB_NAME: `jwt${uniq().replace(/-/g, '')}`.slice(0, 60),
    })
    await prepareStore(t.backends)
    user = await registerAdmin(t.app)
    s = await signIn(t.app, user.email)
  })
  afterAll(async () => t?.close())

  const me = (token: string) => call(t.app, 'GET', '/api/v1/auth/me', { token })

  /** Claims of a token that would be valid, bound to the live session `s`. */
  const claims = (over: JWTPayload = {}): JWTPayload => {
    const now = Math.floor(Date.now() / 1000)
    return {
      sub: user.userId,
      tenant: user.tenantId,
      role: 'admin',
      sid: s.sid,
      jti: crypto.randomUUID(),
      iss: ISS,
      aud: AUD,
      iat: now,
      nbf: now,
      exp: now + 300,
      ...over,
    }
  }
  const sign = async (payload: JWTPayload, jwk: JWK = current, header: Record<string, unknown> = {}) => {
    const alg = jwk.alg as string
    return new SignJWT(payload).setProtectedHeader({ alg, kid: jwk.kid, ...header }).sign(await importJWK(jwk, alg))
  }

  it('a token forged the same way with the right key and claims is accepted (control)', async () => {
    expect((await me(s.access)).status).toBe(200)
    expect((await me(await sign(claims()))).status).toBe(200)
  })

  it('refuses alg "none"', async () => {
    const enc = (o: unknown) => base64url.encode(JSON.stringify(o))
    const token = `${enc({ alg: 'none', kid: current.kid, typ: 'JWT' })}.${enc(claims())}.`
    const r = await me(token)
    expect(r.status).toBe(401)
    expect(r.body.type).toContain('/unauthorized')
    expect(r.headers.get('www-authenticate')).toBe('Bearer')
  })

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const { d: _d, ...pub } = current
    for (const secret of [new TextEncoder().encode(JSON.stringify(pub)), base64url.decode(pub.x!)]) {
      const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(secret)
      expect((await me(token)).status).toBe(401)
    }
  })

  it('refuses expired, not-yet-valid, wrong issuer and wrong audience', async () => {
    const now = Math.floor(Date.now() / 1000)
    expect(await me(await sign(claims({ iat: now - 3600, nbf: now - 3600, exp: now - 60 })))).toMatchObject({ status: 401 })
    expect(await me(await sign(claims({ nbf: now + 120 })))).toMatchObject({ status: 401 })
    expect(await me(await sign(claims({ iss: 'someone-else' })))).toMatchObject({ status: 401 })
    expect(await me(await sign(claims({ aud: 'another-api' })))).toMatchObject({ status: 401 })
    // Missing required claims.
    const { jti: _j, ...noJti } = claims()
    expect((await me(await sign(noJti))).status).toBe(401)
    const { sid: _s, ...noSid } = claims()
    expect((await me(await sign(noSid))).status).toBe(401)
    expect((await me(await sign(claims({ role: 'owner' })))).status).toBe(401)
  })

  it('refuses a tampered payload', async () => {
    const [h, , sig] = s.access.split('.')
    const payload = { ...decodeJwt(s.access), role: 'superadmin' }
    const tampered = `${h}.${base64url.encode(JSON.stringify(payload))}.${sig}`
    expect((await me(tampered)).status).toBe(401)
    // A flipped signature bit too.
    const last = sig!.at(-2) === 'A' ? 'B' : 'A'
    expect((await me(`${h}.${s.access.split('.')[1]}.${sig!.slice(0, -2)}${last}${sig!.at(-1)}`)).status).toBe(401)
  })

  it('refuses an unknown kid, a missing kid and a key that is not ours under our kid', async () => {
    const stranger = await generateSigningJwk()
    expect((await me(await sign(claims(), stranger))).status).toBe(401)
    expect((await me(await sign(claims(), { ...stranger, kid: current.kid }))).status).toBe(401)
    const noKid = await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).sign(await importJWK(current, 'EdDSA'))
    expect((await me(noKid)).status).toBe(401)
  })

  it('refuses the token of a deleted session, and a token naming a session of someone else', async () => {
    const other = await signIn(t.app, user.email)
    const token = await sign(claims({ sid: other.sid }))
    expect((await me(token)).status).toBe(200)
    await t.backends.sessions.revokeAll(user.tenantId, user.userId, [s.sessionId])
    expect((await me(token)).status).toBe(401)
    expect((await me(other.access)).status).toBe(401)

    const stranger = await registerAdmin(t.app)
    const theirs = await signIn(t.app, stranger.email)
    expect((await me(await sign(claims({ sid: theirs.sid })))).status).toBe(401)
  })

  it('refuses malformed Authorization headers with 401, never 500', async () => {
    for (const header of ['Bearer', 'Bearer ', 'Basic abc', `Bearer ${s.access} extra`, 'Bearer a.b.c', `Bearer ${'x'.repeat(10_000)}`, 'Bearer ..']) {
      const r = await t.app.request('/api/v1/auth/me', { headers: { authorization: header } })
      expect(r.status, header.slice(0, 30)).toBe(401)
    }
    expect((await t.app.request('/api/v1/auth/me')).status).toBe(401)
  })

  it('accepts tokens of the previous key during a rotation and publishes both in the JWKS', async () => {
    const jwks = await call(t.app, 'GET', '/.well-known/jwks.json')
    expect(jwks.status).toBe(200)
    expect(jwks.headers.get('cache-control')).toContain('max-age')
    expect(jwks.body.keys.map((k: JWK) => k.kid).sort()).toEqual([current.kid, previous.kid].sort())
    for (const k of jwks.body.keys) {
      expect(k).not.toHaveProperty('d')
      expect(k.use).toBe('sig')
    }
    expect(jwks.body.keys.find((k: JWK) => k.kid === current.kid)).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' })
    expect(jwks.body.keys.find((k: JWK) => k.kid === previous.kid)).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' })

    const fresh = await signIn(t.app, user.email)
    const byPrevious = await sign({ ...claims(), sid: fresh.sid }, previous)
    expect((await me(byPrevious)).status).toBe(200)
    // The previous key's algorithm is pinned to it: ES256 under the current (EdDSA) kid fails.
    expect((await me(await sign({ ...claims(), sid: fresh.sid }, { ...previous, kid: current.kid }))).status).toBe(401)
    // New tokens are signed by the current key.
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(fresh.access.split('.')[0]!)))
    expect(header).toMatchObject({ alg: 'EdDSA', kid: current.kid })
    expect(decodeJwt(fresh.access)).toMatchObject({ iss: ISS, aud: AUD, sub: user.userId, tenant: user.tenantId, role: 'admin' })
  })
})
