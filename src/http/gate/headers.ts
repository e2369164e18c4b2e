/**
 * Rate-limit answer headers:
 * - the IETF fields of draft-ietf-httpapi-ratelimit-headers (revision 11, 2026): Structured Field
 *   Lists with one Item per named policy —
 *   `RateLimit-Policy: "burst";q=100;w=60, "hourly";q=1000;w=3600` (quota, window in seconds) and
 *   `RateLimit: "burst";r=57;t=30, "hourly";r=998;t=1800` (remaining quota, seconds until reset);
 * - the seeds' `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix time in
 *   seconds, as GitHub and most APIs send it) for the most restrictive policy.
 */
import type { PolicyResult, RatePolicy } from '../../ports.ts'

/** An sf-string: quoted, with `"` and `\` escaped (policy names are plain ASCII anyway). */
const sfString = (s: string) => `"${s.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`

/** Whole seconds from now until `reset` (ms epoch), never negative. */
const secondsUntil = (reset: number, now: number) => Math.max(0, Math.ceil((reset - now) / 1000))

/** The `RateLimit-Policy` field value: every policy that governs the request. */
export function formatRateLimitPolicy(policies: Array<Pick<RatePolicy, 'name' | 'limit' | 'windowSeconds'>>): string {
  return policies.map((p) => `${sfString(p.name)};q=${Math.max(0, Math.trunc(p.limit))};w=${Math.max(1, Math.ceil(p.windowSeconds))}`).join(', ')
}

/** The `RateLimit` field value: what is left of each checked policy and when it resets. */
export function formatRateLimit(results: PolicyResult[], now: number): string {
  return results.map((p) => `${sfString(p.name)};r=${Math.max(0, Math.trunc(p.remaining))};t=${secondsUntil(p.reset, now)}`).join(', ')
}

/**
 * The policy a client should watch: the fewest requests left; on a tie, the one that stays
 * exhausted longest.
 */
export function mostRestrictive(results: PolicyResult[]): PolicyResult | undefined {
  let best: PolicyResult | undefined
  for (const p of results) {
    if (!best || p.remaining < best.remaining || (p.remaining === best.remaining && p.reset > best.reset)) best = p
  }
  return best
}

/**
 * Every rate-limit header for an answer. `advertised` are further policies that govern the
 * route but are counted elsewhere (listed in RateLimit-Policy only). Without `results` (the
 * limiter could not be asked) only the policy fields are sent.
 */
export function rateLimitHeaders(
  checked: Array<Pick<RatePolicy, 'name' | 'limit' | 'windowSeconds'>>,
  results: PolicyResult[] | undefined,
  now: number,
  advertised: Array<Pick<RatePolicy, 'name' | 'limit' | 'windowSeconds'>> = [],
): Record<string, string> {
  const headers: Record<string, string> = {}
  const all = [...checked, ...advertised]
  if (all.length > 0) headers['ratelimit-policy'] = formatRateLimitPolicy(all)
  if (results && results.length > 0) {
    headers.ratelimit = formatRateLimit(results, now)
    const top = mostRestrictive(results)!
    headers['x-ratelimit-limit'] = String(top.limit)
    headers['x-ratelimit-remaining'] = String(Math.max(0, top.remaining))
    headers['x-ratelimit-reset'] = String(Math.ceil(top.reset / 1000))
  } else if (checked.length > 0) {
    headers['x-ratelimit-limit'] = String(Math.min(...checked.map((p) => p.limit)))
  }
  return headers
}
