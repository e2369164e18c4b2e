/**
 * `npm run bench`: every figure of the gate benchmark in ONE run and ONE table (a few minutes,
 * loopback only). Starts its own stack (bench/scenario-stack.ts), then loads it with autocannon:
 *
 * 1. throughput at N connections, the scenarios interleaved in rounds (so a change of machine
 *    load touches them alike): a bare Hono route; "the floor" (Hono + jose verification of the
 *    same token + one fetch of a one-command Redis pipeline); the gatehouse cached GET (remote
 *    mode: JWT + session + revocation + rate limits + cache read in one Redis round trip); the
 *    embedded app's cached GET and GET /auth/me, and its /health/live (the app's least). Each
 *    row has the serving process's own CPU time per request (its process.cpuUsage(), reported
 *    over IPC: lib/child.ts) and Redis HTTP requests per API request (redis-http's counter);
 * 2. latency at 1 connection: the cached GET; the floor and the cached GET with R ms injected
 *    Redis delay (the floor's row shows what the delay chain alone costs here); the same
 *    with D ms injected Data API delay (a delay proxy in front of the gateway), cached and
 *    uncached (a filter no request used before, so every one misses).
 * Latencies come from the bench's own µs histogram (lib/latency.ts). Goals are checked in the
 * table. Flags: --duration S (per row, about; default 10), --rounds N (default 3),
 * --connections N (default 32), --redis-delay-ms R (10), --docs-delay-ms D (50),
 * --json (also writes bench/results/latest.json), --profile DIR (CPU profiles of the apps
 * during the throughput rounds — they slow the apps down: not for figures; summarise them with
 * bench/profile-summary.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { progress } from '../tools/lib/process.ts'
import type { Child } from './lib/child.ts'
import { LatencyRecorder } from './lib/latency.ts'
import { fmt, table } from './lib/measure.ts'
import { CACHED_GET, type LoadOptions, load, prepareAccount, prepareApiKey, uncachedPaths } from './scenario-gate.ts'
import { REDIS_TOKEN, startStack } from './scenario-stack.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    'redis-delay-ms': { type: 'string', default: '10' },
    'docs-delay-ms': { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
})
const durationSeconds = Number(values.duration)
const rounds = Number(values.rounds)
const connections = Number(values.connections)
const redisDelayMs = Number(values['redis-delay-ms'])
const docsDelayMs = Number(values['docs-delay-ms'])
for (const [name, v] of [
  ['--duration', durationSeconds],
  ['--rounds', rounds],
  ['--connections', connections],
  ['--redis-delay-ms', redisDelayMs],
  ['--docs-delay-ms', docsDelayMs],
] as const) {
  if (!Number.isFinite(v) || v < 0 || ((name === '--rounds' || name === '--connections') && v < 1)) throw new Error(`${name} must be a positive number`)
}

/** One measured row: what was loaded and everything accumulated over its runs. */
interface Row {
  id: string
  label: string
  connections: number
  target: Omit<LoadOptions, 'connections' | 'amount' | 'durationSeconds' | 'latency'>
  requests: number
  seconds: number
  failed: number
  cpuUs: number
  redisRequests?: number
  latency: LatencyRecorder
  /** Requests per run (sized from the warm-up). */
  amount: number
}

const row = (id: string, label: string, conns: number, target: Row['target']): Row => ({
  id,
  label,
  connections: conns,
  target,
  requests: 0,
  seconds: 0,
  failed: 0,
  cpuUs: 0,
  latency: new LatencyRecorder(),
  amount: 0,
})

/** Warms a row up (JIT, connection pools; not measured) and sizes its runs to ~`seconds` each. */
async function warm(r: Row, seconds: number, warmSeconds: number): Promise<void> {
  const { app: _app, redisHttp: _redis, ...target } = r.target
  const w = await load({ ...target, connections: r.connections, durationSeconds: warmSeconds })
  await new Promise((res) => setTimeout(res, 500)) // the warm-up's abandoned requests finish first
  r.amount = Math.max(r.connections * 20, Math.round((w.requests / w.seconds) * seconds))
}

/** One measured run of a row, added to its totals. */
async function measure(r: Row): Promise<void> {
  const res = await load({ ...r.target, connections: r.connections, amount: r.amount, latency: r.latency })
  r.requests += res.requests
  r.seconds += res.seconds
  r.failed += res.failed
  r.cpuUs += res.cpuUs ?? 0
  if (res.redisRequests !== undefined) r.redisRequests = (r.redisRequests ?? 0) + res.redisRequests
  progress(
    `bench: ${r.label} (${r.connections} conn): ${res.requests} requests in ${fmt(res.seconds, 1)} s, ${fmt(res.requests / res.seconds)} req/s${res.failed ? `, ${res.failed} FAILED` : ''}`,
  )
}

