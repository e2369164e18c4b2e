/**
 * Node entry (`npm start`). With no Redis/MongoDB settings it runs embedded: every port on a
 * node:sqlite file in GATEHOUSE_DATA_DIR (./data). Thin on purpose: config → backends → app.
 */

import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { ExecutionContext } from 'hono'
import { createEmbeddedBackends } from '../adapters/embedded/index.ts'
import { createDriverDocuments } from '../adapters/mongo/driver.ts'
import { createApp } from '../app.ts'
import { createRemoteBackends, kvOptions } from '../backends.ts'
import { type Config, ConfigError, loadConfig } from '../config.ts'
import { createLogger, errorFields } from '../logger.ts'
import { MetricsRecorder } from '../metrics/recorder.ts'
import { ensureIndexes } from '../services/indexes.ts'
import { signingKeys } from '../services/keys.ts'
import { KEY_FILE, loadOrCreateSigningKey } from '../services/keys-node.ts'

async function main() {
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gatehouse: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const logger = createLogger(config.LOG_LEVEL)
  if (!config.JWT_PRIVATE_JWK) {
    // No configured key: one kept in the data dir, so tokens survive restarts (Node only).
    const { jwk, created } = await loadOrCreateSigningKey(resolve(config.GATEHOUSE_DATA_DIR))
    config = { ...config, JWT_PRIVATE_JWK: jwk }
    const where = `${resolve(config.GATEHOUSE_DATA_DIR)}/${KEY_FILE}`
    console.log(`gatehouse: JWT_PRIVATE_JWK not set — ${created ? 'generated' : 'using'} the signing key in ${where}`)
    if (config.mode === 'remote') console.warn('gatehouse: several instances must share one key: set JWT_PRIVATE_JWK')
  }
  try {
    await signingKeys(config, logger)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gatehouse: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const port = Number(process.env.PORT ?? 8787)
  const host = process.env.HOST ?? '127.0.0.1'

  const backends =
    config.mode === 'embedded'
      ? createEmbeddedBackends(resolve(config.GATEHOUSE_DATA_DIR), kvOptions(config))
      : await createRemoteBackends(config, { driver: createDriverDocuments })
  // Indexes carry uniqueness (emails, user ids): create them before serving. Idempotent and
  // under a distributed lock, so instances starting together do not race.
  try {
    await ensureIndexes(backends)
  } catch (err) {
    logger.error('index initialisation failed; retry with POST /api/v1/users/admin/initialize-indexes', errorFields(err))
  }
  // The client address is the socket's peer (getConnInfo reads the Node bindings handed to fetch).
  const metrics = new MetricsRecorder(backends.metrics, { flushSeconds: config.METRICS_FLUSH_SECONDS, flushRequests: config.METRICS_FLUSH_REQUESTS })
  const app = createApp({ config, backends, logger, metrics, connectionAddress: (c) => getConnInfo(c).remote.address })

  // Node has no executionCtx: this one tracks background work (cache fills, session touches) so a
  // shutdown can finish it, and spares Hono's "no execution context" throw on every request.
  const background = new Set<Promise<unknown>>()
  const executionCtx: ExecutionContext = {
    waitUntil(promise) {
      const tracked = promise.catch(() => undefined).finally(() => background.delete(tracked))
      background.add(tracked)
    },
    passThroughOnException() {},
    props: {},
  }

  const server = serve({ fetch: (req, env) => app.fetch(req, env, executionCtx), port, hostname: host }, (info) => {
    const where = `http://${host}:${info.port}`
    if (config.mode === 'embedded') {
      console.log(`gatehouse: EMBEDDED mode — no Redis/MongoDB configured; data in ${resolve(config.GATEHOUSE_DATA_DIR)}/gatehouse.db`)
    } else {
      console.log(`gatehouse: remote mode — Redis over HTTP, MongoDB via ${config.MONGO_DATA_API_URL ? 'Data API' : 'driver'}`)
    }
    console.log(`gatehouse: listening on ${where} (docs at ${where}/docs)`)
  })

  const shutdown = () => {
    server.close(async () => {
      await Promise.allSettled([...background])
      // The last batch of counts, so a restart loses none.
      await metrics.flush().catch((err: unknown) => logger.warn('metrics: last flush failed', errorFields(err)))
      await backends.close?.()
      process.exit(0)
    })
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

await main()
