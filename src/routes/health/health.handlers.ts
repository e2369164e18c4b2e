import type { AppRouteHandler } from '../../http/types.ts'
import { checkBackends } from '../../services/health.ts'
import type { HealthRoute, LiveRoute, ReadyRoute } from './health.routes.ts'

/** The same body either way; the status code says it too, for monitors that only read that. */
export const health: AppRouteHandler<HealthRoute> = async (c) => {
  const { backends, config } = c.var.deps
  const result = await checkBackends(backends, config.BACKEND_TIMEOUT_MS)
  c.header('cache-control', 'no-store')
  return result.status === 'healthy' ? c.json(result, 200) : c.json(result, 503)
}

export const live: AppRouteHandler<LiveRoute> = (c) => c.json({ status: 'ok' as const }, 200)

export const ready: AppRouteHandler<ReadyRoute> = async (c) => {
  const { backends, config } = c.var.deps
  const result = await checkBackends(backends, config.BACKEND_TIMEOUT_MS)
  c.header('cache-control', 'no-store')
  return result.status === 'healthy' ? c.json(result, 200) : c.json(result, 503)
}
