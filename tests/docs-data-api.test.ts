/**
 * Document contracts on the edge path: createDataApiDocuments (fetch + EJSON) → the gateway
 * started by the test harness → FerretDB. One database per run of this file.
 */
import { beforeAll } from 'vitest'
import { createDataApiDocuments } from '../src/adapters/mongo/data-api.ts'
import type { DocumentStore } from '../src/ports.ts'
import { collectionContract } from './contracts/collection.contract.ts'
import { profilesContract } from './contracts/profiles.contract.ts'
import { uploadsContract } from './contracts/uploads.contract.ts'
import { usersContract } from './contracts/users.contract.ts'
import { need, uniq } from './harness/services.ts'

let store: DocumentStore

beforeAll(() => {
  store = createDataApiDocuments({
    url: need('gatewayUrl'),
    apiKey: need('gatewayKey'),
    dataSource: 'local',
    database: uniq('docs_data_api').replace(/-/g, '_'),
    timeoutMs: 10_000,
  })
})

collectionContract(() => store)
profilesContract(() => store)
uploadsContract(() => store)
usersContract(() => store)
