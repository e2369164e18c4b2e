/**
 * The API documents exactly as a running app serves them: an embedded app (in-memory SQLite) is
 * built from the code and asked for GET /openapi.json (3.1) and GET /openapi-3.0.json (3.0).
 * Output is stable JSON text (2-space indent, trailing newline), so the committed files in
 * openapi/ can be compared byte for byte.
 */
import { createEmbeddedBackends } from '../../src/adapters/embedded/index.ts'
import { createApp } from '../../src/app.ts'
import { kvOptions } from '../../src/backends.ts'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/logger.ts'

/** openapi/openapi.json: the OpenAPI 3.1 document. */
export const SPEC_31_FILE = 'openapi/openapi.json'
/** openapi/openapi-3.0.json: the same API as OpenAPI 3.0. */
export const SPEC_30_FILE = 'openapi/openapi-3.0.json'

export interface ApiDocuments {
  /** The OpenAPI 3.1 document as JSON text. */
  v31: string
  /** The OpenAPI 3.0 document as JSON text. */
  v30: string
}

const stable = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`

/** Both documents, from one app built from the code. */
export async function generateApiDocuments(): Promise<ApiDocuments> {
  const config = loadConfig({ LOG_LEVEL: 'silent' })
  const backends = createEmbeddedBackends(':memory:', kvOptions(config))
  try {
    const app = createApp({ config, backends, logger: createLogger('silent') })
    const fetchDoc = async (path: string) => {
      const res = await app.request(`http://gatehouse.local${path}`)
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
      return stable(await res.json())
    }
    return { v31: await fetchDoc('/openapi.json'), v30: await fetchDoc('/openapi-3.0.json') }
  } finally {
    await backends.close?.()
  }
}
