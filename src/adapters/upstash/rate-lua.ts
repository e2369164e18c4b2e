/**
 * The rate-limit arithmetic as a Lua snippet, shared by the RateLimiter's multi-policy script and
 * the Gatekeeper's admission script: @upstash/ratelimit's algorithms and key layout (sliding
 * window weighted over the previous window, fixed window, token bucket refilled gradually),
 * evaluated for every policy first and consumed only when every one allows.
 *
 * A policy table: alg ('s'|'f'|'t'), limit, w (window ms; token bucket: interval ms), refill,
 * k1 (current window / bucket key), k2 (sliding: previous window key). `rate_apply` returns
 * {all, then per policy: ok, remaining, reset, limit}. Cost 0 reads without consuming.
 */
export const RATE_LUA = `
local function rate_eval(p, now)
  if p.alg == 's' then
    local cur = tonumber(redis.call('GET', p.k1) or '0')
    local prev = tonumber(redis.call('GET', p.k2) or '0')
    p.used = cur + math.floor((1 - (now % p.w) / p.w) * prev)
    p.reset = (math.floor(now / p.w) + 1) * p.w
  elseif p.alg == 'f' then
    p.used = tonumber(redis.call('GET', p.k1) or '0')
    p.reset = (math.floor(now / p.w) + 1) * p.w
  else
    local b = redis.call('HMGET', p.k1, 'refilledAt', 'tokens')
    local at, tokens = now, p.limit
    if b[1] then at = tonumber(b[1]); tokens = tonumber(b[2]) end
    if now >= at + p.w then
      local r = math.floor((now - at) / p.w)
      tokens = math.min(p.limit, tokens + r * p.refill)
      at = at + r * p.w
    end
    p.at = at
    p.used = p.limit - tokens
    p.reset = at + p.w
  end
end
local function rate_apply(ps, now, cost)
  local need = math.max(cost, 1)
  local all = true
  for _, p in ipairs(ps) do
    rate_eval(p, now)
    p.ok = p.used + need <= p.limit
    if not p.ok then all = false end
  end
  local out = { all and 1 or 0 }
  for _, p in ipairs(ps) do
    local remaining = 0
    if all then
      remaining = p.limit - p.used - cost
      if cost > 0 then
        if p.alg == 't' then
          redis.call('HSET', p.k1, 'refilledAt', p.at, 'tokens', remaining)
          local ttl = math.ceil((p.used + cost) / p.refill) * p.w
          if ttl > 0 then redis.call('PEXPIRE', p.k1, ttl) end
        else
          local v = redis.call('INCRBY', p.k1, cost)
          if v == cost then redis.call('PEXPIRE', p.k1, p.alg == 's' and (p.w * 2 + 1000) or p.w) end
        end
      end
    elseif p.ok then
      remaining = p.limit - p.used
    end
    out[#out + 1] = p.ok and 1 or 0
    out[#out + 1] = math.max(0, remaining)
    out[#out + 1] = p.reset
    out[#out + 1] = p.limit
  end
  return out
end
-- Reads policies from ARGV starting after index a (5 values each: alg, limit, w, refill, fromSession)
-- and their keys from KEYS starting at k. Returns the policy tables and the next KEYS index.
local function rate_policies(n, a, k, sessionLimit)
  local ps = {}
  for i = 1, n do
    local b = a + (i - 1) * 5
    local p = { alg = ARGV[b + 1], limit = tonumber(ARGV[b + 2]), w = tonumber(ARGV[b + 3]), refill = tonumber(ARGV[b + 4]) }
    if ARGV[b + 5] == '1' and sessionLimit and p.alg ~= 't' then p.limit = tonumber(sessionLimit) end
    p.k1 = KEYS[k]
    k = k + 1
    if p.alg == 's' then
      p.k2 = KEYS[k]
      k = k + 1
    end
    ps[i] = p
  end
  return ps, k
end
`
