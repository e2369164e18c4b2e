/**
 * The metrics vocabulary, the Prometheus writer and the per-instance batch, on their own: a
 * controlled clock (no waiting) and the real embedded Metrics store (node:sqlite in memory).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openEmbeddedDatabase } from '../src/adapters/embedded/index.ts'
import { createEmbeddedKv } from '../src/adapters/embedded/kv.ts'
import { countsOf, decode, LATENCY_BOUNDS_MS, latencyBucket, type Observation, quantileMs } from '../src/metrics/fields.ts'
import { prometheusText } from '../src/metrics/prometheus.ts'
import { MetricsRecorder } from '../src/metrics/recorder.ts'
import type { Metrics } from '../src/ports.ts'
import { parseExposition, sample } from './metrics-helpers.ts'

const db = openEmbeddedDatabase(':memory:')
const kv = createEmbeddedKv(db, { session: { idleSeconds: 60, maxLifetimeSeconds: 3600 } })
afterAll(async () => {
  await kv.close?.()
  db.close()
})

const HOUR = 3_600_000
const obs = (o: Partial<Observation> = {}): Observation => ({ method: 'GET', route: '/api/v1/auth/me', status: 200, durationMs: 3, ...o })

describe('metrics vocabulary', () => {
  it('puts answer times into fixed buckets and estimates quantiles linearly within them', () => {
    expect(latencyBucket(0)).toBe(0)
    expect(latencyBucket(5)).toBe(0)
    expect(latencyBucket(5.01)).toBe(1)
    expect(latencyBucket(10_000)).toBe(LATENCY_BOUNDS_MS.length - 1)
    expect(latencyBucket(60_000)).toBe(LATENCY_BOUNDS_MS.length)
    const empty = new Array(LATENCY_BOUNDS_MS.length + 1).fill(0)
    expect(quantileMs(empty, 0.5)).toBeNull()
    const h = [...empty]
    h[0] = 50 // 50 answers in (0, 5] ms
    h[3] = 50 // 50 answers in (25, 50] ms
    expect(quantileMs(h, 0.5)).toBe(5)
    expect(quantileMs(h, 0.25)).toBe(2.5)
    expect(quantileMs(h, 0.95)).toBe(47.5)
    h[LATENCY_BOUNDS_MS.length] = 900 // beyond the last bound: the last finite bound
    expect(quantileMs(h, 0.95)).toBe(10_000)
  })

  it('turns an observation into bounded fields: no URL, no unknown method, policies once', () => {
    const counts = countsOf(
      obs({
        method: 'BREW',
        route: '/x/:id|"evil"\n',
        status: 429,
        durationMs: 12.3456,
        denied: ['burst', 'burst', 'hourly'],
        cache: 'hit',
        events: { session_revoked: 2, sign_in: 0 },
      }),
    )
    expect(Object.fromEntries(counts)).toEqual({
      n: 1,
      'r|OTHER|/x/:id__evil__|4xx': 1,
      'l|2': 1,
      lt: 12346,
      dn: 1,
      'd|burst': 1,
      'd|hourly': 1,
      'c|hit': 1,
      'e|session_revoked': 2,
    })
    for (const field of counts.keys()) expect(field).toMatch(/^[\x21-\x7e]+$/)
    const d = decode(Object.fromEntries(counts))
    expect(d.routes.get('OTHER|/x/:id__evil__|4xx')).toBe(1)
    expect(d.deniedBy).toEqual({ burst: 1, hourly: 1 })
    expect(d.events.session_revoked).toBe(2)
  })
})

describe('Prometheus exposition', () => {
  it('is valid text format 0.0.4: declared families, escaped labels, cumulative histogram', () => {
    const counts = new Map<string, number>()
    for (const ms of [1, 7, 30, 30, 20_000]) countsOf(obs({ durationMs: ms }), counts)
    countsOf(obs({ status: 503, backend: { name: 'redis', reason: 'timeout' } }), counts)
    const text = prometheusText(Object.fromEntries(counts), [{ tenantId: 'acme "q"\\x', counts: { n: 4, dn: 1 } }])
    const e = parseExposition(text)
    expect(e.types.get('gatehouse_request_duration_seconds')).toBe('histogram')
    expect(sample(e, 'gatehouse_requests_total', { route: '/api/v1/auth/me', method: 'GET', status: '2xx' })).toBe(5)
    expect(sample(e, 'gatehouse_requests_total', { route: '/api/v1/auth/me', method: 'GET', status: '5xx' })).toBe(1)
    expect(sample(e, 'gatehouse_request_duration_seconds_bucket', { le: '0.005' })).toBe(2) // 1 ms and the 503's 3 ms
    expect(sample(e, 'gatehouse_request_duration_seconds_bucket', { le: '10' })).toBe(5)
    expect(sample(e, 'gatehouse_request_duration_seconds_bucket', { le: '+Inf' })).toBe(6)
    expect(sample(e, 'gatehouse_request_duration_seconds_sum', {})).toBeCloseTo(20.071, 6)
    expect(sample(e, 'gatehouse_backend_failures_total', { backend: 'redis', reason: 'timeout' })).toBe(1)
    expect(sample(e, 'gatehouse_cache_answers_total', { result: 'stale' })).toBe(0) // known label values appear at 0
    expect(sample(e, 'gatehouse_tenant_requests_total', { tenant: 'acme "q"\\x' })).toBe(4)
    expect(text).toContain('tenant="acme \\"q\\"\\\\x"')
  })
})

describe('the per-instance batch', () => {
  it('asks for a flush once per batch: after flushRequests requests or flushSeconds, whichever comes first', async () => {
    let now = 10 * HOUR
    const bySize = new MetricsRecorder(kv.metrics, { flushSeconds: 3600, flushRequests: 3, now: () => now })
    expect([bySize.observe(obs()), bySize.observe(obs())]).toEqual([false, false])
    expect(bySize.observe(obs())).toBe(true)
    expect(bySize.observe(obs())).toBe(false) // already asked: not again until the batch is taken
    await bySize.flush()
    expect(bySize.pending).toBe(0)
    await bySize.flush() // nothing left: no write

    const byAge = new MetricsRecorder(kv.metrics, { flushSeconds: 10, flushRequests: 1000, now: () => now })
    expect(byAge.observe(obs())).toBe(false)
    now += 9_999
    expect(byAge.observe(obs())).toBe(false)
    now += 1
    expect(byAge.observe(obs())).toBe(true) // the oldest unflushed request is 10 s old
    await byAge.flush()
    expect(byAge.observe(obs())).toBe(false) // the age counts from the first request after a flush

    const always = new MetricsRecorder(kv.metrics, { flushSeconds: 0, flushRequests: 1000, now: () => now })
    expect(always.observe(obs())).toBe(true)
    await always.flush()
  })

  it('writes the overall series and each tenant’s (weighted by its requests) in one record call', async () => {
    const own = openEmbeddedDatabase(':memory:')
    const store = createEmbeddedKv(own, { session: { idleSeconds: 60, maxLifetimeSeconds: 3600 } }).metrics
    // Inside the store's retention (it keeps buckets by the real clock).
    let now = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 5 * 60_000 + 1234
    const calls: number[] = []
    const counting: Metrics = {
      ...store,
      record(batch) {
        calls.push(batch.length)
        return store.record(batch)
      },
    }
    const r = new MetricsRecorder(counting, { flushSeconds: 3600, flushRequests: 1000, now: () => now })
    r.observe(obs({ tenantId: 't1' }))
    r.observe(obs({ tenantId: 't1', status: 429, denied: ['burst'] }))
    r.observe(obs({ tenantId: 't2' }))
    r.observe(obs()) // anonymous: overall only
    now += 60_000 // the next minute: a bucket of its own
    r.observe(obs({ tenantId: 't1' }))
    await r.flush()
    expect(calls).toEqual([5]) // overall ×2 minutes, t1 ×2 minutes, t2
    expect((await store.totals(null)).n).toBe(5)
    expect(await store.totals('t1')).toMatchObject({ n: 3, dn: 1, 'd|burst': 1 })
    expect((await store.series('t1', 'minute', now - HOUR, now)).map((b) => b.counts.n)).toEqual([2, 1])
    expect(await store.topTenants(5)).toEqual([
      { tenantId: 't1', weight: 3 },
      { tenantId: 't2', weight: 1 },
    ])
    own.close()
  })

  it('keeps a batch the store refused, and pauses before trying again', async () => {
    let now = 30 * HOUR
    let refuse = true
    // Fault injection in front of the real store: the first write fails as an unreachable Redis would.
    const flaky: Metrics = { ...kv.metrics, record: (b) => (refuse ? Promise.reject(new Error('store down')) : kv.metrics.record(b)) }
    const before = (await kv.metrics.totals('flaky')).n ?? 0
    const r = new MetricsRecorder(flaky, { flushSeconds: 1, flushRequests: 2, now: () => now })
    r.observe(obs({ tenantId: 'flaky' }))
    expect(r.observe(obs({ tenantId: 'flaky' }))).toBe(true)
    await expect(r.flush()).rejects.toThrow('store down')
    expect(r.pending).toBe(2)
    expect(r.observe(obs({ tenantId: 'flaky' }))).toBe(false) // due, but paused after the failure
    now += 1000
    refuse = false
    expect(r.observe(obs({ tenantId: 'flaky' }))).toBe(true)
    await r.flush()
    expect(r.pending).toBe(0)
    expect((await kv.metrics.totals('flaky')).n).toBe(before + 4)
  })
})
