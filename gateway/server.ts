/**
 * The Data API v1 gateway: MongoDB over HTTP for edge runtimes, in front of any MongoDB-wire
 * server (MongoDB, FerretDB). One pooled MongoClient for the whole process.
 *
 * @example
 * const gw = await startGateway({ mongodbUri: 'mongodb://127.0.0.1:27017', apiKeys: ['dev-key'], port: 0 })
 * await fetch(`${gw.url}/action/findOne`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', apiKey: 'dev-key' },
 *   body: JSON.stringify({ dataSource: 'local', database: 'app', collection: 'users', filter: { name: 'a' } }),
 * })
 * await gw.close()
 */

import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { MongoClient } from 'mongodb'
import { createGatewayApp } from './app.ts'
import type { AuthOptions } from './authenticate.ts'
import { createLogger, type GatewayLogger } from './log.ts'

/**
 * Credentials (at least one kind): `apiKeys` — a list (full access) or key → allow-list of
 * databases/collections; `users` — email → {passwordHash, databases?, collections?}; `jwt` —
 * {jwksUrl, issuer?, audience?, scope?, timeoutMs?}. See gateway/README.md "Authentication".
 */
export interface GatewayOptions extends AuthOptions {
  /** mongodb:// URI of the backend. Never logged (it may carry credentials). */
  mongodbUri: string
  /** App ids accepted in `/app/<app-id>/endpoint/data/v1/…`; absent = any well-formed id. */
  appIds?: string[]
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** No log lines at all. */
  quiet?: boolean
  /** Where log lines go (default: JSON lines on stderr, or nothing when quiet). */
  logger?: GatewayLogger
  /** Largest accepted request body in bytes (default 1 MiB); larger → 413. */
  maxBodyBytes?: number
  /** Largest `find` limit and aggregate result size (default 50,000, the v1 maximum). */
  findLimitCap?: number
}

export interface RunningGateway {
  /** http://host:port — actions live under `${url}/action/` and `${url}/app/<app-id>/endpoint/data/v1/action/`. */
  url: string
  port: number
  /** Stops accepting, lets in-flight requests finish (up to 5 s), then closes the MongoClient. */
  close(): Promise<void>
}

const SHUTDOWN_GRACE_MS = 5000

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(options.quiet)
  const host = options.host ?? '127.0.0.1'
  // Lazy connect: the driver connects on first use and reconnects by itself, so the gateway can
  // start before the database does.
  const client = new MongoClient(options.mongodbUri, { serverSelectionTimeoutMS: 5000, appName: 'gatehouse-gateway' })
  const app = createGatewayApp({
    client,
    apiKeys: options.apiKeys,
    users: options.users,
    jwt: options.jwt,
    appIds: options.appIds,
    logger,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    findLimitCap: options.findLimitCap ?? 50_000,
  })

  const server = await new Promise<Server>((resolve, reject) => {
    const srv = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(srv as Server)) as Server
    srv.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  logger.info('listening', { url })

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
          server.close(() => {
            clearTimeout(force)
            resolve()
          })
          server.closeIdleConnections()
        })
        await client.close()
        logger.info('stopped')
      })()
      return closing
    },
  }
}
