/**
 * Two independent third-party Data API clients from npm run the same CRUD + aggregate scenario
 * (gateway/client-scenario.ts) against the real gateway on the harness's FerretDB:
 *   - `mongodb-data-api` (axios; plain JSON; sends the `api-key` header),
 *   - `@taskless/mongo-data-api` (fetch; EJSON; apiKey, email/password, jwtTokenString, Bearer).
 * Each runs on both URL shapes. The only stand-in is the local JWKS server for the JWT forms.
 */
import { type AuthOptions, EJSON, MongoClient as TasklessClient, ObjectId as TasklessObjectId } from '@taskless/mongo-data-api'
import { createMongoDBDataAPI } from 'mongodb-data-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { need, uniq } from '../tests/harness/services.ts'
import { type Doc, runScenario, type ScenarioClient } from './client-scenario.ts'
import { hashPassword } from './passwords.ts'
import { type RunningGateway, startGateway } from './server.ts'
import { startTestJwks, type TestJwks } from './test-jwks.ts'

const KEY = 'clients-key-0123456789'
const EMAIL = 'client@example.com'
const PASSWORD = 'client password'
const APP_ID = 'data-abcde'
const db = uniq('clients')
let gw: RunningGateway
let jwks: TestJwks

beforeAll(async () => {
  jwks = await startTestJwks()
  gw = await startGateway({
    mongodbUri: need('mongoUri'),
    apiKeys: [KEY],
    users: { [EMAIL]: { passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }) } },
    jwt: { jwksUrl: jwks.url },
    appIds: [APP_ID],
    port: 0,
    quiet: true,
  })
})

afterAll(async () => {
  await gw?.close()
  await jwks?.close()
})

/** Both URL shapes, as each client's "endpoint" (the client appends `/action/<name>`). */
const endpoints = () => ({ atlas: `${gw.url}/app/${APP_ID}/endpoint/data/v1`, short: gw.url })
type Shape = keyof ReturnType<typeof endpoints>

/** `mongodb-data-api`: resolves with the answer body, rejects with axios' error JSON. */
function surmonClient(shape: Shape, collection: string, apiKey = KEY) {
  return createMongoDBDataAPI({ apiKey, urlEndpoint: endpoints()[shape] }).$cluster('ferret').$database(db).$collection<Doc>(collection)
}

function surmonScenario(shape: Shape, collection: string): ScenarioClient {
  const c = surmonClient(shape, collection)
  return {
    insertOne: async (document) => (await c.insertOne({ document })).insertedId,
    insertMany: async (documents) => (await c.insertMany({ documents })).insertedIds,
    findOne: async (filter) => (await c.findOne({ filter })).document,
    find: async (filter, { sort, limit }) => (await c.find({ filter, sort, limit })).documents,
    updateOne: async (filter, update) => {
      const { matchedCount, modifiedCount } = await c.updateOne({ filter, update })
      return { matchedCount, modifiedCount }
    },
    deleteOne: async (filter) => (await c.deleteOne({ filter })).deletedCount,
    aggregate: async (pipeline) => (await c.aggregate({ pipeline })).documents,
    // plain JSON: the gateway reads it as relaxed EJSON, so {$oid} is an ObjectId
    byId: (id) => ({ _id: { $oid: id } }),
  }
}

/** `@taskless/mongo-data-api`: answers are `{data, error}`; an error is thrown here. */
function tasklessCollection(shape: Shape, collection: string, auth: AuthOptions) {
  return new TasklessClient({ endpoint: endpoints()[shape], dataSource: 'ferret', auth }).db(db).collection<Doc>(collection)
}

async function unwrap<T>(p: Promise<{ data?: T; error?: Error }>): Promise<T> {
  const { data, error } = await p
  if (error) throw error
  return data as T
}

function tasklessScenario(shape: Shape, collection: string, auth: AuthOptions): ScenarioClient {
  const c = tasklessCollection(shape, collection, auth)
  return {
    insertOne: async (document) => String((await unwrap(c.insertOne(document))).insertedId),
    insertMany: async (documents) => (await unwrap(c.insertMany(documents))).insertedIds.map(String),
    findOne: (filter) => unwrap(c.findOne(filter)),
    find: (filter, options) => unwrap(c.find(filter, options)),
    updateOne: async (filter, update) => {
      const { matchedCount, modifiedCount } = await unwrap(c.updateOne(filter, update))
      return { matchedCount, modifiedCount }
    },
    deleteOne: async (filter) => (await unwrap(c.deleteOne(filter))).deletedCount,
    // its typings say Document[][]; at run time it resolves the `documents` array
    aggregate: async (pipeline) => (await unwrap(c.aggregate(pipeline))) as unknown as Doc[],
    byId: (id) => ({ _id: new TasklessObjectId(id) }),
  }
}

