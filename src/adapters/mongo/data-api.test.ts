/**
 * The Data API client's own behaviour: EJSON fidelity (through the real gateway and FerretDB),
 * timeouts, network-error retries, error classes and what their messages leave out.
 * Throwaway local servers appear ONLY in the timeout/retry tests (a server that never answers,
 * a TCP relay that drops connections in front of the real gateway).
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import { createConnection, createServer as createTcpServer, type Socket } from 'node:net'
import { Decimal128, Long, ObjectId } from 'bson'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { decodeBody, encodeAnswer } from '../../../gateway/wire.ts'
import { need, uniq } from '../../../tests/harness/services.ts'
import { freePort } from '../../../tools/lib/process.ts'
import { BackendUnavailableError, UnsupportedOperationError, ValidationError } from '../../errors.ts'
import { createDataApiDocuments, DataApiError, type DataApiOptions } from './data-api.ts'
import { decodeEjson, encodeEjson } from './ejson.ts'

const SECRET = 'card-4111-1111-1111-1111'
const database = uniq('client')

function client(over: Partial<DataApiOptions> = {}) {
  return createDataApiDocuments({ url: need('gatewayUrl'), apiKey: need('gatewayKey'), dataSource: 'ferret', database, ...over })
}

/** A fetch that counts the attempts it makes (the requests still go over the network). */
function countingFetch(): { calls: number; fetch: typeof fetch } {
  const counter = { calls: 0, fetch }
  counter.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    counter.calls++
    return fetch(input, init)
  }) as typeof fetch
  return counter
}

/** Every message in an error's cause chain. */
function messages(err: unknown): string {
  const parts: string[] = []
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 10; e = e.cause as typeof e, i++) parts.push(String(e.message))
  return parts.join(' | ')
}

describe('EJSON', () => {
  it('ObjectId, Date, Long and Decimal128 survive client encode → gateway decode/encode → client decode', () => {
    const value = {
      id: new ObjectId(),
      at: new Date('2030-01-02T03:04:05.006Z'),
      long: Long.fromString('-9223372036854775808'),
      dec: Decimal128.fromString('12345678901234567890.123456789'),
      n: 42,
      big: 1_700_000_000_000,
      f: 1.5,
    }
    const atGateway = decodeBody(encodeEjson({ document: value }), 'ejson')
    const back = decodeEjson(encodeAnswer(atGateway, 'ejson')) as { document: typeof value }
    expect(String(back.document.id)).toBe(value.id.toHexString())
    expect(back.document.at.getTime()).toBe(value.at.getTime())
    expect(back.document.long).toBeInstanceOf(Long)
    expect(back.document.long.toString()).toBe('-9223372036854775808')
    expect(back.document.dec).toBeInstanceOf(Decimal128)
    expect(back.document.dec.toString()).toBe('12345678901234567890.123456789')
    expect([back.document.n, back.document.big, back.document.f]).toEqual([42, 1_700_000_000_000, 1.5])
  })

  it('ObjectId, Date and Long survive a round trip through gateway → FerretDB, also inside arrays', async () => {
    const coll = client().collection(uniq('ejson'))
    const ids = [new ObjectId(), new ObjectId()]
    const when = new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999))
    const { insertedId } = await coll.insertOne({ ids, when, counters: [Long.fromNumber(2 ** 53).add(1), Long.fromNumber(-5)] })
    const back = await coll.findOne({ _id: insertedId })
    expect((back!.ids as ObjectId[]).map(String)).toEqual(ids.map(String))
    expect((back!.when as Date).getTime()).toBe(when.getTime())
    expect((back!.counters as Long[]).map((l) => [l instanceof Long, l.toString()])).toEqual([
      [true, '9007199254740993'],
      [true, '-5'],
    ])
    expect(await coll.count({ ids: ids[1], when })).toBe(1)
  })

  it('Decimal128 reaches the gateway intact; FerretDB v1 cannot store it, which is a clear NotSupported error', async () => {
    const coll = client().collection(uniq('decimal'))
    const err = await coll.insertOne({ price: Decimal128.fromString('9.99'), note: SECRET }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UnsupportedOperationError)
    expect((err as Error).cause).toMatchObject({ name: 'DataApiError', status: 501, code: 'NotSupported', action: 'insertOne' })
    expect(messages(err)).not.toContain(SECRET)
  })
})

