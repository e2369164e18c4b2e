import { MalformedRequestError } from '../../errors.ts'

/** Longest key accepted (UUIDs, ULIDs and Stripe-style keys are far shorter). */
const MAX_KEY_LENGTH = 255

/** The draft's form: an sf-string (RFC 9651 §3.3.3): `"` printable ASCII, `\"` and `\\` escapes, `"`. */
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/
/** The common bare form (Stripe and most SDKs): visible ASCII, no quotes, commas or spaces. */
const BARE = /^[\x21\x23-\x2b\x2d-\x7e]+$/

/**
 * The key of an `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header), or null
 * when there is none. `"abc"` and `abc` are the same key. Anything else — empty, a list, control
 * characters, over 255 characters — is a 400: a client that sends a key relies on it, so a key we
 * cannot honour is refused rather than ignored.
 */
export function parseIdempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const value = raw.trim()
  const quoted = SF_STRING.exec(value)
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, '$1') : BARE.test(value) ? value : null
  if (key === null || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new MalformedRequestError(`Idempotency-Key: 1–${MAX_KEY_LENGTH} printable ASCII characters, "quoted" or bare`, 'invalid-idempotency-key')
  }
  return key
}