const rps = (r: Row) => r.requests / r.seconds
const cpuPerRequest = (r: Row) => r.cpuUs / r.requests
const p50 = (r: Row) => r.latency.percentileUs(0.5)
const p99 = (r: Row) => r.latency.percentileUs(0.99)

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  os: type(),
  node: process.version,
}
const loadBefore = loadavg()
const started = Date.now()
progress(`bench: ${machine.cores} cores (${machine.cpu}), load average ${loadBefore.map((l) => fmt(l, 2)).join(' ')}`)
const stack = await startStack({ redisDelayMs, docsDelayMs })
let exitCode = 0
try {
  progress(`bench: stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const auth = await prepareAccount([stack.apps.fast.url, stack.apps.slowRedis.url, stack.apps.slowDocs.url])
  const embeddedAuth = await prepareAccount([stack.apps.embedded.url])
  const apiKey = await prepareApiKey(stack.apps.fast.url, auth)
  const fastRedis = { url: stack.redisHttp.fast, token: REDIS_TOKEN }
  const slowRedis = { url: stack.redisHttp.slow, token: REDIS_TOKEN }
  const { fast, slowDocs, embedded } = stack.apps
  const N = connections

  // ---- 1. throughput, interleaved rounds ----
  const throughput = [
    row('bare', 'bare Hono route (GET /bare)', N, { url: `${stack.bare.url}/bare`, app: stack.bare }),
    row('floor', 'the floor: Hono + jose + 1 Redis fetch', N, { url: `${stack.floor.url}/floor`, headers: auth, app: stack.floor, redisHttp: fastRedis }),
    row('cached', 'gatehouse cached GET (remote, Redis +0 ms)', N, { url: `${fast.url}${CACHED_GET}`, headers: auth, app: fast, redisHttp: fastRedis }),
    row('cached-key', 'gatehouse cached GET with an API key (remote, Redis +0 ms)', N, {
      url: `${fast.url}${CACHED_GET}`,
      headers: apiKey,
      app: fast,
      redisHttp: fastRedis,
    }),
    row('embedded-cached', 'embedded: cached GET', N, { url: `${embedded.url}${CACHED_GET}`, headers: embeddedAuth, app: embedded }),
    row('embedded-me', 'embedded: GET /auth/me', N, { url: `${embedded.url}/api/v1/auth/me`, headers: embeddedAuth, app: embedded }),
    row('embedded-live', 'embedded: GET /health/live (no token, no store)', N, { url: `${embedded.url}/health/live`, app: embedded }),
  ]
  for (const r of throughput) {
    progress(`bench: warming up ${r.label} ...`)
    await warm(r, durationSeconds / rounds, 3)
  }
  const profiles = values.profile ? await startProfiles(values.profile, [fast, embedded]) : null
  for (let round = 1; round <= rounds; round++) {
    progress(`bench: throughput round ${round}/${rounds} (~${fmt((durationSeconds / rounds) * throughput.length)} s) ...`)
    for (const r of throughput) await measure(r)
  }
  await profiles?.()

  // ---- 2. latency at 1 connection ----
  const latencyRows = [
    row('cached-1', 'gatehouse cached GET (remote, Redis +0 ms)', 1, { url: `${fast.url}${CACHED_GET}`, headers: auth, app: fast, redisHttp: fastRedis }),
    row('floor-delay-1', `the floor, Redis +${redisDelayMs} ms`, 1, {
      url: `${stack.slowFloor.url}/floor`,
      headers: auth,
      app: stack.slowFloor,
      redisHttp: slowRedis,
    }),
    row('redis-delay-1', `gatehouse cached GET, Redis +${redisDelayMs} ms`, 1, {
      url: `${stack.apps.slowRedis.url}${CACHED_GET}`,
      headers: auth,
      app: stack.apps.slowRedis,
      redisHttp: slowRedis,
    }),
    row('docs-cached-1', `gatehouse cached GET, Data API +${docsDelayMs} ms`, 1, { url: `${slowDocs.url}${CACHED_GET}`, headers: auth, app: slowDocs }),
    row('docs-uncached-1', `gatehouse uncached GET, Data API +${docsDelayMs} ms`, 1, {
      url: slowDocs.url,
      nextPath: uncachedPaths(),
      headers: auth,
      app: slowDocs,
    }),
  ]
  for (const r of latencyRows) {
    progress(`bench: ${r.label} at 1 connection (~${durationSeconds} s) ...`)
    await warm(r, durationSeconds, 2)
    await measure(r)
  }

  // ---- the table ----
  const byId = new Map([...throughput, ...latencyRows].map((r) => [r.id, r]))
  const get = (id: string) => byId.get(id)!
  const pct = (a: number, b: number) => `${fmt((100 * a) / b)} %`
  const checks: Record<string, { vs: string; goal: string; met: boolean | undefined }> = {
    cached: {
      vs: `CPU ${fmt(cpuPerRequest(get('cached')) / cpuPerRequest(get('floor')), 2)}× floor`,
      goal: '≤ 2× floor',
      met: cpuPerRequest(get('cached')) <= 2 * cpuPerRequest(get('floor')),
    },
    'embedded-cached': {
      vs: `${pct(rps(get('embedded-cached')), rps(get('bare')))} of bare`,
      goal: '≥ 35 % of bare',
      met: rps(get('embedded-cached')) >= 0.35 * rps(get('bare')),
    },
    'embedded-me': {
      vs: `${pct(rps(get('embedded-me')), rps(get('bare')))} of bare`,
      goal: '≥ 40 % of bare',
      met: rps(get('embedded-me')) >= 0.4 * rps(get('bare')),
    },
    'embedded-live': {
      vs: `${pct(rps(get('embedded-live')), rps(get('bare')))} of bare`,
      goal: '',
      met: undefined,
    },
    'redis-delay-1': {
      vs: `p50 ${fmt(p50(get('redis-delay-1')) / 1000, 2)} ms (floor +${fmt((p50(get('redis-delay-1')) - p50(get('floor-delay-1'))) / 1000, 2)}), p99 ${fmt(p99(get('redis-delay-1')) / 1000, 2)} ms`,
      goal: 'p50 ≤ 11, p99 ≤ 15 ms',
      met: p50(get('redis-delay-1')) <= 11_000 && p99(get('redis-delay-1')) <= 15_000,
    },
    'docs-uncached-1': {
      vs: `cached p50 ${pct(p50(get('docs-cached-1')), p50(get('docs-uncached-1')))} of this`,
      goal: 'cached p50 ≤ 10 %',
      met: p50(get('docs-cached-1')) <= 0.1 * p50(get('docs-uncached-1')),
    },
  }
  const rows = [...throughput, ...latencyRows].map((r) => ({
    id: r.id,
    label: r.label,
    connections: r.connections,
    requests: r.requests,
    seconds: Number(fmt(r.seconds, 2)),
    rps: Math.round(rps(r)),
    p50Us: Math.round(p50(r)),
    p99Us: Math.round(p99(r)),
    cpuUsPerRequest: Number(fmt(cpuPerRequest(r), 1)),
    ...(r.redisRequests !== undefined ? { redisPerRequest: Number(fmt(r.redisRequests / r.requests, 3)) } : {}),
    failed: r.failed,
    ...(checks[r.id] ?? {}),
  }))
  const header = ['scenario', 'conns', 'req/s', 'p50 µs', 'p99 µs', 'app CPU µs/req', 'Redis req/API req', 'compared', 'goal', 'met']
  const body = rows.map((r) => [
    r.label,
    String(r.connections),
    String(r.rps),
    String(r.p50Us),
    String(r.p99Us),
    fmt(r.cpuUsPerRequest, 1),
    r.redisPerRequest === undefined ? '-' : fmt(r.redisPerRequest, 3),
    r.vs ?? '',
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ])
  const loadAfter = loadavg()
  const text = [
    `gatehouse benchmark — ${machine.cores} cores (${machine.cpu}), ${machine.os}, Node ${machine.node}; load average ${loadBefore.map((l) => fmt(l, 2)).join(' ')} before, ${loadAfter.map((l) => fmt(l, 2)).join(' ')} after`,
    `throughput rows: ${rounds} interleaved rounds, ~${durationSeconds} s each in all, ${connections} connections; latency rows ~${durationSeconds} s; cached GET = GET ${CACHED_GET} with a bearer token`,
    '',
    table([header, ...body]),
  ].join('\n')
  process.stdout.write(`\n${text}\n\n`)
  const failed = rows.filter((r) => r.failed > 0)
  if (failed.length > 0) {
    process.stderr.write(`bench: some requests failed: ${failed.map((r) => `${r.label}: ${r.failed}`).join('; ')}\n`)
    exitCode = 1
  }
  const missed = rows.filter((r) => r.met === false)
  progress(missed.length === 0 ? 'bench: every goal met' : `bench: goals missed: ${missed.map((r) => r.label).join('; ')}`)
  if (values.json) {
    const dir = join(import.meta.dirname, 'results')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'latest.json')
    const options = { durationSeconds, rounds, connections, redisDelayMs, docsDelayMs }
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine, loadAverage: { before: loadBefore, after: loadAfter }, options, rows, table: text }, null, 2)}\n`,
    )
    progress(`bench: wrote ${file}`)
  }
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  exitCode = 1
} finally {
  progress('bench: stopping the stack ...')
  await stack.stop()
  progress(`bench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
process.exit(exitCode)

/** Starts the CPU profilers of the apps; the returned function stops them and writes the files. */
async function startProfiles(dir: string, apps: Child[]): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true })
  const running = await Promise.all(apps.map(async (a) => ({ app: a, p: await a.profile() })))
  return async () => {
    for (const { app, p } of running) {
      const file = join(dir, `${app.name.replace(/[^A-Za-z0-9]+/g, '-')}.cpuprofile`)
      await p.stop(file)
      progress(`bench: profile of ${app.name} in ${file}`)
    }
  }
}
