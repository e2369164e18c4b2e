/**
 * The gate benchmark's measurements: autocannon load against one URL, with redis-http's request
 * counter read around it (`POST /_stats/reset`, `GET /_stats`) to give Redis HTTP requests per
 * API request, and the account/data a cached authenticated GET needs.
 */
import autocannon from 'autocannon'
import { progress } from '../tools/lib/process.ts'

export interface LoadOptions {
  url: string
  headers?: Record<string, string>
  connections: number
  /** Run for this long... */
  durationSeconds?: number
  /**
   * ...or send exactly this many requests and wait for every answer. Counting Redis requests
   * needs this: a timed run abandons the requests in flight when it stops, which the server
   * still serves (and would count against nothing).
   */
  amount?: number
  /** redis-http base URL and token whose counter is read around the run. */
  redisHttp?: { url: string; token: string }
}

export interface LoadResult {
  /** How long the run took, s. */
  seconds: number
  requests: number
  ok: number
  failed: number
  rps: number
  p50: number
  p99: number
  /** Redis HTTP requests per API request (undefined without redisHttp). */
  redisPerRequest?: number
  /** Redis commands per API request (what the one round trip carries). */
  commandsPerRequest?: number
}

async function stats(redisHttp: { url: string; token: string }, reset = false): Promise<{ requests: number; commands: number }> {
  const res = await fetch(`${redisHttp.url}/_stats${reset ? '/reset' : ''}`, {
    method: reset ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${redisHttp.token}` },
  })
  if (!res.ok) throw new Error(`redis-http /_stats answered ${res.status}`)
  return (await res.json()) as { requests: number; commands: number }
}

/** Runs autocannon for the duration; counts Redis HTTP requests made meanwhile. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.redisHttp) await stats(options.redisHttp, true)
  const result = await autocannon({
    url: options.url,
    headers: options.headers ?? {},
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
  })
  let redisPerRequest: number | undefined
  let commandsPerRequest: number | undefined
  if (options.redisHttp) {
    await new Promise((r) => setTimeout(r, 300)) // background writes (waitUntil) land too
    const counted = await stats(options.redisHttp)
    redisPerRequest = counted.requests / Math.max(1, result.requests.total)
    commandsPerRequest = counted.commands / Math.max(1, result.requests.total)
  }
  return {
    seconds: result.duration,
    requests: result.requests.total,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redisPerRequest,
    commandsPerRequest,
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

/**
 * Registers a tenant, signs its admin in and records a few uploads, then reads the cached list
 * until it is a cache hit on every app. Returns the bearer header.
 */
export async function prepareAccount(apps: string[]): Promise<Record<string, string>> {
  const email = `bench-${Date.now().toString(36)}@example.test`
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
  progress('bench: account ready, cached GET answers from the cache on both apps')
  return auth
}
