/**
 * Authentication for every protected route: who is calling, and is that still allowed.
 *
 * ## What a protected request costs
 * 1. The bearer JWT is verified locally (jose; algorithm pinned to the key, iss/aud/exp/nbf
 *    checked) — CPU only, no network.
 * 2. Then, in ONE synchronous stretch of code (the same tick), the middleware issues:
 *    - `sessions.get(sid)` (session alive, not revoked, idle/absolute expiry),
 *    - `revocations.isRevoked(jti)` (logout of this very token),
 *    - `revocations.revokedBefore(sub)` (admin "sign this user out everywhere"),
 *    - every *hot-path read* other middleware queued for this request (rate-limit policies,
 *      usage counter, cache read — see `queueHotPathRead`),
 *    and only then awaits them all. The Upstash adapter's client auto-pipelines commands issued
 *    in the same tick into one `/pipeline` HTTP request, so the whole hot path is ONE Redis round
 *    trip. (Embedded mode answers the same calls from SQLite.)
 * 3. Sliding idle expiry is NOT on the hot path: when the session was last touched more than
 *    `touchIntervalMs` ago, `sessions.touch` runs in the background (`executionCtx.waitUntil`).
 *    Touching at most once a minute keeps writes off nearly every request; the idle window is
 *    SESSION_EXPIRE_MINUTES, so losing up to a minute of "activity" is harmless.
 *
 * ## How other middleware joins the round trip (the gate, the usage counter, the cache)
 * ```ts
 * app.use('*', async function gate(c, next) {
 *   // 1. queue: `caller` is the locally verified principal (or null when anonymous/invalid);
 *   //    the start function must ISSUE its commands synchronously (no await before them).
 *   const limited = queueHotPathRead(c, (caller) => limiter.check(keyFor(c, caller), policies))
 *   // 2. flush: verifies the token, issues auth checks + every queued read together, awaits.
 *   await resolveCaller(c)
 *   // 3. use the result (requireAuth later reuses the memoized caller: no second round trip).
 *   const result = await limited
 *   if (!result.allowed) throw tooManyRequests(result)
 *   await next()
 * })
 * ```
 * `resolveCaller` is memoized per request, so whoever calls it first flushes the queue; a read
 * queued after the flush starts on its own (its own round trip). A queued read's promise is the
 * caller's to handle: its failure never fails authentication.
 *
 * Charging a rate limit to the *provisional* caller (token verified, session not yet confirmed)
 * is deliberate: the session answer arrives in the same round trip, so waiting for it would cost
 * a second trip. A forged token never gets here (signature first); a revoked one spends its
 * user's budget on its 401s, which is the right owner.
 */
import type { RouteConfig } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import type { Role, Session } from '../ports.ts'
import { signingKeys } from '../services/keys.ts'
import { KeySourceError, TokenError, verifyAccessToken, type VerifiedToken } from '../services/tokens.ts'
import { errorFields } from './logger.ts'
import { ApiError, problemResponses, problems } from './problems.ts'
import type { AppEnv, Principal } from './types.ts'

type Ctx = Context<AppEnv>

/** Why there is no principal. */
export type AuthFailure = 'missing' | 'invalid' | 'revoked' | 'unavailable'

export interface CallerResult {
  /** The authenticated caller, or null. */
  principal: Principal | null
  failure?: AuthFailure
  /** The live session record behind a local token. */
  session?: Session
}

/** A queued read: receives the locally verified (provisional) caller, must issue commands synchronously. */
export type HotPathRead<T> = (caller: Principal | null) => Promise<T>

interface RequestAuthState {
  queued: Array<(caller: Principal | null) => void>
  result?: Promise<CallerResult>
}

// Keyed by the request's Context: per-request state without widening the shared AppEnv type.
const states = new WeakMap<Ctx, RequestAuthState>()

function stateOf(c: Ctx): RequestAuthState {
  let s = states.get(c)
  if (!s) {
    s = { queued: [] }
    states.set(c, s)
  }
  return s
}

/** How often (at most) a session's idle expiry is slid forward, in ms. */
export const touchIntervalMs = (idleSeconds: number) => Math.min(60_000, (idleSeconds * 1000) / 4)

const ROLE_RANK: Record<Role, number> = { viewer: 0, admin: 1, superadmin: 2 }

/** True when `role` is at least `min` (viewer < admin < superadmin). */
export const roleAtLeast = (role: Role, min: Role) => ROLE_RANK[role] >= ROLE_RANK[min]

