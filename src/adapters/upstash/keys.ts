/**
 * The Redis key layout, in one place. Everything one request's admission reads or writes —
 * sessions, API keys, revocations, the tenant's plan, the gate's rate windows, the tenant's
 * cache — lives under the tenant's hash tag `{<tenant>}`, so on Redis Cluster (or
 * Valkey/Dragonfly in cluster mode) one script can touch all of it: the keys share a slot. Keys of the plain RateLimiter carry their own
 * identifier as the tag (`{<key>}`), so the windows of one identifier meet in one slot too.
 */
const part = (s: string) => encodeURIComponent(s)
/** A hash tag: `{}` would be none (Redis would hash each whole key), so the empty name is `{%}`. */
const tag = (s: string) => `{${part(s) || '%'}}`

export function keyspace(prefix: string) {
  // The first `{...}` of a key is its hash tag: braces in the prefix would take the tenant's place.
  if (/[{}]/.test(prefix)) throw new TypeError(`[kv] [upstash] the key prefix may not contain { or }: ${JSON.stringify(prefix)}`)
  const tenant = (t: string) => `${prefix}:${tag(t)}`
  return {
    session: (t: string, handle: string) => `${tenant(t)}:s:${handle}`,
    /** ZSET of a user's sessions: member handle, score idle expiry (ms). */
    sessionIndex: (t: string, userId: string) => `${tenant(t)}:su:${part(userId)}`,
    /** ZSET of a tenant's users with sessions: score their earliest expiry (cleanupExpired). */
    sessionRegistry: (t: string) => `${tenant(t)}:su`,
    /** SET of tenants that have (had) sessions, so cleanupExpired can visit every registry. */
    sessionTenants: `${prefix}:su-tenants`,
    revokedToken: (t: string, jti: string) => `${tenant(t)}:rv:t:${part(jti)}`,
    revokedBefore: (t: string, userId: string) => `${tenant(t)}:rv:u:${part(userId)}`,
    /** HASH: a tenant's API keys, field = key id, value = the record as JSON (api-keys.ts). */
    apiKeys: (t: string) => `${tenant(t)}:ak`,
    /** STRING: the tenant's API calls per hour when overridden (the `tenant` policy's limit). */
    tenantPlan: (t: string) => `${tenant(t)}:plan`,
    /** Base of the gatekeeper's rate windows of a tenant (policyKeys() are appended). */
    tenantRate: (t: string) => `${tenant(t)}:rl`,
    cacheEntry: (t: string, id: string) => `${tenant(t)}:c:e:${id}`,
    cacheGeneration: (t: string, id: string) => `${tenant(t)}:c:g:${id}`,
    /** Base of the plain RateLimiter's keys; the identifier becomes `{<key>}`. */
    limiter: `${prefix}:rl`,
    limiterIdentifier: tag,
    /** A kept write answer (Idempotency-Key); `id` hashes the caller and the key. */
    idempotency: (t: string, id: string) => `${tenant(t)}:ik:${id}`,
    counter: (k: string) => `${prefix}:n:${k}`,
    lock: (name: string) => `${prefix}:lk:${name}`,
    /**
     * Base of a metrics scope (metrics.ts appends `m:<start>`, `h:<start>`, `total`): a tenant's
     * under its own tag; the overall series under `{all}`, after `mx:` so no tenant key can match.
     */
    metrics: (t: string | null) => (t === null ? `${prefix}:mx:{all}` : `${tenant(t)}:mx`),
  }
}

export type Keyspace = ReturnType<typeof keyspace>
