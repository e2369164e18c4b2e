/**
 * The gate benchmark's stack, every server on a free loopback port and (except redis-server and
 * FerretDB, which are native) in its own Node process, as deployed:
 *   redis-server ◀─ redis-http (no delay)  ◀─ gatehouse app A ─┐
 *               ◀─ redis-http (delay D ms) ◀─ gatehouse app B ─┼─▶ gateway (Data API) ▶ FerretDB
 *   bare Hono (baseline, no backend)                            ┘
 * Both apps run src/entry/node.ts in remote mode, share one signing key and one database, so a
 * token from one is good on the other.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { startFerretDb } from '../tools/ferretdb/server.ts'
import { progress, stopChild } from '../tools/lib/process.ts'
import { startRedisServer } from '../tools/lib/redis-server.ts'

export const REDIS_TOKEN = 'bench-redis-token'
const GATEWAY_KEY = 'bench-gateway-key'

export interface Stack {
  bareUrl: string
  /** The app whose Redis answers at once, and the one behind the delayed redis-http. */
  apps: { fast: string; delayed: string }
  redisHttp: { fast: string; delayed: string }
  delayMs: number
  stop(): Promise<void>
}

/** Starts a Node child (same binary) and resolves the URL it prints on a "listening on" line. */
function child(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  let err = ''
  proc.stderr!.on('data', (d) => (err = (err + d).slice(-4000)))
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s:\n${err}`)), 30_000)
    proc.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/[^\s/]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        proc.stdout!.removeAllListeners('data')
        proc.stdout!.resume()
        resolve({ url: m[1]!, proc })
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code}:\n${err}`))
    })
  })
}

/** Starts the whole stack; `stop()` ends every process it started. */
export async function startStack(options: { delayMs: number }): Promise<Stack> {
  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  const track = (c: { proc: ChildProcess }) => stops.push(() => stopChild(c.proc))
  try {
    progress('bench: starting redis-server and FerretDB ...')
    const [redis, ferret] = await Promise.all([startRedisServer(), startFerretDb()])
    stops.push(redis.stop, ferret.stop)

    progress('bench: starting redis-http (x2), the Data API gateway and the bare Hono baseline ...')
    const redisHttp = (delay: number) =>
      child(`redis-http (delay ${delay} ms)`, [
        'tools/redis-http/main.ts',
        '--redis',
        redis.url,
        '--token',
        REDIS_TOKEN,
        '--port',
        '0',
        '--delay-ms',
        String(delay),
      ])
    const [fastHttp, delayedHttp, gateway, bare] = await Promise.all([
      redisHttp(0),
      redisHttp(options.delayMs),
      child('gateway', ['gateway/main.ts', '--mongodb-uri', ferret.uri, '--port', '0', '--quiet'], { GATEWAY_API_KEYS: GATEWAY_KEY }),
      child('bare hono', ['bench/scenario-bare.ts', '--port', '0']),
    ])
    for (const c of [fastHttp, delayedHttp, gateway, bare]) track(c)

    progress('bench: starting the gatehouse app (x2, @hono/node-server, remote mode) ...')
    const shared = {
      JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
      MONGO_DATA_API_URL: gateway.url,
      MONGO_DATA_API_KEY: GATEWAY_KEY,
      MONGO_DB_NAME: 'gatehouse_bench',
      UPSTASH_REDIS_REST_TOKEN: REDIS_TOKEN,
      // The benchmark measures cost, not refusals: budgets no run can spend.
      RATE_LIMIT_REQUESTS: '1000000000',
      QUOTA_API_CALLS_PER_HOUR: '1000000000',
      TENANT_API_CALLS_PER_HOUR: '1000000000',
      AUTH_RATE_LIMIT_IP: '1000000',
      AUTH_RATE_LIMIT_ACCOUNT: '1000000',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
    }
    const fast = await child('gatehouse app', ['src/entry/node.ts'], { ...shared, UPSTASH_REDIS_REST_URL: fastHttp.url })
    track(fast)
    const delayed = await child('gatehouse app (delayed Redis)', ['src/entry/node.ts'], { ...shared, UPSTASH_REDIS_REST_URL: delayedHttp.url })
    track(delayed)
    return {
      bareUrl: bare.url,
      apps: { fast: fast.url, delayed: delayed.url },
      redisHttp: { fast: fastHttp.url, delayed: delayedHttp.url },
      delayMs: options.delayMs,
      stop: stopAll,
    }
  } catch (err) {
    await stopAll()
    throw err
  }
}
