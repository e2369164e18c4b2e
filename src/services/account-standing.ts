/**
 * Whether an account may be handed tokens. Sign-in and refresh (sessions.ts) ask here; the
 * lifecycle operations (accounts.ts: disable, enable, delete) change the answer. A module of its
 * own so both can import it without importing each other.
 */
import type { Deps } from '../deps.ts'
import { ForbiddenError } from '../errors.ts'
import { createUsersRepository, type UserRecord } from '../repositories/users.ts'

const accountDisabled = () => new ForbiddenError('This account is disabled; an admin of your organization can enable it again', 'account-disabled')

/**
 * Refuses a disabled account. Sign-in calls it only once the password matched, so the answer
 * tells nothing to someone guessing passwords.
 */
export function refuseDisabled(user: Pick<UserRecord, 'disabled'>): void {
  if (user.disabled === true) throw accountDisabled()
}

/**
 * Reads the account behind a session that is about to receive tokens. Disabled, or gone: that
 * session is revoked and the caller refused (`gone()` for a deleted account). After a sign-in has
 * opened its session this closes the race with a disable that ran meanwhile — whose sign-out
 * could not see a session that did not exist yet.
 */
export async function ensureActive(deps: Deps, tenantId: string, userId: string, handle: string, gone: () => Error): Promise<void> {
  const user = await createUsersRepository(deps.backends.documents).getById(userId, tenantId)
  if (user && user.disabled !== true) return
  await deps.backends.sessions.revoke(tenantId, userId, handle)
  throw user ? accountDisabled() : gone()
}
