import { createRouter } from '../../http/router.ts'
import * as handlers from './logs.handlers.ts'
import * as routes from './logs.routes.ts'

/**
 * Upload metadata routes. Order matters: `/recent`, `/stats` and `/task/{task_id}` come before
 * `/{upload_id}` so they are never taken for an upload id.
 */
export const logsRoutes = () =>
  createRouter()
    .openapi(routes.register, handlers.register)
    .openapi(routes.list, handlers.list)
    .openapi(routes.recent, handlers.recent)
    .openapi(routes.stats, handlers.stats)
    .openapi(routes.byTask, handlers.byTask)
    .openapi(routes.get, handlers.get)
    .openapi(routes.changeStatus, handlers.changeStatus)
    .openapi(routes.remove, handlers.remove)
    .openapi(routes.initializeIndexes, handlers.initializeIndexes)
