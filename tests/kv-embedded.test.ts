/**
 * The key-value contracts on the embedded adapter (node:sqlite), in both of its modes: memory
 * mode (the process owns the data dir, as the app's does) and transactional mode (any other
 * process on it); every `make()` opens a fresh database file in a temp directory. Plus what only this path has to prove: the state survives
 * closing and reopening the file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { openEmbeddedDatabase } from '../src/adapters/embedded/index.ts'
import { createEmbeddedKv } from '../src/adapters/embedded/kv.ts'
import type { KvBackends, SessionTimes } from '../src/ports.ts'
import { apiKeyStoreContract, tenantPlansContract } from './contracts/api-keys.contract.ts'
import { cacheContract } from './contracts/cache.contract.ts'
import { countersContract } from './contracts/counters.contract.ts'
import { gatekeeperContract, gatekeeperKeyContract } from './contracts/gatekeeper.contract.ts'
import { idempotencyContract } from './contracts/idempotency.contract.ts'
import { locksContract } from './contracts/locks.contract.ts'
import { metricsContract } from './contracts/metrics.contract.ts'
import { rateLimiterContract } from './contracts/rate-limiter.contract.ts'
import { revocationsContract } from './contracts/revocations.contract.ts'
import { sessionStoreContract } from './contracts/sessions.contract.ts'
import { uniq } from './harness/services.ts'

const root = mkdtempSync(join(tmpdir(), 'gatehouse-kv-'))
const open: Array<{ db: DatabaseSync; kv: KvBackends }> = []
const DEFAULT_TIMES: SessionTimes = { idleSeconds: 3600, maxLifetimeSeconds: 86_400 }

/** Memory mode: this process owns the data dir, as the app's does. */
async function make(session: SessionTimes = DEFAULT_TIMES): Promise<KvBackends> {
  const db = openEmbeddedDatabase(join(root, uniq('kv')))
  const kv = createEmbeddedKv(db, { session }, { owner: true })
  open.push({ db, kv })
  return kv
}

/** Transactional mode: a process that does not own the data dir (others may share the file). */
async function makeShared(session: SessionTimes = DEFAULT_TIMES): Promise<KvBackends> {
  const db = new DatabaseSync(join(root, `${uniq('shared')}.db`))
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;')
  const kv = createEmbeddedKv(db, { session })
  open.push({ db, kv })
  return kv
}

afterAll(async () => {
  for (const { db, kv } of open) {
    await kv.close?.()
    db.close()
  }
  rmSync(root, { recursive: true, force: true })
})

// All suites at once: most of their time is spent waiting for TTLs to pass.
describe.concurrent('key-value contracts (embedded)', () => {
  sessionStoreContract('embedded', make)
  revocationsContract('embedded', make)
  cacheContract('embedded', make)
  rateLimiterContract('embedded', make)
  gatekeeperContract('embedded', make)
  gatekeeperKeyContract('embedded', make)
  apiKeyStoreContract('embedded', make)
  tenantPlansContract('embedded', make)
  countersContract('embedded', make)
  locksContract('embedded', make)
  idempotencyContract('embedded', make)
  metricsContract('embedded', make)
})

describe.concurrent('key-value contracts (embedded, transactional mode)', () => {
  sessionStoreContract('embedded, transactional', makeShared)
  revocationsContract('embedded, transactional', makeShared)
  cacheContract('embedded, transactional', makeShared)
  rateLimiterContract('embedded, transactional', makeShared)
  gatekeeperContract('embedded, transactional', makeShared)
  countersContract('embedded, transactional', makeShared)
  locksContract('embedded, transactional', makeShared)
})

describe.sequential('embedded key-value store', () => {
  it('keeps sessions, revocations, counters, cache entries and locks across a restart', async () => {
    const dir = join(root, uniq('restart'))
    let db = openEmbeddedDatabase(dir)
    let kv = createEmbeddedKv(db, { session: DEFAULT_TIMES }, { owner: true })
    const { id, session } = await kv.sessions.create({ userId: 'u1', tenantId: 't1', role: 'admin' })
    await kv.revocations.revokeToken('t1', 'jti', Date.now() + 60_000)
    await kv.counters.increment('calls', 7, 60)
    await kv.cache.set({ tenantId: 't1' }, 'k', { v: 1 }, { ttlSeconds: 60, tags: ['x'] })
    await kv.rateLimiter.check('ip', [{ name: 'burst', limit: 10, windowSeconds: 3600 }])
    expect(await kv.locks.acquire('job', { ttlMs: 60_000 })).not.toBeNull()
    await kv.close?.()
    db.close()

    db = openEmbeddedDatabase(dir) // tables are created idempotently on the reopened file
    kv = createEmbeddedKv(db, { session: DEFAULT_TIMES }, { owner: true })
    open.push({ db, kv })
    expect(await kv.sessions.get('t1', id)).toEqual(session)
    expect(await kv.revocations.isRevoked('t1', 'jti')).toBe(true)
    expect(await kv.counters.get('calls')).toBe(7)
    expect((await kv.cache.get({ tenantId: 't1' }, 'k', ['x'])).value).toEqual({ v: 1 })
    expect((await kv.rateLimiter.check('ip', [{ name: 'burst', limit: 10, windowSeconds: 3600 }])).policies[0]!.remaining).toBe(8)
    expect(await kv.locks.acquire('job', { ttlMs: 1000 })).toBeNull() // still held until its TTL
    await kv.cache.invalidateTags('t1', ['x'])
    expect((await kv.cache.get({ tenantId: 't1' }, 'k', ['x'])).value).toBeNull()
  })
})
