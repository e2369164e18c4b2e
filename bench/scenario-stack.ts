/**
 * The gate benchmark's stack, every server on a free loopback port and (except redis-server and
 * FerretDB, which are native) in its own Node process started through lib/child.ts (so each can
 * report its own CPU time):
 *
 *   redis-server ◀─ redis-http (no delay)  ◀─ app "fast"  ─────────────┐
 *                ◀─ redis-http (no delay)  ◀─ app "slow docs" ─▶ delay proxy (+D ms) ─┤
 *                ◀─ redis-http (+R ms)     ◀─ app "slow redis" ───────┼─▶ gateway (Data API) ▶ FerretDB
 *   bare Hono (no backend) · the floor (Hono + jose + one redis-http fetch; twice: to each
 *   redis-http) · app "embedded" (SQLite)
 *
 * The three remote apps run src/entry/node.ts, share one signing key, one Redis and one database,
 * so a token from one is good on the others. The embedded app has its own data directory.
 */
import type { JWK } from 'jose'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { startFerretDb } from '../tools/ferretdb/server.ts'
import { progress } from '../tools/lib/process.ts'
import { startRedisServer } from '../tools/lib/redis-server.ts'
import { type Child, startChild } from './lib/child.ts'
import { startEmbedded, UNSPENDABLE } from './scenario-embedded.ts'

export const REDIS_TOKEN = 'bench-redis-token'
const GATEWAY_KEY = 'bench-gateway-key'

export interface StackOptions {
  /** Injected Redis delay of the "slow redis" app, ms. */
  redisDelayMs: number
  /** Injected Data API delay of the "slow docs" app, ms. */
  docsDelayMs: number
}

export interface Stack {
  bare: Child
  floor: Child
  /** The floor again, its Redis fetch through the delayed redis-http (what the delay alone costs). */
  slowFloor: Child
  apps: { fast: Child; slowRedis: Child; slowDocs: Child; embedded: Child }
  /** redis-http of the fast app (its counter gives Redis requests per API request). */
  redisHttp: { fast: string; slow: string }
  stop(): Promise<void>
}

/** The public half of a private JWK (what the floor verifies with): all but `d`. */
function publicJwk(jwk: JWK): JWK {
  const { d: _private, ...rest } = jwk
  return rest
}

/** Starts the whole stack; `stop()` ends every process it started. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  const track = <T extends { stop(): Promise<void> }>(c: T): T => {
    stops.push(() => c.stop())
    return c
  }
  try {
    progress('bench: starting redis-server and FerretDB ...')
    const [redis, ferret] = await Promise.all([startRedisServer(), startFerretDb()])
    stops.push(redis.stop, ferret.stop)

    progress('bench: starting redis-http (x2), the Data API gateway, the bare Hono baseline ...')
    const redisHttp = (delay: number) =>
      startChild(`redis-http (delay ${delay} ms)`, [
        'tools/redis-http/main.ts',
        '--redis',
        redis.url,
        '--token',
        REDIS_TOKEN,
        '--port',
        '0',
        '--delay-ms',
        String(delay),
      ]).then(track)
    const [fastHttp, slowHttp, gateway, bare] = await Promise.all([
      redisHttp(0),
      redisHttp(options.redisDelayMs),
      startChild('gateway', ['gateway/main.ts', '--mongodb-uri', ferret.uri, '--port', '0', '--quiet'], { GATEWAY_API_KEYS: GATEWAY_KEY }).then(track),
      startChild('bare hono', ['bench/scenario-bare.ts', '--port', '0']).then(track),
    ])
    const jwk = await generateSigningJwk()
    progress(`bench: starting the delay proxy (+${options.docsDelayMs} ms), the floor, the embedded app ...`)
    const floorOn = (name: string, redisUrl: string) =>
      startChild(name, ['bench/scenario-floor.ts'], {
        FLOOR_PUBLIC_JWK: JSON.stringify(publicJwk(jwk)),
        FLOOR_ISSUER: 'gatehouse',
        FLOOR_AUDIENCE: 'gatehouse-api',
        FLOOR_REDIS_URL: redisUrl,
        FLOOR_REDIS_TOKEN: REDIS_TOKEN,
      }).then(track)
    const [proxy, floor, slowFloor, embedded] = await Promise.all([
      startChild('delay proxy', ['bench/delay-proxy.ts', '--target', gateway.url, '--delay-ms', String(options.docsDelayMs)]).then(track),
      floorOn('floor', fastHttp.url),
      floorOn('floor (slow Redis)', slowHttp.url),
      startEmbedded().then(track),
    ])

    progress('bench: starting the gatehouse app (x3, @hono/node-server, remote mode) ...')
    const shared = {
      ...UNSPENDABLE,
      JWT_PRIVATE_JWK: JSON.stringify(jwk),
      MONGO_DATA_API_KEY: GATEWAY_KEY,
      MONGO_DB_NAME: 'gatehouse_bench',
      UPSTASH_REDIS_REST_TOKEN: REDIS_TOKEN,
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
    }
    // One after the other: they create the same indexes at start-up (under a lock, but quicker so).
    const app = (name: string, redisUrl: string, docsUrl: string) =>
      startChild(name, ['src/entry/node.ts'], { ...shared, UPSTASH_REDIS_REST_URL: redisUrl, MONGO_DATA_API_URL: docsUrl }).then(track)
    const fast = await app('gatehouse app', fastHttp.url, gateway.url)
    const slowRedis = await app('gatehouse app (slow Redis)', slowHttp.url, gateway.url)
    const slowDocs = await app('gatehouse app (slow Data API)', fastHttp.url, proxy.url)
    return {
      bare,
      floor,
      slowFloor,
      apps: { fast, slowRedis, slowDocs, embedded },
      redisHttp: { fast: fastHttp.url, slow: slowHttp.url },
      stop: stopAll,
    }
  } catch (err) {
    await stopAll()
    throw err
  }
}
