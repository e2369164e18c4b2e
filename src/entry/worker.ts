/**
 * Cloudflare Workers entry (`wrangler dev` / `wrangler deploy`). Bindings are parsed once per
 * isolate; backends are Redis over HTTP and MongoDB through the Data API (both fetch-only).
 */
import type { ExecutionContext } from 'hono'
import { createApp } from '../app.ts'
import { createRemoteBackends } from '../backends.ts'
import { ConfigError, loadConfig } from '../config.ts'
import { createLogger } from '../http/logger.ts'
import { problemBody, problemResponse } from '../http/problems.ts'
import type { AppOpenAPI } from '../http/types.ts'
import { signingKeys } from '../services/keys.ts'

let app: Promise<AppOpenAPI> | undefined

async function build(env: Record<string, unknown>): Promise<AppOpenAPI> {
  const config = loadConfig(env)
  if (config.mode !== 'remote') {
    throw new ConfigError([
      'UPSTASH_REDIS_REST_URL: Workers need remote backends (UPSTASH_REDIS_REST_* and MONGO_DATA_API_*); embedded mode is Node-only',
    ])
  }
  if (!config.JWT_PRIVATE_JWK) {
    // Each isolate would sign with its own key and refuse the others' tokens.
    throw new ConfigError(['JWT_PRIVATE_JWK: required on Workers (a private Ed25519 or P-256 JWK; `wrangler secret put JWT_PRIVATE_JWK`)'])
  }
  const logger = createLogger(config.LOG_LEVEL)
  // Import the keys once per isolate; a malformed key fails here as "misconfigured".
  await signingKeys(config, logger)
  return createApp({ config, backends: await createRemoteBackends(config), logger })
}

export default {
  async fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    app ??= build(env)
    try {
      return await (await app).fetch(request, env, ctx)
    } catch (err) {
      app = undefined
      console.error(JSON.stringify({ level: 'error', msg: 'startup failed', problems: err instanceof ConfigError ? err.problems : ['internal'] }))
      return problemResponse(problemBody(503, 'misconfigured', 'The service is not configured'))
    }
  },
}
