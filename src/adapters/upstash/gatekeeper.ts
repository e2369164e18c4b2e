/**
 * Gatekeeper on Redis: ONE script per request checks the subject and charges its policies.
 *   1. a token: its session record is alive and belongs to the user (our tokens); its jti (and an
 *      external provider's sid) is not revoked, and it was not issued before the user's cutoff;
 *      an API key: its record exists, accepts the key's hash (the current one, or the previous
 *      one until its grace ends) and has not expired;
 *   2. only then every policy is evaluated and consumed — all or none (rate-lua.ts). A policy's
 *      own limit comes from what step 1 read (`limitFrom`): the session's `hourly` (the user's
 *      plan), the key's `lim`/`win` (its own rate limit, window included), the tenant's plan.
 * Every key is under the tenant's hash tag (keys.ts), so the script is cluster-safe, and every key
 * it touches is declared: a key-sourced policy (its window is the record's, unknown before the
 * script runs) keeps its window in ONE hash whose name does not depend on the window (rate-lua.ts).
 */
import type { Admission, AdmissionRequest, ApiKeyRecord, Gatekeeper, KeySubject, TokenSubject } from '../../ports.ts'
import { keyFromJson } from './api-keys.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'
import { costOf, policyArgs, policyKeys, policyResults, type ResolvedPolicy, resolvePolicy, SESSION_ID_PATTERN, sessionHandle } from './common.ts'
import { RATE_LUA } from './rate-lua.ts'
import { fromFields } from './sessions.ts'

const OWN_LUA = `${RATE_LUA}
local function plan_of(key)
  local v = tonumber(redis.call('GET', key) or '')
  if v then return { limit = v } end
  return nil
end`

// KEYS: cutoff, plan, [session], the revocable token ids, then the policies' keys
// ARGV: now, cost, user, iat (s), hasSession, number of token ids, n, then 6 per policy
const ADMIT = lua(`${OWN_LUA}
local now = tonumber(ARGV[1])
local k = 3
local session = {}
local own = { t = plan_of(KEYS[2]) }
if ARGV[5] == '1' then
  session = redis.call('HGETALL', KEYS[k])
  k = k + 1
  local f = {}
  for i = 1, #session, 2 do f[session[i]] = session[i + 1] end
  if not (f.exp and f.abs and tonumber(f.exp) > now and tonumber(f.abs) > now and f.user == ARGV[3]) then return { 0 } end
  if f.hourly then own.s = { limit = tonumber(f.hourly) } end
end
for _ = 1, tonumber(ARGV[6]) do
  if redis.call('EXISTS', KEYS[k]) == 1 then return { 0 } end
  k = k + 1
end
local cutoff = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[4]) < cutoff then return { 0 } end
local ps = rate_policies(tonumber(ARGV[7]), 7, k, 6, own, now)
return { 1, session, rate_apply(ps, now, tonumber(ARGV[2])) }`)

// KEYS: the tenant's keys (HASH), plan, then the policies' keys
// ARGV: now, cost, hash, key id, n, then 6 per policy
const ADMIT_KEY = lua(`${OWN_LUA}
local now = tonumber(ARGV[1])
local raw = redis.call('HGET', KEYS[1], ARGV[4])
if not raw then return { 0 } end
local r = cjson.decode(raw)
local function set(v) if v == cjson.null then return nil end return v end
local exp, prev, rl = set(r.expiresAt), set(r.previous), set(r.rateLimit)
if exp and exp <= now then return { 0 } end
if not (r.hash == ARGV[3] or (prev and prev.hash == ARGV[3] and prev['until'] > now)) then return { 0 } end
local own = { t = plan_of(KEYS[2]) }
if rl then own.k = { limit = rl.limit, w = rl.windowSeconds * 1000 } end
local ps = rate_policies(tonumber(ARGV[5]), 5, 3, 6, own, now)
return { 1, raw, rate_apply(ps, now, tonumber(ARGV[2])) }`)

