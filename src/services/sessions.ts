/**
 * Sign-in and sessions (/api/v1/auth/*), over the ports and repositories only.
 *
 * Tokens of a sign-in:
 * - access token: a short-lived JWT (tokens.ts) whose `sid` is the raw session id;
 * - refresh token: `<tenant>.<raw session id>.<256-bit secret>`, opaque to clients. Only
 *   SHA-256(secret) is stored (in the session); every refresh swaps it with a compare-and-swap
 *   (SessionStore.rotateRefresh), so a refresh token is traded once. Presenting a used one means
 *   it was copied: the whole session is revoked — except within REFRESH_REUSE_GRACE_SECONDS of
 *   its rotation, when it is a client retrying (concurrent tabs, a lost answer): that gets the
 *   pair it was already traded for (as Supabase Auth does).
 *
 * How a replay gets "the same pair" with nothing secret stored: the next secret is
 * HMAC-SHA256(key = the presented secret, message = a random nonce); the session keeps the nonce
 * and SHA-256 of the secrets. Whoever presents the previous secret within the grace can derive
 * its successor again; nobody can from what is stored, and an old token never yields later ones
 * (each step needs that step's nonce). A replay gets a fresh access token for the session.
 * The session carries what authorization needs — the role and the plan (api_calls_per_hour) —
 * read by the gate on every request and updated whenever the account changes.
 * The API names sessions by their handle (SHA-256 of the raw id), never by the raw id.
 */
import type { Deps } from '../deps.ts'
import { externalSessionTokenId, type Principal } from '../domain/principal.ts'
import { NotFoundError, UnauthenticatedError } from '../errors.ts'
import type { Session } from '../ports.ts'
import { createProfilesRepository } from '../repositories/profiles.ts'
import { createUsersRepository, type UserRecord } from '../repositories/users.ts'
import { ensureActive, refuseDisabled } from './account-standing.ts'
import { type AttemptSubject, countAttempt, digestHex, forgetAttempts } from './auth-attempts.ts'
import { type ClientInfo, deviceLabel } from './devices.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts'
import { defaultQuota, quotaLimits } from './quotas.ts'
import { signingKeys } from './signing-keys.ts'
import { signAccessToken } from './tokens.ts'

export interface TokenPair {
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
  session_id: string
}

const nowOf = (deps: Deps) => deps.now?.() ?? Date.now()
const users = (deps: Deps) => createUsersRepository(deps.backends.documents)

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** `<tenant>.<raw session id>.<secret>`; the tenant may itself contain dots. */
const REFRESH_PATTERN = /^([A-Za-z0-9][A-Za-z0-9_.:@-]{0,127})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

const newRefreshSecret = (): string => b64url(crypto.getRandomValues(new Uint8Array(32)))
const newNonce = (): string => b64url(crypto.getRandomValues(new Uint8Array(16)))

/** The secret that follows `secret` under `nonce`: HMAC-SHA256, base64url (43 characters). */
async function successorOf(secret: string, nonce: string): Promise<string> {
  const enc = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(nonce))))
}

/** The plan the gate applies to a user: the profile's api_calls_per_hour (the default without one). */
async function hourlyLimitOf(deps: Deps, tenantId: string, userId: string): Promise<number> {
  const profile = await createProfilesRepository(deps.backends.documents, { defaultQuota: defaultQuota(deps.config) }).getByUser(userId, { tenantId })
  return quotaLimits(profile, deps.config).api_calls_per_hour
}

/** Opens a session for a user and signs its first token pair. */
async function openSession(deps: Deps, user: Pick<UserRecord, 'user_id' | 'tenant_id' | 'role'>, client: ClientInfo): Promise<TokenPair> {
  const secret = newRefreshSecret()
  const { id, session } = await deps.backends.sessions.create({
    userId: user.user_id,
    tenantId: user.tenant_id,
    role: user.role,
    hourlyLimit: await hourlyLimitOf(deps, user.tenant_id, user.user_id),
    device: client.device ?? deviceLabel(client.userAgent),
    ip: client.ip,
    ...(client.userAgent ? { userAgent: client.userAgent.slice(0, 512) } : {}),
    refreshHash: await digestHex(secret),
  })
  return tokenPair(deps, session, id, secret)
}

async function tokenPair(deps: Deps, session: Session, rawId: string, secret: string): Promise<TokenPair> {
  const keys = await signingKeys(deps.config, deps.logger)
  const access = await signAccessToken(
    keys,
    deps.config,
    { userId: session.userId, tenantId: session.tenantId, role: session.role, sessionId: rawId },
    nowOf(deps),
  )
  return {
    access_token: access.token,
    refresh_token: `${session.tenantId}.${rawId}.${secret}`,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    session_id: session.handle,
  }
}

