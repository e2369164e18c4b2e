/**
 * The rate-limit arithmetic as a Lua snippet, shared by the RateLimiter's multi-policy script and
 * the Gatekeeper's admission script: @upstash/ratelimit's algorithms and key layout (sliding
 * window weighted over the previous window, fixed window, token bucket refilled gradually),
 * evaluated for every policy first and consumed only when every one allows.
 *
 * A policy table: alg ('s'|'f'|'t'), limit, w (window ms; token bucket: interval ms), refill,
 * k1 (current window / bucket key), k2 (sliding: previous window key) — or hk, one HASH holding
 * a sliding or fixed window of any length (w, win, cur, prev: an API key's own limit).
 * `rate_apply` returns {all, then per policy: ok, remaining, reset, limit}. Cost 0 reads without
 * consuming.
 *
 * `rate_policies(n, a, k, stride, own, now)` reads n policies from ARGV after index a, `stride`
 * values each: alg, limit, w, refill, src, then (stride 6) hashed. `own[src]` (a record the
 * admission read: {limit=, w=}) replaces the policy's limit (and window), never a token bucket's.
 * Keys come from KEYS from k: two for a sliding window, one otherwise, and one HASH for a hashed
 * policy — a key's own limit, whose window is the record's, so it lives in one key whose name does
 * not depend on the window and every key stays declared. It returns the policies and the next k.
 */
export const RATE_LUA = `
local function rate_eval(p, now)
  if p.hk then
    local h = redis.call('HMGET', p.hk, 'w', 'win', 'cur', 'prev')
    local win = math.floor(now / p.w)
    local cur, prev = 0, 0
    if tonumber(h[1]) == p.w then
      if tonumber(h[2]) == win then
        cur, prev = tonumber(h[3]), tonumber(h[4])
      elseif tonumber(h[2]) == win - 1 then
        prev = tonumber(h[3])
      end
    end
    p.win, p.cur, p.prev = win, cur, prev
    p.used = cur
    if p.alg == 's' then p.used = cur + math.floor((1 - (now % p.w) / p.w) * prev) end
    p.reset = (win + 1) * p.w
  elseif p.alg == 's' then
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
        if p.hk then
          redis.call('HSET', p.hk, 'w', p.w, 'win', p.win, 'cur', p.cur + cost, 'prev', p.prev)
          redis.call('PEXPIRE', p.hk, p.w * 2 + 1000)
        elseif p.alg == 't' then
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
-- n policies from ARGV after a (stride values each), keys from KEYS at k: see the note above.
local function rate_policies(n, a, k, stride, own, now)
  local ps = {}
  for i = 1, n do
    local b = a + (i - 1) * stride
    local p = { alg = ARGV[b + 1], limit = tonumber(ARGV[b + 2]), w = tonumber(ARGV[b + 3]), refill = tonumber(ARGV[b + 4]) }
    local o = own and own[ARGV[b + 5]]
    if o and p.alg ~= 't' then
      if o.limit then p.limit = o.limit end
      if o.w then p.w = o.w end
    end
    if stride > 5 and ARGV[b + 6] == '1' then
      p.hk = KEYS[k]
      k = k + 1
    else
      p.k1 = KEYS[k]
      k = k + 1
      if p.alg == 's' then
        p.k2 = KEYS[k]
        k = k + 1
      end
    end
    ps[i] = p
  end
  return ps, k
end
`
