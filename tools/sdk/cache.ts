/**
 * Where the SDK toolchains (the Python generator venv, the SDK's test venv, oapi-codegen) are
 * provisioned once and reused: ~/.cache/gatehouse (or GATEHOUSE_CACHE_DIR). Entries are named
 * after what they contain (tool, version, hash of their inputs), so a change makes a new entry
 * instead of reusing a stale one. A lock directory keeps two processes from building one entry.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export function cacheDir(): string {
  const dir = process.env.GATEHOUSE_CACHE_DIR ?? join(homedir(), '.cache', 'gatehouse')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A short, stable hash of some inputs (for cache entry names). */
export function shortHash(...parts: string[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('hex').slice(0, 12)
}

/** Runs `work` holding `<path>.lock` (a lock older than staleMs is taken over: its owner died). */
export async function withLock<T>(path: string, work: () => Promise<T>, staleMs = 15 * 60_000): Promise<T> {
  const lock = `${path}.lock`
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      let age = 0
      try {
        age = Date.now() - statSync(lock).mtimeMs
      } catch {
        continue // released meanwhile
      }
      if (age > staleMs) rmSync(lock, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 250))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
