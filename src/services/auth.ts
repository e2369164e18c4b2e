/**
 * Sign-in, sessions and accounts: the logic behind /api/v1/auth/*, over the ports and the
 * users/tenants/profiles repositories only (no HTTP here beyond ApiError answers).
 *
 * Tokens of a sign-in:
 * - access token: a short-lived JWT (tokens.ts) whose `sid` is the raw session id;
 * - refresh token: `<raw session id>.<256-bit secret>`, opaque to clients. Only SHA-256(secret)
 *   is stored (in the session); every refresh swaps it with a compare-and-swap
 *   (SessionStore.rotateRefresh), so a refresh token works once. Presenting a used one means
 *   it was copied: the whole session is revoked.
 * The API names sessions by their handle (SHA-256 of the raw id), never by the raw id.
 */
import type { AppDeps, Principal } from '../http/types.ts'
import { ApiError, problems } from '../http/problems.ts'
import { externalSessionKey, roleAtLeast } from '../http/auth.ts'
import { DuplicateKeyError } from '../errors.ts'
import type { Role, Session } from '../ports.ts'
import { createProfilesRepository } from '../repositories/profiles.ts'
import { createTenantsRepository, createUsersRepository, type UserRecord } from '../repositories/users.ts'
import { countAttempt, digestHex, forgetAttempts, type AttemptSubject } from './auth-attempts.ts'
import { signingKeys } from './keys.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts'
import { defaultQuota } from './quotas.ts'
import { signAccessToken } from './tokens.ts'

/** Where a request comes from, recorded on the session it opens. */
export interface ClientInfo {
  ip: string
  userAgent?: string
  /** Label chosen by the client; else derived from the User-Agent. */
  device?: string
}

export interface TokenPair {
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
  session_id: string
}

const nowOf = (deps: AppDeps) => deps.now?.() ?? Date.now()

function repos(deps: AppDeps) {
  const { documents } = deps.backends
  return {
    users: createUsersRepository(documents),
    tenants: createTenantsRepository(documents),
    profiles: createProfilesRepository(documents, { defaultQuota: defaultQuota(deps.config) }),
  }
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

const REFRESH_PATTERN = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/

/** A new refresh secret and the token carrying it. */
function newRefreshSecret(): string {
  return b64url(crypto.getRandomValues(new Uint8Array(32)))
}

/** "Firefox on Linux" from a User-Agent; good enough to tell devices apart in a list. */
export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device'
  const ua = userAgent.slice(0, 512)
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : /curl\//i.test(ua) ? 'curl'
    : null
  const os =
    /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iOS/.test(ua) ? 'iOS'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Linux/.test(ua) ? 'Linux'
    : null
  if (browser && os) return `${browser} on ${os}`
  return browser ?? os ?? ua.slice(0, 60)
}

/** Opens a session for a user and signs its first token pair. */
async function openSession(deps: AppDeps, user: Pick<UserRecord, 'user_id' | 'tenant_id' | 'role'>, client: ClientInfo): Promise<TokenPair> {
  const secret = newRefreshSecret()
  const { id, session } = await deps.backends.sessions.create({
    userId: user.user_id,
    tenantId: user.tenant_id,
    role: user.role,
    device: client.device ?? deviceLabel(client.userAgent),
    ip: client.ip,
    ...(client.userAgent ? { userAgent: client.userAgent.slice(0, 512) } : {}),
    refreshHash: await digestHex(secret),
  })
  return tokenPair(deps, session, id, secret)
}

async function tokenPair(deps: AppDeps, session: Session, rawId: string, secret: string): Promise<TokenPair> {
  const keys = await signingKeys(deps.config, deps.logger)
  const access = await signAccessToken(
    keys,
    deps.config,
    { userId: session.userId, tenantId: session.tenantId, role: session.role, sessionId: rawId },
    nowOf(deps),
  )
  return {
    access_token: access.token,
    refresh_token: `${rawId}.${secret}`,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    session_id: session.handle,
  }
}

/** Creates the profile that goes with a new account; an existing one is kept. */
async function createProfile(deps: AppDeps, user: UserRecord, organization: string): Promise<void> {
  try {
    await repos(deps).profiles.create({ user_id: user.user_id, tenant_id: user.tenant_id, organization, role: user.role })
  } catch (err) {
    if (err instanceof DuplicateKeyError) return
    // The account exists either way; POST /api/v1/users/profile/create/ can make the profile later.
    deps.logger.warn('profile creation failed', { user_id: user.user_id, error: (err as Error)?.name })
  }
}

