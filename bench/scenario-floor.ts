/**
 * "The floor" of the gate benchmark: the least an authenticated, Redis-backed GET can cost on
 * this stack — a Hono route on @hono/node-server that verifies the caller's JWT with jose (the
 * same token and key as gatehouse's, every request) and makes ONE fetch of a one-command Redis
 * pipeline to redis-http. No middleware, no sessions, no limits, no cache. Started by
 * bench/scenario-stack.ts:
 *   npx node bench/scenario-floor.ts   (FLOOR_PUBLIC_JWK, FLOOR_ISSUER, FLOOR_AUDIENCE,
 *                                       FLOOR_REDIS_URL, FLOOR_REDIS_TOKEN in the environment)
 * Prints "listening on http://127.0.0.1:PORT".
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { importJWK, type JWK, jwtVerify } from 'jose'

const need = (name: string) => {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is required`)
  return v
}
const jwk = JSON.parse(need('FLOOR_PUBLIC_JWK')) as JWK
const key = await importJWK(jwk, jwk.alg)
const options = { issuer: need('FLOOR_ISSUER'), audience: need('FLOOR_AUDIENCE'), algorithms: [jwk.alg!] }
const redisUrl = `${need('FLOOR_REDIS_URL')}/pipeline`
const redisAuth = `Bearer ${need('FLOOR_REDIS_TOKEN')}`
const command = JSON.stringify([['GET', 'floor']])

const app = new Hono()
app.get('/floor', async (c) => {
  const m = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')
  if (!m) return c.json({ error: 'unauthenticated' }, 401)
  const { payload } = await jwtVerify(m[1]!, key, options).catch(() => ({ payload: null }))
  if (!payload) return c.json({ error: 'unauthenticated' }, 401)
  const res = await fetch(redisUrl, { method: 'POST', headers: { authorization: redisAuth }, body: command })
  const [answer] = (await res.json()) as Array<{ result: unknown }>
  return c.json({ sub: payload.sub, value: answer?.result ?? null })
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`floor listening on http://127.0.0.1:${info.port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
