/** Contract of the `Counters` port, run against every key-value adapter. */
import { describe, it } from 'vitest'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function countersContract(name: string, make: MakeKv): void {
  describe.concurrent(`Counters contract (${name})`, () => {
    it('increments atomically and reads back; an unknown counter is 0', async ({ expect }) => {
      const { counters } = await make()
      expect(await counters.get('calls')).toBe(0)
      expect(await counters.increment('calls', 1, 60)).toBe(1)
      expect(await counters.increment('calls', 5, 60)).toBe(6)
      expect(await counters.get('calls')).toBe(6)
      const results = await Promise.all(Array.from({ length: 200 }, () => counters.increment('busy', 1, 60)))
      expect(new Set(results).size).toBe(200) // every increment saw its own value
      expect(await counters.get('busy')).toBe(200)
      expect(await counters.get('calls')).toBe(6)
    })

    it('expires ttlSeconds after the FIRST increment (later ones do not extend it)', async ({ expect }) => {
      const { counters } = await make()
      const start = Date.now()
      await counters.increment('window', 1, 1)
      await sleep(400)
      expect(await counters.increment('window', 1, 1)).toBe(2)
      await sleep(start + 1150 - Date.now())
      expect(await counters.get('window')).toBe(0)
      expect(await counters.increment('window', 3, 1)).toBe(3)
    })
  })
}
