/**
 * The gate benchmark's measurements: autocannon load against one URL, with the bench's own µs
 * latency histogram (lib/latency.ts), the serving process's own CPU time read around it (the
 * probe, lib/child.ts) and redis-http's request counter (`POST /_stats/reset`, `GET /_stats`),
 * plus the account and data a cached authenticated GET needs.
 */
import autocannon from 'autocannon'
import { progress } from '../tools/lib/process.ts'
import type { Child } from './lib/child.ts'
import { LatencyRecorder } from './lib/latency.ts'

export interface LoadOptions {
  url: string
  headers?: Record<string, string>
  connections: number
  /** Run for this long... */
  durationSeconds?: number
  /**
   * ...or send exactly this many requests and wait for every answer: counting Redis requests
   * and CPU per request needs this (a timed run abandons the requests in flight when it stops,
   * which the server still serves).
   */
  amount?: number
  /** A fresh path for every request (e.g. a query no cache has seen); `url` then gives the origin. */
  nextPath?: () => string
  /** The server process whose own CPU time is read around the run. */
  app?: Child
  /** redis-http base URL and token whose counter is read around the run. */
  redisHttp?: { url: string; token: string }
  /** Where response times go (a fresh recorder when absent). */
  latency?: LatencyRecorder
}

export interface LoadResult {
  /** How long the run took, s. */
  seconds: number
  requests: number
  failed: number
  latency: LatencyRecorder
  /** The app's own CPU time over the run, µs (undefined without `app`). */
  cpuUs?: number
  /** Redis HTTP requests and commands counted over the run (undefined without redisHttp). */
  redisRequests?: number
  redisCommands?: number
}

async function stats(redisHttp: { url: string; token: string }, reset = false): Promise<{ requests: number; commands: number }> {
  const res = await fetch(`${redisHttp.url}/_stats${reset ? '/reset' : ''}`, {
    method: reset ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${redisHttp.token}` },
  })
  if (!res.ok) throw new Error(`redis-http /_stats answered ${res.status}`)
  return (await res.json()) as { requests: number; commands: number }
}

/** One autocannon run; see LoadOptions for what is measured around it. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latency = options.latency ?? new LatencyRecorder()
  if (options.redisHttp) await stats(options.redisHttp, true)
  const cpuBefore = options.app ? await options.app.cpu() : undefined
  const started = performance.now()
  const result = await autocannon({
    url: options.url,
    headers: options.headers ?? {},
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    ...(options.nextPath ? { requests: [{ setupRequest: (req) => ({ ...req, path: options.nextPath!() }) }] } : {}),
    setupClient: (client) => client.on('response', (_status, _bytes, ms) => latency.addMs(ms)),
  })
  const seconds = (performance.now() - started) / 1000
  let cpuUs: number | undefined
  if (options.app && cpuBefore) {
    const after = await options.app.cpu()
    cpuUs = after.user + after.system - cpuBefore.user - cpuBefore.system
  }
  let redis: { requests: number; commands: number } | undefined
  if (options.redisHttp) {
    await new Promise((r) => setTimeout(r, 300)) // background writes (waitUntil) land too
    redis = await stats(options.redisHttp)
  }
  return {
    seconds,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
    latency,
    ...(cpuUs !== undefined ? { cpuUs } : {}),
    ...(redis ? { redisRequests: redis.requests, redisCommands: redis.commands } : {}),
  }
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

/** An API key of the account's tenant (its own default rate limit: RATE_LIMIT_REQUESTS). */
export async function prepareApiKey(app: string, auth: Record<string, string>): Promise<Record<string, string>> {
  const created = await post(app, '/api/v1/api-keys', { name: 'bench', role: 'viewer' }, auth)
  return { 'x-api-key': created.api_key }
}

/** The path of the cached authenticated GET the benchmark loads (the tenant's upload list). */
export const CACHED_GET = '/api/v1/logs/metadata/?page_size=10'

/** The same list with a filter no request has used before: every one is a cache miss. */
export function uncachedPaths(): () => string {
  const run = Date.now().toString(36)
  let n = 0
  return () => `/api/v1/logs/metadata/?page_size=10&source=miss-${run}-${n++}`
}

/**
 * Registers a tenant on `apps[0]`, signs its admin in and records a few uploads, then reads the
 * cached list until it is a cache hit on every app. Returns the bearer header.
 */
export async function prepareAccount(apps: string[]): Promise<Record<string, string>> {
  const email = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`
  const password = 'bench password 123'
  await post(apps[0]!, '/api/v1/auth/register', { email, password, organization: 'Bench Corp' })
  const tokens = await post(apps[0]!, '/api/v1/auth/login', { email, password })
  const auth = { authorization: `Bearer ${tokens.access_token}` }
  for (let i = 0; i < 3; i++) {
    await post(
      apps[0]!,
      '/api/v1/logs/metadata/',
      {
        task_id: `bench-${i}`,
        source: 'bench',
        environment: 'production',
        service_name: 'checkout',
        file_name: `bench-${i}.log`,
        file_size: 1000 + i,
        format_type: 'json',
      },
      auth,
    )
  }
  for (const app of apps) {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${app}${CACHED_GET}`, { headers: auth })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`GET ${CACHED_GET} answered ${res.status}`)
      if (res.headers.get('x-cache') === 'hit') break
      if (attempt > 50) throw new Error(`GET ${CACHED_GET} never became a cache hit on ${app}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  progress(`bench: account ready on ${apps.length} app(s), cached GET answers from the cache`)
  return auth
}