const badCredentials = () => new UnauthenticatedError('credentials', 'Wrong e-mail or password', 'invalid-credentials')

/**
 * POST /auth/login. Unknown e-mail and wrong password are indistinguishable: same answer, and
 * the unknown case verifies against a dummy hash of the same cost.
 */
export async function login(deps: Deps, input: { email: string; password: string }, client: ClientInfo): Promise<TokenPair> {
  const { config, backends } = deps
  const subject: AttemptSubject = { action: 'login', account: await digestHex(input.email), ip: client.ip }
  // The limit check and the account lookup go out together; a refused attempt ignores the lookup.
  const [, user] = await Promise.all([countAttempt(backends.rateLimiter, config, subject, nowOf(deps)), users(deps).getByEmail(input.email)])
  const iterations = config.PASSWORD_PBKDF2_ITERATIONS
  const check = user
    ? await verifyPassword(input.password, user.password_hash, iterations)
    : { ok: await verifyAgainstDummy(input.password, iterations), needsRehash: false }
  if (!user || !check.ok) throw badCredentials()
  refuseDisabled(user)

  const pair = await openSession(deps, user, client)
  await Promise.all([
    // Disabled or deleted while the password was checked: this new session ends (account-standing.ts).
    ensureActive(deps, user.tenant_id, user.user_id, pair.session_id, badCredentials),
    forgetAttempts(backends.rateLimiter, config, subject).catch(() => undefined),
    // Parameters were raised since this hash was made: store a fresh one while we know the password.
    check.needsRehash
      ? hashPassword(input.password, iterations)
          .then((h) => users(deps).updatePassword(user.user_id, h))
          .catch((err) => deps.logger.warn('password rehash failed', { error: (err as Error)?.name }))
      : undefined,
  ])
  return pair
}

const refreshRefused = (detail = 'The refresh token is invalid, expired or already used') =>
  new UnauthenticatedError('refresh', detail, 'invalid-refresh-token')

/** POST /auth/refresh: rotation; a replay within the grace gets the same pair, a later one revokes the session. */
export async function refresh(deps: Deps, refreshToken: string, client: ClientInfo): Promise<TokenPair> {
  const { config, backends } = deps
  const m = REFRESH_PATTERN.exec(refreshToken)
  const [tenantId, rawId, secret] = m ? [m[1]!, m[2]!, m[3]!] : []
  const account = await digestHex(rawId ?? 'malformed')
  await countAttempt(backends.rateLimiter, config, { action: 'refresh', account, ip: client.ip }, nowOf(deps))
  if (!tenantId || !rawId || !secret) throw refreshRefused()

  const session = await backends.sessions.get(tenantId, rawId)
  if (!session) throw refreshRefused()
  // A disabled or deleted account gets no new tokens; its session ends (account-standing.ts).
  await ensureActive(deps, tenantId, session.userId, session.handle, refreshRefused)
  const nonce = newNonce()
  const next = await successorOf(secret, nonce)
  const graceMs = config.REFRESH_REUSE_GRACE_SECONDS * 1000
  const [presented, nextHash] = await Promise.all([digestHex(secret), digestHex(next)])
  const rotation = await backends.sessions.rotateRefresh(tenantId, rawId, { presented, next: nextHash, nonce, graceMs })
  if (rotation.outcome === 'reused') {
    // A used (or forged) refresh token for a live session, past the grace: assume theft, end the session.
    await backends.sessions.revoke(tenantId, session.userId, session.handle)
    deps.logger.warn('refresh token reuse: session revoked', { user_id: session.userId })
    throw refreshRefused('This refresh token was already used; the session has been revoked')
  }
  if (rotation.outcome === 'missing') throw refreshRefused()
  // A retry within the grace: the successor it was already traded for, derived again.
  const issued = rotation.outcome === 'replayed' ? await successorOf(secret, rotation.nonce) : next
  // Refreshing is activity: slide the idle expiry (the record also carries the current role).
  const live = (await backends.sessions.touch(tenantId, rawId)) ?? session
  return tokenPair(deps, live, rawId, issued)
}

