/**
 * CLI for the Data API gateway:
 *   npm run gateway -- --mongodb-uri mongodb://127.0.0.1:27017 --api-key KEY --port 8080
 *     [--api-key KEY2 …] [--keys-file keys.json] [--host 127.0.0.1]
 *     [--max-body-bytes 1048576] [--find-limit-cap 50000] [--quiet]
 * `--keys-file` holds `{"<key>": {"databases": [...], "collections": [...]}}` (per-key allow-lists);
 * `GATEWAY_API_KEYS` (comma-separated) is read when no key flag is given, so keys can stay out of
 * the process list. `--port 0` picks a free port. The address is printed; keys never are.
 * SIGINT/SIGTERM close it gracefully.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { KeyScope } from './auth.ts'
import { startGateway } from './server.ts'

const usage =
  'usage: npm run gateway -- --mongodb-uri mongodb://127.0.0.1:PORT --api-key KEY --port N [--api-key KEY2] [--keys-file keys.json] [--host ADDR] [--max-body-bytes N] [--find-limit-cap N] [--quiet]'

function fail(msg: string): never {
  process.stderr.write(`gateway: ${msg}\n${usage}\n`)
  process.exit(2)
}

function integer(value: string | undefined, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) fail(`${what} must be an integer ${min}-${max}, got "${value}"`)
  return n
}

/** mongodb://user:pass@host → mongodb://***@host, for printing. */
function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}

let values
try {
  values = parseArgs({
    options: {
      'mongodb-uri': { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'keys-file': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'find-limit-cap': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}
if (values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}

const uri = values['mongodb-uri']
if (!uri) fail('missing --mongodb-uri')
if (!/^mongodb(\+srv)?:\/\//.test(uri)) fail('--mongodb-uri must start with mongodb:// or mongodb+srv://')

const keys: Record<string, KeyScope> = {}
for (const key of values['api-key'] ?? []) keys[key] = {}
if (values['keys-file']) {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(values['keys-file'], 'utf8'))
  } catch (err) {
    fail(`cannot read --keys-file: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('--keys-file must hold a JSON object: key → {databases?, collections?}')
  for (const [key, scope] of Object.entries(parsed as Record<string, KeyScope>)) keys[key] = scope ?? {}
}
if (Object.keys(keys).length === 0) {
  for (const key of (process.env.GATEWAY_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean)) keys[key] = {}
}
if (Object.keys(keys).length === 0) fail('missing --api-key (or --keys-file, or GATEWAY_API_KEYS)')

const gateway = await startGateway({
  mongodbUri: uri,
  apiKeys: keys,
  port: integer(values.port, '--port', 0, 65535) ?? 8080,
  host: values.host,
  quiet: values.quiet,
  maxBodyBytes: integer(values['max-body-bytes'], '--max-body-bytes', 1, 64 * 1024 * 1024),
  findLimitCap: integer(values['find-limit-cap'], '--find-limit-cap', 1, 1_000_000),
})
process.stdout.write(`gateway listening on ${gateway.url} (actions under ${gateway.url}/action/, MongoDB ${redact(uri)}, ${Object.keys(keys).length} key(s))\n`)

let closing = false
const shutdown = (signal: string) => {
  if (closing) return
  closing = true
  process.stderr.write(`gateway: ${signal}, closing\n`)
  gateway.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
