import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import type { Backends, KvOptions } from '../../ports.ts'
import { createEmbeddedDocuments } from './documents.ts'
import { createEmbeddedKv } from './kv.ts'

/**
 * Opens a SQLite file as the embedded adapters use it: node:sqlite's DatabaseSync, or a runtime's
 * own binding behind the same subset (sqlite-bun.ts). One file format whichever opened it.
 */
export type OpenDatabase = (file: string) => DatabaseSync

/** node:sqlite, taken from the runtime (not imported), so a runtime without it can load this file. */
const nodeSqlite: OpenDatabase = (file) => new (process.getBuiltinModule('node:sqlite').DatabaseSync)(file)

/**
 * Embedded mode: every port on one SQLite file (WAL), persistent across restarts, shared safely
 * by several processes (SQLite's own locking; every read-compute-write in BEGIN IMMEDIATE).
 * `path` ":memory:" gives a throwaway store for tests.
 */
export function openEmbeddedDatabase(dataDir: string, open: OpenDatabase = nodeSqlite): DatabaseSync {
  if (dataDir === ':memory:') return configure(open(':memory:'))
  mkdirSync(dataDir, { recursive: true })
  return configure(open(join(dataDir, 'gatehouse.db')))
}

function configure(db: DatabaseSync): DatabaseSync {
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;')
  return db
}

/** How long a process waits for the data dir's owner lock (the previous owner may be closing). */
const CLAIM_WAIT_MS = 500

/** The data dir's owner lock: held by this process (`owner`), or by another one. */
export interface DataDirClaim {
  owner: boolean
  release(): void
}

/**
 * Claims the data dir: `gatehouse.lock` (a SQLite file of its own) is held EXCLUSIVELY by one
 * process until it releases it or dies — the operating system drops the lock even on kill -9.
 * The owner may keep state in memory (kv-memory.ts); any other process on the same data dir
 * (the admin CLI, a second server) runs in transactional mode.
 */
export function claimDataDir(dataDir: string, open: OpenDatabase = nodeSqlite): DataDirClaim {
  if (dataDir === ':memory:') return { owner: true, release() {} }
  mkdirSync(dataDir, { recursive: true })
  const lock = open(join(dataDir, 'gatehouse.lock'))
  try {
    // EXCLUSIVE locking mode keeps the lock a write transaction takes, until close.
    lock.exec(`PRAGMA busy_timeout = ${CLAIM_WAIT_MS}; PRAGMA locking_mode = EXCLUSIVE;`)
    lock.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS owner (since INTEGER); DELETE FROM owner; INSERT INTO owner VALUES (unixepoch()); COMMIT')
    return { owner: true, release: () => lock.close() }
  } catch (err) {
    lock.close()
    const e = err as { errcode?: number; message?: string }
    if (e?.errcode === 5 || /database is locked/i.test(e?.message ?? '')) return { owner: false, release() {} }
    throw err
  }
}

/**
 * Every port on the data dir. The process that owns it (claimDataDir) runs the key-value stores
 * in memory mode; another one on the same data dir, in transactional mode — told once on stderr.
 */
export function createEmbeddedBackends(dataDir: string, options: KvOptions, open?: OpenDatabase): Backends {
  const claim = claimDataDir(dataDir, open)
  if (!claim.owner) {
    console.warn(
      `gatehouse: another process owns ${join(dataDir, 'gatehouse.lock')}: this one uses the data dir in transactional mode (slower; both stay correct)`,
    )
  }
  const db = openEmbeddedDatabase(dataDir, open)
  const kv = createEmbeddedKv(db, options, { owner: claim.owner })
  const documents = createEmbeddedDocuments(db)
  return {
    mode: 'embedded',
    ...kv,
    documents,
    async close() {
      await kv.close?.()
      await documents.close?.()
      db.close()
      claim.release()
    },
  }
}
