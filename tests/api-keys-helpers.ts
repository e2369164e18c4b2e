/**
 * Helpers of the API key suites: two app instances sharing one state (remote: one Redis and one
 * database; embedded: two apps over one data dir — as two processes, the second in transactional
 * mode, or as one process serving both), keys created through the API, and requests sent with a
 * key.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { createEmbeddedBackends } from '../src/adapters/embedded/index.ts'
import { createApp } from '../src/app.ts'
import { kvOptions } from '../src/backends.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'
import { MetricsRecorder } from '../src/metrics/recorder.ts'
import { createUsersRepository } from '../src/repositories/users.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { call, prepareStore, type Reply, randomIp, registerAdmin, signIn } from './auth-helpers.ts'
import { type BackendKind, makeTestApp, type TestApp } from './harness/app.ts'

/** Budgets no neighbour on a shared Redis can exhaust; the tests set the ones they measure. */
const KEY_TEST_ENV: Record<string, string> = {
  TRUSTED_IP_HEADER: 'x-test-ip',
  AUTH_RATE_LIMIT_IP: '100000',
  AUTH_RATE_LIMIT_ACCOUNT: '100000',
  RATE_LIMIT_REQUESTS: '1000000',
  QUOTA_API_CALLS_PER_HOUR: '1000000',
  TENANT_API_CALLS_PER_HOUR: '1000000',
  // Hundreds of requests at once queue up: the bound is about exactness here, not speed.
  BACKEND_TIMEOUT_MS: '15000',
}

/**
 * Two app instances over one shared state: what one changes, the other sees on its next request.
 * Embedded, `processes: 2` (default) opens the data dir twice, as two processes would: the first
 * owns it (memory mode), the second runs in transactional mode. Its rate-limit charges reach the
 * owner only when the owner flushes its windows (about every second: kv-memory.ts), so suites that
 * count exact admissions use `processes: 1` — two apps of the one process that owns the data dir,
 * which is how embedded mode is deployed.
 */
export async function appPair(kind: BackendKind, env: Record<string, string> = {}, o: { processes?: 1 | 2 } = {}): Promise<[TestApp, TestApp]> {
  const shared = { ...KEY_TEST_ENV, JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()), ...env }
  if (kind === 'remote') {
    const db = { MONGO_DB_NAME: `t${Math.random().toString(36).slice(2, 10)}` }
    const a = await makeTestApp('remote', { ...shared, ...db })
    const b = await makeTestApp('remote', { ...shared, ...db })
    await prepareStore(a.backends)
    return [a, b]
  }
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-keys-'))
  const open = (): TestApp => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...shared })
    const backends = createEmbeddedBackends(dir, kvOptions(config))
    const metrics = new MetricsRecorder(backends.metrics, { flushSeconds: config.METRICS_FLUSH_SECONDS, flushRequests: config.METRICS_FLUSH_REQUESTS })
    return { app: createApp({ config, backends, metrics, logger: createLogger('silent') }), backends, metrics, close: async () => backends.close?.() }
  }
  const a = open()
  const secondApp = (): TestApp => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...shared })
    return { ...a, app: createApp({ config, backends: a.backends, metrics: a.metrics, logger: createLogger('silent') }), close: async () => {} }
  }
  const b = o.processes === 1 ? secondApp() : open()
  await prepareStore(a.backends)
  const closeB = b.close
  b.close = async () => {
    await closeB()
    rmSync(dir, { recursive: true, force: true })
  }
  return [a, b]
}

export interface Admin {
  token: string
  userId: string
  tenantId: string
  email: string
}

/** A new tenant and its admin, signed in. */
export async function newAdmin(t: TestApp): Promise<Admin> {
  const admin = await registerAdmin(t.app)
  const s = await signIn(t.app, admin.email)
  return { token: s.access, userId: admin.userId, tenantId: admin.tenantId, email: admin.email }
}

/** A superadmin (set in storage: no route grants it), signed in. */
export async function newSuperadmin(t: TestApp): Promise<Admin> {
  const boss = await registerAdmin(t.app)
  await createUsersRepository(t.backends.documents).setRole(boss.tenantId, boss.userId, 'superadmin')
  const s = await signIn(t.app, boss.email)
  return { token: s.access, userId: boss.userId, tenantId: boss.tenantId, email: boss.email }
}

export interface IssuedKey {
  apiKey: string
  id: string
  body: any
}

/** Creates a key through the API as `admin` (asserting 201). */
export async function createKey(t: TestApp, admin: Admin, body: Record<string, unknown> = {}, query = ''): Promise<IssuedKey> {
  const r = await call(t.app, 'POST', `/api/v1/api-keys${query}`, { token: admin.token, body: { name: 'ci job', role: 'viewer', ...body } })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return { apiKey: r.body.api_key, id: r.body.key.id, body: r.body }
}

/** A request sent with an API key: as X-API-Key (default) or as a bearer value. */
export function withKey(t: TestApp, method: string, path: string, key: string, o: { as?: 'x-api-key' | 'bearer'; body?: unknown; ip?: string } = {}) {
  const headers: Record<string, string> = o.as === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key }
  return call(t.app, method, path, { headers, body: o.body, ip: o.ip ?? randomIp() })
}

/** Fires requests at once and counts the answers by status. */
export async function statuses(requests: Array<() => Promise<Reply>>): Promise<{ counts: Record<number, number>; replies: Reply[] }> {
  const replies = await Promise.all(requests.map((r) => r()))
  const counts: Record<number, number> = {}
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1
  return { counts, replies }
}

export const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())))
