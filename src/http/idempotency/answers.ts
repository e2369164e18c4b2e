/**
 * Requests and answers as the idempotency layer sees them: a request's fingerprint (what makes a
 * retry "the same request"), an answer as kept, a kept answer replayed.
 */
import type { KeptAnswer } from '../../ports.ts'
import { problemFor } from '../problem-table.ts'
import { problemBody } from '../problems.ts'
import type { Ctx } from '../types.ts'

/** Headers of an answer that belong to it (not to this request: rate limits, ids, security headers). */
const KEPT_HEADERS = ['content-type', 'location', 'etag', 'cache-control', 'vary', 'last-modified', 'content-language']

/** Answers larger than this are not kept (ours are a few KB; a replay must not cost a big read). */
const MAX_KEPT_BODY = 256 * 1024

/** Whether an answer is the request's outcome (kept) rather than "try again later" (key released). */
export const isFinal = (status: number) => status < 500 && status !== 429 && status !== 408

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

/** JSON with object keys sorted, so a retry that reorders keys or whitespace is the same request. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )

/**
 * What the request asks for — method, path (trailing slash ignored), query, If-Match, and the body
 * (canonical JSON when it parses, else its text) — as HMAC-SHA256 keyed by the Idempotency-Key.
 * Keyed, because bodies can carry passwords: a plain hash in the store would let whoever reads
 * it test guesses; this one needs the key too (which the store only has hashed). Reads the body
 * through Hono's cache, so the route's validator still gets it.
 */
export async function fingerprintOf(c: Ctx, idempotencyKey: string): Promise<string> {
  const url = new URL(c.req.url)
  const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const text = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text()
  let body = text
  try {
    if (text) body = canonical(JSON.parse(text))
  } catch {
    // Not JSON: the validator answers it; the text itself is the fingerprint's.
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
  const material = JSON.stringify([c.req.method, path, query, c.req.header('if-match') ?? null, body])
  const enc = new TextEncoder()
  const hmac = await crypto.subtle.importKey('raw', enc.encode(idempotencyKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return hex(await crypto.subtle.sign('HMAC', hmac, enc.encode(material)))
}

/** An answer as kept: status, its own headers, the body text. Null when it is too big to keep. */
export async function keptAnswerOf(res: Response): Promise<KeptAnswer | null> {
  const body = await res.clone().text()
  if (body.length > MAX_KEPT_BODY) return null
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name)
    // No body, no type (a late 204 is built on the 503 answer's headers: settle.ts).
    if (value !== null && !(name === 'content-type' && body === '')) headers[name] = value
  }
  return { status: res.status, headers, body }
}

/** The problem answer an error would get from the app's onError (for writes that settle late). */
export function problemAnswerOf(c: Ctx, err: unknown): KeptAnswer | null {
  const spec = problemFor(err)
  if (!spec) return null
  const body = { ...problemBody(spec.status, spec.slug, spec.detail, spec.extensions), request_id: c.get('requestId') }
  return { status: spec.status, headers: { 'content-type': 'application/problem+json', ...spec.headers }, body: JSON.stringify(body) }
}

/** A kept answer, replayed: same status, headers and body, marked as a replay. */
export function replayOf(answer: KeptAnswer): Response {
  const body = answer.status === 204 || answer.status === 304 ? null : answer.body
  return new Response(body, { status: answer.status, headers: { ...answer.headers, 'idempotent-replayed': 'true' } })
}
