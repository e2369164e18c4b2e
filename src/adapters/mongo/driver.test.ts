/** The driver adapter's own behaviour against the real FerretDB: lazy client, close, failures. */
import { describe, expect, it } from 'vitest'
import { need, uniq } from '../../../tests/harness/services.ts'
import { freePort } from '../../../tools/lib/process.ts'
import { BackendUnavailableError } from '../../errors.ts'
import { createDriverDocuments } from './driver.ts'

describe('driver adapter', () => {
  it('creates its client lazily, and a closed store reconnects on next use', async () => {
    const store = createDriverDocuments({ uri: need('mongoUri'), database: uniq('drv') })
    const coll = store.collection('things')
    await coll.insertOne({ a: 1 })
    await store.close!()
    await store.close!()
    expect(await coll.count({})).toBe(1)
    await store.close!()
  })

  it('an unreachable server is a BackendUnavailableError(unreachable) within about timeoutMs; the URI is not in the message', async () => {
    const uri = `mongodb://user:pa55word@127.0.0.1:${await freePort()}/?directConnection=true`
    const store = createDriverDocuments({ uri, database: 'x', timeoutMs: 300 })
    const started = Date.now()
    const err = await store.ping().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect(err).toMatchObject({ backend: 'mongodb', reason: 'unreachable' })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(String((err as Error).message)).not.toContain('pa55word')
    await expect(store.collection('c').findOne({})).rejects.toBeInstanceOf(BackendUnavailableError)
    await store.close!()
  })

  it('refuses to start without uri or database', () => {
    expect(() => createDriverDocuments({ uri: '', database: 'x' })).toThrow(/uri/)
    expect(() => createDriverDocuments({ uri: 'mongodb://127.0.0.1', database: '' })).toThrow(/database/)
  })
})
