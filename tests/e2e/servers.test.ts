/**
 * The end-to-end scenario (./scenario.ts) against each runtime's REAL server, started as a child
 * process with the npm script's own command line (npm start, npm run start:bun, npm run
 * start:deno) on a free port: embedded, each on a temporary data dir, and Bun in remote mode
 * against the harness's redis-http + Data API gateway. Requests come over real sockets from an
 * address of the run's own, which the server must report (sessions) and count.
 *
 * Then one data dir through three runtimes and both SQLite bindings: what Node wrote through
 * node:sqlite, Bun reads and extends through bun:sqlite, and Deno reads through its node:sqlite.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../../src/services/keys.ts'
import { type RunningServer, type ServerRuntime, startServer } from '../harness/node-server.ts'
import { need, uniq } from '../harness/services.ts'
import { socketClient } from './client.ts'
import { runScenario, uniqueLoopbackAddress } from './scenario.ts'
import { SCENARIO_ENV } from './settings.ts'

interface Case {
  name: string
  runtime: ServerRuntime
  /** What the start-up line must say: the runtime and its SQLite binding, or remote mode. */
  announced: string
  env?: () => Promise<Record<string, string>>
}

const remote = async () => ({
  UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
  UPSTASH_REDIS_REST_TOKEN: need('redisHttpToken'),
  MONGO_DATA_API_URL: need('gatewayUrl'),
  MONGO_DATA_API_KEY: need('gatewayKey'),
  MONGO_DB_NAME: uniq('e2e').replace(/[^A-Za-z0-9_-]/g, '_'),
  JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
})

const CASES: Case[] = [
  { name: 'Node, embedded', runtime: 'node', announced: 'EMBEDDED mode (Node, node:sqlite)' },
  { name: 'Bun, embedded', runtime: 'bun', announced: 'EMBEDDED mode (Bun, node:sqlite)' },
  {
    name: 'Bun, embedded on bun:sqlite',
    runtime: 'bun',
    announced: 'EMBEDDED mode (Bun, bun:sqlite)',
    env: async () => ({ EMBEDDED_SQLITE: 'bun:sqlite' }),
  },
  { name: 'Deno, embedded', runtime: 'deno', announced: 'EMBEDDED mode (Deno, node:sqlite)' },
  { name: 'Bun, remote', runtime: 'bun', announced: 'remote mode (Bun) — Redis over HTTP, MongoDB via Data API', env: remote },
]

describe.each(CASES)('the end-to-end scenario on the real server: $name', ({ runtime, announced, env }) => {
  let server: RunningServer | undefined

  beforeAll(async () => {
    server = await startServer(runtime, { ...SCENARIO_ENV, LOG_LEVEL: 'warn', ...(await env?.()) })
  }, 60_000)
  afterAll(async () => server?.stop())

  it('register → sign in → sessions → profile → uploads → cache hit → 429 → logout → 401', async () => {
    expect(server!.output()).toContain(announced)
    await runScenario(socketClient(server!.origin, uniqueLoopbackAddress()))
  })
})

describe('one data dir through Node, Bun and Deno (node:sqlite and bun:sqlite)', () => {
  const servers: RunningServer[] = []
  const start = async (runtime: ServerRuntime, dataDir: string, env: Record<string, string> = {}) => {
    const server = await startServer(runtime, { LOG_LEVEL: 'warn', ...env }, { dataDir })
    servers.push(server)
    return server
  }
  let dataDir = ''

  afterAll(async () => {
    for (const s of servers) await s.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('what one runtime wrote, the next reads and extends: accounts, sessions, tokens, uploads', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-shared-'))
    const email = `dir-${Date.now().toString(36)}@example.test`
    const password = 'correct horse battery staple'
    const json = (method: string, body?: unknown, token?: string) => ({
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const upload = (name: string) => ({ source: 's', environment: 'e', file_name: name, file_size: 1, format_type: 'text', log_count: 1 })
    const fileNames = async (origin: string, token: string) => {
      const r = await fetch(`${origin}/api/v1/logs/metadata/`, json('GET', undefined, token))
      expect(r.status).toBe(200)
      return ((await r.json()) as { metadata: Array<{ file_name: string }> }).metadata.map((u) => u.file_name).sort()
    }

    // Node (node:sqlite): an account, a session, an upload.
    const node = await start('node', dataDir)
    expect((await fetch(`${node.origin}/api/v1/auth/register`, json('POST', { email, password, organization: 'Dir Org' }))).status).toBe(201)
    const nodeLogin = (await (await fetch(`${node.origin}/api/v1/auth/login`, json('POST', { email, password }))).json()) as { access_token: string }
    expect((await fetch(`${node.origin}/api/v1/logs/metadata/`, json('POST', upload('from-node.log'), nodeLogin.access_token))).status).toBe(201)
    await node.stop()

    // Bun on bun:sqlite: Node's token (signing key file + session row) still works; it adds an upload.
    const bun = await start('bun', dataDir, { EMBEDDED_SQLITE: 'bun:sqlite' })
    expect(bun.output()).toContain('EMBEDDED mode (Bun, bun:sqlite)')
    const me = await fetch(`${bun.origin}/api/v1/auth/me`, json('GET', undefined, nodeLogin.access_token))
    expect(me.status, await me.clone().text()).toBe(200)
    expect(await fileNames(bun.origin, nodeLogin.access_token)).toEqual(['from-node.log'])
    expect((await fetch(`${bun.origin}/api/v1/logs/metadata/`, json('POST', upload('from-bun.log'), nodeLogin.access_token))).status).toBe(201)
    await bun.stop()

    // Deno (node:sqlite): a fresh sign-in against the same account; both uploads are there.
    const deno = await start('deno', dataDir)
    expect(deno.output()).toContain('EMBEDDED mode (Deno, node:sqlite)')
    const denoLogin = await fetch(`${deno.origin}/api/v1/auth/login`, json('POST', { email, password }))
    expect(denoLogin.status).toBe(200)
    const token = ((await denoLogin.json()) as { access_token: string }).access_token
    expect(await fileNames(deno.origin, token)).toEqual(['from-bun.log', 'from-node.log'])
    const sessions = await fetch(`${deno.origin}/api/v1/auth/sessions`, json('GET', undefined, token))
    expect(((await sessions.json()) as { sessions: unknown[] }).sessions).toHaveLength(2)
  })
})