const refused: Admission = { valid: false, reason: 'revoked' }

/** Builds the Redis-backed Gatekeeper. */
export function createUpstashGatekeeper(ctx: UpstashContext): Gatekeeper {
  const { redis, keys } = ctx

  /** The policies' KEYS (all declared) and ARGV (6 each: rate-lua.ts, then "hashed"). */
  const policyParts = (t: string, request: AdmissionRequest, now: number) => {
    const resolved = request.charges.map((c) => ({ p: resolvePolicy(c.policy), bucket: c.bucket }))
    const base = keys.tenantRate(t)
    const scriptKeys: string[] = []
    const args: Array<string | number> = [resolved.length]
    for (const { p, bucket } of resolved) {
      // A key's own limit brings its own window: one hash per policy and bucket, whatever the window.
      const hashed = p.from === 'key'
      scriptKeys.push(...(hashed ? [`${base}:kh:${p.name}:${bucket}`] : policyKeys(p, bucket, now).map((k) => `${base}:${k}`)))
      args.push(...policyArgs(p), hashed ? 1 : 0)
    }
    return { resolved: resolved.map((r) => r.p), scriptKeys, args }
  }

  const results = (resolved: ResolvedPolicy[], out: unknown[], key: ApiKeyRecord | null) => {
    const rate = (out[2] as unknown[]).map(Number)
    const policies = policyResults(resolved, rate, 1).map((r, i) =>
      resolved[i]!.from === 'key' && key?.rateLimit ? { ...r, windowSeconds: key.rateLimit.windowSeconds } : r,
    )
    return { allowed: rate[0] === 1, policies, pending: Promise.resolve() }
  }

  async function admitToken(subject: TokenSubject, request: AdmissionRequest, now: number, cost: number): Promise<Admission> {
    const t = subject.tenantId
    if (subject.sessionId !== undefined && !SESSION_ID_PATTERN.test(subject.sessionId)) return refused
    const scriptKeys = [keys.revokedBefore(t, subject.userId), keys.tenantPlan(t)]
    if (subject.sessionId !== undefined) scriptKeys.push(keys.session(t, sessionHandle(subject.sessionId)))
    for (const id of subject.tokenIds) scriptKeys.push(keys.revokedToken(t, id))
    const parts = policyParts(t, request, now)
    const flag = subject.sessionId === undefined ? 0 : 1
    const args = [now, cost, subject.userId, Math.floor(subject.issuedAt), flag, subject.tokenIds.length, ...parts.args]
    const out = await runScript<unknown[]>(redis, ADMIT, [...scriptKeys, ...parts.scriptKeys], args)
    if (Number(out[0]) !== 1) return refused
    const session = subject.sessionId !== undefined ? fromFields(out[1], now) : null
    if (subject.sessionId !== undefined && (!session || session.tenantId !== t)) return refused
    return { valid: true, session, key: null, rate: results(parts.resolved, out, null) }
  }

  async function admitKey(subject: KeySubject, request: AdmissionRequest, now: number, cost: number): Promise<Admission> {
    const t = subject.tenantId
    const parts = policyParts(t, request, now)
    const scriptKeys = [keys.apiKeys(t), keys.tenantPlan(t), ...parts.scriptKeys]
    const out = await runScript<unknown[]>(redis, ADMIT_KEY, scriptKeys, [now, cost, subject.keyHash, subject.keyId, ...parts.args])
    if (Number(out[0]) !== 1) return refused
    const key = keyFromJson(out[1])
    if (!key || key.tenantId !== t) return refused
    return { valid: true, session: null, key, rate: results(parts.resolved, out, key) }
  }

  return {
    admit(request: AdmissionRequest): Promise<Admission> {
      const now = Date.now()
      const cost = costOf(request.cost)
      const { subject } = request
      // No await before the script: it must join the request's auto-pipelined round trip.
      return subject.kind === 'key' ? admitKey(subject, request, now, cost) : admitToken(subject, request, now, cost)
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
