/**
 * Data API gateway overhead: findOne and insertOne through the edge client (data-api.ts) → the
 * gateway (its own process, as deployed) → FerretDB, against the driver adapter (driver.ts) →
 * the same FerretDB directly, in one run.
 *   npx node bench/gateway.ts [--n 1000] [--concurrency 16]
 * Starts its own FerretDB and gateway, prints progress and a table (p50, p99, ratio), stops them.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { createDataApiDocuments } from '../src/adapters/mongo/data-api.ts'
import { createDriverDocuments } from '../src/adapters/mongo/driver.ts'
import type { Collection } from '../src/ports.ts'
import { startFerretDb } from '../tools/ferretdb/server.ts'
import { progress, stopChild } from '../tools/lib/process.ts'
import { fmt, type Measurement, measure, table } from './lib/measure.ts'

const { values } = parseArgs({ options: { n: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '8' } } })
const N = Number(values.n)
const CONCURRENCY = Number(values.concurrency)
const KEY = 'bench-key'
// FerretDB v1's SQLite backend pushes only _id equality down to SQL; other filters scan the
// collection, so the seed stays small to keep the run short (and the scan cost visible).
const SEED = 200
const WARMUP = 50

/** Starts the gateway CLI as a child process and resolves its URL. */
async function startGatewayProcess(mongodbUri: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['gateway/main.ts', '--mongodb-uri', mongodbUri, '--api-key', KEY, '--port', '0', '--quiet']
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 15_000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/\S+?) /.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)))
  })
  return { url, child }
}

const started = Date.now()
progress('starting FerretDB ...')
const ferret = await startFerretDb()
progress('starting the gateway (separate process) ...')
const gateway = await startGatewayProcess(ferret.uri)
const viaGateway = createDataApiDocuments({ url: gateway.url, apiKey: KEY, dataSource: 'bench', database: 'bench_api', timeoutMs: 10_000 })
const direct = createDriverDocuments({ uri: ferret.uri, database: 'bench_driver', timeoutMs: 10_000 })

type Coll = Collection<{ user_id: string; tenant_id: string; n: number }>

interface Path {
  profiles: Coll
  inserts: Coll
  ids: unknown[]
}

async function seed(label: string, store: typeof direct): Promise<Path> {
  progress(`${label}: indexes and ${SEED} seed documents ...`)
  const profiles = store.collection('profiles') as Coll
  const inserts = store.collection('inserts') as Coll
  await profiles.createIndexes([{ key: { user_id: 1 }, name: 'user_id_1', unique: true }])
  await inserts.createIndexes([{ key: { user_id: 1 }, name: 'user_id_1', unique: true }])
  const ids: unknown[] = []
  for (let i = 0; i < SEED; i++) ids.push((await profiles.insertOne({ user_id: `u${i}`, tenant_id: `t${i % 10}`, n: i })).insertedId)
  return { profiles, inserts, ids }
}

const paths: Array<[string, Path]> = [
  ['driver', await seed('driver', direct)],
  ['gateway', await seed('gateway', viaGateway)],
]

let inserted = 0
const scenarios: Array<[string, (p: Path, i: number) => Promise<unknown>]> = [
  ['findOne by _id', (p, i) => p.profiles.findOne({ _id: p.ids[i % SEED] })],
  [`findOne by user_id (${SEED} docs)`, (p, i) => p.profiles.findOne({ user_id: `u${i % SEED}` })],
  ['insertOne (unique index)', (p) => p.inserts.insertOne({ user_id: `new-${inserted++}`, tenant_id: 't0', n: 0 })],
]

interface Row {
  scenario: string
  concurrency: number
  driver: Measurement
  gateway: Measurement
}
const rows: Row[] = []
for (const [scenario, op] of scenarios) {
  for (const concurrency of [1, CONCURRENCY]) {
    const results: Partial<Record<'driver' | 'gateway', Measurement>> = {}
    for (const [label, path] of paths) {
      await measure(WARMUP, concurrency, (i) => op(path, i))
      progress(`${scenario}, concurrency ${concurrency}, ${label}: ${N} ops ...`)
      results[label as 'driver' | 'gateway'] = await measure(N, concurrency, (i) => op(path, i))
    }
    rows.push({ scenario, concurrency, driver: results.driver!, gateway: results.gateway! })
  }
}

await Promise.all([viaGateway.close?.(), direct.close?.()])
await stopChild(gateway.child)
await ferret.stop()

const header = [
  'scenario',
  'conc',
  'driver p50 ms',
  'driver p99 ms',
  'gateway p50 ms',
  'gateway p99 ms',
  'p50 ratio',
  'p99 ratio',
  'driver ops/s',
  'gateway ops/s',
]
const body = rows.map((r) => [
  r.scenario,
  String(r.concurrency),
  fmt(r.driver.p50Ms, 2),
  fmt(r.driver.p99Ms, 2),
  fmt(r.gateway.p50Ms, 2),
  fmt(r.gateway.p99Ms, 2),
  `${fmt(r.gateway.p50Ms / r.driver.p50Ms, 2)}x`,
  `${fmt(r.gateway.p99Ms / r.driver.p99Ms, 2)}x`,
  fmt(r.driver.opsPerSec),
  fmt(r.gateway.opsPerSec),
])
process.stdout.write(`\nData API client → gateway → FerretDB vs driver → FerretDB (n=${N} per cell, loopback, FerretDB v1 SQLite)\n`)
process.stdout.write(`${table([header, ...body])}\n`)
progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
