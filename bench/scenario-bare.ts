/**
 * The baseline of the gate benchmark: a bare Hono route on @hono/node-server, no middleware,
 * no backend. Started as a child process by bench/run.ts:
 *   npx node bench/scenario-bare.ts [--port 0]
 * Prints "listening on http://127.0.0.1:PORT".
 */

import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } })
const app = new Hono()
app.get('/bare', (c) => c.json({ ok: true }))

const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`bare hono listening on http://127.0.0.1:${info.port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
