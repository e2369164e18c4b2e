import type { Config } from './config.ts'
import { ConfigError } from './config.ts'
import type { Backends, DocumentStore, KvOptions } from './ports.ts'

/** Opens MongoDB through the official driver; only the Node entry passes it (keeps it out of Workers). */
export type DriverFactory = (options: { uri: string; database: string; timeoutMs: number; writeTimeoutMs: number }) => DocumentStore

/** Key-value settings derived from config, shared by every adapter family. */
export function kvOptions(config: Config): KvOptions {
  return {
    session: {
      idleSeconds: config.SESSION_EXPIRE_MINUTES * 60,
      maxLifetimeSeconds: config.SESSION_MAX_LIFETIME_HOURS * 3600,
    },
  }
}

/**
 * Remote mode: Redis over HTTP (Upstash REST) + MongoDB through the Data API (or the driver on
 * Node, when the entry hands in `driver`). Fetch-only, so it runs on Workers.
 */
export async function createRemoteBackends(config: Config, options: { driver?: DriverFactory } = {}): Promise<Backends> {
  const { createUpstashKv } = await import('./adapters/upstash/index.ts')
  const kv = createUpstashKv(
    { url: config.UPSTASH_REDIS_REST_URL!, token: config.UPSTASH_REDIS_REST_TOKEN!, timeoutMs: config.BACKEND_TIMEOUT_MS },
    kvOptions(config),
  )
  let documents: DocumentStore
  if (config.MONGO_DATA_API_URL) {
    const { createDataApiDocuments } = await import('./adapters/mongo/data-api.ts')
    documents = createDataApiDocuments({
      url: config.MONGO_DATA_API_URL,
      apiKey: config.MONGO_DATA_API_KEY!,
      dataSource: config.MONGO_DATA_SOURCE,
      database: config.MONGO_DB_NAME,
      timeoutMs: config.BACKEND_TIMEOUT_MS,
      writeTimeoutMs: config.BACKEND_WRITE_TIMEOUT_MS,
    })
  } else if (options.driver) {
    documents = options.driver({
      uri: config.MONGODB_URI!,
      database: config.MONGO_DB_NAME,
      timeoutMs: config.BACKEND_TIMEOUT_MS,
      writeTimeoutMs: config.BACKEND_WRITE_TIMEOUT_MS,
    })
  } else {
    throw new ConfigError(['MONGODB_URI: the mongodb driver is not available in this runtime; use MONGO_DATA_API_URL (the Data API gateway)'])
  }
  return {
    mode: 'remote',
    ...kv,
    documents,
    async close() {
      await Promise.all([kv.close?.(), documents.close?.()])
    },
  }
}
