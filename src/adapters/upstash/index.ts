/**
 * The key-value ports over Redis spoken through the Upstash REST protocol (@upstash/redis):
 * sessions, revocations, cache, rate limits, the gatekeeper, API keys and tenant plans, counters,
 * locks, kept write answers (idempotency), metrics. Fetch-only — nothing from `node:` — so it runs
 * on Workers, Node, Deno and Bun.
 *
 * One client, auto-pipelining ON: every command issued in the same tick leaves in one `/pipeline`
 * HTTP request, which is how the auth hot path (session + revocations + rate limits + counter +
 * cache read) costs a single round trip. See client.ts for why those reads are scripts.
 */
import { Redis } from '@upstash/redis/cloudflare'
import type { KvBackends, KvOptions } from '../../ports.ts'
import { createUpstashApiKeys, createUpstashTenantPlans } from './api-keys.ts'
import { createUpstashCache } from './cache.ts'
import { guard, type UpstashContext } from './client.ts'
import { createUpstashCounters } from './counters.ts'
import { createUpstashGatekeeper } from './gatekeeper.ts'
import { createUpstashIdempotency } from './idempotency.ts'
import { keyspace } from './keys.ts'
import { createUpstashLocks } from './locks.ts'
import { createUpstashMetrics } from './metrics.ts'
import { createUpstashRateLimiter } from './rate-limiter.ts'
import { createUpstashRevocations } from './revocations.ts'
import { createUpstashSessions } from './sessions.ts'

export interface UpstashConnection {
  url: string
  token: string
  /** No HTTP request (retries included) may take longer than this. */
  timeoutMs: number
}

/** Builds the @upstash/redis client the adapters expect (raw replies, bounded, no telemetry). */
function createUpstashRedis(conn: UpstashConnection): Redis {
  return new Redis({
    url: conn.url,
    token: conn.token,
    // A function: a fresh deadline per HTTP request, and an abort THROWS (a plain signal would
    // make the client answer a fake {"result": "Aborted"}). It spans that request's retries.
    signal: () => AbortSignal.timeout(conn.timeoutMs),
    // Only network errors are retried; keep the pauses short so the bound above holds.
    retry: { retries: 2, backoff: (n) => 20 * 2 ** n },
    // Values come back as stored: "123" must stay a string (the default would JSON-parse it).
    automaticDeserialization: false,
    enableTelemetry: false,
    enableAutoPipelining: true,
  })
}

/** The key-value ports on a Redis reached over the Upstash REST protocol. */
export function createUpstashKv(conn: UpstashConnection, options: KvOptions): KvBackends {
  return createUpstashKvFromRedis(createUpstashRedis(conn), options)
}

/**
 * The same on an existing client (tests, custom transports). It must be created with
 * `automaticDeserialization: false`; keep auto-pipelining on for the one-round-trip hot path.
 */
export function createUpstashKvFromRedis(redis: Redis, options: KvOptions): KvBackends {
  const opts = (redis as unknown as { opts?: { automaticDeserialization?: boolean } }).opts
  if (opts?.automaticDeserialization !== false) {
    throw new TypeError('[kv] [upstash] the Redis client needs `automaticDeserialization: false`')
  }
  const ctx: UpstashContext = { redis, keys: keyspace(options.prefix ?? 'gh') }
  return {
    sessions: createUpstashSessions(ctx, options.session),
    revocations: createUpstashRevocations(ctx),
    cache: createUpstashCache(ctx),
    rateLimiter: createUpstashRateLimiter(ctx),
    gatekeeper: createUpstashGatekeeper(ctx),
    apiKeys: createUpstashApiKeys(ctx),
    tenantPlans: createUpstashTenantPlans(ctx),
    counters: createUpstashCounters(ctx),
    locks: createUpstashLocks(ctx),
    idempotency: createUpstashIdempotency(ctx),
    metrics: createUpstashMetrics(ctx),
    kv: {
      async ping() {
        await guard(redis.ping())
      },
    },
  }
}