describe('mongodb-data-api (npm) — api-key header, plain JSON', () => {
  for (const shape of ['atlas', 'short'] as const) {
    it(`CRUD + aggregate on the ${shape} URL shape`, async () => {
      await runScenario(surmonScenario(shape, uniq(`surmon-${shape}`)))
    })
  }

  it('a wrong key is refused with 401 in the Atlas error shape', async () => {
    const failure = await surmonClient('atlas', 'x', 'wrong-key')
      .find({ filter: {} })
      .then(
        () => undefined,
        (err: { status?: number }) => err,
      )
    expect(failure?.status).toBe(401)
  })
})

describe('@taskless/mongo-data-api (npm) — every auth form it has, EJSON', () => {
  const forms: Array<[string, () => Promise<AuthOptions>]> = [
    ['apiKey', async () => ({ apiKey: KEY })],
    ['email + password', async () => ({ email: EMAIL, password: PASSWORD })],
    ['jwtTokenString', async () => ({ jwtTokenString: await jwks.sign({ sub: 'taskless' }) })],
    ['Bearer API key', async () => ({ bearerToken: KEY })],
    ['Bearer JWT', async () => ({ bearerToken: await jwks.sign({ sub: 'taskless' }) })],
  ]
  for (const [form, auth] of forms) {
    for (const shape of ['atlas', 'short'] as const) {
      it(`CRUD + aggregate with ${form} on the ${shape} URL shape`, async () => {
        await runScenario(tasklessScenario(shape, uniq(`taskless-${shape}`), await auth()))
      })
    }
  }

  it('EJSON types survive the round trip (Date, ObjectId, a Long within 2^53)', async () => {
    const c = tasklessCollection('atlas', uniq('taskless-ejson'), { apiKey: KEY })
    const at = new Date('2024-05-01T10:00:00.000Z')
    const ref = new TasklessObjectId()
    // The client sends RELAXED EJSON (under Content-Type application/ejson): a Long travels as a
    // JSON number, so one beyond 2^53 loses precision before it leaves the client.
    const big = EJSON.parse('{"$numberLong":"1099511627776"}', { relaxed: false })
    const { insertedId } = await unwrap(c.insertOne({ at, ref, big }))
    const doc = await unwrap(c.findOne({ _id: insertedId }))
    expect(doc?.at).toEqual(at)
    expect(String(doc?.ref)).toBe(ref.toHexString())
    expect(Number(doc?.big)).toBe(2 ** 40)
    // the Date works in a filter as well
    expect((await unwrap(c.find({ at: { $gte: at } }))).map((d) => String(d._id))).toEqual([String(insertedId)])
  })

  it('findOne with a sort (which the client sends when given) picks by that order', async () => {
    const c = tasklessCollection('short', uniq('taskless-sort'), { apiKey: KEY })
    await unwrap(c.insertMany([{ n: 2 }, { n: 9 }, { n: 4 }]))
    expect(await unwrap(c.findOne({}, { sort: { n: -1 }, projection: { _id: 0 } }))).toEqual({ n: 9 })
    expect(await unwrap(c.findOne({}, { sort: { n: 1 }, projection: { _id: 0 } }))).toEqual({ n: 2 })
  })

  it('wrong credentials come back as the client error with status 401; an unknown app id as 404', async () => {
    for (const auth of [{ apiKey: 'nope' }, { email: EMAIL, password: 'nope' }, { jwtTokenString: 'a.b.c' }, { bearerToken: 'nope' }]) {
      const { error } = await tasklessCollection('atlas', 'x', auth).find({})
      expect((error as { code?: number } | undefined)?.code).toBe(401)
    }
    const other = new TasklessClient({ endpoint: `${gw.url}/app/data-other/endpoint/data/v1`, dataSource: 'ferret', auth: { apiKey: KEY } })
    const { error } = await other.db(db).collection('x').find({})
    expect((error as { code?: number } | undefined)?.code).toBe(404)
  })
})
