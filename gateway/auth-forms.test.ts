/**
 * Every authentication form the Atlas Data API accepted, against the real gateway on the harness's
 * FerretDB: apiKey / api-key (any case, sent as written on the wire), Bearer (API key or JWT),
 * email + password, jwtTokenString (a local JWKS server holds the test key set). Wrong ones → 401,
 * an unreachable key set → 503, scopes apply to every form, and no credential is echoed or logged.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { need, uniq } from '../tests/harness/services.ts'
import type { LogFields } from './log.ts'
import { hashPassword } from './passwords.ts'
import { type RunningGateway, startGateway } from './server.ts'
import { startTestJwks, type TestJwks } from './test-jwks.ts'

const KEY = 'forms-key-0123456789'
const EMAIL = 'Ada@Example.com'
const PASSWORD = 'correct horse battery staple'
const ROOT_EMAIL = 'root@example.com'
const ROOT_PASSWORD = 'root-password-secret'
const ISSUER = 'https://idp.test/'
const AUDIENCE = 'gatehouse-gateway'

const db = uniq('forms')
const otherDb = uniq('forms-other')
const logs: Array<{ msg: string; fields?: LogFields }> = []
let gw: RunningGateway
let jwks: TestJwks

beforeAll(async () => {
  jwks = await startTestJwks()
  // ln=10 keeps the tests quick; production hashes use the default (ln=15) or more.
  const params = { ln: 10, r: 8, p: 1 }
  gw = await startGateway({
    mongodbUri: need('mongoUri'),
    apiKeys: [KEY],
    users: {
      [EMAIL]: { passwordHash: await hashPassword(PASSWORD, params), databases: [db] },
      [ROOT_EMAIL]: { passwordHash: await hashPassword(ROOT_PASSWORD, params) },
    },
    jwt: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, scope: { databases: [db] } },
    port: 0,
    logger: { info: (msg, fields) => logs.push({ msg, fields }), error: (msg, fields) => logs.push({ msg, fields }) },
  })
})

afterAll(async () => {
  await gw?.close()
  await jwks?.close()
})

/** POST `find` with exactly these header names on the wire (node:http keeps their case). */
function find(url: string, headers: Record<string, string>, database = db): Promise<{ status: number; text: string; json: any }> {
  const body = JSON.stringify({ dataSource: 'x', database, collection: 'c', filter: {} })
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
const action = (base = gw.url) => `${base}/action/find`
const token = (claims: Record<string, unknown> = {}, o?: Parameters<TestJwks['sign']>[1]) =>
  jwks.sign({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', ...claims }, o)

describe('accepted forms', () => {
  for (const name of ['apiKey', 'apikey', 'APIKEY', 'ApiKey', 'api-key', 'Api-Key', 'API-KEY']) {
    it(`the "${name}" header`, async () => {
      const r = await find(action(), { [name]: KEY })
      expect(r.status).toBe(200)
      expect(r.json).toEqual({ documents: [] })
    })
  }

  it('Authorization: Bearer <API key> (scheme in any case)', async () => {
    expect((await find(action(), { Authorization: `Bearer ${KEY}` })).status).toBe(200)
    expect((await find(action(), { authorization: `bearer ${KEY}` })).status).toBe(200)
  })

  it("an Authorization header of another scheme (a proxy's Basic) does not hide an apiKey", async () => {
    expect((await find(action(), { Authorization: 'Basic cHJveHk6cGFzcw==', apiKey: KEY })).status).toBe(200)
  })

  it('email + password (email case-insensitive)', async () => {
    expect((await find(action(), { email: EMAIL, password: PASSWORD })).status).toBe(200)
    expect((await find(action(), { Email: EMAIL.toLowerCase(), Password: PASSWORD })).status).toBe(200)
    expect((await find(action(), { email: ROOT_EMAIL, password: ROOT_PASSWORD }, otherDb)).status).toBe(200)
  })

  it('jwtTokenString, and a JWT as a Bearer token', async () => {
    const jwt = await token()
    expect((await find(action(), { jwtTokenString: jwt })).status).toBe(200)
    expect((await find(action(), { Authorization: `Bearer ${jwt}` })).status).toBe(200)
  })

  it('a JWT with several audiences, one of them ours', async () => {
    expect((await find(action(), { jwtTokenString: await token({ aud: ['other', AUDIENCE] }) })).status).toBe(200)
  })
})

describe('refused forms → 401 InvalidSession', () => {
  const cases: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no credentials', async () => ({})],
    ['api_key (underscore is another name)', async () => ({ api_key: KEY })],
    ['a wrong apiKey', async () => ({ apiKey: `${KEY}x` })],
    ['a wrong api-key', async () => ({ 'api-key': KEY.slice(0, -1) })],
    ['Bearer with a wrong key', async () => ({ Authorization: 'Bearer nope' })],
    ['Bearer with nothing', async () => ({ Authorization: 'Bearer ' })],
    ['Basic auth', async () => ({ Authorization: `Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString('base64')}` })],
    ['Bearer with two words', async () => ({ Authorization: `Bearer ${KEY} ${KEY}` })],
    ['a valid apiKey behind an invalid Bearer (the first form decides)', async () => ({ Authorization: 'Bearer nope', apiKey: KEY })],
    ['email without password', async () => ({ email: EMAIL })],
    ['password without email', async () => ({ password: PASSWORD })],
    ['a wrong password', async () => ({ email: EMAIL, password: `${PASSWORD}!` })],
    ['an unknown email', async () => ({ email: 'nobody@example.com', password: PASSWORD })],
    ['a JWT signed by a key outside the set', async () => ({ jwtTokenString: await token({}, { key: 'foreign' }) })],
    ['a JWT naming an unknown kid', async () => ({ jwtTokenString: await token({}, { key: 'foreign', kid: 'other' }) })],
    ['an expired JWT', async () => ({ jwtTokenString: await token({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 }) })],
    ['a JWT without exp', async () => ({ jwtTokenString: await token({}, { expiresIn: null }) })],
    ['a JWT from another issuer', async () => ({ jwtTokenString: await token({ iss: 'https://evil.test/' }) })],
    ['a JWT for another audience', async () => ({ jwtTokenString: await token({ aud: 'someone-else' }) })],
    ['a JWT not yet valid', async () => ({ jwtTokenString: await token({ nbf: Math.floor(Date.now() / 1000) + 3600 }) })],
    ['an unsigned JWT (alg none)', async () => ({ jwtTokenString: `${b64url({ alg: 'none' })}.${b64url({ iss: ISSUER, aud: AUDIENCE, exp: 9e9 })}.` })],
    ['an HS256 JWT', async () => ({ jwtTokenString: `${b64url({ alg: 'HS256', kid: 'test-1' })}.${b64url({ iss: ISSUER, aud: AUDIENCE, exp: 9e9 })}.c2ln` })],
    ['a JWT whose payload was changed', async () => ({ jwtTokenString: tamper(await token()) })],
    ['garbage as jwtTokenString', async () => ({ jwtTokenString: 'not-a-jwt' })],
    ['a JWT as an apiKey', async () => ({ apiKey: await token() })],
  ]
  for (const [what, headers] of cases) {
    it(what, async () => {
      const r = await find(action(), await headers())
      expect(r.status).toBe(401)
      expect(r.json).toEqual({ error: expect.any(String), error_code: 'InvalidSession', link: expect.any(String) })
    })
  }
})

describe('every form maps to a scope → 403 outside it', () => {
  it('a scoped user and a JWT reach their database only; a full-access user and the key reach others', async () => {
    expect((await find(action(), { email: EMAIL, password: PASSWORD }, otherDb)).status).toBe(403)
    expect((await find(action(), { jwtTokenString: await token() }, otherDb)).status).toBe(403)
    expect((await find(action(), { apiKey: KEY }, otherDb)).status).toBe(200)
  })
})

describe('the Atlas URL shape /app/<app-id>/endpoint/data/v1', () => {
  const atlas = (id = 'data-abcde') => `${gw.url}/app/${id}/endpoint/data/v1`

  it('actions and ping answer there with every form', async () => {
    expect((await find(action(atlas()), { 'api-key': KEY })).status).toBe(200)
    expect((await find(action(atlas('myapp_1.prod')), { email: EMAIL, password: PASSWORD })).status).toBe(200)
    expect((await find(action(atlas()), { jwtTokenString: await token() })).status).toBe(200)
    const ping = await fetch(`${atlas()}/ping`, { headers: { apiKey: KEY } })
    expect(ping.status).toBe(200)
  })

  it('without credentials → 401; an app id that is no token → 404; an unknown action → 404', async () => {
    expect((await find(action(atlas()), {})).status).toBe(401)
    const bad = await find(action(atlas('-bad')), { apiKey: KEY })
    expect(bad.status).toBe(404)
    expect(bad.json.error_code).toBe('NotFound')
    const unknown = await fetch(`${atlas()}/action/dropDatabase`, { method: 'POST', headers: { apiKey: KEY, 'content-type': 'application/json' }, body: '{}' })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error_code).toBe('ActionNotFound')
    expect((await find(`${gw.url}/app/data-abcde/endpoint/data/v2/action/find`, { apiKey: KEY })).status).toBe(404)
  })

  it('appIds restricts which app ids answer (others → 404)', async () => {
    const own = await startGateway({ mongodbUri: need('mongoUri'), apiKeys: [KEY], appIds: ['data-abcde'], port: 0, quiet: true })
    try {
      expect((await find(action(`${own.url}/app/data-abcde/endpoint/data/v1`), { apiKey: KEY })).status).toBe(200)
      const other = await find(action(`${own.url}/app/data-zzzzz/endpoint/data/v1`), { apiKey: KEY })
      expect(other.status).toBe(404)
      expect(other.json).toEqual({ error: 'unknown app id', error_code: 'NotFound', link: expect.any(String) })
      expect((await find(action(own.url), { apiKey: KEY })).status).toBe(200)
    } finally {
      await own.close()
    }
  })
})

describe('an unavailable key set → 503 AuthUnavailable, not 401', () => {
  it('nothing listening at the JWKS URL', async () => {
    const own = await startGateway({ mongodbUri: need('mongoUri'), jwt: { jwksUrl: 'http://127.0.0.1:9/jwks.json', timeoutMs: 2000 }, port: 0, quiet: true })
    try {
      const r = await find(action(own.url), { jwtTokenString: await jwks.sign({}) })
      expect(r.status).toBe(503)
      expect(r.json).toEqual({ error: expect.any(String), error_code: 'AuthUnavailable', link: expect.any(String) })
      // a token that is not even a JWT needs no key set: still a plain 401
      expect((await find(action(own.url), { jwtTokenString: 'garbage' })).status).toBe(401)
    } finally {
      await own.close()
    }
  })

  it('a key set answering 500 or garbage, then recovering', async () => {
    const idp = await startTestJwks()
    const own = await startGateway({ mongodbUri: need('mongoUri'), jwt: { jwksUrl: idp.url }, port: 0, quiet: true })
    try {
      const jwt = await idp.sign({})
      idp.mode = 'error'
      expect((await find(action(own.url), { jwtTokenString: jwt })).status).toBe(503)
      idp.mode = 'garbage'
      expect((await find(action(own.url), { jwtTokenString: jwt })).status).toBe(503)
      idp.mode = 'ok'
      expect((await find(action(own.url), { jwtTokenString: jwt })).status).toBe(200)
      expect(idp.fetches).toBe(3)
      // the key set is cached: more requests fetch nothing
      expect((await find(action(own.url), { jwtTokenString: jwt })).status).toBe(200)
      expect(idp.fetches).toBe(3)
    } finally {
      await own.close()
      await idp.close()
    }
  })
})

describe('forms a gateway does not enable', () => {
  it('the harness gateway (API key only) refuses email/password and JWTs with 401', async () => {
    const url = action(need('gatewayUrl'))
    expect((await find(url, { email: EMAIL, password: PASSWORD })).status).toBe(401)
    expect((await find(url, { jwtTokenString: await token() })).status).toBe(401)
    expect((await find(url, { 'Api-Key': need('gatewayKey') })).status).toBe(200)
  })
})

describe('no credential is echoed or logged', () => {
  it('401 answers and log lines carry labels, never keys, emails, passwords or tokens', async () => {
    logs.length = 0
    const jwt = await token()
    const bad = await token({}, { key: 'foreign' })
    const answers = [
      await find(action(), { apiKey: `${KEY}-wrong` }),
      await find(action(), { email: EMAIL, password: `${PASSWORD}-wrong` }),
      await find(action(), { jwtTokenString: bad }),
      await find(action(), { Authorization: `Bearer ${bad}` }),
    ]
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401])
    await find(action(), { email: EMAIL, password: PASSWORD })
    await find(action(), { jwtTokenString: jwt })
    await find(action(), { apiKey: KEY })
    const labels = logs.filter((l) => l.msg === 'request').map((l) => l.fields?.key)
    expect(labels).toEqual([undefined, undefined, undefined, undefined, 'user#0', 'jwt', 'key#0'])
    const text = JSON.stringify(logs) + answers.map((a) => a.text).join('')
    for (const secret of [KEY, PASSWORD, EMAIL, EMAIL.toLowerCase(), jwt, bad, bad.split('.')[2]!]) expect(text).not.toContain(secret)
  })
})

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url')
}

function tamper(jwt: string): string {
  const [h, p, s] = jwt.split('.')
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString())
  return `${h}.${b64url({ ...claims, sub: 'admin' })}.${s}`
}
