/**
 * redis-http overhead: the same GET/SET workload through @upstash/redis → redis-http (HTTP, in its
 * own process, as deployed) and through ioredis straight to redis-server over TCP, in one run.
 *   npx node bench/redis-http.ts [--n 2000] [--concurrency 50] [--delay-ms 0]
 * Starts its own redis-server and redis-http, prints progress and a table, then stops them.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { Ratelimit } from '@upstash/ratelimit'
import { Redis as UpstashRedis } from '@upstash/redis'
import { Redis as IoRedis } from 'ioredis'
import { progress, stopChild } from '../tools/lib/process.ts'
import { startRedisServer } from '../tools/lib/redis-server.ts'
import { fmt, type Measurement, measure, table } from './lib/measure.ts'

const { values } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '50' }, 'delay-ms': { type: 'string', default: '0' } },
})
const N = Number(values.n)
const CONCURRENCY = Number(values.concurrency)
const DELAY_MS = Number(values['delay-ms'])
const TOKEN = 'bench-token'
const VALUE = 'v'.repeat(64)
const KEYS = 1000

/** Starts the redis-http CLI as a child process and resolves its URL. */
async function startRedisHttpProcess(redisUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['tools/redis-http/main.ts', '--redis', redisUrl, '--token', TOKEN, '--port', '0', '--delay-ms', String(DELAY_MS)]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`redis-http did not start: ${out}`)), 15_000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`redis-http exited with ${code}: ${out}`)))
  })
  return { url, child }
}

async function serverStats(url: string, reset = false): Promise<{ requests: number; commands: number }> {
  const res = await fetch(`${url}/_stats${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET', headers: { authorization: `Bearer ${TOKEN}` } })
  return (await res.json()) as { requests: number; commands: number }
}

progress('starting redis-server ...')
const redisServer = await startRedisServer()
progress('starting redis-http (separate process) ...')
const http = await startRedisHttpProcess(redisServer.url)
const tcp = new IoRedis(redisServer.url)
const upstash = new UpstashRedis({ url: http.url, token: TOKEN })
const key = (i: number) => `bench:${i % KEYS}`

interface Row {
  scenario: string
  tcp: Measurement
  http: Measurement
  httpRequests: number
}
const rows: Row[] = []
let ratelimit: { checks: number; requests: number; commands: number; m: Measurement } | undefined
try {
  progress(`warm-up ...`)
  await measure(300, 1, (i) => upstash.set(key(i), VALUE))
  await measure(300, 1, (i) => tcp.set(key(i), VALUE))

  const scenarios: Array<[string, number, (c: 'tcp' | 'http') => (i: number) => Promise<unknown>]> = [
    ['SET sequential', 1, (c) => (c === 'tcp' ? (i) => tcp.set(key(i), VALUE) : (i) => upstash.set(key(i), VALUE))],
    ['GET sequential', 1, (c) => (c === 'tcp' ? (i) => tcp.get(key(i)) : (i) => upstash.get(key(i)))],
    [`SET concurrent ×${CONCURRENCY}`, CONCURRENCY, (c) => (c === 'tcp' ? (i) => tcp.set(key(i), VALUE) : (i) => upstash.set(key(i), VALUE))],
    [`GET concurrent ×${CONCURRENCY}`, CONCURRENCY, (c) => (c === 'tcp' ? (i) => tcp.get(key(i)) : (i) => upstash.get(key(i)))],
  ]
  for (const [scenario, concurrency, op] of scenarios) {
    const n = concurrency === 1 ? N : N * 5
    progress(`${scenario}: ${n} ops via ioredis TCP ...`)
    const tcpM = await measure(n, concurrency, op('tcp'))
    progress(`${scenario}: ${n} ops via @upstash/redis → redis-http ...`)
    await serverStats(http.url, true)
    const httpM = await measure(n, concurrency, op('http'))
    const { requests } = await serverStats(http.url)
    rows.push({ scenario, tcp: tcpM, http: httpM, httpRequests: requests })
  }

  progress(`@upstash/ratelimit slidingWindow: ${N} sequential limit() checks ...`)
  const rl = new Ratelimit({ redis: upstash, limiter: Ratelimit.slidingWindow(1_000_000, '60 s'), analytics: false, prefix: `bench-rl-${Date.now()}` })
  await (await rl.limit('warm-up')).pending // loads the script (EVALSHA → NOSCRIPT → EVAL)
  await serverStats(http.url, true)
  const m = await measure(N, 1, async (i) => {
    const r = await rl.limit(`user-${i % 100}`)
    await r.pending
  })
  ratelimit = { checks: N, ...(await serverStats(http.url)), m }
} finally {
  tcp.disconnect()
  await stopChild(http.child)
  await redisServer.stop()
}

const header = ['scenario', 'ops', 'TCP ops/s', 'TCP p50', 'TCP p99', 'HTTP ops/s', 'HTTP p50', 'HTTP p99', 'HTTP reqs', 'p50 ×', 'ops/s ÷']
console.log(`\nredis-http vs direct TCP (ms; delay ${DELAY_MS} ms; HTTP reqs = requests redis-http served, auto-pipelining batches concurrent calls)\n`)
console.log(
  table([
    header,
    ...rows.map((r) => [
      r.scenario,
      String(r.tcp.ops),
      fmt(r.tcp.opsPerSec),
      fmt(r.tcp.p50Ms, 3),
      fmt(r.tcp.p99Ms, 3),
      fmt(r.http.opsPerSec),
      fmt(r.http.p50Ms, 3),
      fmt(r.http.p99Ms, 3),
      String(r.httpRequests),
      fmt(r.http.p50Ms / r.tcp.p50Ms, 1),
      fmt(r.tcp.opsPerSec / r.http.opsPerSec, 1),
    ]),
  ]),
)
const seq = rows.filter((r) => r.scenario.includes('sequential'))
const extra = seq.map((r) => r.http.p50Ms - r.tcp.p50Ms).reduce((a, b) => a + b, 0) / seq.length
console.log(`\noverhead per sequential request (p50, HTTP − TCP): ${fmt(extra, 3)} ms`)
if (ratelimit) {
  const { checks, requests, commands, m } = ratelimit
  console.log(
    `ratelimit slidingWindow: ${checks} checks → ${requests} HTTP requests, ${commands} commands ` +
      `(${fmt(requests / checks, 2)} requests/check), p50 ${fmt(m.p50Ms, 3)} ms, p99 ${fmt(m.p99Ms, 3)} ms`,
  )
}
