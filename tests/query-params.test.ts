/**
 * Unknown query parameters (cache busters, utm_*) are ignored on every route that reads a query;
 * the documented ones are still validated (422). A cached GET keys its entry on the documented
 * parameters only, so `?_=123` is still a hit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { expectProblem, type Member, newTenant, readUntilHit, registerUpload, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const M = '/api/v1/logs/metadata'
const NOISE = '_=1733000000000&utm_source=newsletter&utm_campaign=winter&fbclid=abc'

describe.each<BackendKind>(['embedded', 'remote'])('unknown query parameters (%s)', (kind) => {
  let t: TestApp
  let admin: Member

  beforeAll(async () => {
    t = await makeTestApp(kind, UPLOAD_TEST_ENV)
    admin = await newTenant(t.app)
    await registerUpload(t.app, admin, { source: 'web' })
    await registerUpload(t.app, admin, { source: 'batch' })
  })
  afterAll(async () => t?.close())

  const get = (path: string) => call(t.app, 'GET', path, { token: admin.token })

  it('cached upload listings ignore them — the same cache entry answers, with the same ETag', async () => {
    for (const path of [`${M}?source=web&page_size=5`, `${M}/recent?limit=3`, `${M}/stats?days=7`]) {
      const clean = await readUntilHit(t.app, admin.token, path)
      const noisy = await get(`${path}&${NOISE}`)
      expect(noisy.status, path).toBe(200)
      expect(noisy.headers.get('x-cache'), path).toBe('hit')
      expect(noisy.headers.get('etag'), path).toBe(clean.headers.get('etag'))
      expect(noisy.body, path).toEqual(clean.body)
      // Another cache buster value: still the same entry.
      expect((await get(`${path}&_=${Date.now()}`)).headers.get('x-cache'), path).toBe('hit')
    }
    // The documented filter still applies next to the noise.
    const filtered = await get(`${M}?source=batch&${NOISE}`)
    expect(filtered.body.metadata.map((m: { source: string }) => m.source)).toEqual(['batch'])
  })

  it('documented parameters are still validated when noise comes with them', async () => {
    for (const path of [`${M}?page=0`, `${M}?status=nope`, `${M}/recent?limit=500`, `${M}/stats?days=abc`, '/api/v1/users/tenant/users?page_size=1000']) {
      expectProblem(await get(`${path}&${NOISE}`), 422)
    }
    const r = await call(t.app, 'DELETE', `/api/v1/auth/sessions?scope=everything&${NOISE}`, { token: admin.token })
    expectProblem(r, 422)
  })

  it('routes without a cache ignore them too', async () => {
    const users = await get(`/api/v1/users/tenant/users?role=admin&${NOISE}`)
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    expect(users.body.users.map((u: { user_id: string }) => u.user_id)).toEqual([admin.userId])
    expect((await get(`/api/v1/users/profile?${NOISE}`)).status).toBe(200)
    expect((await get(`/api/v1/auth/me?${NOISE}`)).status).toBe(200)
    const revoked = await call(t.app, 'DELETE', `/api/v1/auth/sessions?scope=others&${NOISE}`, { token: admin.token })
    expect(revoked.status).toBe(200)
  })
})
