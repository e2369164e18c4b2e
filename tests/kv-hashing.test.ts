/**
 * The synchronous SHA-256 both key-value adapters key sessions and cache entries with (it must
 * equal the standard digest, or handles shown to users and ids across adapters would drift).
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newSessionId, resolvePolicy, SESSION_ID_PATTERN, sessionHandle } from '../src/adapters/upstash/common.ts'
import { sha256Hex } from '../src/adapters/upstash/sha256.ts'

const reference = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

describe('sha256Hex', () => {
  it('equals node:crypto on edge lengths, Unicode and random input', () => {
    const inputs = ['', 'abc', 'é漢字🙂\u0000\uFFFD', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65), 'x'.repeat(10_000)]
    for (let i = 0; i < 300; i++) inputs.push(String.fromCodePoint(...Array.from({ length: i % 90 }, () => Math.floor(Math.random() * 0x2ffff))))
    for (const s of inputs) expect(sha256Hex(s)).toBe(reference(s))
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})

describe('session ids and policies', () => {
  it('session ids are 128-bit base64url, unique, and handled by their SHA-256', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId))
    expect(ids.size).toBe(1000)
    for (const id of ids) {
      expect(id).toMatch(SESSION_ID_PATTERN)
      expect(Buffer.from(id, 'base64url')).toHaveLength(16)
      expect(sessionHandle(id)).toBe(reference(id))
    }
  })

  it('derives token-bucket refills from limit/window and refuses bad policies', () => {
    expect(resolvePolicy({ name: 'hourly', limit: 100, windowSeconds: 3600, algorithm: 'token' })).toMatchObject({
      intervalMs: 36_000,
      refillRate: 1,
      algorithm: 'token',
    })
    expect(resolvePolicy({ name: 'fast', limit: 5000, windowSeconds: 1, algorithm: 'token' })).toMatchObject({ intervalMs: 1, refillRate: 5 })
    expect(resolvePolicy({ name: 'burst', limit: 10, windowSeconds: 60 }).algorithm).toBe('sliding')
    expect(() => resolvePolicy({ name: 'a:b', limit: 1, windowSeconds: 1 })).toThrow(TypeError)
    expect(resolvePolicy({ name: 'a', limit: 0, windowSeconds: 1, algorithm: 'token' }).algorithm).toBe('fixed') // a blocked plan
    expect(() => resolvePolicy({ name: 'a', limit: -1, windowSeconds: 1 })).toThrow(TypeError)
    expect(() => resolvePolicy({ name: 'a', limit: 1.5, windowSeconds: 1 })).toThrow(TypeError)
    expect(() => resolvePolicy({ name: 'a', limit: 1, windowSeconds: 0 })).toThrow(TypeError)
  })
})
