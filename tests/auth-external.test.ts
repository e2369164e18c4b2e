/**
 * Tokens from an external identity provider (JWKS_URL): a tiny local HTTP server plays the
 * provider's JWKS endpoint. Claims are mapped (tenant from `org_id`, role from the nested
 * `app_metadata.role`), token-id and session-id revocation still apply.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { uniq } from './harness/services.ts'

const ISSUER = 'https://idp.example.test/'
const AUDIENCE = 'gatehouse-external'

let server: Server
let jwksUrl: string
let jwksFetches = 0
let rsa: { privateKey: CryptoKey; kid: string }
let ec: { privateKey: CryptoKey; kid: string }

beforeAll(async () => {
  const a = await generateKeyPair('RS256', { extractable: true })
  const b = await generateKeyPair('ES256', { extractable: true })
  rsa = { privateKey: a.privateKey, kid: 'idp-rsa-1' }
  ec = { privateKey: b.privateKey, kid: 'idp-ec-1' }
  const keys: JWK[] = [
    { ...(await exportJWK(a.publicKey)), kid: rsa.kid, alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(b.publicKey)), kid: ec.kid, alg: 'ES256', use: 'sig' },
  ]
  server = createServer((req, res) => {
    jwksFetches++
    if (req.url !== '/.well-known/jwks.json') return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

/** A provider token (RS256 unless told otherwise). */
async function providerToken(claims: JWTPayload = {}, o: { key?: typeof rsa; alg?: string; exp?: number; omit?: string[] } = {}) {
  const key = o.key ?? rsa
  const now = Math.floor(Date.now() / 1000)
  const payload: JWTPayload = {
    sub: 'auth0|user-1',
    org_id: 'tenant-ext',
    app_metadata: { role: 'admin' },
    jti: crypto.randomUUID(),
    ...claims,
  }
  for (const k of o.omit ?? []) delete payload[k]
  return new SignJWT(payload)
    .setProtectedHeader({ alg: o.alg ?? (key === ec ? 'ES256' : 'RS256'), kid: key.kid })
    .setIssuer((claims.iss as string) ?? ISSUER)
    .setAudience((claims.aud as string) ?? AUDIENCE)
    .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : now)
    .setExpirationTime(o.exp ?? now + 600)
    .sign(key.privateKey)
}

describe.each<BackendKind>(['embedded', 'remote'])('external identity provider tokens (%s)', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp(kind, {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      JWKS_URL: jwksUrl,
      JWKS_ISSUER: ISSUER,
      JWKS_AUDIENCE: AUDIENCE,
      JWKS_TENANT_CLAIM: 'org_id',
      JWKS_ROLE_CLAIM: 'app_metadata.role',
      MONGO_DB_NAME: `ext${uniq().replace(/-/g, '')}`.slice(0, 60),
    })
  })
  afterAll(async () => t?.close())

  const me = (token: string) => call(t.app, 'GET', '/api/v1/auth/me', { token })

  it('accepts a provider token and maps tenant and role claims', async () => {
    const sub = `auth0|${uniq()}`
    const r = await me(await providerToken({ sub }))
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ user_id: sub, tenant_id: 'tenant-ext', role: 'admin', issuer: 'external', email: null, session_id: null })
    expect((await me(await providerToken({ sub }, { key: ec }))).status).toBe(200)
    // No role claim: a plain viewer.
    const viewer = await me(await providerToken({ sub, app_metadata: {} }))
    expect(viewer.body.role).toBe('viewer')
  })

  it('refuses wrong issuer or audience, a missing tenant, an unknown role, HS256 and expired tokens', async () => {
    const now = Math.floor(Date.now() / 1000)
    expect((await me(await providerToken({ iss: 'https://evil.example/' }))).status).toBe(401)
    expect((await me(await providerToken({ aud: 'someone-else' }))).status).toBe(401)
    expect((await me(await providerToken({}, { omit: ['org_id'] }))).status).toBe(401)
    expect((await me(await providerToken({ app_metadata: { role: 'owner' } }))).status).toBe(401)
    expect((await me(await providerToken({ iat: now - 7200 }, { exp: now - 3600 }))).status).toBe(401)
    const hs = await new SignJWT({ sub: 'x', org_id: 't' })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret the provider never had'))
    expect((await me(hs)).status).toBe(401)
    // A kid the provider does not publish (jose refetches the JWKS once, then gives up).
    const stranger = await generateKeyPair('RS256')
    const unknown = await new SignJWT({ sub: 'x', org_id: 't' })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(stranger.privateKey)
    expect((await me(unknown)).status).toBe(401)
  })

  it('logout revokes the token id; other tokens of the user keep working', async () => {
    const sub = `auth0|${uniq()}`
    const first = await providerToken({ sub })
    const second = await providerToken({ sub })
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', { token: first })).status).toBe(204)
    expect((await me(first)).status).toBe(401)
    expect((await me(second)).status).toBe(200)
  })

  it('a token with a sid is bound to that session: logging out refuses every token of the session', async () => {
    const sub = `auth0|${uniq()}`
    const sid = `sess-${uniq()}`
    const a1 = await providerToken({ sub, sid })
    const a2 = await providerToken({ sub, sid })
    const other = await providerToken({ sub, sid: `sess-${uniq()}` })
    expect((await me(a2)).status).toBe(200)
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', { token: a1 })).status).toBe(204)
    expect((await me(a2)).status).toBe(401)
    expect((await me(await providerToken({ sub, sid }))).status).toBe(401)
    expect((await me(other)).status).toBe(200)
  })

  it('sessions?scope=all refuses every provider token issued until now', async () => {
    const sub = `auth0|${uniq()}`
    const now = Math.floor(Date.now() / 1000)
    const old = await providerToken({ sub, iat: now - 30 })
    const current = await providerToken({ sub })
    expect((await me(old)).status).toBe(200)
    expect((await call(t.app, 'DELETE', '/api/v1/auth/sessions?scope=all', { token: current })).status).toBe(200)
    expect((await me(old)).status).toBe(401)
    expect((await me(current)).status).toBe(401)
    // A token the provider issues afterwards works.
    expect((await me(await providerToken({ sub, iat: now + 1 }))).status).toBe(200)
  })

  it('does not fetch the JWKS on every request', async () => {
    const token = await providerToken({ sub: `auth0|${uniq()}` })
    expect((await me(token)).status).toBe(200)
    const before = jwksFetches
    for (let i = 0; i < 5; i++) expect((await me(token)).status).toBe(200)
    expect(jwksFetches).toBe(before)
  })
})

describe('external provider unreachable', () => {
  it('answers 503 (not 401, not 500) when the JWKS cannot be fetched, and our own tokens still work', async () => {
    const dead = createServer()
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve))
    const port = (dead.address() as AddressInfo).port
    await new Promise((resolve) => dead.close(resolve))
    const t = await makeTestApp('embedded', {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      JWKS_ISSUER: ISSUER,
      JWKS_AUDIENCE: AUDIENCE,
      JWKS_TENANT_CLAIM: 'org_id',
      JWKS_ROLE_CLAIM: 'app_metadata.role',
    })
    try {
      const r = await call(t.app, 'GET', '/api/v1/auth/me', { token: await providerToken({ sub: 'auth0|x' }) })
      expect(r.status).toBe(503)
      expect(r.body.type).toContain('backend-unavailable')
    } finally {
      await t.close()
    }
  })
})
