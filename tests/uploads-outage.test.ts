/**
 * Upload metadata while MongoDB is unreachable: a PRIVATE Data API gateway (on the harness's
 * FerretDB) is stopped mid-test and restarted on the same port. Cached answers keep being served
 * (marked stale when outdated), uncached reads and writes get 503 problem+json within the
 * backend timeout, and nothing is lost or half-written when the gateway comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningGateway, startGateway } from '../gateway/server.ts'
import { logsKey } from '../src/services/quotas.ts'
import { call } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { need } from './harness/services.ts'
import { expectProblem, newTenant, readUntilHit, registerUpload, setStatus, UPLOAD_TEST_ENV } from './uploads-helpers.ts'

const KEY = 'uploads-outage-key'
const M = '/api/v1/logs/metadata'
const TIMEOUT_MS = 1500

describe('upload metadata with the gateway stopped (remote backends)', () => {
  let gw: RunningGateway | undefined
  let port: number
  let t: TestApp
  const mongodbUri = () => {
    const uri = need('mongoUri')
    // One connection, as the harness's gateway: FerretDB v1 conditional updates are not atomic across connections.
    return `${uri}${uri.includes('?') ? '&' : '?'}maxPoolSize=1`
  }

  beforeAll(async () => {
    gw = await startGateway({ mongodbUri: mongodbUri(), apiKeys: [KEY], port: 0, quiet: true })
    port = gw.port
    t = await makeTestApp('remote', { ...UPLOAD_TEST_ENV, MONGO_DATA_API_URL: gw.url, MONGO_DATA_API_KEY: KEY, BACKEND_TIMEOUT_MS: String(TIMEOUT_MS) })
  })
  afterAll(async () => {
    await t?.close()
    await gw?.close()
  })

  it('serves cached answers (stale when outdated), 503 for the rest, and loses nothing', async () => {
    const tenant = await newTenant(t.app)
    expect((await call(t.app, 'POST', '/api/v1/logs/admin/initialize-metadata-indexes', { token: tenant.token })).status).toBe(200)
    const u1 = await registerUpload(t.app, tenant, { log_count: 10, file_size: 100 })
    const u2 = await registerUpload(t.app, tenant, { file_size: 50 })
    await setStatus(t.app, tenant, u1.upload_id, { status: 'processing' })
    await setStatus(t.app, tenant, u1.upload_id, { status: 'success', processing_time: 1.5 })

    const statsPath = `${M}/stats?days=30`
    const before = await readUntilHit(t.app, tenant.token, statsPath)
    expect(before.body).toMatchObject({ total_uploads: 2, by_status: { success: { count: 1 }, pending: { count: 1 } } })
    // A write: the fresh stats entry is dropped; its long-lived stale copy stays for outages.
    await setStatus(t.app, tenant, u2.upload_id, { status: 'processing' })
    const successPath = `${M}?status=success`
    const successList = await readUntilHit(t.app, tenant.token, successPath)
    expect(successList.body.total).toBe(1)

    // ---- the gateway goes away ----
    await gw!.close()
    gw = undefined

    const stale = await call(t.app, 'GET', statsPath, { token: tenant.token })
    expect(stale.status).toBe(200)
    expect(stale.headers.get('x-cache')).toBe('stale')
    expect(stale.headers.get('cache-control')).toBe('private, no-cache')
    expect(stale.headers.get('etag')).toBe(before.headers.get('etag'))
    expect(stale.body).toEqual(before.body)

    // A fresh entry is still a plain hit: the cache does not need MongoDB.
    const hit = await call(t.app, 'GET', successPath, { token: tenant.token })
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-cache')).toBe('hit')
    expect(hit.body).toEqual(successList.body)

    // Nothing cached → 503 problem+json, within the backend timeout.
    const uncached: [string, string, unknown?][] = [
      ['GET', `${M}/stats?days=7`],
      ['GET', `${M}?status=pending`],
      ['GET', `${M}/recent?limit=3`],
      ['GET', `${M}/${u1.upload_id}`],
      ['GET', `${M}/task/task-default`],
      ['POST', M, { source: 's', environment: 'e', file_name: 'f', file_size: 1, format_type: 'text', log_count: 5 }],
      ['PATCH', `${M}/${u2.upload_id}`, { status: 'success', log_count: 99 }],
      ['DELETE', `${M}/${u1.upload_id}`],
    ]
    for (const [method, path, body] of uncached) {
      const started = performance.now()
      const r = await call(t.app, method, path, { token: tenant.token, body })
      expectProblem(r, 503, 'backend-unavailable')
      expect(r.headers.get('retry-after')).toBeTruthy()
      expect(performance.now() - started, `${method} ${path}`).toBeLessThan(TIMEOUT_MS * 2 + 1000)
    }

    // ---- the gateway comes back on the same port ----
    gw = await startGateway({ mongodbUri: mongodbUri(), apiKeys: [KEY], port, quiet: true })
    expect(gw.port).toBe(port)

    const all = await call(t.app, 'GET', `${M}?sort=created_at`, { token: tenant.token })
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(2)
    expect(all.body.metadata.map((m: any) => [m.upload_id, m.status, m.log_count])).toEqual([
      [u1.upload_id, 'success', 10],
      [u2.upload_id, 'processing', 0],
    ])
    // The refused registration took nothing from the quota.
    expect(await t.backends.counters.get(logsKey(tenant.tenantId, Date.now()))).toBe(10)

    // Fresh answers again (the stale copy is only for outages), and writes work.
    const fresh = await call(t.app, 'GET', statsPath, { token: tenant.token })
    expect(fresh.headers.get('x-cache')).toBe('miss')
    expect(fresh.body).toMatchObject({ total_uploads: 2, by_status: { success: { count: 1 }, processing: { count: 1 } } })
    await setStatus(t.app, tenant, u2.upload_id, { status: 'success', log_count: 20, processing_time: 2.5 })
    const after = await call(t.app, 'GET', statsPath, { token: tenant.token })
    expect(after.headers.get('x-cache')).toBe('miss')
    expect(after.body).toMatchObject({ total_uploads: 2, total_logs: 30, by_status: { success: { count: 2, avg_processing_time: 2 } } })
  })
})
