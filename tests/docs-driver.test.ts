/**
 * Document contracts on the driver path: createDriverDocuments → mongodb driver → FerretDB.
 * One database per run of this file.
 */
import { afterAll, beforeAll } from 'vitest'
import { createDriverDocuments } from '../src/adapters/mongo/driver.ts'
import type { DocumentStore } from '../src/ports.ts'
import { collectionContract } from './contracts/collection.contract.ts'
import { profilesContract } from './contracts/profiles.contract.ts'
import { uploadsContract } from './contracts/uploads.contract.ts'
import { usersContract } from './contracts/users.contract.ts'
import { need, uniq } from './harness/services.ts'

/**
 * FerretDB v1 runs an update as query-then-write with no check in between, so two connections
 * can both "match" the same conditional update (lost updates, two winners). One connection per
 * client serialises our operations, which is what a FerretDB v1 deployment needs too; MongoDB
 * itself needs no such setting.
 */
export function singleConnection(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}maxPoolSize=1`
}

let store: DocumentStore

beforeAll(() => {
  store = createDriverDocuments({ uri: singleConnection(need('mongoUri')), database: uniq('docs_driver').replace(/-/g, '_'), timeoutMs: 10_000 })
})

afterAll(async () => {
  await store?.close?.()
})

collectionContract(() => store)
profilesContract(() => store)
uploadsContract(() => store)
usersContract(() => store)
