/** Contract of the `Locks` port, run against every key-value adapter. */
import { describe, it } from 'vitest'
import { LockBusyError } from '../../src/errors.ts'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function locksContract(name: string, make: MakeKv): void {
  describe.concurrent(`Locks contract (${name})`, () => {
    it('one holder at a time; released locks can be taken again', async ({ expect }) => {
      const { locks } = await make()
      const a = await locks.acquire('job', { ttlMs: 5000 })
      expect(a).not.toBeNull()
      expect(a!.name).toBe('job')
      expect(await locks.acquire('job', { ttlMs: 5000 })).toBeNull()
      expect(await locks.acquire('other-job', { ttlMs: 5000 })).not.toBeNull()
      expect(await a!.release()).toBe(true)
      expect(await a!.release()).toBe(false)
      const b = await locks.acquire('job', { ttlMs: 5000 })
      expect(b).not.toBeNull()
      expect(b!.owner).not.toBe(a!.owner)
    })

    it('only the owner releases or extends; an expired lease passes to the next one', async ({ expect }) => {
      const { locks } = await make()
      const a = await locks.acquire('job', { ttlMs: 200 })
      await sleep(300)
      const b = await locks.acquire('job', { ttlMs: 5000 })
      expect(b).not.toBeNull()
      expect(await a!.release()).toBe(false) // a's lease ended: it must not free b's lock
      expect(await a!.extend(5000)).toBe(false)
      expect(await locks.acquire('job', { ttlMs: 5000 })).toBeNull()
      expect(await b!.release()).toBe(true)
    })

    it('extend keeps the lock past its first TTL; waitMs waits for a release', async ({ expect }) => {
      const { locks } = await make()
      const a = await locks.acquire('job', { ttlMs: 300 })
      expect(await a!.extend(1500)).toBe(true)
      await sleep(500)
      expect(await locks.acquire('job', { ttlMs: 1000 })).toBeNull()
      setTimeout(() => void a!.release(), 200)
      const started = Date.now()
      const b = await locks.acquire('job', { ttlMs: 1000, waitMs: 3000 })
      expect(b).not.toBeNull()
      expect(Date.now() - started).toBeGreaterThanOrEqual(150)
    })

    it('withLock: mutual exclusion under concurrency, release after success and after failure', async ({ expect }) => {
      const { locks } = await make()
      let active = 0
      let maxActive = 0
      let runs = 0
      await Promise.all(
        Array.from({ length: 20 }, () =>
          locks.withLock('critical', { ttlMs: 5000, waitMs: 20_000 }, async () => {
            active++
            maxActive = Math.max(maxActive, active)
            await sleep(3)
            runs++
            active--
          }),
        ),
      )
      expect(runs).toBe(20)
      expect(maxActive).toBe(1)

      await expect(locks.withLock('critical', { ttlMs: 5000 }, async () => Promise.reject(new Error('job failed')))).rejects.toThrow('job failed')
      const held = await locks.acquire('critical', { ttlMs: 5000 }) // released despite the failure
      expect(held).not.toBeNull()
      let called = false
      const busy = locks.withLock('critical', { ttlMs: 5000 }, async () => {
        called = true
      })
      await expect(busy).rejects.toBeInstanceOf(LockBusyError)
      expect(called).toBe(false)
    })
  })
}