/** POST /auth/register: a new tenant and its first user (admin). */
export async function register(
  deps: AppDeps,
  input: { email: string; password: string; organization: string },
  client: ClientInfo,
): Promise<{ user_id: string; tenant_id: string; role: Role }> {
  const { config, backends } = deps
  await countAttempt(backends.rateLimiter, config, { action: 'register', account: 'any', ip: client.ip }, nowOf(deps))
  const { users, tenants } = repos(deps)
  if (await users.getByEmail(input.email)) throw problems.conflict('An account with this e-mail already exists')
  const passwordHash = await hashPassword(input.password, config.PASSWORD_PBKDF2_ITERATIONS)
  const tenant = await tenants.create({ organization: input.organization })
  let user: UserRecord
  try {
    user = await users.create({ email: input.email, password_hash: passwordHash, tenant_id: tenant.tenant_id, role: 'admin' })
  } catch (err) {
    await tenants.delete(tenant.tenant_id).catch(() => undefined)
    if (err instanceof DuplicateKeyError) throw problems.conflict('An account with this e-mail already exists')
    throw err
  }
  await createProfile(deps, user, tenant.organization)
  return { user_id: user.user_id, tenant_id: user.tenant_id, role: user.role }
}

/** POST /users/tenant/users/: an admin adds a user to their own tenant, at most at their own role. */
export async function addTenantUser(
  deps: AppDeps,
  admin: Principal,
  input: { email: string; password: string; role: Role },
): Promise<{ user_id: string; tenant_id: string; email: string; role: Role }> {
  if (!roleAtLeast(admin.role, input.role)) throw problems.forbidden(`You cannot create a user with a role above your own (${admin.role})`)
  const { users, tenants } = repos(deps)
  const tenant = await tenants.get(admin.tenantId)
  if (!tenant) throw problems.notFound('Your tenant does not exist')
  const passwordHash = await hashPassword(input.password, deps.config.PASSWORD_PBKDF2_ITERATIONS)
  let user: UserRecord
  try {
    user = await users.create({ email: input.email, password_hash: passwordHash, tenant_id: admin.tenantId, role: input.role })
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw problems.conflict('An account with this e-mail already exists')
    throw err
  }
  await createProfile(deps, user, tenant.organization)
  return { user_id: user.user_id, tenant_id: user.tenant_id, email: user.email, role: user.role }
}

const badCredentials = () =>
  new ApiError(401, 'invalid-credentials', 'Wrong e-mail or password', { headers: { 'www-authenticate': 'Bearer' } })

/**
 * POST /auth/login. Unknown e-mail and wrong password are indistinguishable: same answer, and
 * the unknown case verifies against a dummy hash of the same cost.
 */
export async function login(deps: AppDeps, input: { email: string; password: string }, client: ClientInfo): Promise<TokenPair> {
  const { config, backends } = deps
  const subject: AttemptSubject = { action: 'login', account: await digestHex(input.email), ip: client.ip }
  // The limit check and the account lookup go out together; a refused attempt ignores the lookup.
  const [, user] = await Promise.all([
    countAttempt(backends.rateLimiter, config, subject, nowOf(deps)),
    repos(deps).users.getByEmail(input.email),
  ])
  const iterations = config.PASSWORD_PBKDF2_ITERATIONS
  const check = user ? await verifyPassword(input.password, user.password_hash, iterations) : { ok: await verifyAgainstDummy(input.password, iterations), needsRehash: false }
  if (!user || !check.ok) throw badCredentials()

  const pair = await openSession(deps, user, client)
  await Promise.all([
    forgetAttempts(backends.rateLimiter, config, subject).catch(() => undefined),
    // Parameters were raised since this hash was made: store a fresh one while we know the password.
    check.needsRehash
      ? hashPassword(input.password, iterations)
          .then((h) => repos(deps).users.updatePassword(user.user_id, h))
          .catch((err) => deps.logger.warn('password rehash failed', { error: (err as Error)?.name }))
      : undefined,
  ])
  return pair
}

const refreshRefused = (detail = 'The refresh token is invalid, expired or already used') =>
  new ApiError(401, 'invalid-refresh-token', detail, { headers: { 'www-authenticate': 'Bearer' } })

/** POST /auth/refresh: single-use rotation; a replayed token revokes its session. */
export async function refresh(deps: AppDeps, refreshToken: string, client: ClientInfo): Promise<TokenPair> {
  const { config, backends } = deps
  const m = REFRESH_PATTERN.exec(refreshToken)
  const rawId = m?.[1]
  const secret = m?.[2]
  const account = await digestHex(rawId ?? 'malformed')
  await countAttempt(backends.rateLimiter, config, { action: 'refresh', account, ip: client.ip }, nowOf(deps))
  if (!rawId || !secret) throw refreshRefused()

  const session = await backends.sessions.get(rawId)
  if (!session) throw refreshRefused()
  const next = newRefreshSecret()
  const outcome = await backends.sessions.rotateRefresh(rawId, await digestHex(secret), await digestHex(next))
  if (outcome === 'mismatch') {
    // A used (or forged) refresh token for a live session: assume theft, end the session.
    await backends.sessions.revoke(session.userId, session.handle)
    deps.logger.warn('refresh token reuse: session revoked', { user_id: session.userId })
    throw refreshRefused('This refresh token was already used; the session has been revoked')
  }
  if (outcome === 'missing') throw refreshRefused()
  // Refreshing is activity: slide the idle expiry (also carries the current role).
  const live = (await backends.sessions.touch(rawId)) ?? session
  return tokenPair(deps, live, rawId, next)
}

