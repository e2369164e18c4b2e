/** Contract of the `Metrics` port, run against every key-value adapter (each `make()` is a fresh store). */
import { describe, it } from 'vitest'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const MIN = 60_000
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Minutes inside the previous full hour: far from any boundary, well within every retention. */
function lastHour() {
  const hour = Math.floor(Date.now() / HOUR) * HOUR - HOUR
  return { hour, at: (n: number) => hour + n * MIN }
}

export function metricsContract(name: string, make: MakeKv): void {
  describe.concurrent(`Metrics contract (${name})`, () => {
    it('adds counts into minute and hour buckets and the lifetime totals, per scope', async ({ expect }) => {
      const { metrics } = await make()
      const { hour, at } = lastHour()
      await metrics.record([
        { minute: at(5), counts: { n: 2, 'r|GET|/a|2xx': 2 } },
        { minute: at(5), counts: { n: 1, 'd|burst': 1 } },
        { minute: at(7), counts: { n: 4 } },
        { tenantId: 't1', minute: at(7), counts: { n: 3 }, weight: 3 },
      ])
      await metrics.record([{ tenantId: 't2', minute: at(7), counts: { n: 1, zero: 0 } }])

      expect(await metrics.series(null, 'minute', hour, hour + HOUR - 1)).toEqual([
        { start: at(5), counts: { n: 3, 'r|GET|/a|2xx': 2, 'd|burst': 1 } },
        { start: at(7), counts: { n: 4 } },
      ])
      expect(await metrics.series(null, 'hour', hour, hour)).toEqual([{ start: hour, counts: { n: 7, 'r|GET|/a|2xx': 2, 'd|burst': 1 } }])
      expect(await metrics.totals(null)).toEqual({ n: 7, 'r|GET|/a|2xx': 2, 'd|burst': 1 })
      // Scopes never mix: the overall series holds only what was recorded for it.
      expect(await metrics.series('t1', 'minute', hour, hour + HOUR)).toEqual([{ start: at(7), counts: { n: 3 } }])
      expect(await metrics.totals('t2')).toEqual({ n: 1 }) // a zero count is not stored
      expect(await metrics.series('nobody', 'hour', hour - DAY, hour)).toEqual([])
      expect(await metrics.totals('nobody')).toEqual({})
    })

    it('answers only buckets inside [from, to], oldest first, and refuses more than 5 000 buckets', async ({ expect }) => {
      const { metrics } = await make()
      const { at } = lastHour()
      await metrics.record([1, 2, 3, 4].map((n) => ({ tenantId: 'tr', minute: at(n), counts: { n } })))
      expect((await metrics.series('tr', 'minute', at(2), at(3))).map((b) => b.start)).toEqual([at(2), at(3)])
      expect((await metrics.series('tr', 'minute', at(2) + 1, at(4) - 1)).map((b) => b.start)).toEqual([at(3)])
      expect(await metrics.series('tr', 'minute', at(4), at(1))).toEqual([])
      await expect(metrics.series('tr', 'minute', 0, 5001 * MIN)).rejects.toThrow(TypeError)
    })

    it('keeps minute buckets 48 h and hour buckets 30 days; older counts reach only the totals', async ({ expect }) => {
      const { metrics } = await make()
      const old = Math.floor((Date.now() - 49 * HOUR) / HOUR) * HOUR + 10 * MIN
      const ancient = Math.floor((Date.now() - 31 * DAY) / HOUR) * HOUR
      await metrics.record([
        { tenantId: 'tx', minute: old, counts: { n: 5 } },
        { tenantId: 'tx', minute: ancient, counts: { n: 7 } },
      ])
      expect(await metrics.series('tx', 'minute', old - DAY, old + DAY)).toEqual([])
      expect(await metrics.series('tx', 'hour', old - HOUR, old)).toEqual([{ start: old - 10 * MIN, counts: { n: 5 } }])
      expect(await metrics.series('tx', 'hour', ancient - DAY, ancient + DAY)).toEqual([])
      expect(await metrics.totals('tx')).toEqual({ n: 12 })
    })

    it('ranks tenants by their accumulated weight', async ({ expect }) => {
      const { metrics } = await make()
      const { at } = lastHour()
      expect(await metrics.topTenants(5)).toEqual([])
      await metrics.record([
        { tenantId: 'a', minute: at(1), counts: { n: 1 }, weight: 1 },
        { tenantId: 'b', minute: at(1), counts: { n: 5 }, weight: 5 },
        { tenantId: 'c', minute: at(1), counts: { n: 3 }, weight: 3 },
      ])
      await metrics.record([{ tenantId: 'a', minute: at(2), counts: { n: 9 }, weight: 9 }])
      expect(await metrics.topTenants(2)).toEqual([
        { tenantId: 'a', weight: 10 },
        { tenantId: 'b', weight: 5 },
      ])
      expect((await metrics.topTenants(10)).map((t) => t.tenantId)).toEqual(['a', 'b', 'c'])
      expect(await metrics.topTenants(0)).toEqual([])
    })

    it('loses nothing when many writers record at once (several app instances)', async ({ expect }) => {
      const { metrics } = await make()
      const { at } = lastHour()
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          metrics.record([
            { minute: at(i % 3), counts: { n: 1, [`k${i % 4}`]: 2 } },
            { tenantId: `w${i % 2}`, minute: at(i % 3), counts: { n: 1 }, weight: 1 },
          ]),
        ),
      )
      expect(await metrics.totals(null)).toEqual({ n: 40, k0: 20, k1: 20, k2: 20, k3: 20 })
      const minutes = await metrics.series(null, 'minute', at(0), at(2))
      expect(minutes.map((b) => b.counts.n)).toEqual([14, 13, 13])
      expect(await metrics.topTenants(2)).toEqual([
        { tenantId: 'w1', weight: 20 },
        { tenantId: 'w0', weight: 20 },
      ])
    })

    it('refuses malformed batches and writes nothing of them', async ({ expect }) => {
      const { metrics } = await make()
      const { at } = lastHour()
      const bad = [
        [{ minute: at(1) + 1, counts: { n: 1 } }],
        [{ minute: at(1), counts: { n: 1.5 } }],
        [{ minute: at(1), counts: { 'has space': 1 } }],
        [{ minute: at(1), counts: { '': 1 } }],
        [{ tenantId: '', minute: at(1), counts: { n: 1 } }],
        [{ tenantId: 't', minute: at(1), counts: { n: 1 }, weight: -1 }],
        [
          { minute: at(1), counts: { n: 1 } },
          { minute: at(1), counts: { n: Number.NaN } },
        ],
      ]
      for (const batch of bad) await expect(metrics.record(batch)).rejects.toThrow(TypeError)
      expect(await metrics.totals(null)).toEqual({})
      await expect(metrics.topTenants(-1)).rejects.toThrow(TypeError)
    })
  })
}
