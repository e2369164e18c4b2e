/**
 * What the server entries (node.ts, bun.ts, deno.ts) share, so each one is only "start this
 * runtime's HTTP server with the app": the settings (a bad one exits with its message), the
 * signing key kept in the data dir when none is configured, the backends — embedded on the
 * runtime's SQLite binding, or remote — with their indexes, the execution context that tracks
 * background work, and the shutdown that finishes it. Node-compatible APIs only (node:path,
 * node:fs, process), which Bun and Deno provide as well. Never part of the Worker bundle.
 */

import { resolve } from 'node:path'
import type { ExecutionContext } from 'hono'
import type { OpenDatabase } from '../adapters/embedded/index.ts'
import { createEmbeddedBackends } from '../adapters/embedded/index.ts'
import { createRemoteBackends, type DriverFactory, kvOptions } from '../backends.ts'
import { type Config, ConfigError, loadConfig } from '../config.ts'
import { createLogger, errorFields, type Logger } from '../logger.ts'
import { MetricsRecorder } from '../metrics/recorder.ts'
import type { Backends } from '../ports.ts'
import { ensureIndexes } from '../services/indexes.ts'
import { signingKeys } from '../services/keys.ts'
import { KEY_FILE, loadOrCreateSigningKey } from '../services/keys-node.ts'

/** What an entry tells about its runtime. */
export interface Runtime {
  /** For the start-up lines: "Node", "Bun", "Deno". */
  name: string
  /** The runtime's own SQLite binding: used when EMBEDDED_SQLITE names it, or when there is no node:sqlite. */
  ownSqlite?: { name: Config['EMBEDDED_SQLITE']; load: () => Promise<OpenDatabase> }
  /** The mongodb driver, for MONGODB_URI. */
  driver?: DriverFactory
}

export interface Host {
  config: Config
  logger: Logger
  backends: Backends
  /** This process's metrics batch: hand it to createApp; its last counts are written at shutdown. */
  metrics: MetricsRecorder
  port: number
  hostname: string
  /** Hand it to `app.fetch`: background work (cache fills, session touches) is tracked, so shutdown can finish it. */
  executionCtx: ExecutionContext
  /** Prints where the server listens. */
  listening(port: number): void
  /**
   * On SIGINT/SIGTERM: stop accepting (`stopServer`), let background work finish, write the last
   * metrics batch (so a restart loses none), close the backends, exit. Exits after 5 s whatever is
   * still pending.
   */
  stopOnSignal(stopServer: () => Promise<unknown>): void
}

function exitOnConfigError(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(`gatehouse: ${err.message}`)
    process.exit(1)
  }
  throw err
}

