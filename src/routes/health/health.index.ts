import { createRouter } from '../../http/router.ts'
import * as handlers from './health.handlers.ts'
import * as routes from './health.routes.ts'

export const healthRoutes = () =>
  createRouter().openapi(routes.health, handlers.health).openapi(routes.live, handlers.live).openapi(routes.ready, handlers.ready)
