/**
 * An HTTP proxy that answers every request D ms late: the gate benchmark puts it in front of the
 * Data API gateway to model a database far from the edge. Started by bench/scenario-stack.ts:
 *   npx node bench/delay-proxy.ts --target http://127.0.0.1:PORT --delay-ms 50
 * Prints "listening on http://127.0.0.1:PORT".
 */
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { target: { type: 'string' }, 'delay-ms': { type: 'string', default: '50' } } })
if (!values.target) throw new Error('--target is required')
const target = values.target.replace(/\/+$/, '')
const delayMs = Number(values['delay-ms'])
if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error('--delay-ms must be a non-negative number')

const server = createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== 'host' && k !== 'connection' && k !== 'content-length') headers.set(k, v)
    }
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
    // The delay adds to the upstream's own time, as a longer network path would.
    await new Promise((r) => setTimeout(r, delayMs))
    const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) })
    const out = Buffer.from(await answer.arrayBuffer())
    const type = answer.headers.get('content-type')
    res.writeHead(answer.status, { ...(type ? { 'content-type': type } : {}), 'content-length': out.length })
    res.end(out)
  } catch (err) {
    res.writeHead(502, { 'content-type': 'text/plain' })
    res.end(`delay proxy: ${String(err)}`)
  }
})
server.listen(0, '127.0.0.1', () => {
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  process.stdout.write(`delay proxy (${delayMs} ms) listening on http://127.0.0.1:${port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
