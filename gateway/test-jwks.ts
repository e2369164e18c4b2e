/**
 * Test helper: a tiny local JWKS HTTP server serving a test key set, plus token signing. Its
 * answer can be switched (`mode`) to exercise an identity provider that is down or broken. The
 * only stand-in the gateway tests use; the gateway and FerretDB are real.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'

export interface TestJwks {
  /** URL of the key set. */
  url: string
  /** 'ok' serves the keys; 'error' answers 500; 'garbage' answers 200 with a non-key-set body. */
  mode: 'ok' | 'error' | 'garbage'
  /** How many times the key set was asked for. */
  fetches: number
  /** Signs with the served key (kid "test-1"), or with `foreign`, a key NOT in the set. */
  sign(claims: JWTPayload, o?: { key?: 'served' | 'foreign'; expiresIn?: string | number | null; kid?: string }): Promise<string>
  close(): Promise<void>
}

export async function startTestJwks(): Promise<TestJwks> {
  const served = await generateKeyPair('ES256', { extractable: true })
  const foreign = await generateKeyPair('ES256', { extractable: true })
  const jwk = { ...(await exportJWK(served.publicKey)), kid: 'test-1', alg: 'ES256', use: 'sig' }
  const state = { mode: 'ok' as TestJwks['mode'], fetches: 0 }

  const server: Server = createServer((req, res) => {
    state.fetches++
    if (req.url !== '/jwks.json') return void res.writeHead(404).end()
    if (state.mode === 'error') return void res.writeHead(500).end('down')
    const body = state.mode === 'garbage' ? { nope: true } : { keys: [jwk] }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    get mode() {
      return state.mode
    },
    set mode(m) {
      state.mode = m
    },
    get fetches() {
      return state.fetches
    },
    async sign(claims, o = {}) {
      const key: CryptoKey = o.key === 'foreign' ? foreign.privateKey : served.privateKey
      let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: o.kid ?? 'test-1' }).setIssuedAt()
      if (o.expiresIn !== null) jwt = jwt.setExpirationTime(o.expiresIn ?? '5m')
      return jwt.sign(key)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
