/**
 * Bun entry (`npm run start:bun`): the same product as the Node entry — embedded by default, on
 * node:sqlite where Bun has it, else on bun:sqlite (EMBEDDED_SQLITE picks one), or remote.
 * Thin on purpose: config → backends → app (src/entry/server.ts), served by Bun.serve.
 */
import { getConnInfo } from 'hono/bun'
import { createDriverDocuments } from '../adapters/mongo/driver.ts'
import { createApp } from '../app.ts'
import { startHost } from './server.ts'

/** What this entry uses of Bun's global (its types are not installed: tsc checks against this). */
declare const Bun: {
  serve(options: { port: number; hostname: string; fetch: (req: Request, server: object) => Response | Promise<Response> }): {
    port: number
    stop(): Promise<void>
  }
}

const host = await startHost(process.env, {
  name: 'Bun',
  ownSqlite: { name: 'bun:sqlite', load: async () => (await import('../adapters/embedded/sqlite-bun.ts')).bunSqlite() },
  driver: createDriverDocuments,
})
const { config, backends, logger, metrics, executionCtx } = host
// The client address: Bun's server (handed to fetch as env) knows each request's peer.
const app = createApp({ config, backends, logger, metrics, connectionAddress: (c) => getConnInfo(c).remote.address })

const server = Bun.serve({ port: host.port, hostname: host.hostname, fetch: (req, bun) => app.fetch(req, bun, executionCtx) })
host.listening(server.port)
host.stopOnSignal(() => server.stop())