describe('errors', () => {
  it('a wrong key is a DataApiError 401 InvalidSession, for actions and ping', async () => {
    const bad = client({ apiKey: 'wrong-key' })
    const err = await bad
      .collection('x')
      .findOne({})
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DataApiError)
    expect(err).toMatchObject({ status: 401, code: 'InvalidSession' })
    await expect(bad.ping()).rejects.toMatchObject({ name: 'DataApiError', status: 401 })
    await expect(client().ping()).resolves.toBeUndefined()
  })

  it('a refused operator is a ValidationError; the message names the operator, not the body', async () => {
    const err = await client()
      .collection('x')
      .find({ note: SECRET, $where: 'true' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect(String((err as Error).message)).toContain('$where')
    expect(messages(err)).not.toContain(SECRET)
  })

  it('more matches than maxFindLimit without a limit is a ValidationError, not a silent truncation', async () => {
    const coll = client({ maxFindLimit: 3 }).collection(uniq('cap'))
    for (let i = 0; i < 4; i++) await coll.insertOne({ i })
    await expect(coll.find({})).rejects.toBeInstanceOf(ValidationError)
    expect(await coll.find({}, { limit: 2 })).toHaveLength(2)
  })

  it('HTTP error answers are not retried', async () => {
    const counter = countingFetch()
    await expect(client({ apiKey: 'wrong-key', fetch: counter.fetch }).collection('x').count({})).rejects.toBeInstanceOf(DataApiError)
    expect(counter.calls).toBe(1)
  })
})

describe('timeouts and retries (throwaway local servers)', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })

  /** An HTTP server that accepts requests and never answers. */
  async function silentServer(): Promise<string> {
    const server: Server = createHttpServer(() => undefined)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections()
          server.close(() => r())
        }),
    )
    const addr = server.address() as { port: number }
    return `http://127.0.0.1:${addr.port}`
  }

  /** A TCP relay to the real gateway that drops the first `drop` connections at once. */
  async function flakyRelay(drop: number): Promise<string> {
    const target = new URL(need('gatewayUrl'))
    const sockets = new Set<Socket>()
    let seen = 0
    const relay = createTcpServer((inbound) => {
      sockets.add(inbound)
      inbound.on('close', () => sockets.delete(inbound))
      if (seen++ < drop) return void inbound.destroy()
      const outbound = createConnection(Number(target.port), target.hostname)
      sockets.add(outbound)
      outbound.on('close', () => sockets.delete(outbound))
      inbound.pipe(outbound).pipe(inbound)
      inbound.on('error', () => outbound.destroy())
      outbound.on('error', () => inbound.destroy())
    })
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r))
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy()
          relay.close(() => r())
        }),
    )
    return `http://127.0.0.1:${(relay.address() as { port: number }).port}`
  }

  it('a gateway that never answers → BackendUnavailableError(timeout) after about timeoutMs, without the body', async () => {
    const url = await silentServer()
    const counter = countingFetch()
    const started = Date.now()
    const err = await client({ url, timeoutMs: 300, fetch: counter.fetch })
      .collection('x')
      .insertOne({ note: SECRET })
      .catch((e: unknown) => e)
    const elapsed = Date.now() - started
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect(err).toMatchObject({ backend: 'mongodb', reason: 'timeout' })
    expect(elapsed).toBeGreaterThanOrEqual(280)
    expect(elapsed).toBeLessThan(2000)
    expect(counter.calls).toBe(1)
    expect(messages(err)).not.toContain(SECRET)
  })

  it('network errors are retried with backoff, and the call then succeeds', async () => {
    const url = await flakyRelay(2)
    const counter = countingFetch()
    const coll = client({ url, retries: 2, fetch: counter.fetch }).collection(uniq('retry'))
    const { insertedId } = await coll.insertOne({ v: 1 })
    expect(counter.calls).toBe(3)
    expect(await coll.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual({ v: 1 })
    expect(await coll.count({})).toBe(1)
  })

  it('when retries run out the error is BackendUnavailableError(unreachable), without the body', async () => {
    const url = `http://127.0.0.1:${await freePort()}`
    const counter = countingFetch()
    const err = await client({ url, retries: 2, fetch: counter.fetch })
      .collection('x')
      .insertOne({ note: SECRET })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect(err).toMatchObject({ reason: 'unreachable' })
    expect(counter.calls).toBe(3)
    expect(messages(err)).not.toContain(SECRET)
  })

  it('retries stay within the one deadline of the call', async () => {
    const url = await flakyRelay(1000)
    const started = Date.now()
    const err = await client({ url, retries: 50, timeoutMs: 250 })
      .collection('x')
      .count({})
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackendUnavailableError)
    expect(Date.now() - started).toBeLessThan(1500)
  })
})
