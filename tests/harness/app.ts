/** Builds a real app for tests: embedded (temp SQLite dir) or remote (the harness's servers). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedBackends } from '../../src/adapters/embedded/index.ts'
import { createApp } from '../../src/app.ts'
import { createRemoteBackends, kvOptions } from '../../src/backends.ts'
import { loadConfig } from '../../src/config.ts'
import type { AppOpenAPI } from '../../src/http/types.ts'
import { createLogger } from '../../src/logger.ts'
import { MetricsRecorder } from '../../src/metrics/recorder.ts'
import type { Backends } from '../../src/ports.ts'
import { need } from './services.ts'

export interface TestApp {
  app: AppOpenAPI
  backends: Backends
  /** The app's metrics batch: `flush()` writes what it counted to the shared store. */
  metrics: MetricsRecorder
  close(): Promise<void>
}

const recorderFor = (config: ReturnType<typeof loadConfig>, backends: Backends) =>
  new MetricsRecorder(backends.metrics, { flushSeconds: config.METRICS_FLUSH_SECONDS, flushRequests: config.METRICS_FLUSH_REQUESTS })

export type BackendKind = 'embedded' | 'remote'

/**
 * An app on real backends. `env` overrides settings (strings, as in the environment). The client
 * address comes from `x-test-ip` (app.request has no socket): tests that share one Redis send
 * their own addresses, so no two suites share an address's budget.
 */
export async function makeTestApp(kind: BackendKind, overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = { TRUSTED_IP_HEADER: 'x-test-ip', ...overrides }
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'))
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
    const backends = createEmbeddedBackends(dir, kvOptions(config))
    const metrics = recorderFor(config, backends)
    return {
      app: createApp({ config, backends, metrics, logger: createLogger('silent') }),
      backends,
      metrics,
      async close() {
        await backends.close?.()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
    UPSTASH_REDIS_REST_TOKEN: need('redisHttpToken'),
    MONGO_DATA_API_URL: need('gatewayUrl'),
    MONGO_DATA_API_KEY: need('gatewayKey'),
    MONGO_DB_NAME: `t${Math.random().toString(36).slice(2, 10)}`,
    ...env,
  })
  const backends = await createRemoteBackends(config)
  const metrics = recorderFor(config, backends)
  return {
    app: createApp({ config, backends, metrics, logger: createLogger('silent') }),
    backends,
    metrics,
    close: async () => backends.close?.(),
  }
}

/**
 * For tests that count Redis HTTP requests exactly: an app writes its metrics batch as ONE
 * background request every METRICS_FLUSH_SECONDS or METRICS_FLUSH_REQUESTS — held back here so no
 * flush lands inside a counted window (tests/metrics.test.ts counts what a flush costs).
 */
export const METRICS_HELD = { METRICS_FLUSH_SECONDS: '86400', METRICS_FLUSH_REQUESTS: '1000000' }