/** POST /auth/logout: this session and this very token stop working now. */
export async function logout(deps: Deps, p: Principal): Promise<void> {
  const { sessions, revocations } = deps.backends
  const work: Promise<unknown>[] = []
  if (p.jti) work.push(revocations.revokeToken(p.tenantId, p.jti, p.expiresAt))
  if (p.via === 'session' && p.sessionHandle) work.push(sessions.revoke(p.tenantId, p.userId, p.sessionHandle))
  if (p.via === 'external' && p.sessionId) {
    const until = nowOf(deps) + deps.config.SESSION_MAX_LIFETIME_HOURS * 3600_000
    work.push(revocations.revokeToken(p.tenantId, externalSessionTokenId(p.sessionId), until))
  }
  await Promise.all(work)
}

export interface SessionView {
  session_id: string
  device: string | null
  ip: string | null
  user_agent: string | null
  created_at: string
  last_active_at: string
  expires_at: string
  current: boolean
}

const iso = (ms: number) => new Date(ms).toISOString()

/** GET /auth/sessions: the caller's live sessions, newest first, the current one marked. */
export async function listSessions(deps: Deps, p: Principal): Promise<SessionView[]> {
  const list = await deps.backends.sessions.list(p.tenantId, p.userId)
  return list
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((s) => ({
      session_id: s.handle,
      device: s.device ?? null,
      ip: s.ip ?? null,
      user_agent: s.userAgent ?? null,
      created_at: iso(s.createdAt),
      last_active_at: iso(s.lastActiveAt),
      expires_at: iso(Math.min(s.expiresAt, s.absoluteExpiresAt)),
      current: s.handle === p.sessionHandle,
    }))
}

/** DELETE /auth/sessions/{id}: NotFoundError when it is not one of the caller's live sessions. */
export async function revokeSession(deps: Deps, p: Principal, handle: string): Promise<void> {
  if (!(await deps.backends.sessions.revoke(p.tenantId, p.userId, handle))) throw new NotFoundError('No such session')
}

/** DELETE /auth/sessions?scope=…: every other session, or all of them (this one too). */
export async function revokeSessions(deps: Deps, p: Principal, scope: 'others' | 'all'): Promise<number> {
  const keep = scope === 'others' && p.sessionHandle ? [p.sessionHandle] : []
  const revoked = await deps.backends.sessions.revokeAll(p.tenantId, p.userId, keep)
  if (scope === 'all' && p.via === 'external') {
    // Provider tokens need not have a session here: refuse everything issued until now.
    await revokeUserTokens(deps, p.tenantId, p.userId)
    if (p.jti) await deps.backends.revocations.revokeToken(p.tenantId, p.jti, p.expiresAt)
  }
  return revoked
}

/**
 * Refuses every token of the user issued before this second (covers provider tokens without a
 * session). In seconds, the unit of `iat`: a token issued in this very second — a fresh sign-in
 * right after this call — stays valid; older ones of that second have lost their sessions anyway.
 */
async function revokeUserTokens(deps: Deps, tenantId: string, userId: string): Promise<void> {
  const at = Math.floor(nowOf(deps) / 1000)
  const ttl = Math.max(deps.config.ACCESS_TOKEN_TTL_SECONDS, deps.config.SESSION_MAX_LIFETIME_HOURS * 3600)
  await deps.backends.revocations.revokeUserBefore(tenantId, userId, at, ttl)
}

/** Signs a user out everywhere: every session revoked, every token issued before now refused. */
export async function signOutEverywhere(deps: Deps, tenantId: string, userId: string): Promise<number> {
  const [revoked] = await Promise.all([deps.backends.sessions.revokeAll(tenantId, userId), revokeUserTokens(deps, tenantId, userId)])
  return revoked
}

/** DELETE /auth/users/{id}/sessions: an admin signs a user of their tenant out everywhere. */
export async function revokeUserSessions(deps: Deps, admin: Principal, userId: string): Promise<number> {
  const scopeTenant = admin.role === 'superadmin' ? undefined : admin.tenantId
  const user = await users(deps).getById(userId, scopeTenant)
  // Another tenant's user is "not found", never "forbidden": ids of other tenants don't leak.
  if (!user) throw new NotFoundError('No such user in your tenant')
  return signOutEverywhere(deps, user.tenant_id, user.user_id)
}

/** GET /auth/me. */
export async function me(deps: Deps, p: Principal) {
  const user = p.via === 'session' ? await users(deps).getById(p.userId, p.tenantId) : null
  return {
    user_id: p.userId,
    tenant_id: p.tenantId,
    role: p.role,
    email: user?.email ?? null,
    session_id: p.sessionHandle ?? null,
    issuer: p.via === 'session' ? ('local' as const) : p.via === 'key' ? ('api_key' as const) : ('external' as const),
    key_id: p.keyId ?? null,
    token_expires_at: Number.isFinite(p.expiresAt) ? iso(p.expiresAt) : null,
  }
}
