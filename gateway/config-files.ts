/**
 * The CLI's JSON files, read and checked: `--keys-file` (key → scope) and `--users-file`
 * (email → {passwordHash, databases?, collections?}). Errors name the file and the entry's
 * position, never a key, email or hash.
 */
import { readFileSync } from 'node:fs'
import type { KeyScope } from './auth.ts'
import type { GatewayUser } from './users.ts'

function readObject(path: string, flag: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new Error(`cannot read ${flag}: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${flag} must hold a JSON object`)
  return parsed as Record<string, unknown>
}

const stringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0)

/** The allow-list fields of an entry (databases, collections), checked. */
function scopeOf(value: Record<string, unknown>, what: string): KeyScope {
  const scope: KeyScope = {}
  for (const field of ['databases', 'collections'] as const) {
    if (value[field] === undefined) continue
    if (!stringList(value[field])) throw new Error(`${what}: "${field}" must be a list of names`)
    scope[field] = value[field] as string[]
  }
  return scope
}

/** `{"<key>": {"databases": [...], "collections": [...]}}`. */
export function readKeysFile(path: string): Record<string, KeyScope> {
  const out: Record<string, KeyScope> = {}
  Object.entries(readObject(path, '--keys-file')).forEach(([key, value], i) => {
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new Error(`--keys-file entry #${i} must be an object`)
    out[key] = scopeOf((value ?? {}) as Record<string, unknown>, `--keys-file entry #${i}`)
  })
  return out
}

/** `{"<email>": {"passwordHash": "$scrypt$…", "databases": [...], "collections": [...]}}`. */
export function readUsersFile(path: string): Record<string, GatewayUser> {
  const out: Record<string, GatewayUser> = {}
  Object.entries(readObject(path, '--users-file')).forEach(([email, value], i) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`--users-file entry #${i} must be an object`)
    const entry = value as Record<string, unknown>
    if (typeof entry.passwordHash !== 'string') throw new Error(`--users-file entry #${i} needs a "passwordHash" (npm run -s gateway -- hash-password)`)
    out[email] = { passwordHash: entry.passwordHash, ...scopeOf(entry, `--users-file entry #${i}`) }
  })
  return out
}
