/**
 * Upload metadata over HTTP on both backend families (embedded SQLite; Upstash REST → Redis +
 * Data API gateway → FerretDB): every endpoint, status transitions, the logs_per_day quota,
 * validation and injection attempts, per-tenant caching with invalidation, and tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logsKey } from '../src/services/quotas.ts'
import { call } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'
import { addMember, expectProblem, type Member, newTenant, readUntilHit, registerUpload, setStatus, settle, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const kinds: BackendKind[] = ['embedded', 'remote']
const M = '/api/v1/logs/metadata'

describe.each(kinds)('upload metadata (%s backends)', (kind) => {
  let t: TestApp
  let admin: Member
  let viewer: Member
  let viewer2: Member
  let other: Member

  beforeAll(async () => {
    t = await makeTestApp(kind, { ...UPLOAD_TEST_ENV, QUOTA_LOGS_PER_DAY: '1000000' })
    admin = await newTenant(t.app)
    viewer = await addMember(t.app, admin, 'viewer')
    viewer2 = await addMember(t.app, admin, 'viewer')
    other = await newTenant(t.app)
    // The unique upload_id index comes from the admin endpoint (also tested below).
    const r = await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes/', { token: admin.token })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
  })
  afterAll(async () => t?.close())

  describe('POST /api/v1/logs/metadata', () => {
    it('registers an upload (201): generated id, pending, the caller as owner, Location', async () => {
      const r = await call(t.app, 'POST', `${M}/`, {
        token: viewer.token,
        body: { source: 'api-service', environment: 'production', file_name: 'app.log', file_size: 1048576, format_type: 'ndjson', log_count: 1500 },
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      expect(r.body).toMatchObject({
        tenant_id: admin.tenantId,
        user_id: viewer.userId,
        source: 'api-service',
        environment: 'production',
        file_name: 'app.log',
        file_size: 1048576,
        format_type: 'ndjson',
        log_count: 1500,
        status: 'pending',
        task_id: null,
        service_name: null,
        processing_time: null,
        errors: [],
        completed_at: null,
      })
      expect(r.body.upload_id).toMatch(/^upload_\d{8}_\d{6}_[0-9a-f]{8}$/)
      expect(typeof r.body._id).toBe('string')
      expect(new Date(r.body.created_at).toISOString()).toBe(r.body.created_at)
      expect(r.headers.get('location')).toBe(`${M}/${r.body.upload_id}`)
    })

    it('takes a given upload_id; a duplicate is 409 and overwrites nothing', async () => {
      const id = `given-${Math.random().toString(36).slice(2)}`
      const first = await registerUpload(t.app, viewer, { upload_id: id, file_name: 'first.log' })
      expect(first.upload_id).toBe(id)
      const dup = await call(t.app, 'POST', M, {
        token: admin.token,
        body: { source: 's', environment: 'e', file_name: 'second.log', file_size: 1, format_type: 'text', upload_id: id },
      })
      expectProblem(dup, 409, 'conflict')
      const now = await call(t.app, 'GET', `${M}/${id}`, { token: admin.token })
      expect(now.body.file_name).toBe('first.log')
      expect(now.body.user_id).toBe(viewer.userId)
    })

    it('refuses invalid bodies with 422 (types, enums, unknown keys, reserved ids)', async () => {
      const base = { source: 's', environment: 'e', file_name: 'f.log', file_size: 10, format_type: 'json' }
      const bad: Record<string, unknown>[] = [
        { ...base, format_type: 'exe' },
        { ...base, file_size: -1 },
        { ...base, file_size: 1.5 },
        { ...base, file_size: '10' },
        { ...base, source: { $ne: null } },
        { ...base, source: ['a'] },
        { ...base, source: '' },
        { ...base, source: 'x'.repeat(129) },
        { ...base, source: 'line\nbreak' },
        { ...base, upload_id: 'stats' },
        { ...base, upload_id: 'has space' },
        { ...base, upload_id: { $gt: '' } },
        { ...base, task_id: '$where' },
        { ...base, log_count: -5 },
        { ...base, tenant_id: other.tenantId },
        { ...base, user_id: 'someone-else' },
        { ...base, status: 'success' },
        { ...base, $set: { status: 'success' } },
        { source: 's' },
      ]
      for (const body of bad) {
        const r = await call(t.app, 'POST', M, { token: admin.token, body })
        expectProblem(r, 422, 'validation-failed')
      }
      const notJson = await t.app.request(M, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: '{"source":',
      })
      expect([400, 422]).toContain(notJson.status)
    })
  })

  describe('PATCH /api/v1/logs/metadata/{upload_id}', () => {
    it('follows pending → processing → success with log_count, processing_time, errors', async () => {
      const u = await registerUpload(t.app, viewer)
      const p = await setStatus(t.app, viewer, u.upload_id, { status: 'processing' })
      expect(p.status).toBe('processing')
      expect(p.completed_at).toBeNull()
      const s = await setStatus(t.app, viewer, u.upload_id, { status: 'success', log_count: 4200, processing_time: 2.5, errors: ['line 7: bad timestamp'] })
      expect(s).toMatchObject({ status: 'success', log_count: 4200, processing_time: 2.5, errors: ['line 7: bad timestamp'] })
      expect(s.completed_at).toBeTruthy()
    })

    it('allows pending → failed (an upload refused before processing), with its errors', async () => {
      const u = await registerUpload(t.app, viewer, { log_count: 0 })
      const f = await setStatus(t.app, viewer, u.upload_id, { status: 'failed', errors: ['unsupported encoding'] })
      expect(f).toMatchObject({ status: 'failed', errors: ['unsupported encoding'] })
      expect(f.completed_at).toBeTruthy()
      const again = await call(t.app, 'PATCH', `${M}/${u.upload_id}`, { token: viewer.token, body: { status: 'processing' } })
      expectProblem(again, 409, 'invalid-transition')
      expect(again.body).toMatchObject({ from: 'failed', to: 'processing' })
    })

    it('allows processing → failed; every other transition is 409 and changes nothing', async () => {
      const a = await registerUpload(t.app, viewer)
      expectProblem(await call(t.app, 'PATCH', `${M}/${a.upload_id}`, { token: viewer.token, body: { status: 'success' } }), 409, 'invalid-transition')
      expectProblem(await call(t.app, 'PATCH', `${M}/${a.upload_id}`, { token: viewer.token, body: { status: 'pending' } }), 409, 'invalid-transition')
      await setStatus(t.app, viewer, a.upload_id, { status: 'processing' })
      expectProblem(await call(t.app, 'PATCH', `${M}/${a.upload_id}`, { token: viewer.token, body: { status: 'processing' } }), 409, 'invalid-transition')
      const f = await setStatus(t.app, viewer, a.upload_id, { status: 'failed', errors: ['parser crashed'] })
      expect(f.status).toBe('failed')
      for (const next of ['pending', 'processing', 'success', 'failed']) {
        const r = await call(t.app, 'PATCH', `${M}/${a.upload_id}`, { token: viewer.token, body: { status: next } })
        expectProblem(r, 409, 'invalid-transition')
        expect(r.body).toMatchObject({ from: 'failed', to: next })
      }
      const now = await call(t.app, 'GET', `${M}/${a.upload_id}`, { token: viewer.token })
      expect(now.body.status).toBe('failed')
      expect(now.body.errors).toEqual(['parser crashed'])
    })

    it('is for the uploading user or an admin: another viewer gets 403', async () => {
      const u = await registerUpload(t.app, viewer)
      expectProblem(await call(t.app, 'PATCH', `${M}/${u.upload_id}`, { token: viewer2.token, body: { status: 'processing' } }), 403, 'forbidden')
      const byAdmin = await setStatus(t.app, admin, u.upload_id, { status: 'processing' })
      expect(byAdmin.status).toBe('processing')
    })

    it('404 for an unknown id; 422 for bad bodies and ids', async () => {
      expectProblem(await call(t.app, 'PATCH', `${M}/nope-${Date.now()}`, { token: admin.token, body: { status: 'processing' } }), 404, 'not-found')
      const u = await registerUpload(t.app, admin)
      for (const body of [
        {},
        { status: 'done' },
        { status: { $ne: 'x' } },
        { status: 'processing', user_id: 'x' },
        { status: 'processing', processing_time: -1 },
        { status: 'processing', errors: 'x' },
      ]) {
        expectProblem(await call(t.app, 'PATCH', `${M}/${u.upload_id}`, { token: admin.token, body }), 422, 'validation-failed')
      }
      expectProblem(await call(t.app, 'PATCH', `${M}/a%20b`, { token: admin.token, body: { status: 'processing' } }), 422)
    })
  })

  describe('GET and DELETE /api/v1/logs/metadata/{upload_id}', () => {
    it('reads one upload (viewers too); 404 unknown; 422 malformed id', async () => {
      const u = await registerUpload(t.app, admin, { service_name: 'billing' })
      const r = await call(t.app, 'GET', `${M}/${u.upload_id}/`, { token: viewer.token })
      expect(r.status).toBe(200)
      expect(r.body).toEqual(u)
      expectProblem(await call(t.app, 'GET', `${M}/missing-${Date.now()}`, { token: viewer.token }), 404, 'not-found')
      expectProblem(await call(t.app, 'GET', `${M}/%24where`, { token: viewer.token }), 422)
    })

    it('deletes for the owner or an admin only (204, then 404)', async () => {
      const u = await registerUpload(t.app, viewer)
      expectProblem(await call(t.app, 'DELETE', `${M}/${u.upload_id}`, { token: viewer2.token }), 403, 'forbidden')
      const del = await call(t.app, 'DELETE', `${M}/${u.upload_id}/`, { token: viewer.token })
      expect(del.status).toBe(204)
      expectProblem(await call(t.app, 'GET', `${M}/${u.upload_id}`, { token: viewer.token }), 404)
      expectProblem(await call(t.app, 'DELETE', `${M}/${u.upload_id}`, { token: viewer.token }), 404)
      const w = await registerUpload(t.app, viewer)
      expect((await call(t.app, 'DELETE', `${M}/${w.upload_id}`, { token: admin.token })).status).toBe(204)
    })
  })

  describe('GET /api/v1/logs/metadata/task/{task_id} and /recent', () => {
    it('lists the uploads of a task, newest first', async () => {
      const task = `task-${Math.random().toString(36).slice(2)}`
      const a = await registerUpload(t.app, viewer, { task_id: task })
      await settle(5)
      const b = await registerUpload(t.app, admin, { task_id: task })
      await registerUpload(t.app, admin, { task_id: `${task}-other` })
      const r = await call(t.app, 'GET', `${M}/task/${task}/`, { token: viewer2.token })
      expect(r.status).toBe(200)
      expect(r.body.task_id).toBe(task)
      expect(r.body.count).toBe(2)
      expect(r.body.metadata.map((m: any) => m.upload_id)).toEqual([b.upload_id, a.upload_id])
      const none = await call(t.app, 'GET', `${M}/task/never-${Date.now()}`, { token: viewer.token })
      expect(none.body).toMatchObject({ count: 0, metadata: [] })
      expectProblem(await call(t.app, 'GET', `${M}/task/a%20b`, { token: viewer.token }), 422)
    })

    it('/recent answers the newest uploads (limit, default 10) and is never taken for an id', async () => {
      const x = await registerUpload(t.app, admin)
      await settle(5)
      const y = await registerUpload(t.app, admin)
      const r = await call(t.app, 'GET', `${M}/recent?limit=2`, { token: viewer.token })
      expect(r.status).toBe(200)
      expect(r.body.count).toBe(2)
      expect(r.body.metadata.map((m: any) => m.upload_id)).toEqual([y.upload_id, x.upload_id])
      const d = await call(t.app, 'GET', `${M}/recent/`, { token: viewer.token })
      expect(d.body.count).toBe(10)
      for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=1e2', 'limit=1&limit=2']) {
        expectProblem(await call(t.app, 'GET', `${M}/recent?${q}`, { token: viewer.token }), 422)
      }
      // Unknown keys are ignored: the default limit applies.
      for (const q of ['limit[$gt]=0', 'other=1']) expect((await call(t.app, 'GET', `${M}/recent?${q}`, { token: viewer.token })).body.count, q).toBe(10)
    })
  })

  describe('GET /api/v1/logs/metadata (filters, pagination, sort)', () => {
    let lister: Member
    let member: Member
    const ids = { a: '', b: '', c: '' }

    beforeAll(async () => {
      lister = await newTenant(t.app)
      member = await addMember(t.app, lister, 'viewer')
      ids.a = (
        await registerUpload(t.app, lister, { source: 'web', environment: 'staging', service_name: 'auth', format_type: 'json', file_size: 300 })
      ).upload_id
      await settle(5)
      ids.b = (
        await registerUpload(t.app, lister, { source: 'web', environment: 'production', service_name: 'cart', format_type: 'csv', file_size: 100 })
      ).upload_id
      await settle(5)
      ids.c = (
        await registerUpload(t.app, member, { source: 'batch', environment: 'production', service_name: 'auth', format_type: 'syslog', file_size: 200 })
      ).upload_id
      await setStatus(t.app, member, ids.c, { status: 'processing' })
    })

    const list = async (q: string, token = lister.token) => {
      const r = await call(t.app, 'GET', `${M}/${q ? `?${q}` : ''}`, { token })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      return r.body
    }
    const idsOf = (body: any) => body.metadata.map((m: any) => m.upload_id)

    it('answers {metadata, page, page_size, count, total}, newest first by default', async () => {
      const body = await list('')
      expect(body).toMatchObject({ page: 1, page_size: 20, count: 3, total: 3 })
      expect(idsOf(body)).toEqual([ids.c, ids.b, ids.a])
    })

    it('filters by status, source, environment, service_name, user_id, format_type', async () => {
      expect(idsOf(await list('status=processing'))).toEqual([ids.c])
      expect(idsOf(await list('status=pending'))).toEqual([ids.b, ids.a])
      expect(idsOf(await list('source=web'))).toEqual([ids.b, ids.a])
      expect(idsOf(await list('environment=production'))).toEqual([ids.c, ids.b])
      expect(idsOf(await list('service_name=auth'))).toEqual([ids.c, ids.a])
      expect(idsOf(await list(`user_id=${member.userId}`))).toEqual([ids.c])
      expect(idsOf(await list('format_type=csv'))).toEqual([ids.b])
      expect(idsOf(await list('source=web&environment=staging'))).toEqual([ids.a])
      expect((await list('source=nothing')).total).toBe(0)
    })

    it('filters by created_after (inclusive) and created_before (exclusive)', async () => {
      const all = (await list('sort=created_at')).metadata
      const mid = all[1].created_at
      expect(idsOf(await list(`created_after=${encodeURIComponent(mid)}&sort=created_at`))).toEqual([ids.b, ids.c])
      expect(idsOf(await list(`created_before=${encodeURIComponent(mid)}`))).toEqual([ids.a])
      expect((await list('created_after=2000-01-01')).total).toBe(3)
      expect((await list('created_before=2000-01-01')).total).toBe(0)
    })

    it('paginates with a cap and sorts by whitelisted fields in both directions', async () => {
      const p1 = await list('page_size=2')
      expect(p1).toMatchObject({ page: 1, page_size: 2, count: 2, total: 3 })
      const p2 = await list('page_size=2&page=2')
      expect(p2).toMatchObject({ page: 2, page_size: 2, count: 1, total: 3 })
      expect([...idsOf(p1), ...idsOf(p2)]).toEqual([ids.c, ids.b, ids.a])
      expect((await list('page=9')).count).toBe(0)
      expect(idsOf(await list('sort=file_size'))).toEqual([ids.b, ids.c, ids.a])
      expect(idsOf(await list('sort=-file_size'))).toEqual([ids.a, ids.c, ids.b])
      expect(idsOf(await list('sort=file_size&order=desc'))).toEqual([ids.a, ids.c, ids.b])
      expect(idsOf(await list('sort=file_size&order=asc'))).toEqual([ids.b, ids.c, ids.a])
      expect((await list('page_size=100')).page_size).toBe(100)
    })

    it('refuses bad values of the documented parameters with 422; unknown and injected keys are ignored and never widen a query', async () => {
      const bad = [
        'status=%7B%22%24ne%22%3A%22x%22%7D',
        'status=x',
        'status=pending&status=success',
        'status=',
        'source=',
        'source=a&source=b',
        'user_id=%7B%22%24ne%22%3Anull%7D',
        'user_id=$where',
        'created_after=yesterday',
        'created_after=2030-01-01&created_before=2020-01-01',
        'page=0',
        'page=-1',
        'page=1.5',
        'page_size=101',
        'page_size=0',
        'sort=password_hash',
        'sort=-file_size&order=asc',
        'order=sideways',
      ]
      for (const q of bad) {
        const r = await call(t.app, 'GET', `${M}?${q}`, { token: lister.token })
        expect([400, 422], `${q} → ${r.status}`).toContain(r.status)
        expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      }
      // Keys the route does not document are dropped before anything reads the query: the
      // answer is the tenant's plain listing — no operator applied, no other tenant reached.
      const plain = idsOf(await list(''))
      const ignored = [
        'status[$ne]=x',
        'status[%24ne]=x',
        'source[$regex]=.*',
        `user_id[$gt]=`,
        'format_type[$in][]=json',
        'created_after[$lt]=2030-01-01',
        'page[$gt]=0',
        'sort[$natural]=1',
        `tenant_id=${encodeURIComponent(other.tenantId)}`,
        '$where=1',
        'filter=%7B%7D',
      ]
      for (const q of ignored) expect(idsOf(await list(q)), q).toEqual(plain)
      // Operator-looking strings where free text is allowed are literals: they match nothing.
      for (const q of ['source=%7B%22%24ne%22%3Anull%7D', 'environment=%24ne', 'service_name=.*', "source=web'%20||%20'1'=='1"]) {
        const body = await list(q)
        expect(body.total, q).toBe(0)
      }
    })

    it('list answers are cached per query and dropped on every write', async () => {
      const q = `${M}?source=web&page_size=5`
      const first = await call(t.app, 'GET', q, { token: lister.token })
      expect(first.headers.get('x-cache')).toBe('miss')
      const hit = await readUntilHit(t.app, lister.token, q)
      expect(hit.body).toEqual(first.body)
      expect(hit.headers.get('etag')).toBe(first.headers.get('etag'))
      // Another query is another entry.
      expect((await call(t.app, 'GET', `${M}?source=web&page_size=6`, { token: lister.token })).headers.get('x-cache')).toBe('miss')
      const added = await registerUpload(t.app, member, { source: 'web' })
      const after = await call(t.app, 'GET', q, { token: lister.token })
      expect(after.headers.get('x-cache')).toBe('miss')
      expect(after.body.total).toBe(first.body.total + 1)
      expect(after.body.metadata[0].upload_id).toBe(added.upload_id)
      await readUntilHit(t.app, lister.token, q)
      expect((await call(t.app, 'DELETE', `${M}/${added.upload_id}`, { token: member.token })).status).toBe(204)
      const gone = await call(t.app, 'GET', q, { token: lister.token })
      expect(gone.headers.get('x-cache')).toBe('miss')
      expect(gone.body.total).toBe(first.body.total)
    })
  })

  describe('GET /api/v1/logs/metadata/stats', () => {
    it("answers the seed's shape; hit on the second read; changes right after an upload succeeds", async () => {
      const tenant = await newTenant(t.app)
      const u1 = await registerUpload(t.app, tenant, { file_size: 1000, log_count: 10 })
      await setStatus(t.app, tenant, u1.upload_id, { status: 'processing' })
      await setStatus(t.app, tenant, u1.upload_id, { status: 'success', log_count: 100, processing_time: 2 })
      const u2 = await registerUpload(t.app, tenant, { file_size: 500 })

      const path = `${M}/stats/?days=7`
      const miss = await call(t.app, 'GET', path, { token: tenant.token })
      expect(miss.status).toBe(200)
      expect(miss.headers.get('x-cache')).toBe('miss')
      expect(miss.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/)
      expect(miss.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/)
      expect(miss.body).toEqual({
        period_days: 7,
        total_uploads: 2,
        total_logs: 100,
        total_size_bytes: 1500,
        by_status: {
          success: { count: 1, total_logs: 100, total_size_bytes: 1000, avg_processing_time: 2 },
          pending: { count: 1, total_logs: 0, total_size_bytes: 500, avg_processing_time: null },
        },
      })
      const hit = await readUntilHit(t.app, tenant.token, path)
      expect(hit.body).toEqual(miss.body)
      expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'))

      // If-None-Match → 304 with the same validators.
      const cond = await t.app.request(path, { headers: { authorization: `Bearer ${tenant.token}`, 'if-none-match': miss.headers.get('etag')! } })
      expect(cond.status).toBe(304)
      expect(cond.headers.get('etag')).toBe(miss.headers.get('etag'))
      expect(await cond.text()).toBe('')
      const other304 = await t.app.request(path, { headers: { authorization: `Bearer ${tenant.token}`, 'if-none-match': '"nope"' } })
      expect(other304.status).toBe(200)

      // The second upload succeeds: the very next read shows it.
      await setStatus(t.app, tenant, u2.upload_id, { status: 'processing' })
      await setStatus(t.app, tenant, u2.upload_id, { status: 'success', log_count: 50, processing_time: 4 })
      const changed = await call(t.app, 'GET', path, { token: tenant.token })
      expect(changed.headers.get('x-cache')).toBe('miss')
      expect(changed.headers.get('etag')).not.toBe(miss.headers.get('etag'))
      expect(changed.body).toMatchObject({
        total_uploads: 2,
        total_logs: 150,
        by_status: { success: { count: 2, total_logs: 150, total_size_bytes: 1500, avg_processing_time: 3 } },
      })
      expect(changed.body.by_status.pending).toBeUndefined()
      const cond2 = await t.app.request(path, { headers: { authorization: `Bearer ${tenant.token}`, 'if-none-match': miss.headers.get('etag')! } })
      expect(cond2.status).toBe(200)
    })

    it('period_days defaults to 30; days is validated', async () => {
      const r = await call(t.app, 'GET', `${M}/stats`, { token: viewer.token })
      expect(r.status).toBe(200)
      expect(r.body.period_days).toBe(30)
      for (const q of ['days=0', 'days=3651', 'days=abc', 'days=7.5', 'days=1&days=2']) {
        expectProblem(await call(t.app, 'GET', `${M}/stats?${q}`, { token: viewer.token }), 422)
      }
      // Unknown keys are ignored: the default period applies.
      for (const q of ['days[$gt]=1', 'x=1']) expect((await call(t.app, 'GET', `${M}/stats?${q}`, { token: viewer.token })).body.period_days, q).toBe(30)
    })

    it('/recent is cached and invalidated on create', async () => {
      const tenant = await newTenant(t.app)
      await registerUpload(t.app, tenant)
      const path = `${M}/recent?limit=5`
      const first = await call(t.app, 'GET', path, { token: tenant.token })
      expect(first.headers.get('x-cache')).toBe('miss')
      await readUntilHit(t.app, tenant.token, path)
      await registerUpload(t.app, tenant)
      const after = await call(t.app, 'GET', path, { token: tenant.token })
      expect(after.headers.get('x-cache')).toBe('miss')
      expect(after.body.count).toBe(first.body.count + 1)
    })
  })

  describe("the tenant's logs_per_day quota", () => {
    it('counts a known log_count, refuses over the limit with 429 quota-exceeded, refunds refusals', async () => {
      const q = await makeTestApp(kind, { ...UPLOAD_TEST_ENV, QUOTA_LOGS_PER_DAY: '1000' })
      try {
        const owner = await newTenant(q.app)
        const mate = await addMember(q.app, owner, 'viewer')
        expect((await call(q.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: owner.token })).status).toBe(200)
        await registerUpload(q.app, owner, { log_count: 600 })
        const over = await call(q.app, 'POST', M, {
          token: mate.token,
          body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', log_count: 500 },
        })
        expectProblem(over, 429, 'quota-exceeded')
        expect(over.body).toMatchObject({
          'violated-policies': ['logs_per_day'],
          policies: [{ name: 'logs_per_day', limit: 1000, remaining: 400, window_seconds: 86400 }],
        })
        expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
        expect(await q.backends.counters.get(logsKey(owner.tenantId, Date.now()))).toBe(600)
        await registerUpload(q.app, mate, { log_count: 400 }) // exactly the limit
        expectProblem(
          await call(q.app, 'POST', M, {
            token: owner.token,
            body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', log_count: 1 },
          }),
          429,
          'quota-exceeded',
        )
        // Uploads without a known count still register.
        const free = await registerUpload(q.app, owner)
        expect(free.log_count).toBe(0)
        expect(await q.backends.counters.get(logsKey(owner.tenantId, Date.now()))).toBe(1000)
        // A refused duplicate gives its count back (upload_id is unique per tenant).
        const stranger = await newTenant(q.app)
        const taken = await registerUpload(q.app, stranger)
        expectProblem(
          await call(q.app, 'POST', M, {
            token: stranger.token,
            body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', log_count: 300, upload_id: taken.upload_id },
          }),
          409,
        )
        expect(await q.backends.counters.get(logsKey(stranger.tenantId, Date.now()))).toBe(0)
        // Another tenant has its own budget.
        await registerUpload(q.app, stranger, { log_count: 900 })
        expect(await q.backends.counters.get(logsKey(stranger.tenantId, Date.now()))).toBe(900)
      } finally {
        await q.close()
      }
    })
  })

  describe('POST /api/v1/logs/admin/initialize-metadata-indexes', () => {
    it('is idempotent and admin-only', async () => {
      const a = await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: admin.token })
      const b = await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes/', { token: admin.token })
      expect(a.status).toBe(200)
      expect(b.status).toBe(200)
      expect(a.body.collection).toBe('log_metadata')
      expect(a.body.indexes).toEqual(expect.arrayContaining(['tenant_id_1_upload_id_1', 'task_id_1', 'tenant_id_1_status_1', 'tenant_id_1_created_at_1']))
      expect(a.body.indexes).not.toContain('upload_id_1')
      expect([...b.body.indexes].sort()).toEqual([...a.body.indexes].sort())
      expectProblem(await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: viewer.token }), 403, 'forbidden')
      expectProblem(await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes'), 401)
    })

    it('migrates a store of an earlier version: drops the global upload_id index, creates the per-tenant one', async () => {
      const old = await makeTestApp(kind, UPLOAD_TEST_ENV)
      try {
        const a = await newTenant(old.app)
        const b = await newTenant(old.app)
        const uploads = old.backends.documents.collection('log_metadata')
        await uploads.createIndexes([{ key: { upload_id: 1 }, name: 'upload_id_1', unique: true }]) // as earlier versions did
        const id = `shared-${Math.random().toString(36).slice(2)}`
        await registerUpload(old.app, a, { upload_id: id })
        const before = await call(old.app, 'POST', M, {
          token: b.token,
          body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', upload_id: id },
        })
        expectProblem(before, 409, 'conflict') // the old index: one tenant's id blocks another's
        const migrated = await call(old.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: a.token })
        expect(migrated.status, JSON.stringify(migrated.body)).toBe(200)
        expect(migrated.body.indexes).toContain('tenant_id_1_upload_id_1')
        expect(migrated.body.indexes).not.toContain('upload_id_1')
        expect((await uploads.listIndexes()).find((ix) => ix.name === 'tenant_id_1_upload_id_1')).toMatchObject({
          key: { tenant_id: 1, upload_id: 1 },
          unique: true,
        })
        const mineB = await registerUpload(old.app, b, { upload_id: id, file_name: 'b.log' })
        expect(mineB).toMatchObject({ upload_id: id, tenant_id: b.tenantId })
        expect((await call(old.app, 'GET', `${M}/${id}`, { token: a.token })).body.tenant_id).toBe(a.tenantId)
        expect((await call(old.app, 'GET', `${M}/${id}`, { token: b.token })).body.file_name).toBe('b.log')
        // Still unique within a tenant.
        const dup = await call(old.app, 'POST', M, {
          token: b.token,
          body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', upload_id: id },
        })
        expectProblem(dup, 409, 'conflict')
        // Run again: nothing left to migrate, same indexes.
        const again = await call(old.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: a.token })
        expect([...again.body.indexes].sort()).toEqual([...migrated.body.indexes].sort())
      } finally {
        await old.close()
      }
    })
  })

  describe('authentication and tenant isolation', () => {
    it('every route needs a valid bearer token (401)', async () => {
      const routes: [string, string][] = [
        ['POST', M],
        ['GET', M],
        ['GET', `${M}/recent`],
        ['GET', `${M}/stats`],
        ['GET', `${M}/task/t1`],
        ['GET', `${M}/u1`],
        ['PATCH', `${M}/u1`],
        ['DELETE', `${M}/u1`],
        ['POST', '/api/v1/logs/admin/initialize-metadata-indexes'],
      ]
      for (const [method, path] of routes) {
        expectProblem(await call(t.app, method, path, { body: method === 'POST' || method === 'PATCH' ? {} : undefined }), 401)
        expectProblem(await call(t.app, method, path, { token: 'not.a.token' }), 401)
      }
    })

    it('cross-tenant matrix: another tenant sees, changes and deletes nothing (0 leaks)', async () => {
      const task = `shared-task-${Math.random().toString(36).slice(2)}`
      const mine = await registerUpload(t.app, viewer, { task_id: task, source: 'secret-source', log_count: 7 })
      // Warm the owner's caches so a mix-up of tenant scopes would show.
      for (const p of [`${M}/stats`, `${M}/recent`, `${M}?source=secret-source`]) await readUntilHit(t.app, admin.token, p)

      const leaks: string[] = []
      const check = (what: string, r: { status: number; body: any }) => {
        if (
          JSON.stringify(r.body ?? '').includes(mine.upload_id) ||
          JSON.stringify(r.body ?? '').includes('secret-source') ||
          JSON.stringify(r.body ?? '').includes(admin.tenantId)
        ) {
          leaks.push(what)
        }
      }
      const id = mine.upload_id
      const r1 = await call(t.app, 'GET', `${M}/${id}`, { token: other.token })
      expectProblem(r1, 404)
      check('get', r1)
      const r2 = await call(t.app, 'PATCH', `${M}/${id}`, { token: other.token, body: { status: 'processing' } })
      expectProblem(r2, 404)
      check('patch', r2)
      const r3 = await call(t.app, 'DELETE', `${M}/${id}`, { token: other.token })
      expectProblem(r3, 404)
      check('delete', r3)
      const r4 = await call(t.app, 'GET', `${M}/task/${task}`, { token: other.token })
      expect(r4.body.count).toBe(0)
      check('task', r4)
      for (const p of [
        `${M}`,
        `${M}?source=secret-source`,
        `${M}?user_id=${viewer.userId}`,
        `${M}/recent`,
        `${M}/recent?limit=100`,
        `${M}/stats`,
        `${M}/stats?days=3650`,
      ]) {
        const r = await call(t.app, 'GET', p, { token: other.token })
        expect(r.status, p).toBe(200)
        check(p, r)
        if (p.includes('stats')) expect(r.body.total_uploads, p).toBe(0)
        else expect(r.body.count, p).toBe(0)
      }
      // The other tenant's reads never come from the owner's cache entries.
      const s = await call(t.app, 'GET', `${M}/stats`, { token: other.token })
      expect(s.body.total_uploads).toBe(0)
      // upload_id is unique per tenant: the other tenant registers the same id as its own, and
      // learns nothing (no 409 oracle) about the owner's.
      const same = await call(t.app, 'POST', M, {
        token: other.token,
        body: { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', upload_id: id },
      })
      expect(same.status, JSON.stringify(same.body)).toBe(201)
      expect(same.body).toMatchObject({ upload_id: id, tenant_id: other.tenantId, file_name: 'f' })
      expect(JSON.stringify(same.body)).not.toMatch(new RegExp(`secret-source|${admin.tenantId}`))
      expect(leaks).toEqual([])

      // And the owner's record is untouched; each tenant reads its own under the one id.
      const still = await call(t.app, 'GET', `${M}/${id}`, { token: viewer.token })
      expect(still.body).toEqual(mine)
      expect((await call(t.app, 'GET', `${M}/${id}`, { token: other.token })).body).toEqual(same.body)
    })
  })
})
