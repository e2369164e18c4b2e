/** Helpers shared by the auth suites: HTTP calls through `app.request` and account setup. */
import { decodeJwt } from 'jose'
import { expect } from 'vitest'
import type { AppOpenAPI } from '../src/http/types.ts'
import type { Backends } from '../src/ports.ts'
import { ensureIndexes } from '../src/repositories/indexes.ts'
import { uniq } from './harness/services.ts'

export interface CallOptions {
  token?: string
  body?: unknown
  /** Sent as x-test-ip (the suites set TRUSTED_IP_HEADER=x-test-ip). */
  ip?: string
  ua?: string
  headers?: Record<string, string>
}

export interface Reply {
  status: number
  headers: Headers
  body: any
}

/** One request through the app; JSON in, JSON (or nothing) out. */
/** A random client address, so tests sharing one Redis never share an address's budget. */
const randomAddress = () => `10.${[...crypto.getRandomValues(new Uint8Array(3))].join('.')}`

export async function call(app: AppOpenAPI, method: string, path: string, o: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers }
  if (o.token) headers.authorization = `Bearer ${o.token}`
  if (o.body !== undefined) headers['content-type'] = 'application/json'
  headers['x-test-ip'] = o.ip ?? randomAddress()
  if (o.ua) headers['user-agent'] = o.ua
  const res = await app.request(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) })
  const text = await res.text()
  let body: any = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: res.status, headers: res.headers, body }
}

/** A random, valid-looking IPv4 address so suites sharing Redis never share per-IP budgets. */
export function randomIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3))
  return `10.${b[0]}.${b[1]}.${b[2]}`
}

export const PASSWORD = 'correct horse battery staple'

export function newEmail(label = 'user'): string {
  return `${uniq(label)}@example.test`.toLowerCase()
}

/** The unique indexes accounts rely on (the app creates them at start-up / deploy). */
export async function prepareStore(backends: Backends): Promise<void> {
  await ensureIndexes(backends.documents, { only: ['users', 'tenants', 'profiles'] })
}

export interface Account {
  email: string
  userId: string
  tenantId: string
}

/** Registers a new organization; returns its admin. */
export async function registerAdmin(app: AppOpenAPI, ip = randomIp()): Promise<Account> {
  const email = newEmail('admin')
  const r = await call(app, 'POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, organization: `Org ${uniq()}` }, ip })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return { email, userId: r.body.user_id, tenantId: r.body.tenant_id }
}

export interface SignedIn {
  access: string
  refresh: string
  sessionId: string
  /** The raw session id (the access token's `sid`). */
  sid: string
}

export async function signIn(app: AppOpenAPI, email: string, o: { ip?: string; ua?: string; device?: string; password?: string } = {}): Promise<SignedIn> {
  const r = await call(app, 'POST', '/api/v1/auth/login', {
    body: { email, password: o.password ?? PASSWORD, ...(o.device ? { device: o.device } : {}) },
    ip: o.ip ?? randomIp(),
    ...(o.ua ? { ua: o.ua } : {}),
  })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return { access: r.body.access_token, refresh: r.body.refresh_token, sessionId: r.body.session_id, sid: String(decodeJwt(r.body.access_token).sid) }
}
