import type { AppRouteHandler } from '../../http/types.ts'
import { checkBackends } from '../../services/health.ts'
import type { HealthRoute, LiveRoute, ReadyRoute } from './health.routes.ts'

export const health: AppRouteHandler<HealthRoute> = async (c) => {
  const { backends, config } = c.var.deps
  c.header('cache-control', 'no-store')
  return c.json(await checkBackends(backends, config.BACKEND_TIMEOUT_MS), 200)
}

export const live: AppRouteHandler<LiveRoute> = (c) => c.json({ status: 'ok' as const }, 200)

export const ready: AppRouteHandler<ReadyRoute> = async (c) => {
  const { backends, config } = c.var.deps
  const result = await checkBackends(backends, config.BACKEND_TIMEOUT_MS)
  c.header('cache-control', 'no-store')
  return result.status === 'healthy' ? c.json(result, 200) : c.json(result, 503)
}
