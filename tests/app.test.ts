import { createRoute, z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRouter } from '../src/http/router.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'

const kinds: BackendKind[] = ['embedded', 'remote']

describe.each(kinds)('app foundation (%s backends)', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await makeTestApp(kind, { BODY_LIMIT_BYTES: '2048' })
  })
  afterAll(async () => t?.close())

  const expectProblem = async (res: Response, status: number) => {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = (await res.json()) as Record<string, unknown>
    expect(body.status).toBe(status)
    expect(typeof body.type).toBe('string')
    expect(typeof body.title).toBe('string')
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|node_modules|stack/i)
    return body
  }

  it('GET /health reports both backends as healthy, with latencies measured', async () => {
    const res = await t.app.request('/health/')
    expect(res.status).toBe(200)
    const body = (await res.json()) as any
    expect(body.status).toBe('healthy')
    expect(body.mode).toBe(kind)
    for (const b of [body.mongodb, body.redis]) {
      expect(b.status).toBe('healthy')
      expect(b.latency_ms).toBeGreaterThanOrEqual(0)
    }
  })

  it('GET /health/live and /health/ready answer 200', async () => {
    expect((await t.app.request('/health/live')).status).toBe(200)
    const ready = await t.app.request('/health/ready')
    expect(ready.status).toBe(200)
    expect(((await ready.json()) as any).status).toBe('healthy')
  })

  it('every answer carries a request id and security headers', async () => {
    const res = await t.app.request('/health/live')
    expect(res.headers.get('x-request-id')).toBeTruthy()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const given = await t.app.request('/health/live', { headers: { 'x-request-id': 'abc-123' } })
    expect(given.headers.get('x-request-id')).toBe('abc-123')
  })

  it('unknown path → 404 problem+json', async () => {
    const body = await expectProblem(await t.app.request('/nope/nothing'), 404)
    expect(body.request_id).toBeTruthy()
  })

  it('wrong method on a known path → 405 problem+json with Allow', async () => {
    const res = await t.app.request('/health/live', { method: 'DELETE' })
    await expectProblem(res, 405)
    expect(res.headers.get('allow')).toContain('GET')
  })

  it('serves OpenAPI 3.1 and the docs page', async () => {
    const spec = (await (await t.app.request('/openapi.json')).json()) as any
    expect(spec.openapi).toBe('3.1.0')
    expect(spec.paths['/health']).toBeTruthy()
    const docs = await t.app.request('/docs')
    expect(docs.status).toBe(200)
    expect(docs.headers.get('content-type')).toMatch(/text\/html/)
    expect(await docs.text()).toContain('/openapi.json')
  })
})

describe('app foundation: bodies, validation and crashes', () => {
  let t: TestApp
  // A tiny route group mounted on a real app, to drive the body/validation/error paths.
  beforeAll(async () => {
    t = await makeTestApp('embedded', { BODY_LIMIT_BYTES: '2048' })
    const echo = createRoute({
      method: 'post',
      path: '/_test/echo',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1), n: z.number().int() }) } } } },
      responses: { 200: { description: 'ok' } },
    })
    const router = createRouter()
      .openapi(echo, (c) => c.json(c.req.valid('json'), 200))
      .get('/_test/crash', () => {
        throw new Error('secret-detail at /srv/app.ts:12')
      })
    t.app.route('/', router)
  })
  afterAll(async () => t?.close())

  it('malformed JSON → 400 problem+json', async () => {
    const res = await t.app.request('/_test/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
  })

  it('invalid fields → 422 with the field issues', async () => {
    const res = await t.app.request('/_test/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"","n":1.5}' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as any
    expect(body.errors.map((e: any) => e.path).sort()).toEqual(['n', 'name'])
  })

  it('oversized body → 413 problem+json, with or without Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(4096), n: 1 })
    const res = await t.app.request('/_test/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
    const stream = new ReadableStream({
      start(ctrl) {
        ctrl.enqueue(new TextEncoder().encode(big))
        ctrl.close()
      },
    })
    const chunked = await t.app.request('/_test/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error Node's fetch needs duplex for streamed bodies
      duplex: 'half',
    })
    expect(chunked.status).toBe(413)
  })

  it('an unexpected error → generic 500 problem, no message or stack', async () => {
    const res = await t.app.request('/_test/crash')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('secret-detail')
    expect(text).not.toContain('app.ts')
    expect(JSON.parse(text).detail).toBe('Something went wrong on our side')
  })
})
