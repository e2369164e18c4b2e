/** startRedisCluster: a healthy real cluster, clear refusals, and stop() leaving nothing running. */
import { describe, expect, it } from 'vitest'
import { run } from './process.ts'
import { startRedisCluster } from './redis-cluster.ts'
import { pingRedis } from './redis-server.ts'

describe('startRedisCluster', () => {
  it('refuses fewer than 3 masters with a clear message', async () => {
    await expect(startRedisCluster({ nodes: 2 })).rejects.toThrow(/needs at least 3 masters, got 2/)
  })

  it('starts 3 joined masters covering all slots, and stop() ends every node', async () => {
    const cluster = await startRedisCluster({ nodes: 3 })
    try {
      expect(cluster.nodes).toHaveLength(3)
      expect(new Set(cluster.nodes.map((n) => n.port)).size).toBe(3)
      for (const n of cluster.nodes) {
        const info = await run('redis-cli', ['-h', n.host, '-p', String(n.port), 'cluster', 'info'])
        expect(info).toMatch(/cluster_state:ok/)
        expect(info).toMatch(/cluster_slots_assigned:16384/)
        expect(info).toMatch(/cluster_known_nodes:3/)
        expect(info).toMatch(/cluster_size:3/)
      }
    } finally {
      await cluster.stop()
    }
    for (const n of cluster.nodes) expect(await pingRedis(n.port)).toBe(false)
  })
})
