/**
 * CLI for redis-http:
 *   npm run redis-http -- --redis redis://127.0.0.1:6379 --token dev --port 8079 [--delay-ms 20] [--host 127.0.0.1] [--max-streams 100]
 *   npm run redis-http -- --cluster 127.0.0.1:7000,127.0.0.1:7001 --token dev --port 8079 [...]   (Redis Cluster)
 * `--port 0` picks a free port; the address is printed (the token never is). Ctrl-C / SIGTERM
 * closes it gracefully.
 */
import { parseArgs } from 'node:util'
import { redactUrl, startRedisHttp } from './server.ts'

const usage =
  'usage: npm run redis-http -- (--redis redis://127.0.0.1:6379 | --cluster host:port,...) --token <token> --port <port|0>\n' +
  '         [--delay-ms <ms>] [--host <addr>] [--max-streams <n>]'

function fail(msg: string): never {
  process.stderr.write(`redis-http: ${msg}\n${usage}\n`)
  process.exit(2)
}

function parsePort(value: string | undefined, what: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`${what} must be an integer 0-65535, got "${value}"`)
  return n
}

const OPTIONS = {
  redis: { type: 'string' },
  cluster: { type: 'string' },
  token: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'delay-ms': { type: 'string' },
  'max-streams': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const
let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values']
try {
  values = parseArgs({ options: OPTIONS, strict: true }).values
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}
if (values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}
if (values.redis && values.cluster) fail('give --redis or --cluster, not both')
const missing = [!values.redis && !values.cluster && '--redis (or --cluster)', !values.token && '--token', values.port === undefined && '--port'].filter(
  Boolean,
)
if (missing.length > 0) fail(`missing ${missing.join(', ')}`)
const cluster = values.cluster?.split(',').map((spec) => {
  const at = spec.trim().lastIndexOf(':')
  const host = spec
    .trim()
    .slice(0, at)
    .replace(/^\[(.*)\]$/, '$1')
  const port = at > 0 ? parsePort(spec.trim().slice(at + 1), `--cluster port in "${spec}"`, 0) : 0
  if (!host || port === 0) fail(`--cluster wants host:port,host:port,..., got "${spec}"`)
  return { host, port }
})
const delayMs = values['delay-ms'] === undefined ? 0 : Number(values['delay-ms'])
if (!Number.isFinite(delayMs) || delayMs < 0) fail(`--delay-ms must be a non-negative number, got "${values['delay-ms']}"`)
const maxStreams = values['max-streams'] === undefined ? undefined : Number(values['max-streams'])
if (maxStreams !== undefined && !(Number.isInteger(maxStreams) && maxStreams >= 0))
  fail(`--max-streams must be a non-negative integer, got "${values['max-streams']}"`)

const server = await startRedisHttp({
  ...(cluster ? { cluster } : { redisUrl: values.redis! }),
  token: values.token!,
  port: parsePort(values.port, '--port', 0),
  host: values.host,
  delayMs,
  maxStreams,
})
const delay = delayMs > 0 ? `, delay ${delayMs} ms` : ''
const target = cluster ? `cluster ${cluster.map((n) => `${n.host}:${n.port}`).join(',')}` : redactUrl(values.redis!)
process.stdout.write(`redis-http listening on ${server.url} (redis ${target}${delay})\n`)

let closing = false
const shutdown = (signal: string) => {
  if (closing) return
  closing = true
  process.stderr.write(`redis-http: ${signal}, closing\n`)
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
