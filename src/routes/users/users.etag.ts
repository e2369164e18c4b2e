/**
 * ETags of profiles: derived from the stored version (`"v3"`), so a conditional PATCH becomes a
 * conditional update on that version in the repository — no lost updates.
 */
import { MalformedRequestError } from '../../errors.ts'
import type { Precondition } from '../../services/profiles.ts'

/** The strong ETag of a profile version. */
export const profileEtag = (version: number) => `"v${version}"`

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/
const VERSION_TAG = /^v([1-9][0-9]{0,15})$/

/**
 * Parses If-Match into a precondition (undefined when absent). Tags that are not ours can never
 * match (412 follows); a weakened tag (`W/"v3"`, as some proxies rewrite them) is accepted since
 * it still names one version. A syntactically broken header is a 400.
 */
export function parseIfMatch(header: string | undefined): Precondition | undefined {
  if (header === undefined) return undefined
  const value = header.trim()
  if (value === '*') return { any: true }
  const versions: number[] = []
  for (const part of value.split(',')) {
    const tag = ENTITY_TAG.exec(part.trim())
    if (!tag) throw new MalformedRequestError('If-Match must be "*" or a list of entity tags such as "v3"')
    const v = VERSION_TAG.exec(tag[2]!)
    if (v) versions.push(Number(v[1]))
  }
  return { versions }
}

/** True when If-None-Match names this version (weak comparison, RFC 9110 13.1.2). */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const own = profileEtag(version)
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === own)
}
