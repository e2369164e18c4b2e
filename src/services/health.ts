import type { Backends, Pingable } from '../ports.ts'

export interface BackendHealth {
  status: 'healthy' | 'unhealthy'
  latency_ms: number
}

/** Pings one backend, bounded by timeoutMs so a hung backend can't hang the probe. */
async function probe(target: Pingable, timeoutMs: number): Promise<BackendHealth> {
  const started = performance.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await Promise.race([
      target.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
      }),
    ])
    return { status: 'healthy', latency_ms: elapsed(started) }
  } catch {
    return { status: 'unhealthy', latency_ms: elapsed(started) }
  } finally {
    clearTimeout(timer)
  }
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 100) / 100

/** The ELK Vision seed's health shape: overall status plus MongoDB and Redis. */
export async function checkBackends(backends: Backends, timeoutMs: number) {
  const [mongodb, redis] = await Promise.all([probe(backends.documents, timeoutMs), probe(backends.kv, timeoutMs)])
  const healthy = mongodb.status === 'healthy' && redis.status === 'healthy'
  return { status: healthy ? ('healthy' as const) : ('unhealthy' as const), mode: backends.mode, mongodb, redis }
}
