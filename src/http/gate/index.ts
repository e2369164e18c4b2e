/**
 * The gate: the route middleware every API route gets from its definition (src/http/route.ts).
 * It decides who is calling and whether the request may pass, in ONE round trip:
 *
 *   1. identity (identity.ts): the client address, and the bearer token verified locally (CPU) —
 *      or the API key checked locally (shape, checksum; a bad one is refused asking no store);
 *   2. the round trip (round-trip.ts), issued in one tick: for a verified token, the Gatekeeper's
 *      admission — session alive, token and user not revoked, and ONLY THEN burst + hourly + the
 *      route's budgets + the tenant budget charged atomically to the user; for a key, its record
 *      (hash, grace, expiry) and then its own limit + hourly + the tenant budget, in the same
 *      single script; for anyone else, or for routes that charge
 *      the address (logout, quota: how a rate-limited user recovers), the address's policies;
 *      plus the route's declared reads (a cached GET's lookup...);
 *   3. the verdict: 401 (missing, invalid or revoked token or key — a revoked one is then charged
 *      to the address, never to its owner), 429 (RateLimitedError), 403 (role; a key on a route for
 *      people), or on to the handler with `c.var.principal` — whose role is the SESSION's (the
 *      KEY's), so role changes apply on the next request.
 * Every answer carries the RateLimit headers (headers.ts). Nothing waits longer than
 * BACKEND_TIMEOUT_MS: when the store cannot answer, signed-in routes answer 503 (a revoked token
 * cannot be told from a good one) and public ones follow their failure mode.
 */
import type { MiddlewareHandler } from 'hono'
import { externalSessionTokenId, type Principal } from '../../domain/principal.ts'
import { roleAtLeast } from '../../domain/roles.ts'
import { BackendUnavailableError, ForbiddenError, RateLimitedError, UnauthenticatedError } from '../../errors.ts'
import { errorFields } from '../../logger.ts'
import type { Admission, AdmissionSubject, ApiKeyRecord, PolicyResult, RatePolicy, RateResult, Session } from '../../ports.ts'
import { deferOf } from '../background.ts'
import { type Claim, clientAddress, readCredential, verifyCredential } from '../identity.ts'
import { RoundTrip } from '../round-trip.ts'
import type { AppEnv, Ctx } from '../types.ts'
import { rateLimitHeaders } from './headers.ts'
import { addressPolicies, callerCharges, ipLimitKey, type Payer } from './policies.ts'
import type { GateRule } from './rule.ts'

/** How often (at most) a session's idle expiry is slid forward, in ms. */
export const touchIntervalMs = (idleSeconds: number) => Math.min(60_000, (idleSeconds * 1000) / 4)

type Verdict = { rate: RateResult | null; policies: RatePolicy[]; principal: Principal | null; failure?: 'missing' | 'invalid' | 'revoked' }

/** The gate for one route, from the rule its definition declares. */
export function gate(rule: GateRule): MiddlewareHandler<AppEnv> {
  return async function gate(c, next) {
    const { config } = c.var.deps
    const now = c.var.deps.now?.() ?? Date.now()
    const within = deadline(config.BACKEND_TIMEOUT_MS)
    const advertised = rule.advertise?.(config) ?? []

    let verdict: Verdict
    try {
      verdict = await admit(c, rule, now, within)
    } catch (err) {
      if (!(err instanceof BackendUnavailableError) || rule.access === 'signed-in' || !failsOpen(c, rule)) throw err
      noteDegraded(c, err)
      c.set('rateHeaders', rateLimitHeaders(addressPolicies(config, rule.budgets), undefined, now, advertised))
      await next()
      applyHeaders(c)
      return
    }
    const results = verdict.rate?.policies
    // The limits as applied (a session's plan, a key's own limit, the tenant's plan replace the defaults).
    const applied = verdict.policies.map((p) => {
      const r = results?.find((x) => x.name === p.name)
      return { ...p, limit: r?.limit ?? p.limit, windowSeconds: r?.windowSeconds ?? p.windowSeconds }
    })
    c.set('rateHeaders', rateLimitHeaders(applied, results, now, advertised))
    // A spent budget first: an address out of budget is refused alike with a good, a revoked or no token.
    if (verdict.rate && !verdict.rate.allowed) {
      throw new RateLimitedError(violatedOf(results ?? []), now, { headers: c.var.rateHeaders })
    }
    if (verdict.failure && rule.access === 'signed-in') throw unauthenticated(verdict.failure)
    if (verdict.principal) {
      if (rule.caller === 'person' && verdict.principal.via === 'key') {
        throw new ForbiddenError('API keys cannot do this: it needs a signed-in person (a bearer token)', 'person-required')
      }
      if (rule.role && !roleAtLeast(verdict.principal.role, rule.role)) throw new ForbiddenError(`This operation needs the ${rule.role} role`)
      c.set('principal', verdict.principal)
    }
    await next()
    applyHeaders(c)
  }
}