/** POST /auth/logout: this session and this very token stop working now. */
export async function logout(deps: AppDeps, p: Principal): Promise<void> {
  const { sessions, revocations } = deps.backends
  const work: Promise<unknown>[] = []
  if (p.jti) work.push(revocations.revokeToken(p.jti, p.expiresAt))
  if (p.issuer === 'local' && p.sessionHandle) work.push(sessions.revoke(p.userId, p.sessionHandle))
  if (p.issuer === 'external' && p.sessionId) {
    const until = nowOf(deps) + deps.config.SESSION_MAX_LIFETIME_HOURS * 3600_000
    work.push(revocations.revokeToken(externalSessionKey(p.sessionId), until))
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
export async function listSessions(deps: AppDeps, p: Principal): Promise<SessionView[]> {
  const list = await deps.backends.sessions.list(p.userId)
  return list
    .filter((s) => s.tenantId === p.tenantId)
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

/** DELETE /auth/sessions/{id}: false when it is not one of the caller's live sessions. */
export function revokeSession(deps: AppDeps, p: Principal, handle: string): Promise<boolean> {
  return deps.backends.sessions.revoke(p.userId, handle)
}

/** DELETE /auth/sessions?scope=…: every other session, or all of them (this one too). */
export async function revokeSessions(deps: AppDeps, p: Principal, scope: 'others' | 'all'): Promise<number> {
  const keep = scope === 'others' && p.sessionHandle ? [p.sessionHandle] : []
  const revoked = await deps.backends.sessions.revokeAll(p.userId, keep)
  if (scope === 'all' && p.issuer === 'external') {
    // Provider tokens need not have a session here: refuse everything issued until now.
    await revokeUserTokens(deps, p.userId)
    if (p.jti) await deps.backends.revocations.revokeToken(p.jti, p.expiresAt)
  }
  return revoked
}

/**
 * Refuses every token of the user issued up to now (covers provider tokens without a session).
 * Rounded down to the second because `iat` is in seconds: a token issued right after this call
 * (a fresh sign-in in the same second) must stay valid; older ones of that second have had
 * their sessions revoked anyway.
 */
async function revokeUserTokens(deps: AppDeps, userId: string): Promise<void> {
  const at = Math.floor(nowOf(deps) / 1000) * 1000
  const ttl = Math.max(deps.config.ACCESS_TOKEN_TTL_SECONDS, deps.config.SESSION_MAX_LIFETIME_HOURS * 3600)
  await deps.backends.revocations.revokeUserBefore(userId, at, ttl)
}

/** DELETE /auth/users/{id}/sessions: an admin signs a user of their tenant out everywhere. */
export async function revokeUserSessions(deps: AppDeps, admin: Principal, userId: string): Promise<number> {
  const scopeTenant = admin.role === 'superadmin' ? undefined : admin.tenantId
  const user = await repos(deps).users.getById(userId, scopeTenant)
  // Another tenant's user is "not found", never "forbidden": ids of other tenants don't leak.
  if (!user) throw problems.notFound('No such user in your tenant')
  const [revoked] = await Promise.all([deps.backends.sessions.revokeAll(user.user_id), revokeUserTokens(deps, user.user_id)])
  return revoked
}

/** POST /auth/password: checks the current password, stores the new one, ends every other session. */
export async function changePassword(
  deps: AppDeps,
  p: Principal,
  input: { current_password: string; new_password: string },
  client: ClientInfo,
): Promise<number> {
  const { config, backends } = deps
  if (p.issuer !== 'local') throw problems.forbidden('The password of this account is managed by its identity provider')
  const subject: AttemptSubject = { action: 'password', account: await digestHex(p.userId), ip: client.ip }
  await countAttempt(backends.rateLimiter, config, subject, nowOf(deps))
  const { users } = repos(deps)
  const user = await users.getById(p.userId, p.tenantId)
  if (!user) throw problems.notFound('No such user')
  const check = await verifyPassword(input.current_password, user.password_hash, config.PASSWORD_PBKDF2_ITERATIONS)
  if (!check.ok) throw new ApiError(403, 'wrong-password', 'The current password is not correct')
  await users.updatePassword(user.user_id, await hashPassword(input.new_password, config.PASSWORD_PBKDF2_ITERATIONS))
  await forgetAttempts(backends.rateLimiter, config, subject).catch(() => undefined)
  return backends.sessions.revokeAll(user.user_id, p.sessionHandle ? [p.sessionHandle] : [])
}

/** GET /auth/me. */
export async function me(deps: AppDeps, p: Principal) {
  const user = p.issuer === 'local' ? await repos(deps).users.getById(p.userId, p.tenantId) : null
  return {
    user_id: p.userId,
    tenant_id: p.tenantId,
    role: p.role,
    email: user?.email ?? null,
    session_id: p.sessionHandle ?? null,
    issuer: p.issuer,
    token_expires_at: iso(p.expiresAt),
  }
}
