import { NotFoundError } from '../errors.ts'
import type { Role } from './roles.ts'

/**
 * Who is calling, once the gate has checked it against server-side state: the one type services
 * receive as "the actor". The role is the server's (the session record, the key record), never a
 * token claim alone.
 */
export interface Principal {
  userId: string
  tenantId: string
  role: Role
  /**
   * How the caller proved who they are: our own session token, an external provider's token, or
   * an API key (a server-to-server caller: `userId` is `key:<keyId>`, no person behind it).
   */
  via: 'session' | 'external' | 'key'
  /** The API key's id (via 'key'). */
  keyId?: string
  /** Raw session id (our tokens; an external token's `sid` when it has one). */
  sessionId?: string
  /** SHA-256 handle of the session (our tokens). */
  sessionHandle?: string
  /** The token's id, when it has one. */
  jti?: string
  /** Token (or key) expiry, ms epoch; Infinity for a key that never expires. */
  expiresAt: number
}

/** The revocation id of an external provider's session: logout revokes it, the gate checks it. */
export const externalSessionTokenId = (sid: string) => `sid:${sid}`

/** The acting id of an API key caller: what uploads and logs record as its `user_id`. */
export const keyActorId = (keyId: string) => `key:${keyId}`

/**
 * The tenant an operation acts on: the caller's own, or — for a superadmin only — the one named.
 * Another tenant is as invisible to an admin as a user of it: NotFoundError, never "forbidden".
 */
export function tenantInView(actor: Pick<Principal, 'tenantId' | 'role'>, requested: string | undefined): string {
  if (requested === undefined || requested === actor.tenantId) return actor.tenantId
  if (actor.role !== 'superadmin') throw new NotFoundError('No such tenant')
  return requested
}
