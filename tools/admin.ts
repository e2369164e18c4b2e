/**
 * Operator commands, run against whatever backends the configuration names — the same settings
 * and the same stores as the Node entry (embedded data dir, or Redis over HTTP + MongoDB):
 *
 *   npm run admin -- grant-superadmin EMAIL    # the account becomes superadmin
 *   npm run admin -- revoke-superadmin EMAIL   # back to admin of its own tenant
 *
 * The role is written to the account, its profile and its live sessions, so it applies from
 * the session's next request, and to every later sign-in. Safe while the server runs on the same
 * embedded data dir (SQLite in WAL mode, short transactions, a busy timeout).
 *
 * Exit codes: 0 done, 1 configuration or backend problem, 2 usage, 3 no account with that e-mail.
 */
import { resolve } from 'node:path'
import { createEmbeddedBackends } from '../src/adapters/embedded/index.ts'
import { createDriverDocuments } from '../src/adapters/mongo/driver.ts'
import { createRemoteBackends, kvOptions } from '../src/backends.ts'
import { type Config, ConfigError, loadConfig } from '../src/config.ts'
import type { Role } from '../src/domain/roles.ts'
import { NotFoundError, ValidationError } from '../src/errors.ts'
import { createLogger } from '../src/logger.ts'
import type { Backends } from '../src/ports.ts'
import { assignRole } from '../src/services/accounts.ts'

const COMMANDS: Record<string, { role: Role; done: string }> = {
  'grant-superadmin': { role: 'superadmin', done: 'is now superadmin' },
  'revoke-superadmin': { role: 'admin', done: 'is no longer superadmin (now admin of its tenant)' },
}

const USAGE = `usage: npm run admin -- <command> EMAIL

commands:
  grant-superadmin EMAIL    make the account superadmin (every tenant)
  revoke-superadmin EMAIL   make a superadmin an admin of its own tenant again

Settings come from the environment, as for npm start (GATEHOUSE_DATA_DIR for embedded mode;
UPSTASH_REDIS_REST_* and MONGO_DATA_API_* or MONGODB_URI for remote mode).`

function fail(code: number, message: string): never {
  console.error(`gatehouse admin: ${message}`)
  process.exit(code)
}

async function openBackends(config: Config): Promise<{ backends: Backends; where: string }> {
  if (config.mode === 'embedded') {
    const dir = resolve(config.GATEHOUSE_DATA_DIR)
    return { backends: createEmbeddedBackends(dir, kvOptions(config)), where: `embedded store ${dir}/gatehouse.db` }
  }
  const backends = await createRemoteBackends(config, { driver: createDriverDocuments })
  return { backends, where: `remote backends (MongoDB via ${config.MONGO_DATA_API_URL ? 'the Data API' : 'the driver'})` }
}

async function main(): Promise<void> {
  const [command, email, ...rest] = process.argv.slice(2)
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE)
    process.exit(command === undefined ? 2 : 0)
  }
  const spec = COMMANDS[command]
  if (!spec) fail(2, `unknown command "${command}"\n\n${USAGE}`)
  if (!email || rest.length > 0) fail(2, `${command} takes exactly one e-mail address\n\n${USAGE}`)

  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) fail(1, err.message)
    throw err
  }
  const { backends, where } = await openBackends(config)
  let failure: [number, string] | undefined
  try {
    const result = await assignRole({ config, backends, logger: createLogger(config.LOG_LEVEL) }, email, spec.role)
    const sessions = `${result.sessions_updated} live session${result.sessions_updated === 1 ? '' : 's'}`
    console.log(`${result.email} ${spec.done} (was ${result.previous_role})`)
    console.log(`  user ${result.user_id}, tenant ${result.tenant_id}, in the ${where}`)
    console.log(`  updated: the account, ${result.profile_updated ? 'its profile' : 'no profile (none yet)'}, ${sessions} — from their next request`)
  } catch (err) {
    if (err instanceof NotFoundError) failure = [3, `no account with the e-mail ${email}`]
    else if (err instanceof ValidationError) failure = [2, `"${email}" is not an e-mail address`]
    else failure = [1, `${where}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`]
  } finally {
    await backends.close?.()
  }
  if (failure) fail(...failure)
}

await main()
