/**
 * API keys through HTTP, on embedded and remote backends, with TWO app instances sharing one
 * state: create → use with both headers → role enforced → a tampered key 401 → the listing shows
 * no secret → rotation grace to the second → a revoked or expired key refused on the next request
 * on both instances → another tenant's key gets 404 for this tenant's data. (Limits and budgets:
 * tests/api-keys-limits.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../src/adapters/upstash/sha256.ts'
import { generateApiDocuments } from '../tools/sdk/documents.ts'
import { type Admin, appPair, createKey, newAdmin, newSuperadmin, sleepUntil, withKey } from './api-keys-helpers.ts'
import { call } from './auth-helpers.ts'
import type { TestApp } from './harness/app.ts'
import { registerUpload } from './uploads-helpers.ts'

const KEY_SHAPE = /^gh_live_[A-Za-z0-9_-]{64,}$/

describe.each(['embedded', 'remote'] as const)('API keys on %s backends (two instances)', (kind) => {
  let a: TestApp
  let b: TestApp
  let admin: Admin

  beforeAll(async () => {
    ;[a, b] = await appPair(kind)
    admin = await newAdmin(a)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
  })

  it('create → use with X-API-Key and with Bearer → role enforced → a tampered key 401 → the listing shows no secret', async () => {
    const { apiKey, id, body } = await createKey(a, admin, { name: 'nightly export', role: 'viewer' })
    expect(apiKey).toMatch(KEY_SHAPE)
    expect(body.key).toMatchObject({ id, name: 'nightly export', role: 'viewer', tenant_id: admin.tenantId, created_by: admin.userId, expires_at: null })
    expect(apiKey.startsWith(body.key.prefix)).toBe(true)

    // Both headers, both instances: the caller is the key, with the key's role.
    for (const [t, as] of [
      [a, 'x-api-key'],
      [b, 'bearer'],
    ] as const) {
      const me = await withKey(t, 'GET', '/api/v1/auth/me', apiKey, { as })
      expect(me.status, JSON.stringify(me.body)).toBe(200)
      expect(me.body).toMatchObject({ user_id: `key:${id}`, tenant_id: admin.tenantId, role: 'viewer', issuer: 'api_key', key_id: id, email: null })
      expect(me.body.token_expires_at).toBeNull()
      // Its own policy (in place of burst), its hourly window and the tenant budget.
      expect(me.headers.get('ratelimit-policy')).toMatch(/^"key";q=\d+;w=\d+, "hourly";q=\d+;w=3600, "tenant";q=\d+;w=3600$/)
    }

    // Role: a viewer key cannot use admin routes; an admin key can; no key above its creator.
    expect((await withKey(a, 'GET', '/api/v1/users/tenant/users', apiKey)).status).toBe(403)
    const adminKey = await createKey(a, admin, { role: 'admin' })
    const users = await withKey(b, 'GET', '/api/v1/users/tenant/users', adminKey.apiKey)
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    const above = await call(a.app, 'POST', '/api/v1/api-keys', { token: admin.token, body: { name: 'x', role: 'superadmin' } })
    expect(above.status).toBe(403)

    // What needs a person refuses keys clearly (403), whatever their role.
    for (const [method, path] of [
      ['GET', '/api/v1/auth/sessions'],
      ['POST', '/api/v1/auth/logout'],
      ['GET', '/api/v1/users/profile'],
      ['GET', '/api/v1/api-keys'],
    ]) {
      const r = await withKey(a, method!, path!, adminKey.apiKey)
      expect(r.status, `${method} ${path}`).toBe(403)
      expect(r.body.type).toMatch(/\/person-required$/)
    }
    const mint = await withKey(a, 'POST', '/api/v1/api-keys', adminKey.apiKey, { body: { name: 'y', role: 'viewer' } })
    expect(mint.status).toBe(403)

    // A tampered, truncated or mistyped key is refused (401) — so is a key next to a token.
    const mid = 20
    const flipped = apiKey.slice(0, mid) + (apiKey[mid] === 'A' ? 'B' : 'A') + apiKey.slice(mid + 1)
    for (const bad of [flipped, apiKey.slice(0, -1), `${apiKey}A`, apiKey.replace('gh_live_', 'gh_test_'), 'gh_live_', `${apiKey.slice(0, -2)}==`]) {
      const r = await withKey(b, 'GET', '/api/v1/auth/me', bad)
      expect(r.status, bad).toBe(401)
      expect((await withKey(b, 'GET', '/api/v1/auth/me', bad, { as: 'bearer' })).status).toBe(401)
    }
    const both = await call(a.app, 'GET', '/api/v1/auth/me', { token: admin.token, headers: { 'x-api-key': apiKey } })
    expect(both.status).toBe(401)
    expect((await call(a.app, 'GET', '/api/v1/auth/me', { headers: { 'x-api-key': ' ' } })).status).toBe(401)

    // The listing (on the other instance): every key, never a key or its hash.
    await new Promise((r) => setTimeout(r, 100)) // last-used is written in the background
    const list = await call(b.app, 'GET', '/api/v1/api-keys', { token: admin.token })
    expect(list.status).toBe(200)
    expect(list.headers.get('cache-control')).toBe('no-store')
    const listed = list.body.keys.find((k: { id: string }) => k.id === id)
    expect(Object.keys(listed).sort()).toEqual(
      [
        'created_at',
        'created_by',
        'expires_at',
        'id',
        'last_used_at',
        'name',
        'prefix',
        'previous_key_expires_at',
        'rate_limit',
        'role',
        'rotated_at',
        'tenant_id',
      ].sort(),
    )
    expect(listed).toMatchObject({ name: 'nightly export', prefix: body.key.prefix, role: 'viewer' })
    expect(Date.parse(listed.last_used_at)).toBeGreaterThan(Date.parse(listed.created_at) - 1)
    const text = JSON.stringify(list.body)
    for (const k of [apiKey, adminKey.apiKey]) {
      expect(text).not.toContain(k.slice(16))
      expect(text).not.toContain(sha256Hex(k))
    }
    expect(list.body.keys.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining([id, adminKey.id]))
  })

  it('rotation: the new key works at once, the old one until the grace period ends — to the second — on both instances', async () => {
    const old = await createKey(a, admin, { name: 'rotating', role: 'viewer', rate_limit: { limit: 1000, window_seconds: 60 } })
    const r = await call(b.app, 'POST', `/api/v1/api-keys/${old.id}/rotate`, { token: admin.token, body: { grace_seconds: 2 } })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const fresh = r.body.api_key as string
    const end = Date.parse(r.body.key.previous_key_expires_at)
    expect(fresh).toMatch(KEY_SHAPE)
    expect(fresh).not.toBe(old.apiKey)
    expect(r.body.key).toMatchObject({ id: old.id, role: 'viewer', prefix: old.body.key.prefix, rate_limit: { limit: 1000, window_seconds: 60 } })
    expect(end - Date.parse(r.body.key.rotated_at)).toBe(2000)
    const status = async (t: TestApp, key: string) => (await withKey(t, 'GET', '/api/v1/auth/me', key)).status
    expect([await status(a, fresh), await status(b, fresh), await status(a, old.apiKey), await status(b, old.apiKey)]).toEqual([200, 200, 200, 200])
    await sleepUntil(end - 400)
    expect([await status(a, old.apiKey), await status(b, old.apiKey)]).toEqual([200, 200])
    await sleepUntil(end + 10)
    expect([await status(a, old.apiKey), await status(b, old.apiKey)]).toEqual([401, 401])
    expect([await status(a, fresh), await status(b, fresh)]).toEqual([200, 200])
    // Grace 0: the previous key stops at once.
    const again = await call(a.app, 'POST', `/api/v1/api-keys/${old.id}/rotate`, { token: admin.token, body: { grace_seconds: 0 } })
    expect(again.status).toBe(200)
    expect(again.body.key.previous_key_expires_at).toBeNull()
    expect([await status(b, fresh), await status(b, again.body.api_key)]).toEqual([401, 200])
  })

  it('a revoked key is refused from its next request on both instances; an expired one too', async () => {
    const { apiKey, id } = await createKey(a, admin, { role: 'viewer' })
    expect((await withKey(a, 'GET', '/api/v1/auth/me', apiKey)).status).toBe(200)
    expect((await withKey(b, 'GET', '/api/v1/auth/me', apiKey)).status).toBe(200)
    expect((await call(a.app, 'DELETE', `/api/v1/api-keys/${id}`, { token: admin.token })).status).toBe(204)
    const [onB, onA] = [await withKey(b, 'GET', '/api/v1/auth/me', apiKey), await withKey(a, 'GET', '/api/v1/auth/me', apiKey)]
    expect([onB.status, onA.status]).toEqual([401, 401])
    expect(onB.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await call(b.app, 'DELETE', `/api/v1/api-keys/${id}`, { token: admin.token })).status).toBe(404)
    const list = await call(b.app, 'GET', '/api/v1/api-keys', { token: admin.token })
    expect(list.body.keys.map((k: { id: string }) => k.id)).not.toContain(id)

    const past = await call(a.app, 'POST', '/api/v1/api-keys', {
      token: admin.token,
      body: { name: 'x', role: 'viewer', expires_at: new Date(Date.now() - 1000).toISOString() },
    })
    expect(past.status).toBe(422)
    const expiresAt = new Date(Date.now() + 1500).toISOString()
    const brief = await createKey(a, admin, { role: 'viewer', expires_at: expiresAt })
    expect(brief.body.key.expires_at).toBe(expiresAt)
    expect((await withKey(b, 'GET', '/api/v1/auth/me', brief.apiKey)).body.token_expires_at).toBe(expiresAt)
    await sleepUntil(Date.parse(expiresAt) + 10)
    expect((await withKey(a, 'GET', '/api/v1/auth/me', brief.apiKey)).status).toBe(401)
    expect((await withKey(b, 'GET', '/api/v1/auth/me', brief.apiKey)).status).toBe(401)
  })

  it('another tenant’s key gets 404 for this tenant’s data; another tenant’s admin cannot see or touch this tenant’s keys', async () => {
    const other = await newAdmin(a)
    const theirs = await createKey(a, other, { role: 'admin' })
    const ours = await createKey(a, admin, { role: 'admin' })
    // A key writes as itself: the upload records the key's acting id.
    const upload = await registerUpload(a.app, { token: ours.apiKey, userId: `key:${ours.id}`, tenantId: admin.tenantId })
    expect(upload.user_id).toBe(`key:${ours.id}`)
    const path = `/api/v1/logs/metadata/${encodeURIComponent(upload.upload_id)}`
    expect((await withKey(b, 'GET', path, ours.apiKey)).status).toBe(200)
    const foreign = await withKey(b, 'GET', path, theirs.apiKey)
    expect(foreign.status).toBe(404)
    expect((await withKey(b, 'DELETE', path, theirs.apiKey)).status).toBe(404)
    expect((await withKey(a, 'GET', path, ours.apiKey)).status).toBe(200) // untouched
    const listed = await withKey(a, 'GET', '/api/v1/logs/metadata', theirs.apiKey)
    expect(listed.status).toBe(200)
    expect(JSON.stringify(listed.body)).not.toContain(upload.upload_id)

    for (const [method, p, body] of [
      ['DELETE', `/api/v1/api-keys/${ours.id}`],
      ['POST', `/api/v1/api-keys/${ours.id}/rotate`, { grace_seconds: 0 }],
      ['PATCH', `/api/v1/api-keys/${ours.id}`, { rate_limit: null }],
      ['GET', `/api/v1/api-keys?tenant_id=${admin.tenantId}`],
      ['DELETE', '/api/v1/api-keys/not-a-key-id'],
    ] as const) {
      const r = await call(b.app, method, p, { token: other.token, ...(body ? { body } : {}) })
      expect(r.status, `${method} ${p}`).toBe(404)
    }
    expect((await withKey(a, 'GET', '/api/v1/auth/me', ours.apiKey)).status).toBe(200) // still ours, still working

    // A superadmin acts on any tenant's keys by naming it.
    const boss = await newSuperadmin(a)
    const q = `?tenant_id=${encodeURIComponent(admin.tenantId)}`
    const seen = await call(b.app, 'GET', `/api/v1/api-keys${q}`, { token: boss.token })
    expect(seen.status).toBe(200)
    expect(seen.body.keys.map((k: { id: string }) => k.id)).toContain(ours.id)
    expect((await call(b.app, 'DELETE', `/api/v1/api-keys/${ours.id}`, { token: boss.token })).status).toBe(404) // not in its own tenant
    expect((await call(b.app, 'DELETE', `/api/v1/api-keys/${ours.id}${q}`, { token: boss.token })).status).toBe(204)
    expect((await withKey(a, 'GET', '/api/v1/auth/me', ours.apiKey)).status).toBe(401)
    expect((await call(b.app, 'GET', '/api/v1/api-keys?tenant_id=no-such-tenant', { token: boss.token })).status).toBe(404)
  })
})

describe('the OpenAPI document and API keys', () => {
  it('declares the apiKey scheme; signed-in routes accept either, routes for people only bearer; the weighted route states its cost', async () => {
    const spec = JSON.parse((await generateApiDocuments()).v31)
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' })
    const either = [{ bearerAuth: [] }, { apiKey: [] }]
    const bearerOnly = [{ bearerAuth: [] }]
    expect(spec.paths['/api/v1/logs/metadata'].get.security).toEqual(either)
    expect(spec.paths['/api/v1/auth/me'].get.security).toEqual(either)
    expect(spec.paths['/api/v1/users/profile/quota'].get.security).toEqual(either)
    for (const [path, method] of [
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/auth/sessions', 'get'],
      ['/api/v1/auth/password', 'post'],
      ['/api/v1/users/profile', 'get'],
      ['/api/v1/api-keys', 'post'],
      ['/api/v1/api-keys/{id}/rotate', 'post'],
    ] as const) {
      expect(spec.paths[path][method].security, `${method} ${path}`).toEqual(bearerOnly)
      expect(spec.paths[path][method].responses['403']).toBeDefined()
    }
    const stats = spec.paths['/api/v1/logs/metadata/stats'].get
    expect(stats['x-rate-cost']).toBe(5)
    expect(stats.description).toMatch(/costs 5 units of every rate-limit policy/)
    expect(spec.paths['/api/v1/logs/metadata'].get['x-rate-cost']).toBeUndefined()
  })
})