/** Steps 1–3 up to the verdict (see the module comment). */
async function admit(c: Ctx, rule: GateRule, now: number, within: <T>(p: Promise<T>) => Promise<T>): Promise<Verdict> {
  const { config, backends } = c.var.deps
  const address = clientAddress(c)
  const cost = rule.cost ?? 1
  const credential = rule.access === 'public' ? ({ kind: 'none' } as const) : readCredential(c)
  const verified = await verifyCredential(c, credential, now)
  const claim = 'claim' in verified ? verified.claim : null
  if (!claim && credential.kind === 'key') {
    // A malformed, mistyped or tampered API key: refused by arithmetic alone, no store is asked.
    c.set('trip', new RoundTrip(c, null, []))
    return { rate: null, policies: [], principal: null, failure: 'invalid' }
  }
  const chargeAddress = !claim || rule.chargeTo === 'address'
  const onAddress = addressPolicies(config, rule.budgets)
  const charges = claim && !chargeAddress ? callerCharges(config, payerOf(claim), rule.budgets) : []

  // ---- the round trip: everything below up to the first await leaves in this one tick ----
  const admission: Promise<Admission> | null = claim ? backends.gatekeeper.admit({ subject: subjectOf(claim), charges, cost }) : null
  const byAddress = chargeAddress ? backends.rateLimiter.check(ipLimitKey(address), onAddress, { cost }) : null
  c.set('trip', new RoundTrip(c, claim, rule.reads ?? []))
  // -------------------------------------------------------------------------------------------
  admission?.catch(() => undefined)
  byAddress?.catch(() => undefined)

  if (!claim) {
    const rate = await within(byAddress!)
    return { rate, policies: onAddress, principal: null, failure: 'failure' in verified ? verified.failure : 'missing' }
  }
  const admitted = await within(admission!)
  if (!admitted.valid) {
    // A revoked token (or unknown key) is charged to its address — a second trip, for this refused request only.
    const rate = await within(byAddress ?? backends.rateLimiter.check(ipLimitKey(address), onAddress, { cost }))
    return { rate, policies: onAddress, principal: null, failure: 'revoked' }
  }
  const rate = byAddress ? await within(byAddress) : admitted.rate
  const policies = byAddress ? onAddress : charges.map((ch) => ch.policy)
  const { session, key } = admitted
  const defer = deferOf(c)
  if (session && now - session.lastActiveAt > touchIntervalMs(config.SESSION_EXPIRE_MINUTES * 60)) {
    defer(backends.sessions.touch(claim.tenantId, claim.sessionId!))
  }
  // Last used, in the background and at most once per interval: never on the critical path.
  if (key && now - (key.lastUsedAt ?? 0) > KEY_TOUCH_INTERVAL_MS) defer(backends.apiKeys.touch(claim.tenantId, key.id, now))
  return { rate, policies, principal: checkedCaller(claim, session, key) }
}

