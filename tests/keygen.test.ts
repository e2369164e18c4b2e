/**
 * Setting up a Worker: `npm run keygen` (tools/keygen.ts) prints a usable JWT_PRIVATE_JWK, and
 * .dev.vars.example lists every setting src/config.ts reads, at its default, secrets empty.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseEnv } from 'node:util'
import { calculateJwkThumbprint, createLocalJWKSet, type JWK, jwtVerify, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { ConfigSchema, loadConfig } from '../src/config.ts'
import { signingKeys } from '../src/services/signing-keys.ts'
import { run } from '../tools/lib/process.ts'

const ROOT = resolve(import.meta.dirname, '..')
const keygen = (...args: string[]) => run(process.execPath, [join(ROOT, 'tools', 'keygen.ts'), ...args], { cwd: ROOT })
const SECRETS = ['UPSTASH_REDIS_REST_TOKEN', 'MONGO_DATA_API_KEY', 'JWT_PRIVATE_JWK']

describe('npm run keygen', () => {
  it('prints one private Ed25519 JWK with a kid, which the app signs and verifies with', async () => {
    const out = await keygen()
    expect(out.trim().split('\n')).toHaveLength(1)
    const jwk = JSON.parse(out) as JWK
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
    expect(jwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(jwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(jwk.kid).toBe(await calculateJwkThumbprint(jwk))

    // Exactly as a Worker takes it: the JWT_PRIVATE_JWK setting, through config and key loading.
    const config = loadConfig({ JWT_PRIVATE_JWK: out.trim(), LOG_LEVEL: 'silent' })
    const keys = await signingKeys(config)
    expect(keys.ephemeral).toBe(false)
    expect(keys.kid).toBe(jwk.kid)
    expect(keys.jwks.keys[0]).not.toHaveProperty('d')
    const token = await new SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: keys.alg, kid: keys.kid }).sign(keys.privateKey)
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(keys.jwks))
    expect(payload.sub).toBe('u1')
    expect(protectedHeader.kid).toBe(jwk.kid)
  })

  it('makes a new key every time, and a .dev.vars line with --dev-vars', async () => {
    const [a, b] = await Promise.all([keygen(), keygen('--dev-vars')])
    const line = parseEnv(b)
    expect(Object.keys(line)).toEqual(['JWT_PRIVATE_JWK'])
    const fromLine = JSON.parse(line.JWT_PRIVATE_JWK!) as JWK
    expect(fromLine).toMatchObject({ kty: 'OKP', crv: 'Ed25519' })
    expect(fromLine.d).not.toBe((JSON.parse(a) as JWK).d)
  })

  it('refuses unknown arguments', async () => {
    await expect(keygen('--bogus')).rejects.toThrow(/unknown argument/)
  })
})

describe('.dev.vars.example', () => {
  const text = readFileSync(join(ROOT, '.dev.vars.example'), 'utf8')
  const vars = parseEnv(text)
  const shape = ConfigSchema.shape as Record<string, { parse(v: unknown): unknown }>

  it('names every ConfigSchema setting, and nothing else', () => {
    expect(Object.keys(vars).sort()).toEqual(Object.keys(ConfigSchema.shape).sort())
  })

  it('has one line per setting, each with a comment', () => {
    const lines = text.split('\n').filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
    expect(lines).toHaveLength(Object.keys(ConfigSchema.shape).length)
    for (const l of lines) expect(l, l).toMatch(/=[^#]*#\s*\S/)
  })

  it('leaves secrets empty and shows the defaults for the rest', () => {
    for (const k of SECRETS) expect(vars[k], k).toBe('')
    for (const [k, v] of Object.entries(vars)) {
      // Empty means unset (loadConfig ignores empty strings), so it gets the default too.
      expect(shape[k]!.parse(v === '' ? undefined : v), k).toEqual(shape[k]!.parse(undefined))
    }
  })

  it('says how to make the signing key', () => {
    expect(text).toMatch(/npm run (-s )?keygen/)
  })
})
