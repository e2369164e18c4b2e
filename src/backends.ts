import type { Config } from './config.ts'
import type { Backends, DocumentStore, KvOptions } from './ports.ts'

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
 * Node). Runs on Workers; nothing here opens a socket except the optional driver.
 */
export async function createRemoteBackends(config: Config): Promise<Backends> {
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
    })
  } else {
    const { createDriverDocuments } = await import('./adapters/mongo/driver.ts')
    documents = createDriverDocuments({ uri: config.MONGODB_URI!, database: config.MONGO_DB_NAME, timeoutMs: config.BACKEND_TIMEOUT_MS })
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
