/**
 * Cloudflare Workers entry (`wrangler dev` / `wrangler deploy`). Bindings are parsed once per
 * isolate; backends are Redis over HTTP and MongoDB through the Data API (both fetch-only).
 */
import type { ExecutionContext } from 'hono'
import { createApp } from '../app.ts'
import { createRemoteBackends } from '../backends.ts'
import { ConfigError, loadConfig } from '../config.ts'
import { problemBody, problemResponse } from '../http/problems.ts'
import type { AppOpenAPI } from '../http/types.ts'
import { createLogger } from '../logger.ts'
import { signingKeys } from '../services/signing-keys.ts'

let app: Promise<AppOpenAPI> | undefined

/** What Workers need beyond the shared schema: remote backends and a shared signing key. */
function workerProblems(env: Record<string, unknown>): string[] {
  const problems: string[] = []
  if (!env.UPSTASH_REDIS_REST_URL || !env.MONGO_DATA_API_URL) {
    problems.push(
      'UPSTASH_REDIS_REST_URL, MONGO_DATA_API_URL: Workers need remote backends (UPSTASH_REDIS_REST_* and MONGO_DATA_API_*); embedded mode is Node-only',
    )
  }
  // Each isolate would sign with its own key and refuse the others' tokens.
  if (!env.JWT_PRIVATE_JWK)
    problems.push('JWT_PRIVATE_JWK: required on Workers (a private Ed25519 or P-256 JWK: `npm run keygen`, then `wrangler secret put JWT_PRIVATE_JWK`)')
  return problems
}

async function build(env: Record<string, unknown>): Promise<AppOpenAPI> {
  // Every problem at once: the schema's and the Worker's own.
  let config: ReturnType<typeof loadConfig> | undefined
  const problems = workerProblems(env)
  try {
    config = loadConfig(env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    problems.unshift(...err.problems)
  }
  if (problems.length > 0 || !config) throw new ConfigError([...new Set(problems)])
  const logger = createLogger(config.LOG_LEVEL)
  // Import the keys once per isolate; a malformed key fails here as "misconfigured".
  await signingKeys(config, logger)
  // The client address: Cloudflare's own header (TRUSTED_IP_HEADER, when set, takes precedence).
  return createApp({ config, backends: await createRemoteBackends(config), logger, connectionAddress: (c) => c.req.header('cf-connecting-ip') })
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
