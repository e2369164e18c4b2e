/**
 * Generated outputs as plain data — repository-relative paths and their exact contents — so one
 * comparison serves `npm run openapi -- --check` and the drift tests, and one writer serves
 * `npm run openapi`. A generator that owns a whole directory (the Python client) also owns its
 * deletions: a file left over from an older generation is drift too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is tools/sdk/outputs.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface Generated {
  /** What it is, for messages ("Python client"). */
  name: string
  /** Repository-relative path → exact contents. */
  files: Map<string, string>
  /** Repository-relative directories owned entirely by this output (other files in them are stale). */
  ownedDirs?: string[]
}

/** Caches that tools leave next to sources: never generated, never compared (and git-ignored). */
const IGNORED = new Set(['__pycache__', '.ruff_cache', '.DS_Store'])

/** Every file under a directory, repository-relative, sorted (caches left out). */
export function listFiles(dir: string, root = REPO_ROOT): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      if (IGNORED.has(entry)) continue
      const p = join(d, entry)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(root, p))
    }
  }
  walk(abs)
  return out
}

/** What differs between an output and the files on disk: [] when up to date. */
export function drift(output: Generated, root = REPO_ROOT): string[] {
  const problems: string[] = []
  for (const [file, text] of output.files) {
    const abs = join(root, file)
    if (!existsSync(abs)) problems.push(`${file} is missing`)
    else if (readFileSync(abs, 'utf8') !== text) problems.push(`${file} differs`)
  }
  for (const dir of output.ownedDirs ?? []) {
    for (const file of listFiles(dir, root)) if (!output.files.has(file)) problems.push(`${file} is stale (no longer generated)`)
  }
  return problems
}

/** Writes an output (and removes stale files from the directories it owns). */
export function write(output: Generated, root = REPO_ROOT): void {
  for (const dir of output.ownedDirs ?? []) {
    for (const file of listFiles(dir, root)) if (!output.files.has(file)) rmSync(join(root, file))
  }
  for (const [file, text] of output.files) {
    const abs = join(root, file)
    mkdirSync(dirname(abs), { recursive: true })
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== text) writeFileSync(abs, text)
  }
}
