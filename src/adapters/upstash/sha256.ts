/**
 * Synchronous SHA-256 (hex) of a UTF-8 string, on @noble/hashes so it runs the same on Workers,
 * Node, Deno and Bun. Why not WebCrypto: `crypto.subtle.digest` is async and resolves a few
 * event-loop turns later, so a store method that hashed its key with it would send its Redis
 * command AFTER the auto-pipeline of the current tick had left — the auth hot path would cost two
 * round trips.
 *
 * The inputs are keys (session ids, cache keys) that repeat on every request, and one hash costs
 * ~4 µs of JavaScript: the last results are remembered (a bounded map, oldest forgotten first).
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

const REMEMBERED = 10_000
const remembered = new Map<string, string>()

export const sha256Hex = (input: string): string => {
  let hex = remembered.get(input)
  if (hex === undefined) {
    hex = bytesToHex(sha256(utf8ToBytes(input)))
    if (input.length <= 1024) {
      if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!)
      remembered.set(input, hex)
    }
  }
  return hex
}
