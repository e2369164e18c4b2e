/**
 * `npm run bench`: the gate benchmark, in one run (about a minute, loopback only).
 * Starts its own stack (bench/scenario-stack.ts: redis-server, 2x redis-http, FerretDB, the Data
 * API gateway, 2x the gatehouse app on @hono/node-server in remote mode, a bare Hono baseline),
 * then loads with autocannon, for each row:
 *   - a bare Hono route (no middleware, no backend);
 *   - an authenticated, cached GET through the whole gatehouse stack (JWT + session + revocation
 *     + rate limits + usage counter + plan quota + cache read: one Redis round trip);
 *   - the same with an API key (X-API-Key: key record + its own limit + tenant budget + cache read);
 *   - the same with D ms of injected Redis delay (redis-http --delay-ms), as from an edge far
 *     from its Redis;
 * and prints requests/s, p50/p99 latency and Redis HTTP requests per API request (redis-http's
 * own counter). Flags: --duration S (per row, about; default 10), --connections N (default 32),
 * --delay-ms D (default 10). Afterwards the other helpers' benches can be run on their own:
 * bench/redis-http.ts (redis-http overhead vs TCP).
 */
import { parseArgs } from 'node:util'
import { progress } from '../tools/lib/process.ts'
import { fmt, table } from './lib/measure.ts'
import { CACHED_GET, type LoadResult, load, prepareAccount, prepareApiKey } from './scenario-gate.ts'
import { REDIS_TOKEN, startStack } from './scenario-stack.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'delay-ms': { type: 'string', default: '10' },
  },
})
const durationSeconds = Number(values.duration)
const connections = Number(values.connections)
const delayMs = Number(values['delay-ms'])
for (const [name, v] of [
  ['--duration', durationSeconds],
  ['--connections', connections],
  ['--delay-ms', delayMs],
] as const) {
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`)
}

const started = Date.now()
const stack = await startStack({ delayMs })
let exitCode = 0
try {
  progress(`bench: stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const auth = await prepareAccount([stack.apps.fast, stack.apps.delayed])
  const rows: Array<[string, LoadResult]> = []
  const run = async (label: string, url: string, headers: Record<string, string> = {}, redisHttp?: string) => {
    // A short warm-up (JIT, connection pools), not measured; it also sizes the measured run:
    // a fixed number of requests (~durationSeconds long), so none is left in flight uncounted.
    const warm = await load({ url, headers, connections, durationSeconds: 2 })
    await new Promise((r) => setTimeout(r, 1000)) // the warm-up's abandoned requests finish first
    const amount = Math.max(connections * 20, Math.round(warm.rps * durationSeconds))
    progress(`bench: ${label}: ${amount} requests (~${durationSeconds} s) at ${connections} connections ...`)
    const r = await load({ url, headers, connections, amount, ...(redisHttp ? { redisHttp: { url: redisHttp, token: REDIS_TOKEN } } : {}) })
    rows.push([label, r])
    progress(
      `bench: ${label}: ${r.requests} requests in ${fmt(r.seconds, 1)} s, ${fmt(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.failed ? `, ${r.failed} failed` : ''}`,
    )
  }
  await run('bare Hono route (GET /bare)', `${stack.bareUrl}/bare`)
  await run(`gatehouse cached GET, Redis +0 ms`, `${stack.apps.fast}${CACHED_GET}`, auth, stack.redisHttp.fast)
  const apiKey = await prepareApiKey(stack.apps.fast, auth)
  await run(`gatehouse cached GET with an API key, Redis +0 ms`, `${stack.apps.fast}${CACHED_GET}`, apiKey, stack.redisHttp.fast)
  await run(`gatehouse cached GET, Redis +${delayMs} ms`, `${stack.apps.delayed}${CACHED_GET}`, auth, stack.redisHttp.delayed)

  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'Redis HTTP req / API req', 'Redis cmds / API req', 'requests', 'seconds', 'non-2xx']
  const body = rows.map(([label, r]) => [
    label,
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.redisPerRequest === undefined ? '-' : fmt(r.redisPerRequest, 3),
    r.commandsPerRequest === undefined ? '-' : fmt(r.commandsPerRequest, 1),
    String(r.requests),
    fmt(r.seconds, 1),
    String(r.failed),
  ])
  process.stdout.write(
    `\ngatehouse gate benchmark — ~${durationSeconds} s per row, ${connections} connections, loopback; cached GET = GET ${CACHED_GET} with a bearer token\n\n`,
  )
  process.stdout.write(`${table([header, ...body])}\n\n`)
  if (rows.some(([, r]) => r.failed > 0)) {
    process.stderr.write('bench: some requests failed (see non-2xx)\n')
    exitCode = 1
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
