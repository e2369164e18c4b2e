/**
 * verifyAccessToken remembers our own tokens that verified (a signature check costs ~100 µs;
 * a token is presented on every request). What must not be remembered: the moment. A remembered
 * token is refused once expired, before its nbf, under another issuer or audience, or with
 * another key set; a forged one (one changed character) is never taken for it.
 */
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { generateSigningJwk, signingKeys } from '../src/services/signing-keys.ts'
import { signAccessToken, TokenError, verifyAccessToken } from '../src/services/tokens.ts'

describe('remembered verification of our own tokens', () => {
  it('re-checks exp and nbf, issuer and audience, and the key set on every use', async () => {
    const config = loadConfig({ JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()), ACCESS_TOKEN_TTL_SECONDS: '60' })
    const keys = await signingKeys(config)
    const now = Date.now()
    const claims = { userId: 'u1', tenantId: 't1', role: 'admin' as const, sessionId: 'A'.repeat(22) }
    const { token, expiresAt } = await signAccessToken(keys, config, claims, now)

    const first = await verifyAccessToken(token, keys, config, now)
    expect(first).toMatchObject({ issuer: 'local', userId: 'u1', tenantId: 't1', sessionId: claims.sessionId })
    expect(await verifyAccessToken(token, keys, config, now + 1000)).toEqual(first) // remembered
    first.userId = 'changed by a caller'
    expect((await verifyAccessToken(token, keys, config, now)).userId).toBe('u1') // callers get copies

    // Expired (past the 5 s tolerance), and not yet valid (before nbf minus the tolerance).
    await expect(verifyAccessToken(token, keys, config, expiresAt + 6000)).rejects.toThrow(TokenError)
    await expect(verifyAccessToken(token, keys, config, now - 10_000)).rejects.toThrow(TokenError)
    expect(await verifyAccessToken(token, keys, config, now)).toMatchObject({ userId: 'u1' }) // still good now

    // Another issuer / audience configured with the same keys.
    await expect(verifyAccessToken(token, keys, { ...config, JWT_ISSUER: 'someone-else' }, now)).rejects.toThrow(TokenError)
    await expect(verifyAccessToken(token, keys, { ...config, JWT_AUDIENCE: 'another-api' }, now)).rejects.toThrow(TokenError)

    // Another key set (a rotation that dropped this key).
    const other = await signingKeys(loadConfig({ JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()) }))
    await expect(verifyAccessToken(token, other, config, now)).rejects.toThrow(TokenError)

    // One character of the signature changed: not the remembered token.
    const last = token.at(-2) === 'A' ? 'B' : 'A'
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`
    await expect(verifyAccessToken(forged, keys, config, now)).rejects.toThrow(TokenError)
  })
})
