/** Contract of the `Cache` port and the read-through service, run against every key-value adapter. */
import { describe, it } from 'vitest'
import { BackendUnavailableError } from '../../src/errors.ts'
import { createLogger } from '../../src/logger.ts'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'
import { readThrough } from '../../src/services/cache.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const TTL = { ttlSeconds: 60 }
const quiet = createLogger('silent')

export function cacheContract(name: string, make: MakeKv): void {
  describe.concurrent(`Cache contract (${name})`, () => {
    it('round-trips JSON values; a missing key is null', async ({ expect }) => {
      const { cache } = await make()
      const scope = { tenantId: 't1' }
      const values: Record<string, unknown> = {
        obj: { a: 1, b: [1, 'x', null, { c: true }], empty: [], none: {} },
        numeric: '123',
        num: 42.5,
        zero: 0,
        no: false,
        list: [3, 2, 1],
        text: 'héllo 漢字 🙂 "quotes" \\ \n',
      }
      for (const [k, v] of Object.entries(values)) await cache.set(scope, k, v, TTL)
      for (const [k, v] of Object.entries(values)) expect((await cache.get(scope, k)).value).toEqual(v)
      expect((await cache.get(scope, 'missing')).value).toBeNull()
      await cache.delete(scope, 'obj')
      expect((await cache.get(scope, 'obj')).value).toBeNull()
      await cache.set(scope, 'numeric', { replaced: true }, TTL)
      expect((await cache.get(scope, 'numeric')).value).toEqual({ replaced: true })
    })

    it('expires entries after their TTL', async ({ expect }) => {
      const { cache } = await make()
      const start = Date.now()
      await cache.set({ tenantId: 't1' }, 'short', 'v', { ttlSeconds: 1 })
      await cache.set({ tenantId: 't1' }, 'long', 'v', TTL)
      expect((await cache.get({ tenantId: 't1' }, 'short')).value).toBe('v')
      await sleep(start + 1150 - Date.now())
      expect((await cache.get({ tenantId: 't1' }, 'short')).value).toBeNull()
      expect((await cache.get({ tenantId: 't1' }, 'long')).value).toBe('v')
    })

    it('isolates tenants and users: the same logical key is a different entry per scope', async ({ expect }) => {
      const { cache } = await make()
      const tags = ['reports']
      const scopes = [
        { tenantId: 't1' },
        { tenantId: 't2' },
        { tenantId: 't1', userId: 'u1' },
        { tenantId: 't1', userId: 'u2' },
        { tenantId: 't2', userId: 'u1' },
      ]
      for (const [i, s] of scopes.entries()) await cache.set(s, 'report', { i }, { ...TTL, tags })
      for (const [i, s] of scopes.entries()) expect((await cache.get(s, 'report', tags)).value).toEqual({ i })

      await cache.delete({ tenantId: 't2' }, 'report')
      expect((await cache.get({ tenantId: 't2' }, 'report', tags)).value).toBeNull()
      expect((await cache.get({ tenantId: 't1' }, 'report', tags)).value).toEqual({ i: 0 })

      await cache.invalidateTags('t1', tags) // tags are per tenant
      expect((await cache.get({ tenantId: 't1' }, 'report', tags)).value).toBeNull()
      expect((await cache.get({ tenantId: 't1', userId: 'u1' }, 'report', tags)).value).toBeNull()
      expect((await cache.get({ tenantId: 't2', userId: 'u1' }, 'report', tags)).value).toEqual({ i: 4 })
    })

    it('clearUser drops only that user’s entries in that tenant', async ({ expect }) => {
      const { cache } = await make()
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'a', 1, TTL)
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'b', 2, { ...TTL, tags: ['x'] })
      await cache.set({ tenantId: 't1', userId: 'u2' }, 'a', 3, TTL)
      await cache.set({ tenantId: 't1' }, 'a', 4, TTL)
      await cache.set({ tenantId: 't2', userId: 'u1' }, 'a', 5, TTL)
      await cache.clearUser('t1', 'u1')
      expect((await cache.get({ tenantId: 't1', userId: 'u1' }, 'a')).value).toBeNull()
      expect((await cache.get({ tenantId: 't1', userId: 'u1' }, 'b', ['x'])).value).toBeNull()
      expect((await cache.get({ tenantId: 't1', userId: 'u2' }, 'a')).value).toBe(3)
      expect((await cache.get({ tenantId: 't1' }, 'a')).value).toBe(4)
      expect((await cache.get({ tenantId: 't2', userId: 'u1' }, 'a')).value).toBe(5)
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'a', 6, TTL) // writable again afterwards
      expect((await cache.get({ tenantId: 't1', userId: 'u1' }, 'a')).value).toBe(6)
    })

    it('invalidates by tag: every entry carrying any of the tags, and only those', async ({ expect }) => {
      const { cache } = await make()
      const s = { tenantId: 't1' }
      await cache.set(s, 'a', 'A', { ...TTL, tags: ['users'] })
      await cache.set(s, 'b', 'B', { ...TTL, tags: ['uploads'] })
      await cache.set(s, 'ab', 'AB', { ...TTL, tags: ['users', 'uploads'] })
      await cache.set(s, 'c', 'C', { ...TTL, tags: ['stats'] })
      await cache.set(s, 'none', 'N', TTL)
      await cache.invalidateTags('t1', ['users'])
      expect((await cache.get(s, 'a', ['users'])).value).toBeNull()
      expect((await cache.get(s, 'ab', ['users', 'uploads'])).value).toBeNull()
      expect((await cache.get(s, 'b', ['uploads'])).value).toBe('B')
      expect((await cache.get(s, 'c', ['stats'])).value).toBe('C')
      expect((await cache.get(s, 'none')).value).toBe('N')

      await cache.set(s, 'a', 'A2', { ...TTL, tags: ['users'] }) // cached again after the invalidation
      expect((await cache.get(s, 'a', ['users'])).value).toBe('A2')
      await cache.invalidateTags('t1', ['users', 'stats', 'never-used'])
      expect((await cache.get(s, 'a', ['users'])).value).toBeNull()
      expect((await cache.get(s, 'c', ['stats'])).value).toBeNull()
      expect((await cache.get(s, 'b', ['uploads'])).value).toBe('B')
      await cache.invalidateTags('t1', [])
      expect((await cache.get(s, 'b', ['uploads'])).value).toBe('B')
    })

    it('a fill under an older stamp is never served: the read-then-write race', async ({ expect }) => {
      const { cache } = await make()
      const s = { tenantId: 't1' }
      const tags = ['uploads']
      // A reader misses, loads (old data)... a writer invalidates... the reader fills with its stamp.
      const miss = await cache.get(s, 'list', tags)
      expect(miss.value).toBeNull()
      await cache.invalidateTags('t1', tags)
      await cache.set(s, 'list', 'old', { ...TTL, tags, stamp: miss.stamp })
      expect((await cache.get(s, 'list', tags)).value).toBeNull()
      // A read after the write fills under the new generation: served.
      const again = await cache.get(s, 'list', tags)
      await cache.set(s, 'list', 'new', { ...TTL, tags, stamp: again.stamp })
      expect((await cache.get(s, 'list', tags)).value).toBe('new')
      // A stamp that does not fit (other tags) records the current generations instead.
      await cache.set(s, 'other', 'x', { ...TTL, tags, stamp: '["1","2","3"]' })
      expect((await cache.get(s, 'other', tags)).value).toBe('x')
    })

    it('readThrough: loads on a miss, answers hits, fills in the background, serves stale while the backend is down', async ({ expect }) => {
      const { cache } = await make()
      const item = { scope: { tenantId: 't1', userId: 'u1' }, key: 'k', tags: ['t'] }
      let loads = 0
      const load = async () => ({ n: ++loads })
      const base = { cache, logger: quiet, item, ttlSeconds: 60, staleTtlSeconds: 600 }
      expect(await readThrough({ ...base, load })).toEqual({ value: { n: 1 }, state: 'miss' })
      expect(await readThrough({ ...base, load })).toEqual({ value: { n: 1 }, state: 'hit' })
      expect(loads).toBe(1)

      await cache.invalidateTags('t1', ['t'])
      const background: Promise<unknown>[] = []
      expect(await readThrough({ ...base, load, defer: (p) => background.push(p) })).toEqual({ value: { n: 2 }, state: 'miss' })
      expect(background).toHaveLength(1)
      await Promise.all(background)
      expect(await readThrough({ ...base, load })).toEqual({ value: { n: 2 }, state: 'hit' })

      await cache.invalidateTags('t1', ['t'])
      const down = async () => Promise.reject(new BackendUnavailableError('mongodb', 'timeout'))
      expect(await readThrough({ ...base, load: down })).toEqual({ value: { n: 2 }, state: 'stale' })
      await expect(readThrough({ ...base, staleTtlSeconds: undefined, load: down })).rejects.toThrow(BackendUnavailableError)
      await expect(readThrough({ ...base, load: async () => Promise.reject(new Error('a bug')) })).rejects.toThrow('a bug')

      let nullLoads = 0
      const nothing = async () => {
        nullLoads++
        return null
      }
      const empty = { ...base, item: { ...item, key: 'null' } }
      await readThrough({ ...empty, load: nothing })
      expect(await readThrough({ ...empty, load: nothing })).toEqual({ value: null, state: 'miss' })
      expect(nullLoads).toBe(2) // null is never cached
    })
  })
}
