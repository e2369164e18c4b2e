/**
 * Joins the cache read of GET /api/v1/users/profile/ to the auth round trip: queued with
 * `queueHotPathRead` before requireAuth flushes, keyed by the (provisional) caller.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { queueHotPathRead } from '../../http/auth.ts'
import type { AppEnv } from '../../http/types.ts'
import { lookupProfileCache, type ProfileLookup } from '../../services/profiles.ts'

const lookups = new WeakMap<Context<AppEnv>, Promise<ProfileLookup | null>>()

/** Route middleware: place BEFORE requireAuth (see users.routes.ts). */
export function queueOwnProfileLookup(): MiddlewareHandler<AppEnv> {
  return async function queueOwnProfileLookup(c, next) {
    const lookup = queueHotPathRead(c, (caller) =>
      Promise.resolve(caller ? lookupProfileCache(c.var.deps, caller.tenantId, caller.userId) : null),
    ).catch(() => null)
    lookups.set(c, lookup)
    await next()
  }
}

/** The lookup queued for this request, if any (its own tenant/user are checked by the reader). */
export function ownProfileLookup(c: Context<AppEnv>): Promise<ProfileLookup | null> {
  return lookups.get(c) ?? Promise.resolve(null)
}
