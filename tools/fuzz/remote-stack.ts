/**
 * The remote-mode stack for `FUZZ_MODE=remote tools/fuzz/run.sh`: redis-server ◀ redis-http and
 * FerretDB ◀ gateway on free loopback ports (the servers the test harness uses). Writes the
 * gatehouse settings that reach them to the file given as argument (`KEY=value` lines), then
 * runs until SIGTERM/SIGINT and stops everything.
 *
 *   npx node tools/fuzz/remote-stack.ts /tmp/remote.env
 */
import { randomBytes } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'
import { startGateway } from '../../gateway/server.ts'
import { startFerretDb } from '../ferretdb/server.ts'
import { progress } from '../lib/process.ts'
import { startRedisServer } from '../lib/redis-server.ts'
import { startRedisHttp } from '../redis-http/server.ts'

const out = process.argv[2]
if (!out) {
  console.error('usage: remote-stack.ts <env-file>')
  process.exit(2)
}

const stops: Array<() => Promise<void>> = []
const stopAll = async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined)
}

try {
  const [redis, ferret] = await Promise.all([startRedisServer(), startFerretDb()])
  stops.push(redis.stop, ferret.stop)
  const redisToken = randomBytes(16).toString('hex')
  const gatewayKey = randomBytes(16).toString('hex')
  const http = await startRedisHttp({ redisUrl: redis.url, token: redisToken, port: 0, quiet: true })
  stops.unshift(http.close)
  // One connection, as in the test harness: FerretDB v1 conditional updates are not atomic across connections.
  const gw = await startGateway({
    mongodbUri: `${ferret.uri}${ferret.uri.includes('?') ? '&' : '?'}maxPoolSize=1`,
    apiKeys: [gatewayKey],
    port: 0,
    quiet: true,
  })
  stops.unshift(gw.close)
  const env = {
    UPSTASH_REDIS_REST_URL: http.url,
    UPSTASH_REDIS_REST_TOKEN: redisToken,
    MONGO_DATA_API_URL: gw.url,
    MONGO_DATA_API_KEY: gatewayKey,
  }
  // Written whole, then renamed: the runner polls for the file.
  writeFileSync(
    `${out}.tmp`,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    { mode: 0o600 },
  )
  renameSync(`${out}.tmp`, out)
  progress(`remote stack ready: redis-http ${http.url}, gateway ${gw.url}`)
} catch (err) {
  await stopAll()
  console.error(`remote stack failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    await stopAll()
    process.exit(0)
  })
}
