import { createEmbeddedBackends } from './adapters/embedded/index.ts'
import { createApp, OPENAPI_INFO } from './app.ts'
import { kvOptions } from './backends.ts'
import { loadConfig } from './config.ts'
import { createLogger } from './logger.ts'

/** The OpenAPI 3.1 document exactly as the running app serves it, as stable JSON text. */
export async function generateOpenApiJson(): Promise<string> {
  const config = loadConfig({})
  const backends = createEmbeddedBackends(':memory:', kvOptions(config))
  try {
    const app = createApp({ config, backends, logger: createLogger('silent') })
    return `${JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO), null, 2)}\n`
  } finally {
    await backends.close?.()
  }
}
