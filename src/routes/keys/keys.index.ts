import { createRouter } from '../../http/router.ts'
import * as handlers from './keys.handlers.ts'
import * as routes from './keys.routes.ts'

/** API keys (/api/v1/api-keys) and the tenant-wide budget (/api/v1/tenants/{id}/budget). */
export const keysRoutes = () =>
  createRouter()
    .openapi(routes.createKey, handlers.createKey)
    .openapi(routes.listKeys, handlers.listKeys)
    .openapi(routes.rotateKey, handlers.rotateKey)
    .openapi(routes.patchKey, handlers.patchKey)
    .openapi(routes.deleteKey, handlers.deleteKey)
    .openapi(routes.getBudget, handlers.getBudget)
    .openapi(routes.putBudget, handlers.putBudget)
