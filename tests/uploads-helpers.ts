/** Helpers of the upload metadata suites: accounts of a tenant, uploads, problem checks. */
import { expect } from 'vitest'
import type { AppOpenAPI } from '../src/http/types.ts'
import { call, newEmail, PASSWORD, type Reply, randomIp, registerAdmin, signIn } from './auth-helpers.ts'

/** Settings for upload suites: budgets that shared-Redis neighbours cannot exhaust. */
export const UPLOAD_TEST_ENV = {
  TRUSTED_IP_HEADER: 'x-test-ip',
  AUTH_RATE_LIMIT_IP: '100000',
  AUTH_RATE_LIMIT_ACCOUNT: '100000',
  RATE_LIMIT_REQUESTS: '1000000',
  QUOTA_API_CALLS_PER_HOUR: '1000000',
}

export interface Member {
  token: string
  userId: string
  tenantId: string
}

/** A new tenant with its admin, signed in. */
export async function newTenant(app: AppOpenAPI): Promise<Member> {
  const admin = await registerAdmin(app)
  const s = await signIn(app, admin.email)
  return { token: s.access, userId: admin.userId, tenantId: admin.tenantId }
}

/** Adds a signed-in member with `role` to the admin's tenant. */
export async function addMember(app: AppOpenAPI, admin: Member, role: 'viewer' | 'admin'): Promise<Member> {
  const email = newEmail(role)
  const r = await call(app, 'POST', '/api/v1/users/tenant/users/', { token: admin.token, body: { email, password: PASSWORD, role }, ip: randomIp() })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  const s = await signIn(app, email)
  return { token: s.access, userId: r.body.user_id, tenantId: admin.tenantId }
}

let seq = 0

/** A valid registration body; `over` replaces fields. */
function uploadBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++
  return {
    task_id: 'task-default',
    source: 'api-service',
    environment: 'production',
    service_name: 'checkout',
    file_name: `app-${seq}.log`,
    file_size: 1000 + seq,
    format_type: 'json',
    ...over,
  }
}

/** Registers an upload as `m`; returns the answer body (asserting 201). */
export async function registerUpload(app: AppOpenAPI, m: Member, over: Record<string, unknown> = {}): Promise<any> {
  const r = await call(app, 'POST', '/api/v1/logs/metadata/', { token: m.token, body: uploadBody(over) })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

/** Moves an upload to `status` (asserting 200). */
export async function setStatus(app: AppOpenAPI, m: Member, uploadId: string, body: Record<string, unknown>): Promise<any> {
  const r = await call(app, 'PATCH', `/api/v1/logs/metadata/${encodeURIComponent(uploadId)}/`, { token: m.token, body })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

/** Asserts an RFC 9457 answer with `status` (and, when given, a type ending in `slug`). */
export function expectProblem(r: Reply, status: number, slug?: string): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(r.body.status).toBe(status)
  if (slug) expect(String(r.body.type)).toMatch(new RegExp(`/${slug}$`))
  expect(JSON.stringify(r.body)).not.toMatch(/node_modules|\.ts:\d+|stack/i)
}

/** Waits until background work (cache fills) has had its turn. */
export const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms))

/** Reads until the answer is a cache hit (fills run in the background), at most ~2 s. */
export async function readUntilHit(app: AppOpenAPI, token: string, path: string): Promise<Reply> {
  for (let i = 0; i < 40; i++) {
    const r = await call(app, 'GET', path, { token })
    if (r.headers.get('x-cache') === 'hit') return r
    await settle()
  }
  throw new Error(`${path} never became a cache hit`)
}
