/**
 * Deno entry (`npm run start:deno`): the same product as the Node entry — embedded by default on
 * Deno's node:sqlite, or remote. Thin on purpose: config → backends → app (src/entry/server.ts),
 * served by Deno.serve.
 */
import { getConnInfo } from 'hono/deno'
import { createDriverDocuments } from '../adapters/mongo/driver.ts'
import { createApp } from '../app.ts'
import { startHost } from './server.ts'

/** What this entry uses of Deno's global (its types are not installed: tsc checks against this). */
declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen(addr: { port: number }): void },
    handler: (req: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>,
  ): { shutdown(): Promise<void> }
}

const host = await startHost(process.env, { name: 'Deno', driver: createDriverDocuments })
const { config, backends, logger, metrics, executionCtx } = host
// The client address: the connection info Deno.serve hands the handler (as env).
const app = createApp({ config, backends, logger, metrics, connectionAddress: (c) => getConnInfo(c).remote.address })

const server = Deno.serve({ port: host.port, hostname: host.hostname, onListen: (addr) => host.listening(addr.port) }, (req, info) =>
  app.fetch(req, info, executionCtx),
)
host.stopOnSignal(() => server.shutdown())
