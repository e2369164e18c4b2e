/**
 * Idempotency-Key through HTTP on both backend families (embedded SQLite; redis-http → Redis +
 * gateway → FerretDB): a retried write runs once and answers what the first one answered; the
 * same key for another request is 422; keys are per caller; the draft's quoted form and the bare
 * form are one key; malformed keys are 400; every write route documents the header.
 * The slow-backend half (writes that outlive their deadline) is tests/writes-slow.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logsKey } from '../src/services/quotas.ts'
import { call, type Reply } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { addMember, expectProblem, type Member, newTenant, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const M = '/api/v1/logs/metadata'
const newKey = () => crypto.randomUUID()
const body = (over: Record<string, unknown> = {}) => ({
  source: 'api',
  environment: 'prod',
  file_name: `idem-${Math.random().toString(36).slice(2)}.log`,
  file_size: 10,
  format_type: 'json',
  ...over,
})

describe.each<BackendKind>(['embedded', 'remote'])('Idempotency-Key (%s)', (kind) => {
  let t: TestApp
  let admin: Member
  let viewer: Member

  beforeAll(async () => {
    t = await makeTestApp(kind, UPLOAD_TEST_ENV)
    admin = await newTenant(t.app)
    viewer = await addMember(t.app, admin, 'viewer')
    expect((await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: admin.token })).status).toBe(200)
  })
  afterAll(async () => t?.close())

  const post = (m: Member, key: string | undefined, b: unknown): Promise<Reply> =>
    call(t.app, 'POST', M, { token: m.token, body: b, ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }) })
  const countNamed = async (m: Member, fileName: string) => {
    const all = await t.backends.documents.collection('log_metadata').count({ tenant_id: m.tenantId, file_name: fileName })
    return all
  }

  it('a POST replayed with the same key creates one upload and answers the same status, body and Location', async () => {
    const key = newKey()
    const b = body({ log_count: 25 })
    const first = await post(viewer, `"${key}"`, b) // the draft's sf-string form
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    for (const form of [`"${key}"`, key]) {
      // ...and the bare form is the same key
      const again = await post(viewer, form, b)
      expect(again.status).toBe(201)
      expect(again.body).toEqual(first.body)
      expect(again.headers.get('location')).toBe(first.headers.get('location'))
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'))
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.headers.get('ratelimit')).toBeTruthy() // this request's own limits, not the first one's
    }
    // Key order and whitespace do not make another request.
    const reordered = await call(t.app, 'POST', M, {
      token: viewer.token,
      body: Object.fromEntries(Object.entries(b).reverse()),
      headers: { 'idempotency-key': key },
    })
    expect(reordered.status).toBe(201)
    expect(reordered.body).toEqual(first.body)
    expect(await countNamed(viewer, b.file_name as string)).toBe(1)
    expect(await t.backends.counters.get(logsKey(viewer.tenantId, Date.now()))).toBeGreaterThanOrEqual(25)
    const list = await call(t.app, 'GET', `${M}?page_size=100`, { token: viewer.token })
    expect(list.body.metadata.filter((u: { file_name: string }) => u.file_name === b.file_name)).toHaveLength(1)
  })

  it('without a key nothing changes: the retry of a create with its upload_id is a 409', async () => {
    const b = body({ upload_id: `nokey-${Math.random().toString(36).slice(2)}` })
    expect((await post(viewer, undefined, b)).status).toBe(201)
    expectProblem(await post(viewer, undefined, b), 409, 'conflict')
  })

  it('the same key for another request is 422 idempotency-key-reused, and runs nothing', async () => {
    const key = newKey()
    const b = body()
    expect((await post(viewer, key, b)).status).toBe(201)
    const other = body()
    const reused = await post(viewer, key, other)
    expectProblem(reused, 422, 'idempotency-key-reused')
    expect(await countNamed(viewer, other.file_name as string)).toBe(0)
    // Another route with the same key is another request too.
    const created = (await post(viewer, newKey(), body())).body
    const patch = await call(t.app, 'PATCH', `${M}/${created.upload_id}`, {
      token: viewer.token,
      body: { status: 'processing' },
      headers: { 'idempotency-key': key },
    })
    expectProblem(patch, 422, 'idempotency-key-reused')
    expect((await call(t.app, 'GET', `${M}/${created.upload_id}`, { token: viewer.token })).body.status).toBe('pending')
  })

  it('keys are per caller: another user with the same key and body gets their own upload', async () => {
    const key = newKey()
    const b = body()
    const mine = await post(viewer, key, b)
    const theirs = await post(admin, key, b)
    expect([mine.status, theirs.status]).toEqual([201, 201])
    expect(theirs.headers.get('idempotent-replayed')).toBeNull()
    expect(theirs.body.upload_id).not.toBe(mine.body.upload_id)
    expect(theirs.body.user_id).toBe(admin.userId)
  })

  it('PATCH and DELETE replay too: a final refusal (409) is kept, a DELETE replays its 204 instead of a 404', async () => {
    const u = (await post(viewer, newKey(), body())).body
    const patchKey = newKey()
    const change = (key: string, status: string) =>
      call(t.app, 'PATCH', `${M}/${u.upload_id}`, { token: viewer.token, body: { status }, headers: { 'idempotency-key': key } })
    const ok = await change(patchKey, 'processing')
    expect(ok.status).toBe(200)
    const replay = await change(patchKey, 'processing')
    expect(replay.status).toBe(200) // without the key this retry would be a 409 invalid-transition
    expect(replay.body).toEqual(ok.body)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')

    const refusedKey = newKey()
    const refused = await change(refusedKey, 'pending')
    expectProblem(refused, 409, 'invalid-transition')
    const refusedAgain = await change(refusedKey, 'pending')
    expect(refusedAgain.status).toBe(409)
    expect(refusedAgain.body).toEqual(refused.body)
    expect(refusedAgain.headers.get('idempotent-replayed')).toBe('true')

    const delKey = newKey()
    const del = () => call(t.app, 'DELETE', `${M}/${u.upload_id}`, { token: viewer.token, headers: { 'idempotency-key': delKey } })
    expect((await del()).status).toBe(204)
    const delAgain = await del()
    expect(delAgain.status).toBe(204)
    expect(delAgain.headers.get('idempotent-replayed')).toBe('true')
    expectProblem(await call(t.app, 'DELETE', `${M}/${u.upload_id}`, { token: viewer.token }), 404)
  })

  it('concurrent retries with one key: one upload, every answer is its answer or 409 idempotency-key-in-use', async () => {
    const key = newKey()
    const b = body()
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(viewer, key, b)))
    const created = answers.filter((r) => r.status === 201)
    const busy = answers.filter((r) => r.status === 409)
    expect(created.length + busy.length).toBe(12)
    expect(created.length).toBeGreaterThanOrEqual(1)
    for (const r of created) expect(r.body).toEqual(created[0]!.body)
    for (const r of busy) {
      expectProblem(r, 409, 'idempotency-key-in-use')
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
    expect(await countNamed(viewer, b.file_name as string)).toBe(1)
    // Once settled, a retry is a replay.
    const later = await post(viewer, key, b)
    expect(later.body).toEqual(created[0]!.body)
  })

  it('profile writes and public registration take keys too', async () => {
    const key = newKey()
    const path = `/api/v1/users/admin/profile/${viewer.userId}`
    const patch = () => call(t.app, 'PATCH', path, { token: admin.token, body: { preferences: { theme: 'dark' } }, headers: { 'idempotency-key': key } })
    const first = await patch()
    expect(first.status).toBe(200)
    const again = await patch()
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('etag')).toBe(first.headers.get('etag')) // the version was bumped once
    expect(again.headers.get('idempotent-replayed')).toBe('true')

    // Public: scoped to the client address.
    const reg = { email: `idem-${Math.random().toString(36).slice(2)}@example.test`, password: 'correct horse battery staple', organization: 'Idem Org' }
    const ip = '10.77.1.2'
    const register = (address: string) => call(t.app, 'POST', '/api/v1/auth/register', { body: reg, ip: address, headers: { 'idempotency-key': key } })
    const r1 = await register(ip)
    expect(r1.status, JSON.stringify(r1.body)).toBe(201)
    const r2 = await register(ip)
    expect(r2.status).toBe(201) // without the key: 409, the e-mail is taken
    expect(r2.body).toEqual(r1.body)
    expectProblem(await register('10.77.1.3'), 409, 'conflict') // another address: not that key
  })

  it('malformed keys are 400 invalid-idempotency-key, and nothing runs', async () => {
    const b = body()
    for (const bad of ['', '   ', '"unterminated', 'a, b', '"a" , "b"', 'x'.repeat(256), '"tab\there"', 'sp ace']) {
      const r = await post(viewer, bad, b)
      expectProblem(r, 400, 'invalid-idempotency-key')
    }
    expect(await countNamed(viewer, b.file_name as string)).toBe(0)
  })
})

describe('Idempotency-Key in the OpenAPI document', () => {
  it('every POST, PATCH and DELETE says how it answers a retry; keyed ones document the header, 409 and 422', async () => {
    const t = await makeTestApp('embedded')
    try {
      const doc = (await (await t.app.request('/openapi.json')).json()) as {
        paths: Record<string, Record<string, { parameters?: Array<{ $ref?: string }>; description?: string; responses: Record<string, any> }>>
        components: { parameters: Record<string, { name: string; in: string }> }
      }
      expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' })
      let keyed = 0
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (!['post', 'patch', 'put', 'delete'].includes(method)) continue
          const where = `${method.toUpperCase()} ${path}`
          const hasKey = (op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey')
          if (hasKey) {
            keyed++
            expect(op.responses['409'], where).toBeDefined()
            expect(op.responses['422'], where).toBeDefined()
            expect(op.responses['503'], where).toBeDefined()
            const ok = Object.entries(op.responses).find(([s]) => s.startsWith('2'))![1]
            expect(ok.headers?.['Idempotent-Replayed'], where).toBeDefined()
          } else {
            expect(op.description, where).toMatch(/Retries: /)
          }
        }
      }
      expect(keyed).toBeGreaterThanOrEqual(12)
    } finally {
      await t.close()
    }
  })
})
