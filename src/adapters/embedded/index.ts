import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Backends, KvOptions } from '../../ports.ts'
import { createEmbeddedDocuments } from './documents.ts'
import { createEmbeddedKv } from './kv.ts'

/**
 * Embedded mode: every port on one node:sqlite file (WAL), persistent across restarts.
 * `path` ":memory:" gives a throwaway store for tests.
 */
export function openEmbeddedDatabase(dataDir: string): DatabaseSync {
  if (dataDir === ':memory:') return configure(new DatabaseSync(':memory:'))
  mkdirSync(dataDir, { recursive: true })
  return configure(new DatabaseSync(join(dataDir, 'gatehouse.db')))
}

function configure(db: DatabaseSync): DatabaseSync {
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;')
  return db
}

export function createEmbeddedBackends(dataDir: string, options: KvOptions): Backends {
  const db = openEmbeddedDatabase(dataDir)
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
