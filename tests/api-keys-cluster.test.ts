/**
 * The API-key admission on a real 3-node Redis Cluster (through redis-http in cluster mode): the
 * script reads the key's record and the tenant plan and charges policies whose window keys it
 * composes itself (a key's own window), all under the tenant's hash tag — one slot, one node.
 * Tenants land on different nodes, and each admission stays exact.
 */
import { Redis } from '@upstash/redis/cloudflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUpstashKvFromRedis } from '../src/adapters/upstash/index.ts'
import type { ApiKeyRecord, Charge, KvBackends } from '../src/ports.ts'
import { type RunningRedisCluster, startRedisCluster } from '../tools/lib/redis-cluster.ts'
import { type RunningRedisHttp, startRedisHttp } from '../tools/redis-http/server.ts'
import { keySlot } from '../tools/redis-http/slot.ts'
import { uniq } from './harness/services.ts'

const TOKEN = 'keys-cluster-token'

let cluster: RunningRedisCluster
let srv: RunningRedisHttp
let kv: KvBackends

beforeAll(async () => {
  cluster = await startRedisCluster({ nodes: 3 })
  srv = await startRedisHttp({ cluster: cluster.nodes, token: TOKEN, port: 0, quiet: true })
  const redis = new Redis({ url: srv.url, token: TOKEN, enableTelemetry: false, automaticDeserialization: false })
  kv = createUpstashKvFromRedis(redis, { session: { idleSeconds: 3600, maxLifetimeSeconds: 86_400 }, prefix: uniq('kc') })
}, 60_000)

afterAll(async () => {
  await srv?.close()
  await cluster?.stop()
})

const record = (tenantId: string, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id: 'k1',
  tenantId,
  name: 'ci',
  role: 'viewer',
  hash: 'h'.repeat(64),
  previous: null,
  createdAt: Date.now(),
  createdBy: 'u1',
  expiresAt: null,
  rateLimit: { limit: 7, windowSeconds: 90 },
  lastUsedAt: null,
  rotatedAt: null,
  ...over,
})

describe('API-key admission on Redis Cluster', () => {
  it('is exact for tenants living on different nodes, with the key’s own window composed in the script', async () => {
    // Tenants whose hash tags fall into different slots (so, most likely, on different nodes).
    const tenants = ['alpha', 'bravo', 'charlie', 'delta'].map((t) => uniq(t))
    expect(new Set(tenants.map((t) => keySlot(`{${t}}`))).size).toBeGreaterThan(1)
    const charges: Charge[] = [
      { bucket: 'k:k1', policy: { name: 'key', limit: 100, windowSeconds: 3600, limitFrom: 'key' } },
      { bucket: 'tenant', policy: { name: 'tenant', limit: 1000, windowSeconds: 3600, algorithm: 'fixed', limitFrom: 'tenant' } },
    ]
    for (const t of tenants) {
      await kv.apiKeys.create(record(t))
      await kv.tenantPlans.setHourlyLimit(t, 5)
    }
    const results = await Promise.all(
      tenants.flatMap((t) =>
        Array.from({ length: 12 }, () => kv.gatekeeper.admit({ subject: { kind: 'key', tenantId: t, keyId: 'k1', keyHash: 'h'.repeat(64) }, charges })),
      ),
    )
    // Per tenant: the plan (5) binds before the key's own limit (7).
    for (let i = 0; i < tenants.length; i++) {
      const mine = results.slice(i * 12, i * 12 + 12)
      expect(mine.filter((r) => r.valid && r.rate.allowed)).toHaveLength(5)
      const first = mine.find((r) => r.valid && r.rate.allowed)
      expect(first?.valid && first.rate.policies.map((p) => [p.name, p.limit, p.windowSeconds])).toEqual([
        ['key', 7, 90],
        ['tenant', 5, 3600],
      ])
    }
    // A refused key charges nothing, on any node.
    const wrong = await kv.gatekeeper.admit({ subject: { kind: 'key', tenantId: tenants[0]!, keyId: 'k1', keyHash: 'x'.repeat(64) }, charges })
    expect(wrong).toEqual({ valid: false, reason: 'revoked' })
  })
})
