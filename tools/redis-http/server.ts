/**
 * redis-http: an Upstash-REST-compatible HTTP server in front of a real redis-server (or a Redis
 * Cluster: the `cluster` option, see cluster.ts), for development, tests and benchmarks. It speaks
 * what `@upstash/redis` sends with default options:
 *   POST /             ["set","k","v"]              → {"result": …} | 400 {"error": …}
 *   POST /pipeline     [[…],[…]]                    → 200 [{"result"}|{"error"}, …]
 *   POST /multi-exec   [[…],[…]] (MULTI/EXEC)       → 200 [{"result"}|{"error"}, …] | 400 on EXECABORT
 *   POST /subscribe/<channel>, /psubscribe/<pattern> → 200 text/event-stream (pubsub.ts) | 429 when full
 *   GET  /_stats, POST /_stats/reset               → {"requests": n, "commands": m} (not counted)
 * `Upstash-Encoding: base64` answers every string base64-encoded; Bearer-token auth (constant
 * time); Redis unreachable → 503 {"error"} at once; `upstash-sync-token` header on every answer.
 *
 * @example
 * const srv = await startRedisHttp({ redisUrl: 'redis://127.0.0.1:6379', token: 'dev', port: 0 })
 * const redis = new Redis({ url: srv.url, token: 'dev' })   // from @upstash/redis
 * const onCluster = await startRedisHttp({ cluster: [{ host: '127.0.0.1', port: 7000 }], token: 'dev', port: 0 })
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type PreparedCommand, toArgs } from './commands.ts'
import { encodeReply } from './encode.ts'
import { HttpError, readBody, readJson, TITLES } from './http.ts'
import { type Executor, type Outcome, RedisReplyError, RedisUnavailableError } from './ioredis.ts'
import { StreamHub, streamRoute } from './pubsub.ts'
import { RedisExecutor } from './redis.ts'

export { redactUrl } from './redis.ts'

/** A cluster node to start from (ioredis discovers the others). */
interface ClusterNodeAddress {
  host: string
  port: number
}

interface CommonOptions {
  /** Bearer token clients must send. Never logged. */
  token: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Fixed delay before answering each request, ms (simulates edge→Redis distance). */
  delayMs?: number
  /** No log lines at all. */
  quiet?: boolean
  /** Largest accepted request body, bytes (default 10 MiB). */
  maxBodyBytes?: number
  /** A command Redis has not answered within this many ms fails with 503 (default 5000). */
  commandTimeoutMs?: number
  /** Pub/sub event streams open at once (default 100); beyond it, 429 {"error"}. */
  maxStreams?: number
  /** Keep-alive comment interval on event streams, ms (default 15000; 0 = none). */
  streamHeartbeatMs?: number
}

/** Either one redis-server (`redisUrl`) or a Redis Cluster (`cluster`: some or all of its nodes). */
export type RedisHttpOptions = CommonOptions & ({ redisUrl: string; cluster?: undefined } | { cluster: ClusterNodeAddress[]; redisUrl?: undefined })

