/**
 * CLI for the Data API gateway:
 *   npm run gateway -- --mongodb-uri mongodb://127.0.0.1:27017 --api-key KEY --port 8080
 *     [--api-key KEY2 …] [--keys-file keys.json] [--users-file users.json]
 *     [--jwt-jwks-url URL [--jwt-issuer ISS] [--jwt-audience AUD] [--jwt-database DB] [--jwt-collection C] [--jwt-timeout-ms N]]
 *     [--app-id ID …] [--host 127.0.0.1] [--max-body-bytes 1048576] [--find-limit-cap 50000] [--quiet]
 *   npm run -s gateway -- hash-password [--ln 15] < password   (prints a hash for --users-file)
 * `--keys-file` holds `{"<key>": {"databases": [...], "collections": [...]}}` (per-key allow-lists);
 * `--users-file` holds `{"<email>": {"passwordHash": "$scrypt$…", "databases": [...], ...}}`.
 * `GATEWAY_API_KEYS` (comma-separated) is read when no key flag is given, so keys can stay out of
 * the process list. At least one key, user or JWKS is needed. `--port 0` picks a free port. The
 * address is printed; credentials never are. SIGINT/SIGTERM close it gracefully.
 */
import { parseArgs } from 'node:util'
import type { KeyScope } from './auth.ts'
import { readKeysFile, readUsersFile } from './config-files.ts'
import type { JwtOptions } from './jwt.ts'
import { startGateway } from './server.ts'
import type { GatewayUser } from './users.ts'

const usage =
  'usage: npm run gateway -- --mongodb-uri mongodb://127.0.0.1:PORT --api-key KEY --port N [--api-key KEY2] [--keys-file keys.json] [--users-file users.json] [--jwt-jwks-url URL] [--jwt-issuer ISS] [--jwt-audience AUD] [--jwt-database DB] [--jwt-collection C] [--jwt-timeout-ms N] [--app-id ID] [--host ADDR] [--max-body-bytes N] [--find-limit-cap N] [--quiet]\n' +
  '       npm run -s gateway -- hash-password [--ln 10-20] < password-file'

function fail(msg: string): never {
  process.stderr.write(`gateway: ${msg}\n${usage}\n`)
  process.exit(2)
}

if (process.argv[2] === 'hash-password') {
  const { hashPasswordCommand } = await import('./hash-password.ts')
  process.exit(await hashPasswordCommand(process.argv.slice(3)))
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

const many = { type: 'string', multiple: true } as const
const OPTIONS = {
  'mongodb-uri': { type: 'string' },
  'api-key': many,
  'keys-file': { type: 'string' },
  'users-file': { type: 'string' },
  'jwt-jwks-url': { type: 'string' },
  'jwt-issuer': many,
  'jwt-audience': many,
  'jwt-database': many,
  'jwt-collection': many,
  'jwt-timeout-ms': { type: 'string' },
  'app-id': many,
  port: { type: 'string' },
  host: { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'find-limit-cap': { type: 'string' },
  quiet: { type: 'boolean' },
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

const uri = values['mongodb-uri']
if (!uri) fail('missing --mongodb-uri')
if (!/^mongodb(\+srv)?:\/\//.test(uri)) fail('--mongodb-uri must start with mongodb:// or mongodb+srv://')

const keys: Record<string, KeyScope> = {}
let users: Record<string, GatewayUser> = {}
try {
  for (const key of values['api-key'] ?? []) keys[key] = {}
  if (values['keys-file']) Object.assign(keys, readKeysFile(values['keys-file']))
  if (values['users-file']) users = readUsersFile(values['users-file'])
} catch (err) {
  fail((err as Error).message)
}
if (Object.keys(keys).length === 0) {
  for (const key of (process.env.GATEWAY_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean))
    keys[key] = {}
}

let jwt: JwtOptions | undefined
const jwtOnly = ['jwt-issuer', 'jwt-audience', 'jwt-database', 'jwt-collection', 'jwt-timeout-ms'] as const
if (values['jwt-jwks-url']) {
  const scope: KeyScope = {}
  if (values['jwt-database']) scope.databases = values['jwt-database']
  if (values['jwt-collection']) scope.collections = values['jwt-collection']
  jwt = {
    jwksUrl: values['jwt-jwks-url'],
    issuer: values['jwt-issuer'],
    audience: values['jwt-audience'],
    scope,
    timeoutMs: integer(values['jwt-timeout-ms'], '--jwt-timeout-ms', 1, 60_000),
  }
} else if (jwtOnly.some((f) => values[f] !== undefined)) {
  fail('--jwt-issuer, --jwt-audience, --jwt-database, --jwt-collection and --jwt-timeout-ms need --jwt-jwks-url')
}

const counts = [Object.keys(keys).length, Object.keys(users).length]
if (counts[0] === 0 && counts[1] === 0 && !jwt) fail('missing --api-key (or --keys-file, GATEWAY_API_KEYS, --users-file, --jwt-jwks-url)')

let gateway: Awaited<ReturnType<typeof startGateway>>
try {
  gateway = await startGateway({
    mongodbUri: uri,
    apiKeys: keys,
    users,
    jwt,
    appIds: values['app-id'],
    port: integer(values.port, '--port', 0, 65535) ?? 8080,
    host: values.host,
    quiet: values.quiet,
    maxBodyBytes: integer(values['max-body-bytes'], '--max-body-bytes', 1, 64 * 1024 * 1024),
    findLimitCap: integer(values['find-limit-cap'], '--find-limit-cap', 1, 1_000_000),
  })
} catch (err) {
  // Configuration errors ("[gateway] …") name positions, never credentials.
  const message = err instanceof Error ? err.message : String(err)
  if (message.startsWith('[gateway]')) fail(message)
  process.stderr.write(`gateway: cannot start: ${message}\n`)
  process.exit(1)
}
const auth = `${counts[0]} key(s), ${counts[1]} user(s)${jwt ? ', JWT' : ''}`
process.stdout.write(
  `gateway listening on ${gateway.url} (actions under ${gateway.url}/action/ and ${gateway.url}/app/<app-id>/endpoint/data/v1/action/, MongoDB ${redact(uri)}, ${auth})\n`,
)

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