/** Settings → signing key → backends (indexes created) → the pieces an entry serves with. */
export async function startHost(env: Record<string, string | undefined>, runtime: Runtime): Promise<Host> {
  let config: Config
  let logger: Logger
  let sqlite: { binding: string; open?: OpenDatabase } | undefined
  try {
    config = loadConfig(env)
    logger = createLogger(config.LOG_LEVEL)
    if (config.mode === 'embedded') sqlite = await sqliteFor(config.EMBEDDED_SQLITE, runtime)
    config = await withSigningKey(config)
    // Import the keys once; a malformed configured key fails here, at start-up.
    await signingKeys(config, logger)
  } catch (err) {
    exitOnConfigError(err)
  }
  const dataDir = resolve(config.GATEHOUSE_DATA_DIR)
  const backends = sqlite
    ? createEmbeddedBackends(dataDir, kvOptions(config), sqlite.open)
    : await createRemoteBackends(config, { driver: runtime.driver }).catch(exitOnConfigError)
  // Indexes carry uniqueness (emails, user ids): create them before serving. Idempotent and
  // under a distributed lock, so instances starting together do not race.
  try {
    await ensureIndexes(backends)
  } catch (err) {
    logger.error('index initialisation failed; retry with POST /api/v1/users/admin/initialize-indexes', errorFields(err))
  }

  const background = new Set<Promise<unknown>>()
  // Node, Bun and Deno have no executionCtx: this one also spares Hono's "no execution context" throw.
  const executionCtx: ExecutionContext = {
    waitUntil(promise) {
      const tracked = promise.catch(() => undefined).finally(() => background.delete(tracked))
      background.add(tracked)
    },
    passThroughOnException() {},
    props: {},
  }
  const hostname = env.HOST ?? '127.0.0.1'
  const metrics = new MetricsRecorder(backends.metrics, { flushSeconds: config.METRICS_FLUSH_SECONDS, flushRequests: config.METRICS_FLUSH_REQUESTS })
  return {
    config,
    logger,
    backends,
    metrics,
    port: Number(env.PORT ?? 8787),
    hostname,
    executionCtx,
    listening(port) {
      const where = `http://${hostname}:${port}`
      if (sqlite) console.log(`gatehouse: EMBEDDED mode (${runtime.name}, ${sqlite.binding}) — no Redis/MongoDB configured; data in ${dataDir}/gatehouse.db`)
      else console.log(`gatehouse: remote mode (${runtime.name}) — Redis over HTTP, MongoDB via ${config.MONGO_DATA_API_URL ? 'Data API' : 'driver'}`)
      console.log(`gatehouse: listening on ${where} (docs at ${where}/docs)`)
    },
    stopOnSignal(stopServer) {
      const shutdown = async () => {
        setTimeout(() => process.exit(0), 5000).unref?.()
        await stopServer().catch(() => undefined)
        await Promise.allSettled([...background])
        await metrics.flush().catch((err: unknown) => logger.warn('metrics: last flush failed', errorFields(err)))
        await backends.close?.()
        process.exit(0)
      }
      process.once('SIGINT', shutdown)
      process.once('SIGTERM', shutdown)
    },
  }
}

/** No configured key: one kept in the data dir, so tokens survive restarts. */
async function withSigningKey(config: Config): Promise<Config> {
  if (config.JWT_PRIVATE_JWK) return config
  const dataDir = resolve(config.GATEHOUSE_DATA_DIR)
  const { jwk, created } = await loadOrCreateSigningKey(dataDir)
  console.log(`gatehouse: JWT_PRIVATE_JWK not set — ${created ? 'generated' : 'using'} the signing key in ${dataDir}/${KEY_FILE}`)
  if (config.mode === 'remote') console.warn('gatehouse: several instances must share one key: set JWT_PRIVATE_JWK')
  return { ...config, JWT_PRIVATE_JWK: jwk }
}

/** Whether this runtime has node:sqlite (Node 22.13+, Deno 2.x and Bun 1.4 do). */
function runtimeHasNodeSqlite(): boolean {
  const id: string = 'node:sqlite'
  return typeof (process.getBuiltinModule(id) as { DatabaseSync?: unknown } | undefined)?.DatabaseSync === 'function'
}

/**
 * The embedded SQLite binding: node:sqlite where the runtime has it (or when asked for), else the
 * runtime's own. `open` is left out for node:sqlite (the embedded adapters' default).
 */
export async function sqliteFor(
  want: Config['EMBEDDED_SQLITE'],
  runtime: Pick<Runtime, 'name' | 'ownSqlite'>,
  hasNodeSqlite = runtimeHasNodeSqlite(),
): Promise<{ binding: string; open?: OpenDatabase }> {
  const own = runtime.ownSqlite
  if (want === 'node:sqlite' || (want === 'auto' && hasNodeSqlite)) {
    if (!hasNodeSqlite) throw new ConfigError([`EMBEDDED_SQLITE: ${runtime.name} has no node:sqlite`])
    return { binding: 'node:sqlite' }
  }
  if (own && (want === 'auto' || want === own.name)) return { binding: own.name, open: await own.load() }
  throw new ConfigError([`EMBEDDED_SQLITE: ${want === 'auto' ? 'no SQLite binding' : `${want} is not available`} on ${runtime.name}`])
}