/** Revocation-list key for an external provider's session id (sessions of external tokens). */
export const externalSessionKey = (sid: string) => `sid:${sid}`

/**
 * Queues a Redis read to be issued in the same tick as this request's auth checks (one round
 * trip). Returns its result once `resolveCaller` has flushed the queue. See the module comment.
 */
export function queueHotPathRead<T>(c: Ctx, start: HotPathRead<T>): Promise<T> {
  const state = stateOf(c)
  if (state.result) return state.result.then((r) => start(r.principal))
  return new Promise<T>((resolve, reject) => {
    state.queued.push((caller) => {
      try {
        resolve(start(caller))
      } catch (err) {
        reject(err)
      }
    })
  })
}

/**
 * Who is calling: verifies the bearer token (if any), then issues the session/revocation checks
 * together with every queued hot-path read and awaits them. Memoized per request; never throws
 * for a bad token (the result says why), so public routes can call it too.
 */
export function resolveCaller(c: Ctx): Promise<CallerResult> {
  const state = stateOf(c)
  state.result ??= authenticate(c, state)
  return state.result
}

/** The bearer token of the request: undefined when absent, null when the header is malformed. */
export function bearerToken(c: Ctx): string | null | undefined {
  const header = c.req.header('authorization')
  if (header === undefined) return undefined
  const m = /^Bearer +([A-Za-z0-9_\-.=]+) *$/i.exec(header)
  return m?.[1] ?? null
}

async function authenticate(c: Ctx, state: RequestAuthState): Promise<CallerResult> {
  const { deps } = c.var
  const { config, backends, logger } = deps
  const now = deps.now?.() ?? Date.now()

  let verified: VerifiedToken | null = null
  let failure: AuthFailure | undefined
  const token = bearerToken(c)
  if (token === undefined) failure = 'missing'
  else if (token === null || token.length > 8192) failure = 'invalid'
  else {
    try {
      verified = await verifyAccessToken(token, await signingKeys(config, logger), config, now)
    } catch (err) {
      if (err instanceof KeySourceError) {
        logger.warn('identity provider keys unavailable', errorFields(err))
        failure = 'unavailable'
      } else if (err instanceof TokenError) {
        failure = 'invalid'
      } else throw err
    }
  }
  const provisional = verified ? toPrincipal(verified) : null

  // ---- the hot path: everything below up to `await` is issued in this one tick ----
  const checks = verified ? startServerChecks(c, verified) : null
  for (const start of state.queued.splice(0)) start(provisional)
  // ---------------------------------------------------------------------------------

  if (!checks || !verified || !provisional) return { principal: null, failure }
  let outcome: Awaited<ReturnType<typeof startServerChecks>>
  try {
    outcome = await checks
  } catch (err) {
    // Fail closed: without the session store we cannot tell a revoked token from a good one.
    logger.warn('auth checks failed', { id: c.get('requestId'), ...errorFields(err) })
    return { principal: null, failure: 'unavailable' }
  }
  if (!outcome.ok) return { principal: null, failure: 'revoked' }

  const principal: Principal = { ...provisional }
  const session = outcome.session
  if (session) {
    // The session is fresher than the token: a role lowered since sign-in applies at once.
    principal.role = session.role
    principal.sessionHandle = session.handle
    if (now - session.lastActiveAt > touchIntervalMs(config.SESSION_EXPIRE_MINUTES * 60)) {
      runInBackground(c, backends.sessions.touch(verified.sessionId!))
    }
  }
  c.set('principal', principal)
  return session ? { principal, session } : { principal }
}

function toPrincipal(v: VerifiedToken): Principal {
  return {
    userId: v.userId,
    tenantId: v.tenantId,
    role: v.role,
    ...(v.sessionId ? { sessionId: v.sessionId } : {}),
    ...(v.jti ? { jti: v.jti } : {}),
    expiresAt: v.expiresAt,
    issuer: v.issuer,
  }
}

/**
 * Issues (does not await) every server-side check for a verified token. Each store call issues
 * its command synchronously, so all of them leave in the same pipeline.
 */
