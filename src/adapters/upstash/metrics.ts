/**
 * Metrics on Redis. Per scope (`<base>` = keys.metrics(tenant | null)):
 *   <base>:m:<start>   HASH  a minute bucket (field → count), expires 48 h after its start
 *   <base>:h:<start>   HASH  an hour bucket, expires 30 days after its start
 *   <base>:total       HASH  lifetime totals (no expiry)
 *   <overall>:top      ZSET  tenant → weight (the standings; in the overall scope's slot)
 * A batch is ONE script per scope (its keys share the scope's hash tag, so it runs on Redis
 * Cluster too), all issued in the same tick: the auto-pipeline sends them in one HTTP request.
 * Expiry is absolute (PEXPIREAT the bucket's start + retention), so every writer agrees on it.
 */
import type { Metrics } from '../../ports.ts'
import { bucketStarts, countsOf, groupIncrements, type ScopeWrite } from '../metrics-buckets.ts'
import { guard, lua, runScript, type UpstashContext } from './client.ts'

// KEYS total [top] (minute hour)... · ARGV nTop [tenant weight]... then per minute: minuteAt hourAt n [field value]...
// An expiry of 0: that bucket is past its retention and is not written (the totals still are).
const RECORD = lua(`
local nTop = tonumber(ARGV[1])
local a, k = 2, 2
if nTop > 0 then
  for i = 1, nTop do
    redis.call('ZINCRBY', KEYS[2], ARGV[a + 1], ARGV[a])
    a = a + 2
  end
  k = 3
end
while k < #KEYS do
  local mAt, hAt, n = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  a = a + 3
  for i = 1, n do
    local f, v = ARGV[a], ARGV[a + 1]
    a = a + 2
    redis.call('HINCRBY', KEYS[1], f, v)
    if mAt > 0 then redis.call('HINCRBY', KEYS[k], f, v) end
    if hAt > 0 then redis.call('HINCRBY', KEYS[k + 1], f, v) end
  end
  if mAt > 0 then redis.call('PEXPIREAT', KEYS[k], mAt) end
  if hAt > 0 then redis.call('PEXPIREAT', KEYS[k + 1], hAt) end
  k = k + 2
end
return 1`)

// KEYS bucket... → one flat HGETALL reply per key
const READ = lua(`
local out = {}
for i = 1, #KEYS do out[i] = redis.call('HGETALL', KEYS[i]) end
return out`)

// KEYS top · ARGV n → [member, score, ...]
const TOP = lua(`return redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')`)

/** Builds the Redis-backed Metrics. */
export function createUpstashMetrics(ctx: UpstashContext): Metrics {
  const { redis, keys } = ctx
  const top = `${keys.metrics(null)}:top`

  function scopeCall(scope: ScopeWrite, standings: Map<string, number>): Promise<unknown> {
    const base = keys.metrics(scope.tenantId)
    const keyList = [`${base}:total`]
    const args: Array<string | number> = []
    if (scope.tenantId === null && standings.size > 0) {
      keyList.push(top)
      args.push(standings.size)
      for (const [tenant, weight] of standings) args.push(tenant, weight)
    } else args.push(0)
    for (const m of scope.minutes) {
      keyList.push(`${base}:m:${m.minute}`, `${base}:h:${m.hour}`)
      args.push(m.minuteExpiresAt ?? 0, m.hourExpiresAt ?? 0, m.counts.size)
      for (const [f, v] of m.counts) args.push(f, v)
    }
    return runScript(redis, RECORD, keyList, args)
  }

  return {
    async record(increments) {
      const { scopes, standings } = groupIncrements(increments, Date.now())
      // Standings live in the overall scope's slot: its script carries them even with no counts of its own.
      if (standings.size > 0 && !scopes.some((s) => s.tenantId === null)) scopes.push({ tenantId: null, minutes: [] })
      // Every script issued in this tick: one pipeline, one HTTP request.
      await Promise.all(scopes.map((s) => scopeCall(s, standings)))
    },
    async series(tenantId, resolution, from, to) {
      const starts = bucketStarts(resolution, from, to)
      if (starts.length === 0) return []
      const base = keys.metrics(tenantId)
      const tag = resolution === 'minute' ? 'm' : 'h'
      const replies = await runScript<unknown[]>(
        redis,
        READ,
        starts.map((s) => `${base}:${tag}:${s}`),
        [],
      )
      return starts.map((start, i) => ({ start, counts: countsOf(replies[i]) })).filter((b) => Object.keys(b.counts).length > 0)
    },
    async totals(tenantId) {
      const [flat] = await runScript<unknown[]>(redis, READ, [`${keys.metrics(tenantId)}:total`], [])
      return countsOf(flat)
    },
    async topTenants(limit) {
      if (!Number.isInteger(limit) || limit < 0) throw new TypeError('metrics: limit must be a non-negative integer')
      if (limit === 0) return []
      const flat = await runScript<unknown[]>(redis, TOP, [top], [limit])
      const out: Array<{ tenantId: string; weight: number }> = []
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ tenantId: String(flat[i]), weight: Number(flat[i + 1]) })
      return out
    },
    async ping() {
      await guard(redis.ping())
    },
  }
}
