/**
 * A small HTTP proxy that adds latency in front of a server — the Data API gateway in the fault
 * tests: "the database is slow" without touching the database. Delays are set per Data API
 * action (the last path segment of `/action/<name>`, or `*` for every request) and can change
 * while the proxy runs. A request is held BEFORE it is forwarded, and forwarded even when the
 * client gave up in the meantime: exactly what a slow network does to a write — it still lands.
 *
 * @example
 * const proxy = await startDelayProxy(need('gatewayUrl'))
 * proxy.delay('insertOne', 3000) // every insertOne reaches the gateway 3 s late
 * // ... MONGO_DATA_API_URL: proxy.url
 * await proxy.close()
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface DelayProxy {
  url: string
  /** Holds every request for `action` (or `*`) `ms` before forwarding it; 0 removes the delay. */
  delay(action: string, ms: number): void
  /** How many requests for `action` were forwarded so far (reached the target). */
  forwarded(action: string): number
  /** Resolves when nothing is held or in flight (every delayed write has landed). */
  idle(): Promise<void>
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Headers that belong to one hop, not to the request (RFC 9110 §7.6.1). */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length'])

export async function startDelayProxy(target: string): Promise<DelayProxy> {
  const base = target.replace(/\/+$/, '')
  const delays = new Map<string, number>()
  const counts = new Map<string, number>()
  let busy = 0
  let waiters: Array<() => void> = []

  const actionOf = (url: string) => /\/action\/([A-Za-z]+)/.exec(url)?.[1] ?? url.split('?')[0]!

  async function handle(req: IncomingMessage, res: ServerResponse) {
    busy++
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const action = actionOf(req.url ?? '/')
      const wait = delays.get(action) ?? delays.get('*') ?? 0
      if (wait > 0) await sleep(wait)
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && typeof v === 'string') headers.set(k, v)
      const method = req.method ?? 'GET'
      const answer = await fetch(`${base}${req.url ?? '/'}`, {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      })
      counts.set(action, (counts.get(action) ?? 0) + 1)
      const body = Buffer.from(await answer.arrayBuffer())
      if (!res.destroyed) {
        const out: Record<string, string> = {}
        answer.headers.forEach((v, k) => {
          if (!HOP.has(k) && k !== 'content-encoding') out[k] = v
        })
        res.writeHead(answer.status, out).end(body)
      }
    } catch {
      if (!res.destroyed) res.writeHead(502).end()
    } finally {
      busy--
      if (busy === 0) for (const w of waiters.splice(0)) w()
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    delay(action, ms) {
      if (ms > 0) delays.set(action, ms)
      else delays.delete(action)
    },
    forwarded: (action) => counts.get(action) ?? 0,
    idle: () => (busy === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    async close() {
      waiters = []
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
