/**
 * `npm run admin -- grant-superadmin EMAIL` / `revoke-superadmin EMAIL` as a child process:
 * against the embedded data dir a started Node server is using at the same time (two processes
 * on one SQLite file), and against the remote backends of the harness. The account's next
 * sign-in is superadmin — and so is its existing session, from its next request.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, prepareStore, registerAdmin, signIn } from './auth-helpers.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { type NodeServer, startNodeServer } from './harness/node-server.ts'
import { need, uniq } from './harness/services.ts'

const ROOT = resolve(import.meta.dirname, '..')
/** Settings of the surrounding shell that must not reach the CLI: each run names its own. */
const NOT_INHERITED = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_|CORS_|TRUSTED_IP_HEADER$)/
const childEnv = (env: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k))), ...env })

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node tools/admin.ts ...args` with exactly these gatehouse settings. */
function admin(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/admin.ts', ...args], {
      cwd: ROOT,
      env: childEnv({ LOG_LEVEL: 'warn', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('admin CLI on the embedded data dir of a running Node server', () => {
  let dataDir: string
  let server: NodeServer
  const json = { 'content-type': 'application/json' }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-admin-'))
    server = await startNodeServer({ GATEHOUSE_DATA_DIR: dataDir })
  })
  afterAll(async () => {
    await server?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${server.origin}${path}`, {
      method,
      headers: { ...(body ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const register = async () => {
    const email = `${uniq('cli')}@example.test`
    const r = await api('POST', '/api/v1/auth/register', undefined, { email, password: PASSWORD, organization: `Org ${uniq()}` })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    const login = await api('POST', '/api/v1/auth/login', undefined, { email, password: PASSWORD })
    expect(login.status).toBe(200)
    return { email, tenantId: r.body.tenant_id as string, token: login.body.access_token as string }
  }

  it('grant-superadmin: the existing session is superadmin from its next request, and so is the next sign-in; revoke-superadmin undoes it', async () => {
    const boss = await register()
    const other = await register()
    const otherTenant = `/api/v1/users/tenant/users?tenant_id=${other.tenantId}`
    // Fill the profile cache: it must not keep showing the old role.
    expect((await api('GET', '/api/v1/users/profile', boss.token)).body.role).toBe('admin')
    expect((await api('GET', otherTenant, boss.token)).status).toBe(404)

    const granted = await admin({ GATEHOUSE_DATA_DIR: dataDir }, 'grant-superadmin', boss.email.toUpperCase())
    expect(granted.code, granted.stderr).toBe(0)
    expect(granted.stdout).toContain(`${boss.email} is now superadmin (was admin)`)
    expect(granted.stdout).toContain(`tenant ${boss.tenantId}`)
    expect(granted.stdout).toMatch(/its profile, 1 live session\b/)

    // The session opened before the command: superadmin on its very next request.
    expect((await api('GET', '/api/v1/auth/me', boss.token)).body.role).toBe('superadmin')
    const across = await api('GET', otherTenant, boss.token)
    expect(across.status, JSON.stringify(across.body)).toBe(200)
    expect(across.body.users.map((u: { tenant_id: string }) => u.tenant_id)).toEqual([other.tenantId])
    expect((await api('GET', '/api/v1/users/profile', boss.token)).body.role).toBe('superadmin')
    // The next sign-in.
    const next = await api('POST', '/api/v1/auth/login', undefined, { email: boss.email, password: PASSWORD })
    expect(next.status).toBe(200)
    expect(decodeJwt(next.body.access_token).role).toBe('superadmin')
    expect((await api('GET', '/api/v1/auth/me', next.body.access_token)).body.role).toBe('superadmin')

    // Running it again changes nothing and says so.
    const again = await admin({ GATEHOUSE_DATA_DIR: dataDir }, 'grant-superadmin', boss.email)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('(was superadmin)')
    expect(again.stdout).toMatch(/2 live sessions/)

    const revoked = await admin({ GATEHOUSE_DATA_DIR: dataDir }, 'revoke-superadmin', boss.email)
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.stdout).toContain('is no longer superadmin')
    expect((await api('GET', otherTenant, boss.token)).status).toBe(404)
    expect((await api('GET', '/api/v1/auth/me', next.body.access_token)).body.role).toBe('admin')
    const after = await api('POST', '/api/v1/auth/login', undefined, { email: boss.email, password: PASSWORD })
    expect(decodeJwt(after.body.access_token).role).toBe('admin')
    // Two processes on one SQLite file: the server never saw a locked database or an error.
    expect(server.output()).not.toMatch(/database is locked|SQLITE_BUSY|"level":"error"/)
  })

  it('clear refusals: unknown account 3, usage 2, bad configuration 1', async () => {
    const unknown = await admin({ GATEHOUSE_DATA_DIR: dataDir }, 'grant-superadmin', 'nobody@example.test')
    expect(unknown.code).toBe(3)
    expect(unknown.stderr).toContain('no account with the e-mail nobody@example.test')
    const none = await admin({ GATEHOUSE_DATA_DIR: dataDir })
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('grant-superadmin EMAIL')
    for (const args of [['promote', 'a@example.test'], ['grant-superadmin'], ['grant-superadmin', 'a@example.test', 'b@example.test']]) {
      const r = await admin({ GATEHOUSE_DATA_DIR: dataDir }, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^gatehouse admin: /)
    }
    expect((await admin({ GATEHOUSE_DATA_DIR: dataDir }, 'grant-superadmin', 'not-an-email')).code).toBe(2)
    const misconfigured = await admin({ UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' }, 'grant-superadmin', 'a@example.test')
    expect(misconfigured.code).toBe(1)
    expect(misconfigured.stderr).toContain('UPSTASH_REDIS_REST_TOKEN')
  })
})

describe('admin CLI on remote backends (Redis over HTTP + Data API)', () => {
  let t: TestApp
  let env: Record<string, string>

  beforeAll(async () => {
    const db = `cli${uniq().replace(/-/g, '')}`.slice(0, 60)
    env = {
      UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
      UPSTASH_REDIS_REST_TOKEN: need('redisHttpToken'),
      MONGO_DATA_API_URL: need('gatewayUrl'),
      MONGO_DATA_API_KEY: need('gatewayKey'),
      MONGO_DB_NAME: db,
    }
    t = await makeTestApp('remote', { MONGO_DB_NAME: db })
    await prepareStore(t.backends)
  })
  afterAll(async () => t?.close())

  it('grant-superadmin reaches the same account and live session the app serves', async () => {
    const boss = await registerAdmin(t.app)
    const session = await signIn(t.app, boss.email)
    const r = await admin(env, 'grant-superadmin', boss.email)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('remote backends (MongoDB via the Data API)')
    const me = await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${session.access}`, 'x-test-ip': '10.9.9.9' } })
    expect(((await me.json()) as { role: string }).role).toBe('superadmin')
    const next = await signIn(t.app, boss.email)
    expect(decodeJwt(next.access).role).toBe('superadmin')
  })
})
