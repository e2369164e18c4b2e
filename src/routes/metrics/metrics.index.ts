import { createRouter } from '../../http/router.ts'
import * as handlers from './metrics.handlers.ts'
import * as routes from './metrics.routes.ts'

/**
 * Metrics: the tenant series for its admins (in the OpenAPI document) and `/metrics`, the
 * operators' Prometheus endpoint (its own bearer token, METRICS_TOKEN; not part of the document).
 */
export const metricsRoutes = () =>
  createRouter()
    .openapi(routes.tenantMetrics, handlers.tenantMetrics)
    .get('/metrics', (c) => handlers.prometheus(c))