export interface RunningRedisHttp {
  url: string
  port: number
  /** HTTP requests and commands served since start (or the last reset); /_stats is not counted. */
  stats(): { requests: number; commands: number }
  /** Pub/sub event streams open (or being opened) right now. */
  streams(): number
  close(): Promise<void>
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Starts redis-http; resolves once it listens (after waiting briefly for Redis to be ready). */
export async function startRedisHttp(options: RedisHttpOptions): Promise<RunningRedisHttp> {
  const log = (msg: string) => options.quiet || process.stderr.write(`[redis-http] ${msg}\n`)
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024
  const delayMs = options.delayMs ?? 0
  const expectedAuth = digest(`Bearer ${options.token}`)
  const executor = await createExecutor(options)
  if (!(await executor.connect())) log(`Redis at ${executor.describe()} is not reachable yet; retrying in the background`)
  const hub = new StreamHub({ maxStreams: options.maxStreams ?? 100, heartbeatMs: options.streamHeartbeatMs ?? 15_000 })

  let requests = 0
  let commands = 0
  let syncToken = 0

  const authorized = (req: IncomingMessage) => {
    const got = req.headers.authorization
    return typeof got === 'string' && timingSafeEqual(digest(got), expectedAuth)
  }

  const send = (res: ServerResponse, status: number, body: unknown, problem = false, extra: Record<string, string> = {}) => {
    const json = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': problem ? 'application/problem+json' : 'application/json',
      'content-length': Buffer.byteLength(json),
      'upstash-sync-token': String(++syncToken),
      ...extra,
    })
    res.end(json)
  }

  // HTTP-level failures: RFC 9457 fields plus `error`, the key @upstash/redis reads.
  const sendProblem = (res: ServerResponse, status: number, detail: string, extra?: Record<string, string>) =>
    send(res, status, { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, error: detail }, true, extra)

  /** POST /subscribe/<channel>, /psubscribe/<pattern>: an event stream on a connection of its own. */
  const handleStream = async (req: IncomingMessage, res: ServerResponse, kind: 'subscribe' | 'psubscribe', target: string) => {
    if (req.method !== 'POST') return sendProblem(res, 405, `${req.method} is not allowed; subscribe with POST`)
    await readBody(req, maxBody) // `[]` from @upstash/redis; nothing in it matters
    if (target === '') throw new HttpError(400, `Missing ${kind === 'subscribe' ? 'channel' : 'pattern'}: POST /${kind}/<name>`)
    if (hub.full()) {
      const limit = options.maxStreams ?? 100
      return sendProblem(res, 429, `ERR max concurrent streams exceeded (${limit}); close one or retry later`, { 'retry-after': '1' })
    }
    commands++
    return hub.open(res, kind, target, executor.subscriber(), { 'upstash-sync-token': String(++syncToken) })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawPath = (req.url ?? '/').split('?', 1)[0]!
    const stream = streamRoute(rawPath)
    if (stream) {
      requests++
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
      if (!authorized(req)) return sendProblem(res, 401, 'Unauthorized')
      return handleStream(req, res, stream.kind, stream.target)
    }
    const path = rawPath.replace(/\/+$/, '') || '/'
    if (path === '/_stats' || path === '/_stats/reset') {
      if (!authorized(req)) return sendProblem(res, 401, 'Unauthorized')
      if (path === '/_stats' && req.method === 'GET') return send(res, 200, { requests, commands })
      if (path === '/_stats/reset' && req.method === 'POST') {
        requests = 0
        commands = 0
        return send(res, 200, { requests, commands })
      }
      return sendProblem(res, 405, `${req.method} is not allowed on ${path}`)
    }

    requests++
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    if (!authorized(req)) return sendProblem(res, 401, 'Unauthorized')
    if (path !== '/' && path !== '/pipeline' && path !== '/multi-exec') return sendProblem(res, 404, `No route for ${path}`)
    if (req.method !== 'POST') return sendProblem(res, 405, `${req.method} is not allowed; send commands with POST`)

    const body = await readJson(req, maxBody)
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64'
    const result = (o: Outcome) => (o.ok ? { result: encodeReply(o.reply, base64) } : { error: o.error })

    if (path === '/') {
      const args = toArgs(body)
      if (!args) throw new HttpError(400, 'Invalid command: expected a non-empty JSON array of strings and numbers')
      commands++
      const prepared = executor.prepare(args)
      if (typeof prepared === 'string') return send(res, 400, { error: prepared })
      const outcome = await executor.one(prepared)
      return send(res, outcome.ok ? 200 : 400, result(outcome))
    }

    if (!Array.isArray(body) || body.length === 0) throw new HttpError(400, 'Invalid body: expected a non-empty JSON array of commands')
    const list = body.map((c) => toArgs(c))
    const bad = list.indexOf(undefined)
    if (bad >= 0) throw new HttpError(400, `Invalid command at index ${bad}: expected a non-empty JSON array of strings and numbers`)
    commands += list.length
    const prepared = list.map((a) => executor.prepare(a!))

    if (path === '/pipeline') return send(res, 200, (await executor.pipeline(prepared)).map(result))

    const refused = prepared.find((p): p is string => typeof p === 'string')
    if (refused) return send(res, 400, { error: refused })
    return send(res, 200, (await executor.multi(prepared as PreparedCommand[])).map(result))
  }

  const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy()
      if (err instanceof HttpError) {
        if (err.status === 413) res.setHeader('connection', 'close')
        return sendProblem(res, err.status, err.message)
      }
      if (err instanceof RedisReplyError) return send(res, 400, { error: err.message })
      if (err instanceof RedisUnavailableError) return send(res, 503, { error: err.message })
      log(`internal error: ${err instanceof Error ? err.message : String(err)}`)
      sendProblem(res, 500, 'Internal error')
    })
  })

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  const url = `http://${shownHost}:${port}`

  return {
    url,
    port,
    stats: () => ({ requests, commands }),
    streams: () => hub.size,
    close: async () => {
      hub.closeAll()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await executor.close()
    },
  }
}

/** The executor for the topology asked for (cluster support is loaded only when used). */
async function createExecutor(options: RedisHttpOptions): Promise<Executor> {
  if (options.cluster && options.redisUrl) throw new Error('redis-http: give either redisUrl or cluster, not both')
  if (options.cluster) {
    if (options.cluster.length === 0) throw new Error('redis-http: cluster needs at least one node')
    const { ClusterExecutor } = await import('./cluster.ts')
    return new ClusterExecutor({ nodes: options.cluster, commandTimeoutMs: options.commandTimeoutMs })
  }
  if (!options.redisUrl) throw new Error('redis-http: redisUrl (or cluster) is required')
  return new RedisExecutor({ redisUrl: options.redisUrl, commandTimeoutMs: options.commandTimeoutMs })
}
