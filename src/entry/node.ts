/**
 * Node entry (`npm start`). With no Redis/MongoDB settings it runs embedded: every port on a
 * node:sqlite file in GATEHOUSE_DATA_DIR (./data). Thin on purpose: config → backends → app
 * (src/entry/server.ts, shared with the Bun and Deno entries), served by @hono/node-server.
 */
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createDriverDocuments } from '../adapters/mongo/driver.ts'
import { createApp } from '../app.ts'
import { startHost } from './server.ts'

const host = await startHost(process.env, { name: 'Node', driver: createDriverDocuments })
const { config, backends, logger, metrics, executionCtx } = host
// The client address is the socket's peer (getConnInfo reads the Node bindings handed to fetch).
const app = createApp({ config, backends, logger, metrics, connectionAddress: (c) => getConnInfo(c).remote.address })

const server = serve({ fetch: (req, env) => app.fetch(req, env, executionCtx), port: host.port, hostname: host.hostname }, (info) => host.listening(info.port))
host.stopOnSignal(() => new Promise((done) => server.close(done)))
