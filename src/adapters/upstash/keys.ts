/**
 * The Redis key layout, in one place. Everything one request's admission reads or writes —
 * sessions, revocations, the gate's rate windows, the tenant's cache — lives under the tenant's
 * hash tag `{<tenant>}`, so on Redis Cluster (or Valkey/Dragonfly in cluster mode) one script can
 * touch all of it: the keys share a slot. Keys of the plain RateLimiter carry their own
 * identifier as the tag (`{<key>}`), so the windows of one identifier meet in one slot too.
 */
const part = (s: string) => encodeURIComponent(s)

export function keyspace(prefix: string) {
  const tenant = (t: string) => `${prefix}:{${part(t)}}`
  return {
    session: (t: string, handle: string) => `${tenant(t)}:s:${handle}`,
    /** Prefix of a tenant's session records (scripts append the handle). */
    sessionPrefix: (t: string) => `${tenant(t)}:s:`,
    /** ZSET of a user's sessions: member handle, score idle expiry (ms). */
    sessionIndex: (t: string, userId: string) => `${tenant(t)}:su:${part(userId)}`,
    /** ZSET of a tenant's users with sessions: score their earliest expiry (cleanupExpired). */
    sessionRegistry: (t: string) => `${tenant(t)}:su`,
    /** SET of tenants that have (had) sessions, so cleanupExpired can visit every registry. */
    sessionTenants: `${prefix}:su-tenants`,
    revokedToken: (t: string, jti: string) => `${tenant(t)}:rv:t:${part(jti)}`,
    revokedBefore: (t: string, userId: string) => `${tenant(t)}:rv:u:${part(userId)}`,
    /** Base of the gatekeeper's rate windows of a tenant (policyKeys() are appended). */
    tenantRate: (t: string) => `${tenant(t)}:rl`,
    cacheEntry: (t: string, id: string) => `${tenant(t)}:c:e:${id}`,
    cacheGeneration: (t: string, id: string) => `${tenant(t)}:c:g:${id}`,
    /** Base of the plain RateLimiter's keys; the identifier becomes `{<key>}`. */
    limiter: `${prefix}:rl`,
    limiterIdentifier: (key: string) => `{${part(key)}}`,
    /** A kept write answer (Idempotency-Key); `id` hashes the caller and the key. */
    idempotency: (t: string, id: string) => `${tenant(t)}:ik:${id}`,
    counter: (k: string) => `${prefix}:n:${k}`,
    lock: (name: string) => `${prefix}:lk:${name}`,
  }
}

export type Keyspace = ReturnType<typeof keyspace>
