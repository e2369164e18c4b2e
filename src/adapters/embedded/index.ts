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
 * Embedded mode: every port on one SQLite file (WAL), persistent across restarts.
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
