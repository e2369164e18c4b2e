/**
 * The gateway's Hono app: auth → app id → size limit → action lookup → body parse → allow-list and
 * guards → one driver call → answer in the negotiated format. Every failure becomes `{error,
 * error_code, link}`; unexpected ones are logged by name only and answered with a generic 500.
 *
 * Every route exists under two bases: none (`/action/<name>`, `/ping`) and the original Atlas
 * shape `/app/<app-id>/endpoint/data/v1` (`…/action/<name>`, `…/ping`).
 */
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { MongoClient } from 'mongodb'
import { ACTIONS } from './actions.ts'
import type { ResolvedKey } from './auth.ts'
import { type AuthOptions, createAuthenticator } from './authenticate.ts'
import { toGatewayError } from './backend-errors.ts'
import { errorBody, GatewayError } from './errors.ts'
import { requiredString } from './fields.ts'
import { assertAllowed, assertCollectionName, assertDatabaseName, containsDecimal } from './guards.ts'
import type { GatewayLogger } from './log.ts'
import { answerFormat, decodeBody, encodeAnswer, type Format, requestFormat } from './wire.ts'

export interface GatewayAppOptions extends AuthOptions {
  client: MongoClient
  /** App ids accepted in `/app/<app-id>/endpoint/data/v1/…`; absent = any well-formed id. */
  appIds?: string[]
  logger: GatewayLogger
  maxBodyBytes: number
  findLimitCap: number
}

type Env = { Variables: { key: ResolvedKey; app?: string; action?: string; database?: string; collection?: string } }

/** The Atlas URL shape's prefix. */
const ATLAS_BASE = '/app/:appId/endpoint/data/v1'
/** What an app id may look like (Atlas ids were like `data-abcde`). */
const APP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

const CONTENT_TYPES: Record<Format, string> = { json: 'application/json', ejson: 'application/ejson' }

function fail(c: Context, err: GatewayError): Response {
  return c.json(errorBody(err), err.status)
}

export function createGatewayApp(options: GatewayAppOptions): Hono<Env> {
  const { client, logger } = options
  const authenticate = createAuthenticator(options)
  options.appIds?.forEach((id, i) => {
    if (!APP_ID.test(id)) throw new Error(`[gateway] app id #${i} is not a valid app id (letters, digits, . _ -)`)
  })
  const appIds = options.appIds && new Set(options.appIds)
  const app = new Hono<Env>()

  // FerretDB v1 cannot decode Decimal128 and closes the connection on one; asked once (buildInfo
  // carries `ferretdbVersion`), and only when a body holds a Decimal128.
  let ferretDb: Promise<boolean> | undefined
  const isFerretDb = () =>
    (ferretDb ??= client
      .db('admin')
      .command({ buildInfo: 1 })
      .then(
        (info) => 'ferretdbVersion' in info,
        (err) => {
          ferretDb = undefined
          throw err
        },
      ))

  // One log line per request: method, path, action, namespace, status, duration. No bodies, no
  // credentials (the principal appears as its label: key#N, user#N, jwt).
  app.use(async function requestLog(c, next) {
    const started = performance.now()
    await next()
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      app: c.get('app'),
      action: c.get('action'),
      database: c.get('database'),
      collection: c.get('collection'),
      key: c.get('key')?.label,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })

  app.use(async function authentication(c, next) {
    try {
      c.set('key', await authenticate({ get: (n) => c.req.header(n) }))
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err
      // Auth messages never hold credentials (authenticate.ts), so the reason can be logged.
      if (err.status >= 500) logger.error('authentication unavailable', { error: err.code, reason: err.message, path: c.req.path })
      return fail(c, err)
    }
    await next()
  })

  app.use(`${ATLAS_BASE}/*`, async function appId(c, next) {
    const id = c.req.param('appId') ?? ''
    if (!APP_ID.test(id) || (appIds && !appIds.has(id))) return fail(c, new GatewayError(404, 'NotFound', 'unknown app id'))
    c.set('app', id)
    await next()
  })

  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) => fail(c, new GatewayError(413, 'PayloadTooLarge', `request body exceeds ${options.maxBodyBytes} bytes`)),
  })

  async function runAction(c: Context<Env>): Promise<Response> {
    const name = c.req.param('name') ?? ''
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined
    if (!action) return fail(c, new GatewayError(404, 'ActionNotFound', `unknown action "${name.slice(0, 64)}"`))
    c.set('action', name)
    const format = requestFormat(c.req.header('content-type'))
    if (!format) throw new GatewayError(400, 'InvalidParameter', 'Content-Type must be application/json or application/ejson')
    const body = decodeBody(await c.req.text(), format)
    requiredString(body, 'dataSource')
    const database = requiredString(body, 'database')
    const collection = requiredString(body, 'collection')
    assertDatabaseName(database)
    assertCollectionName(collection)
    c.set('database', database)
    c.set('collection', collection)
    const key = c.get('key')
    assertAllowed(key.scope, database, collection)
    if (containsDecimal(body) && (await isFerretDb())) {
      throw new GatewayError(501, 'NotSupported', 'Decimal128 values are not supported by this database (FerretDB v1)')
    }
    const answer = await action({ coll: client.db(database).collection(collection), body, scope: key.scope, findLimitCap: options.findLimitCap })
    const out = answerFormat(c.req.header('accept'), format)
    return c.body(encodeAnswer(answer, out), 200, { 'content-type': CONTENT_TYPES[out] })
  }

  for (const base of ['', ATLAS_BASE]) {
    /** Extension: health. Auth required, so a client's ping also proves its credential works. */
    app.get(`${base}/ping`, async (c) => {
      await client.db('admin').command({ ping: 1 })
      return c.json({ ok: 1 })
    })
    app.post(`${base}/action/:name`, limit, runAction)
  }

  app.notFound((c) => fail(c, new GatewayError(404, 'NotFound', `no route for ${c.req.method} ${c.req.path.slice(0, 128)}`)))

  app.onError((err, c) => {
    const mapped = toGatewayError(err)
    if (mapped.status >= 500) {
      const code = (err as { code?: unknown }).code
      logger.error('request failed', {
        error: (err as Error)?.name ?? 'unknown',
        code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
        path: c.req.path,
      })
    }
    return fail(c, mapped)
  })

  return app
}
