/**
 * Keeps the cache read of GET /api/v1/users/profile/ inside the auth round trip.
 * - Behind the gate (the normal app), the gate has already issued the caller's profile-cache
 *   lookup in its pipeline (`gateProfileLookup`): it is reused, nothing more is sent.
 * - Without the gate, the lookup is queued with `queueHotPathRead` before requireAuth flushes,
 *   keyed by the (provisional) caller; readProfile checks it belongs to the principal.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { queueHotPathRead } from '../../http/auth.ts'
import { gateProfileLookup } from '../../http/gate.ts'
import type { AppEnv } from '../../http/types.ts'
import { lookupProfileCache, type ProfileLookup } from '../../services/profiles.ts'

const lookups = new WeakMap<Context<AppEnv>, Promise<ProfileLookup | null>>()

/** Route middleware: place BEFORE requireAuth (see users.routes.ts). */
export function queueOwnProfileLookup(): MiddlewareHandler<AppEnv> {
  return async function queueOwnProfileLookup(c, next) {
    if (!gateProfileLookup(c)) {
      const lookup = queueHotPathRead(c, (caller) =>
        Promise.resolve(caller ? lookupProfileCache(c.var.deps, caller.tenantId, caller.userId) : null),
      ).catch(() => null)
      lookups.set(c, lookup)
    }
    await next()
  }
}

/** The lookup already issued for this request (the gate's, else our own), if any. */
export async function ownProfileLookup(c: Context<AppEnv>): Promise<ProfileLookup | null> {
  return gateProfileLookup(c) ?? (await lookups.get(c)) ?? null
}