function startServerChecks(c: Ctx, v: VerifiedToken): Promise<{ ok: true; session?: Session } | { ok: false }> {
  const { sessions, revocations } = c.var.deps.backends
  const local = v.issuer === 'local'
  const session = local && v.sessionId ? sessions.get(v.sessionId) : Promise.resolve(null)
  const sessionRevoked = !local && v.sessionId ? revocations.isRevoked(externalSessionKey(v.sessionId)) : Promise.resolve(false)
  const tokenRevoked = v.jti ? revocations.isRevoked(v.jti) : Promise.resolve(false)
  const revokedBefore = revocations.revokedBefore(v.userId)
  return Promise.all([session, sessionRevoked, tokenRevoked, revokedBefore]).then(([s, sRevoked, tRevoked, before]) => {
    if (sRevoked || tRevoked) return { ok: false as const }
    if (before !== null && v.issuedAt < before) return { ok: false as const }
    if (local) {
      // Our tokens always carry a sid; its session must be alive and belong to this user.
      if (!s || s.userId !== v.userId || s.tenantId !== v.tenantId) return { ok: false as const }
      return { ok: true as const, session: s }
    }
    return { ok: true as const }
  })
}

/**
 * Hands background work (session touch, cache fill) to `executionCtx.waitUntil` on Workers; on
 * Node it simply runs. Failures are logged, never thrown into the request.
 */
export function runInBackground(c: Ctx, work: Promise<unknown>): void {
  const guarded = work.catch((err) => c.var.deps.logger.warn('background work failed', errorFields(err)))
  try {
    c.executionCtx.waitUntil(guarded)
  } catch {
    // No execution context (Node server, app.request in tests): the promise runs by itself.
  }
}

function authError(failure: AuthFailure | undefined): ApiError {
  if (failure === 'unavailable') return problems.unavailable('Sign-in state cannot be checked right now; try again shortly')
  return problems.unauthorized(failure === 'missing' ? 'A bearer token is required' : 'The access token is invalid, expired or revoked')
}

/**
 * Requires a valid bearer token whose session is alive and not revoked; sets `c.var.principal`.
 * 401 problem otherwise (503 when the session store cannot be asked: fail closed).
 *
 * @example
 * router.openapi(authRoute(createRoute({...})), handler) // or: app.use('/x/*', requireAuth())
 */
export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async function requireAuth(c, next) {
    const { principal, failure } = await resolveCaller(c)
    if (!principal) throw authError(failure)
    await next()
  }
}

/** 403 problem unless the principal's role is at least `min` (viewer < admin < superadmin). */
export function requireRole(min: Role): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const principal = c.get('principal')
    if (!principal) throw authError((await resolveCaller(c)).failure)
    if (!roleAtLeast(principal.role, min)) throw problems.forbidden(`This operation needs the ${min} role`)
    await next()
  }
}

/** The principal set by requireAuth; throws 401 when a handler runs without it (a wiring bug). */
export function principalOf(c: Ctx): Principal {
  const p = c.get('principal')
  if (!p) throw problems.unauthorized()
  return p
}

const AUTH_PROBLEMS = problemResponses(401, 403, 429, 503)

/**
 * Makes a route protected, in one place for the code and the OpenAPI document: adds
 * `security: [{ bearerAuth: [] }]`, the 401/403/429/503 problem answers, the required role in the
 * description (and `x-required-role`), and the requireAuth/requireRole middleware.
 *
 * @example
 * export const me = createRoute(authRoute({ method: 'get', path: '/api/v1/auth/me', responses: {...} }))
 * export const addUser = createRoute(authRoute({ ... }, { role: 'admin' }))
 */
export function authRoute<const R extends RouteConfig>(route: R, options: { role?: Role } = {}) {
  const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware]
  const role = options.role
  const note = role ? `Requires a bearer token with role ${role} or above.` : 'Requires a bearer token.'
  return {
    ...route,
    security: [{ bearerAuth: [] }],
    description: route.description ? `${route.description}\n\n${note}` : note,
    ...(role ? { 'x-required-role': role } : {}),
    middleware: [requireAuth(), ...(role ? [requireRole(role)] : []), ...own],
    responses: { ...AUTH_PROBLEMS, ...route.responses },
  } as R & { security: { bearerAuth: string[] }[]; responses: typeof AUTH_PROBLEMS & R['responses'] }
}

/**
 * The client's IP for sessions and brute-force limits: the TRUSTED_IP_HEADER when configured
 * (e.g. CF-Connecting-IP; for X-Forwarded-For the right-most entry, the one our own proxy
 * added), else "unknown" — an untrusted header is never believed.
 */
export function clientIp(c: Ctx): string {
  const name = c.var.deps.config.TRUSTED_IP_HEADER
  if (!name) return 'unknown'
  const raw = c.req.header(name)
  if (!raw) return 'unknown'
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean)
  const ip = (name.toLowerCase() === 'x-forwarded-for' ? parts.at(-1) : parts[0]) ?? ''
  return /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : 'unknown'
}
