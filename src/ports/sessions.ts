/** Sign-in state: sessions and revocations (the SessionStore and Revocations ports). */
import type { Role } from '../domain/roles.ts'
import type { Pingable } from './common.ts'

// ---------------------------------------------------------------------------------------------
// Sessions (DataWise seed's SessionStore). Raw session ids never reach storage: records are keyed
// by SHA-256(id) — the "handle" — which is also what listings and the API expose. Everything of
// a session lives under its tenant (one hash slot on Redis Cluster), so every call names it.
// ---------------------------------------------------------------------------------------------

export interface SessionInput {
  userId: string
  tenantId: string
  /** The role authorization uses: server-side state, updated when the account's role changes. */
  role: Role
  /** The user's plan (api_calls_per_hour) the gate applies; the configured default when absent. */
  hourlyLimit?: number
  device?: string
  ip?: string
  userAgent?: string
  /** SHA-256 of the current refresh token (rotated on every refresh). */
  refreshHash?: string
  data?: Record<string, unknown>
}

export interface Session extends SessionInput {
  /** SHA-256 hex of the raw session id. */
  handle: string
  createdAt: number
  lastActiveAt: number
  /** Idle expiry (ms epoch); slides forward on touch, never past absoluteExpiresAt. */
  expiresAt: number
  /** Absolute lifetime end (ms epoch). */
  absoluteExpiresAt: number
}

export interface SessionTimes {
  /** Idle expiry in seconds (SESSION_EXPIRE_MINUTES * 60). */
  idleSeconds: number
  /** Absolute maximum lifetime in seconds. */
  maxLifetimeSeconds: number
}

interface RefreshRotationRequest {
  /** SHA-256 of the presented refresh secret. */
  presented: string
  /** SHA-256 of the secret that replaces it. */
  next: string
  /** What the next secret was derived with (kept, so a replay within the grace gets the same one). */
  nonce: string
  /** How long after a rotation the previous token may be presented again (0: never). */
  graceMs: number
}

/**
 * - `rotated`: the presented token was the current one; `next` is current now.
 * - `replayed`: the presented token is the PREVIOUS one, presented again within the grace of its
 *   rotation (a client retrying): nothing changes; `nonce` is what its successor was derived with.
 * - `reused`: a token already traded (outside the grace, or an older one) or a forged one — the
 *   caller treats it as theft and revokes the session.
 * - `missing`: no such live session.
 */
export type RefreshRotation = { outcome: 'rotated' } | { outcome: 'replayed'; nonce: string } | { outcome: 'reused' } | { outcome: 'missing' }

/** What a change of the account applies to every live session of the user. */
type SessionAuthority = Partial<Pick<Session, 'role' | 'hourlyLimit'>>

export interface SessionStore extends Pingable {
  /** Creates a session; returns the raw id (only ever given to the client) and the record. */
  create(input: SessionInput): Promise<{ id: string; session: Session }>
  /** The live session for a raw id, or null when unknown, expired or revoked. */
  get(tenantId: string, id: string): Promise<Session | null>
  /** Slides the idle expiry forward (bounded by the absolute lifetime). Null when not alive. */
  touch(tenantId: string, id: string): Promise<Session | null>
  /** Merges fields into a live session (refreshHash rotation, data). Null when not alive. */
  update(tenantId: string, id: string, patch: Partial<Pick<Session, 'refreshHash' | 'data' | 'device'> & SessionAuthority>): Promise<Session | null>
  /**
   * Trades the presented refresh token, atomically (see RefreshRotation): when `presented` is the
   * current hash, it becomes the previous one and `next` (with its `nonce`) the current one.
   */
  rotateRefresh(tenantId: string, id: string, rotation: RefreshRotationRequest): Promise<RefreshRotation>
  /** Live sessions of a user, newest first. Never returns expired or revoked ones. */
  list(tenantId: string, userId: string): Promise<Session[]>
  /** Applies a role / plan change to every live session of the user; returns how many. */
  updateUser(tenantId: string, userId: string, patch: SessionAuthority): Promise<number>
  /** Revokes one session of `userId` by handle. False when it was not that user's live session. */
  revoke(tenantId: string, userId: string, handle: string): Promise<boolean>
  /** Revokes all sessions of a user except the given handles; returns how many were revoked. */
  revokeAll(tenantId: string, userId: string, exceptHandles?: string[]): Promise<number>
  /** Drops expired records and index entries; returns how many were removed. */
  cleanupExpired(): Promise<number>
}

// ---------------------------------------------------------------------------------------------
// Revocations (ELK seed's JWT blacklist)
// ---------------------------------------------------------------------------------------------

export interface Revocations extends Pingable {
  /** Refuses the token id until `expiresAt` (ms epoch), after which the entry may vanish. */
  revokeToken(tenantId: string, jti: string, expiresAt: number): Promise<void>
  isRevoked(tenantId: string, jti: string): Promise<boolean>
  /**
   * Every token of the user issued before `atSeconds` (epoch SECONDS, the unit of a JWT's `iat`)
   * is refused, for `ttlSeconds`. A token issued in that very second or later stays valid.
   */
  revokeUserBefore(tenantId: string, userId: string, atSeconds: number, ttlSeconds: number): Promise<void>
  /** The user's cutoff (epoch seconds), or null. */
  revokedBefore(tenantId: string, userId: string): Promise<number | null>
}
