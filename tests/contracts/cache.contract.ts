/** Contract of the `Cache` port and the `cached()` helper, run against every key-value adapter. */
import { describe, it } from 'vitest'
import type { KvBackends, SessionTimes } from '../../src/ports.ts'
import { cached } from '../../src/services/cache.ts'

type MakeKv = (session?: SessionTimes) => Promise<KvBackends>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const TTL = { ttlSeconds: 60 }

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
      for (const [k, v] of Object.entries(values)) expect(await cache.get(scope, k)).toEqual(v)
      expect(await cache.get(scope, 'missing')).toBeNull()
      await cache.delete(scope, 'obj')
      expect(await cache.get(scope, 'obj')).toBeNull()
      await cache.set(scope, 'numeric', { replaced: true }, TTL)
      expect(await cache.get(scope, 'numeric')).toEqual({ replaced: true })
    })

    it('expires entries after their TTL', async ({ expect }) => {
      const { cache } = await make()
      const start = Date.now()
      await cache.set({ tenantId: 't1' }, 'short', 'v', { ttlSeconds: 1 })
      await cache.set({ tenantId: 't1' }, 'long', 'v', TTL)
      expect(await cache.get({ tenantId: 't1' }, 'short')).toBe('v')
      await sleep(start + 1150 - Date.now())
      expect(await cache.get({ tenantId: 't1' }, 'short')).toBeNull()
      expect(await cache.get({ tenantId: 't1' }, 'long')).toBe('v')
    })

    it('isolates tenants and users: the same logical key is a different entry per scope', async ({ expect }) => {
      const { cache } = await make()
      const scopes = [{ tenantId: 't1' }, { tenantId: 't2' }, { tenantId: 't1', userId: 'u1' }, { tenantId: 't1', userId: 'u2' }, { tenantId: 't2', userId: 'u1' }]
      for (const [i, s] of scopes.entries()) await cache.set(s, 'report', { i }, { ...TTL, tags: ['reports'] })
      for (const [i, s] of scopes.entries()) expect(await cache.get(s, 'report')).toEqual({ i })

      await cache.delete({ tenantId: 't2' }, 'report')
      expect(await cache.get({ tenantId: 't2' }, 'report')).toBeNull()
      expect(await cache.get({ tenantId: 't1' }, 'report')).toEqual({ i: 0 })

      await cache.invalidateTags('t1', ['reports']) // tags are per tenant
      expect(await cache.get({ tenantId: 't1' }, 'report')).toBeNull()
      expect(await cache.get({ tenantId: 't1', userId: 'u1' }, 'report')).toBeNull()
      expect(await cache.get({ tenantId: 't2', userId: 'u1' }, 'report')).toEqual({ i: 4 })
    })

    it('clearUser drops only that user’s entries in that tenant', async ({ expect }) => {
      const { cache } = await make()
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'a', 1, TTL)
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'b', 2, { ...TTL, tags: ['x'] })
      await cache.set({ tenantId: 't1', userId: 'u2' }, 'a', 3, TTL)
      await cache.set({ tenantId: 't1' }, 'a', 4, TTL)
      await cache.set({ tenantId: 't2', userId: 'u1' }, 'a', 5, TTL)
      await cache.clearUser('t1', 'u1')
      expect(await cache.get({ tenantId: 't1', userId: 'u1' }, 'a')).toBeNull()
      expect(await cache.get({ tenantId: 't1', userId: 'u1' }, 'b')).toBeNull()
      expect(await cache.get({ tenantId: 't1', userId: 'u2' }, 'a')).toBe(3)
      expect(await cache.get({ tenantId: 't1' }, 'a')).toBe(4)
      expect(await cache.get({ tenantId: 't2', userId: 'u1' }, 'a')).toBe(5)
      await cache.set({ tenantId: 't1', userId: 'u1' }, 'a', 6, TTL) // writable again afterwards
      expect(await cache.get({ tenantId: 't1', userId: 'u1' }, 'a')).toBe(6)
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
      expect(await cache.get(s, 'a')).toBeNull()
      expect(await cache.get(s, 'ab')).toBeNull()
      expect(await cache.get(s, 'b')).toBe('B')
      expect(await cache.get(s, 'c')).toBe('C')
      expect(await cache.get(s, 'none')).toBe('N')

      await cache.set(s, 'a', 'A2', { ...TTL, tags: ['users'] }) // cached again after the invalidation
      expect(await cache.get(s, 'a')).toBe('A2')
      await cache.invalidateTags('t1', ['users', 'stats', 'never-used'])
      expect(await cache.get(s, 'a')).toBeNull()
      expect(await cache.get(s, 'c')).toBeNull()
      expect(await cache.get(s, 'b')).toBe('B')
      await cache.invalidateTags('t1', [])
      expect(await cache.get(s, 'b')).toBe('B')
    })

    it('cached(): loads on a miss, answers hits from the cache, fills through waitUntil when given', async ({ expect }) => {
      const { cache } = await make()
      const scope = { tenantId: 't1', userId: 'u1' }
      let loads = 0
      const loader = async () => ({ n: ++loads })
      expect(await cached({ cache, scope, key: 'k', ttlSeconds: 60, loader })).toEqual({ value: { n: 1 }, hit: false })
      expect(await cached({ cache, scope, key: 'k', ttlSeconds: 60, loader })).toEqual({ value: { n: 1 }, hit: true })
      expect(loads).toBe(1)

      const background: Promise<unknown>[] = []
      const first = await cached({ cache, scope, key: 'bg', ttlSeconds: 60, tags: ['t'], loader, waitUntil: (p) => background.push(p) })
      expect(first).toEqual({ value: { n: 2 }, hit: false })
      expect(background).toHaveLength(1)
      await Promise.all(background)
      expect(await cached({ cache, scope, key: 'bg', ttlSeconds: 60, loader })).toEqual({ value: { n: 2 }, hit: true })
      await cache.invalidateTags('t1', ['t'])
      expect(await cached({ cache, scope, key: 'bg', ttlSeconds: 60, loader })).toEqual({ value: { n: 3 }, hit: false })

      let nullLoads = 0
      const nothing = async () => (nullLoads++, null)
      await cached({ cache, scope, key: 'null', ttlSeconds: 60, loader: nothing })
      expect(await cached({ cache, scope, key: 'null', ttlSeconds: 60, loader: nothing })).toEqual({ value: null, hit: false })
      expect(nullLoads).toBe(2) // null is never cached
      await expect(cached({ cache, scope, key: 'boom', ttlSeconds: 60, loader: async () => Promise.reject(new Error('db down')) })).rejects.toThrow('db down')
    })
  })
}
