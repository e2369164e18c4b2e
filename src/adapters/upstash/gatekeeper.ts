/**
 * Gatekeeper on Redis: ONE script per request checks the subject and charges its policies.
 *   1. our token: its session record is alive and belongs to the user; any token: its jti (and
 *      an external provider's sid) is not revoked, and it was not issued before the user's cutoff;
 *   2. only then every policy is evaluated and consumed — all or none (rate-lua.ts); a policy
 *      marked `limitFrom: 'session'` uses the session's `hourly` field (the user's plan).
 * Every key is under the tenant's hash tag (keys.ts), so the script is cluster-safe.
 */
import type { Admission, AdmissionRequest, Gatekeeper } from '../../ports.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { costOf, policyArgs, policyKeys, policyResults, resolvePolicy, SESSION_ID_PATTERN, sessionHandle } from './common.ts'
import { RATE_LUA } from './rate-lua.ts'
import { fromFields } from './sessions.ts'

// KEYS: cutoff, [session], the revocable token ids, then the policies' keys
// ARGV: now, cost, user, iat (s), hasSession, number of token ids, unused, n, then 5 per policy
const ADMIT = lua(`${RATE_LUA}
local now = tonumber(ARGV[1])
local k = 2
local session = {}
local hourly = nil
if ARGV[5] == '1' then
  session = redis.call('HGETALL', KEYS[k])
  k = k + 1
  local f = {}
  for i = 1, #session, 2 do f[session[i]] = session[i + 1] end
  if not (f.exp and f.abs and tonumber(f.exp) > now and tonumber(f.abs) > now and f.user == ARGV[3]) then return { 0 } end
  hourly = f.hourly
end
for _ = 1, tonumber(ARGV[6]) do
  if redis.call('EXISTS', KEYS[k]) == 1 then return { 0 } end
  k = k + 1
end
local cutoff = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[4]) < cutoff then return { 0 } end
local ps = rate_policies(tonumber(ARGV[8]), 8, k, hourly)
return { 1, session, rate_apply(ps, now, tonumber(ARGV[2])) }`)

/** Builds the Redis-backed Gatekeeper. */
export function createUpstashGatekeeper(ctx: UpstashContext): Gatekeeper {
  const { redis, keys } = ctx
  return {
    async admit(request: AdmissionRequest): Promise<Admission> {
      const { subject } = request
      const t = subject.tenantId
      const now = Date.now()
      const cost = costOf(request.cost)
      if (subject.sessionId !== undefined && !SESSION_ID_PATTERN.test(subject.sessionId)) return { valid: false, reason: 'revoked' }
      const scriptKeys = [keys.revokedBefore(t, subject.userId)]
      if (subject.sessionId !== undefined) scriptKeys.push(keys.session(t, sessionHandle(subject.sessionId)))
      for (const id of subject.tokenIds) scriptKeys.push(keys.revokedToken(t, id))
      const resolved = request.charges.map((c) => ({ p: resolvePolicy(c.policy), bucket: c.bucket }))
      const base = keys.tenantRate(t)
      for (const { p, bucket } of resolved) scriptKeys.push(...policyKeys(p, bucket, now).map((k) => `${base}:${k}`))
      const flag = (v: unknown) => (v === undefined ? 0 : 1)
      const args = [now, cost, subject.userId, Math.floor(subject.issuedAt), flag(subject.sessionId), subject.tokenIds.length, 0, resolved.length]
      args.push(...resolved.flatMap(({ p }) => policyArgs(p)))
      const out = await runScript<unknown[]>(redis, ADMIT, scriptKeys, args)
      if (Number(out[0]) !== 1) return { valid: false, reason: 'revoked' }
      const session = subject.sessionId !== undefined ? fromFields(out[1], now) : null
      if (subject.sessionId !== undefined && (!session || session.tenantId !== t)) return { valid: false, reason: 'revoked' }
      const rate = (out[2] as unknown[]).map(Number)
      const policies = policyResults(
        resolved.map((r) => r.p),
        rate,
        1,
      )
      return { valid: true, session, rate: { allowed: rate[0] === 1, policies, pending: Promise.resolve() } }
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
