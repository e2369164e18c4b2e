/**
 * Vitest globalSetup: provisions and starts the real servers every backend-facing suite uses, on
 * free loopback ports, and stops them afterwards:
 *   redis-server (Debian) ◀─ tools/redis-http (Upstash REST)      FerretDB (SQLite) ◀─ gateway/ (Data API v1)
 * Their addresses reach tests through `inject(...)` (and workerd tests through bindings).
 * A server that cannot be provisioned fails the run with its reason — never a silent skip.
 *
 * For quick local loops, GATEHOUSE_SERVICES=redis,ferretdb (say) starts only some of them; a test
 * that needs a missing one fails loudly through `need()` in tests/harness/services.ts.
 */
import type { ProvidedContext } from 'vitest'
import type { TestProject } from 'vitest/node'
import { progress } from '../../tools/lib/process.ts'

export const REDIS_HTTP_TOKEN = 'test-token'
export const GATEWAY_KEY = 'test-gateway-key'

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
    redisHttpUrl: string
    redisHttpToken: string
    /** A redis-http of the workers project's own: its tests count requests exactly, the node project's must not move them. */
    workersRedisHttpUrl: string
    mongoUri: string
    gatewayUrl: string
    gatewayKey: string
  }
}

const ALL = ['redis', 'redis-http', 'ferretdb', 'gateway'] as const

type Provided = Partial<Record<keyof ProvidedContext, string>>

interface Stack {
  provided: Provided
  users: number
  stop(): Promise<void>
}

// Vitest calls a global setup once per project (node, workers): the services are started ONCE
// per run and shared — one Redis, one FerretDB — and stopped when the last project is done.
const STACK = Symbol.for('gatehouse.test-stack')
const shared = globalThis as { [STACK]?: Promise<Stack> }

export default async function setup(project: TestProject) {
  shared[STACK] ??= startStack()
  const stack = await shared[STACK]
  stack.users++
  for (const [key, value] of Object.entries(stack.provided)) project.provide(key as keyof ProvidedContext, value)
  return async () => {
    if (--stack.users === 0) {
      delete shared[STACK]
      await stack.stop()
    }
  }
}

async function startStack(): Promise<Stack> {
  const wanted = new Set((process.env.GATEHOUSE_SERVICES ?? ALL.join(',')).split(',').map((s) => s.trim()))
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const fn of stops.splice(0)) await fn().catch(() => undefined)
  }
  const started = Date.now()
  progress(`starting test services: ${[...wanted].join(', ')} ...`)
  const provided: Provided = {}
  try {
    await startServices(provided, wanted, stops)
  } catch (err) {
    // Never leave half a stack running: stop what did start, then fail the run with the reason.
    await stop()
    throw err
  }
  progress(`test services ready in ${Date.now() - started} ms`)
  return { provided, users: 0, stop }
}

async function startServices(provided: Provided, wanted: Set<string>, stops: Array<() => Promise<void>>) {
  const [redisResult, ferretResult] = await Promise.allSettled([
    wanted.has('redis') || wanted.has('redis-http') ? import('../../tools/lib/redis-server.ts').then((m) => m.startRedisServer()) : undefined,
    wanted.has('ferretdb') || wanted.has('gateway') ? import('../../tools/ferretdb/server.ts').then((m) => m.startFerretDb()) : undefined,
  ])
  if (redisResult.status === 'fulfilled' && redisResult.value) stops.push(redisResult.value.stop)
  if (ferretResult.status === 'fulfilled' && ferretResult.value) stops.push(ferretResult.value.stop)
  if (redisResult.status === 'rejected') throw new Error(`could not provision redis-server: ${String(redisResult.reason)}`)
  if (ferretResult.status === 'rejected') throw new Error(`could not provision FerretDB: ${String(ferretResult.reason)}`)
  const redis = redisResult.value
  const ferret = ferretResult.value

  if (redis) {
    provided.redisUrl = redis.url
    progress(`redis-server ready on ${redis.url}`)
  }
  if (ferret) {
    provided.mongoUri = ferret.uri
    progress(`FerretDB ready on ${ferret.uri}`)
  }
  if (redis && wanted.has('redis-http')) {
    const { startRedisHttp } = await import('../../tools/redis-http/server.ts')
    const srv = await startRedisHttp({ redisUrl: redis.url, token: REDIS_HTTP_TOKEN, port: 0, quiet: true })
    stops.unshift(srv.close)
    provided.redisHttpUrl = srv.url
    provided.redisHttpToken = REDIS_HTTP_TOKEN
    const workers = await startRedisHttp({ redisUrl: redis.url, token: REDIS_HTTP_TOKEN, port: 0, quiet: true })
    stops.unshift(workers.close)
    provided.workersRedisHttpUrl = workers.url
    progress(`redis-http ready on ${srv.url}`)
  }
  if (ferret && wanted.has('gateway')) {
    const { startGateway } = await import('../../gateway/server.ts')
    // One connection: FerretDB v1 runs updates as query-then-write, so conditional updates arriving
    // on two connections can both win (lost updates). Serialised, they behave as on MongoDB.
    const mongodbUri = `${ferret.uri}${ferret.uri.includes('?') ? '&' : '?'}maxPoolSize=1`
    const gw = await startGateway({ mongodbUri, apiKeys: [GATEWAY_KEY], port: 0, quiet: true })
    stops.unshift(gw.close)
    provided.gatewayUrl = gw.url
    provided.gatewayKey = GATEWAY_KEY
    progress(`gateway ready on ${gw.url}`)
  }
}
