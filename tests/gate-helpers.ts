/**
 * Test-side reading of rate-limit answers: a strict parser for the Structured Field Lists of
 * RateLimit-Policy / RateLimit (RFC 9651 subset: Items whose bare item is a String or Token,
 * parameters with Integer, String, Token or Boolean values), so tests check real syntax instead
 * of matching substrings.
 */
import { expect } from 'vitest'

type SfValue = number | string | boolean

export interface SfItem {
  value: string
  params: Record<string, SfValue>
}

/** Parses an sf-list; throws on anything the RFC would reject in this subset. */
export function parseSfList(input: string): SfItem[] {
  let i = 0
  const s = input
  const fail = (why: string): never => {
    throw new Error(`invalid structured field at ${i} (${why}): ${JSON.stringify(input)}`)
  }
  const ows = () => {
    while (s[i] === ' ' || s[i] === '\t') i++
  }
  const sp = () => {
    while (s[i] === ' ') i++
  }
  const key = () => {
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(s.slice(i))
    if (!m) fail('key')
    i += m![0].length
    return m![0]
  }
  const bare = (): SfValue => {
    const ch = s[i]
    if (ch === '"') {
      i++
      let out = ''
      for (;;) {
        const c = s[i++]
        if (c === undefined) fail('unterminated string')
        if (c === '\\') {
          const n = s[i++]
          if (n !== '"' && n !== '\\') fail('bad escape')
          out += n
        } else if (c === '"') return out
        else if (c! < ' ' || c! > '~') fail('non-printable in string')
        else out += c
      }
    }
    if (ch === '?') {
      i++
      const b = s[i++]
      if (b !== '0' && b !== '1') fail('boolean')
      return b === '1'
    }
    const num = /^-?\d{1,15}(?!\.)/.exec(s.slice(i))
    if (num) {
      i += num[0].length
      return Number(num[0])
    }
    const tok = /^[A-Za-z*][A-Za-z0-9!#$%&'*+\-.^_`|~:/]*/.exec(s.slice(i))
    if (tok) {
      i += tok[0].length
      return tok[0]
    }
    return fail('bare item')
  }
  const items: SfItem[] = []
  sp()
  if (i === s.length) return items
  for (;;) {
    const value = bare()
    if (typeof value !== 'string') fail('item must be a string or token')
    const params: Record<string, SfValue> = {}
    while (s[i] === ';') {
      i++
      sp()
      const k = key()
      if (s[i] === '=') {
        i++
        params[k] = bare()
      } else params[k] = true
    }
    items.push({ value: value as string, params })
    ows()
    if (i === s.length) return items
    if (s[i++] !== ',') fail('expected ,')
    ows()
    if (i === s.length) fail('trailing comma')
  }
}

/** The rate-limit headers of an answer, parsed and cross-checked. */
export interface RateHeaders {
  policy: Record<string, { q: number; w: number }>
  limit: Record<string, { r: number; t: number }>
  x: { limit: number; remaining: number; reset: number }
}

/**
 * Parses RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers) and the seeds'
 * X-RateLimit-*; asserts the shapes the draft requires (q, r non-negative Integers; w positive;
 * t non-negative) and that X-RateLimit-* describe the most restrictive checked policy.
 */
export function readRateHeaders(headers: Headers): RateHeaders {
  const policyField = headers.get('ratelimit-policy')
  const limitField = headers.get('ratelimit')
  expect(policyField, 'RateLimit-Policy present').toBeTruthy()
  expect(limitField, 'RateLimit present').toBeTruthy()
  const policy: RateHeaders['policy'] = {}
  for (const item of parseSfList(policyField!)) {
    const { q, w } = item.params
    expect(Number.isInteger(q) && (q as number) >= 0, `q of ${item.value}`).toBe(true)
    expect(Number.isInteger(w) && (w as number) > 0, `w of ${item.value}`).toBe(true)
    policy[item.value] = { q: q as number, w: w as number }
  }
  const limit: RateHeaders['limit'] = {}
  for (const item of parseSfList(limitField!)) {
    const { r, t } = item.params
    expect(Number.isInteger(r) && (r as number) >= 0, `r of ${item.value}`).toBe(true)
    expect(Number.isInteger(t) && (t as number) >= 0, `t of ${item.value}`).toBe(true)
    expect(policy[item.value], `${item.value} is also in RateLimit-Policy`).toBeDefined()
    expect(r as number).toBeLessThanOrEqual(policy[item.value]!.q)
    limit[item.value] = { r: r as number, t: t as number }
  }
  const x = {
    limit: Number(headers.get('x-ratelimit-limit')),
    remaining: Number(headers.get('x-ratelimit-remaining')),
    reset: Number(headers.get('x-ratelimit-reset')),
  }
  for (const v of Object.values(x)) expect(Number.isInteger(v)).toBe(true)
  const fewest = Math.min(...Object.values(limit).map((l) => l.r))
  expect(x.remaining, 'X-RateLimit-Remaining is the most restrictive policy').toBe(fewest)
  const top = Object.entries(limit).filter(([, l]) => l.r === fewest)
  expect(
    top.some(([name]) => policy[name]!.q === x.limit),
    'X-RateLimit-Limit belongs to that policy',
  ).toBe(true)
  const nowSeconds = Date.now() / 1000
  expect(x.reset).toBeGreaterThanOrEqual(Math.floor(nowSeconds) - 1)
  expect(
    top.some(([, l]) => Math.abs(x.reset - (nowSeconds + l.t)) <= 2),
    'X-RateLimit-Reset matches its t',
  ).toBe(true)
  return { policy, limit, x }
}

// ---------------------------------------------------------------------------------------------
// Accounts through the HTTP API (register → login), for suites that need bearer tokens
// ---------------------------------------------------------------------------------------------

const PASSWORD = 'gate test password 1'

/** A random client address (x-test-ip), so suites sharing Redis never share per-IP budgets. */
export function randomIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3))
  return `10.${b[0]}.${b[1]}.${b[2]}`
}

export interface GateUser {
  userId: string
  tenantId: string
  email: string
  token: string
}

interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>
}

/** Registers a new organization and signs its admin in; returns the access token. */
export async function newUser(app: Requester, label = 'gate'): Promise<GateUser> {
  const email = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`
  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': randomIp() },
    body: JSON.stringify(body),
  })
  const reg = await app.request('/api/v1/auth/register', json({ email, password: PASSWORD, organization: `Org ${label}` }))
  const registered = await reg.json()
  expect(reg.status, JSON.stringify(registered)).toBe(201)
  const login = await app.request('/api/v1/auth/login', json({ email, password: PASSWORD }))
  const tokens = await login.json()
  expect(login.status, JSON.stringify(tokens)).toBe(200)
  return { userId: registered.user_id, tenantId: registered.tenant_id, email, token: tokens.access_token }
}

/** Test settings every gate suite uses: the client IP comes from x-test-ip. */
export const GATE_ENV = { TRUSTED_IP_HEADER: 'x-test-ip' }
