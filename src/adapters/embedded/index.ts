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

/** How long opening waits for a file another process holds (e.g. the previous one, shutting down). */
const OPEN_WAIT_MS = 2000

/** The data file is held by another process: embedded mode serves ONE process per data file. */
export class DataFileInUseError extends Error {
  override name = 'DataFileInUseError'
  readonly file: string
  constructor(file: string, options?: ErrorOptions) {
    super(
      `the data file ${file} is in use by another process — embedded mode serves one process per data file (stop the other one, give this one its own GATEHOUSE_DATA_DIR, or use remote mode to share state between instances)`,
      options,
    )
    this.file = file
  }
}

/**
 * Embedded mode: every port on one SQLite file (WAL), persistent across restarts, held
 * EXCLUSIVELY by this process until it closes the database or dies (the operating system drops
 * the lock even on kill -9): a second process on the same file throws DataFileInUseError here.
 * `path` ":memory:" gives a throwaway store for tests.
 */
export function openEmbeddedDatabase(dataDir: string, open: OpenDatabase = nodeSqlite): DatabaseSync {
  if (dataDir === ':memory:') return configure(open(':memory:'), ':memory:')
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'gatehouse.db')
  return configure(open(file), file)
}

function configure(db: DatabaseSync, file: string): DatabaseSync {
  try {
    db.exec(`PRAGMA busy_timeout = ${OPEN_WAIT_MS}; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL;`)
    db.exec('BEGIN IMMEDIATE; COMMIT')
    db.exec('PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;')
  } catch (err) {
    db.close()
    const e = err as { errcode?: number; message?: string }
    if (e?.errcode === 5 || /database is locked/i.test(e?.message ?? '')) throw new DataFileInUseError(file, { cause: err })
    throw err
  }
  return db
}

export function createEmbeddedBackends(dataDir: string, options: KvOptions, open?: OpenDatabase): Backends {
  const db = openEmbeddedDatabase(dataDir, open)
  const kv = createEmbeddedKv(db, options)
  const documents = createEmbeddedDocuments(db)
  return {
    mode: 'embedded',
    ...kv,
    documents,
    async close() {
      await kv.close?.()
      await documents.close?.()
      db.close()
    },
  }
}
