/**
 * Synchronous SHA-256 (hex) of a UTF-8 string, on @noble/hashes so it runs the same on Workers,
 * Node, Deno and Bun. Why not WebCrypto: `crypto.subtle.digest` is async and resolves a few
 * event-loop turns later, so a store method that hashed its key with it would send its Redis
 * command AFTER the auto-pipeline of the current tick had left — the auth hot path would cost two
 * round trips.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

export const sha256Hex = (input: string): string => bytesToHex(sha256(utf8ToBytes(input)))
