/**
 * Stands in for `@upstash/core-analytics` in the Worker bundle (wrangler.toml [alias]):
 * @upstash/ratelimit imports it for its optional analytics, which gatehouse turns off
 * (`analytics: false`, src/adapters/upstash/rate-limiter.ts) — so it is never constructed.
 */
export class Analytics {
  constructor() {
    throw new Error('rate-limit analytics are not in the Worker bundle')
  }
}