/** How often (at most) an API key's last-used time is written, in ms. */
const KEY_TOUCH_INTERVAL_MS = 60_000

/** The checked caller: its role is the server's (the session's, the key's), a provider's own otherwise. */
function checkedCaller(claim: Claim, session: Session | null, key: ApiKeyRecord | null): Principal {
  if (key) {
    const expiresAt = key.expiresAt ?? Number.POSITIVE_INFINITY
    return { userId: claim.userId, tenantId: claim.tenantId, role: key.role, via: 'key', keyId: key.id, expiresAt }
  }
  return {
    userId: claim.userId,
    tenantId: claim.tenantId,
    // Our tokens: the session's role (server-side, updated on every role change). Providers: theirs.
    role: session ? session.role : claim.role,
    via: claim.issuer === 'local' ? 'session' : 'external',
    ...(claim.sessionId ? { sessionId: claim.sessionId } : {}),
    ...(session ? { sessionHandle: session.handle } : {}),
    ...(claim.jti ? { jti: claim.jti } : {}),
    expiresAt: claim.expiresAt,
  }
}

/** Who pays for a claim's requests: its API key, or its user. */
export const payerOf = (claim: Claim): Payer => (claim.key ? { keyId: claim.key.id } : { userId: claim.userId })

/** The Gatekeeper's subject for a claim: ids that can be revoked, the session of our own tokens; or the key. */
export function subjectOf(claim: Claim): AdmissionSubject {
  if (claim.key) return { kind: 'key', tenantId: claim.tenantId, keyId: claim.key.id, keyHash: claim.key.hash }
  const tokenIds: string[] = []
  if (claim.jti) tokenIds.push(claim.jti)
  if (claim.issuer === 'external' && claim.sessionId) tokenIds.push(externalSessionTokenId(claim.sessionId))
  return {
    tenantId: claim.tenantId,
    userId: claim.userId,
    ...(claim.issuer === 'local' ? { sessionId: claim.sessionId } : {}),
    tokenIds,
    issuedAt: claim.issuedAt,
  }
}

const violatedOf = (results: PolicyResult[]) =>
  results.filter((r) => !r.allowed).map((r) => ({ name: r.name, limit: r.limit, remaining: r.remaining, windowSeconds: r.windowSeconds, reset: r.reset }))

function unauthenticated(failure: 'missing' | 'invalid' | 'revoked'): UnauthenticatedError {
  if (failure === 'missing') return new UnauthenticatedError('missing', 'A bearer token or an API key is required')
  return new UnauthenticatedError(failure, 'The access token or API key is invalid, expired or revoked')
}

/** Public routes may be served unmetered while the limiter is down: reads per FAIL_OPEN_READS, or as declared. */
function failsOpen(c: Ctx, rule: GateRule): boolean {
  if (rule.failMode) return rule.failMode === 'open'
  const read = c.req.method === 'GET' || c.req.method === 'HEAD'
  return read && c.var.deps.config.FAIL_OPEN_READS
}

// One warning per app instance while degraded, and one line when it recovers.
const degraded = new WeakSet<object>()
function noteDegraded(c: Ctx, err: unknown): void {
  if (degraded.has(c.var.deps)) return
  degraded.add(c.var.deps)
  c.var.deps.logger.warn('rate limiter unavailable: public reads that fail open are served unmetered', errorFields(err))
}

/** Sets this request's rate-limit headers on the answer (copying an immutable Response once). */
function applyHeaders(c: Ctx): void {
  const headers = c.var.rateHeaders
  if (!headers) return
  try {
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v)
  } catch {
    c.res = new Response(c.res.body, c.res)
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v)
  }
}

/** A race against one deadline shared by every await of the request. */
function deadline(ms: number) {
  const end = Date.now() + ms
  return <T>(p: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BackendUnavailableError('redis', 'timeout')), Math.max(0, end - Date.now()))
    })
    return Promise.race([p, expired]).finally(() => clearTimeout(timer))
  }
}
