import { createRouter } from '../../http/router.ts'
import * as handlers from './accounts.handlers.ts'
import * as routes from './accounts.routes.ts'

/** The account lifecycle: disable, enable, delete (/api/v1/users/admin/users/{user_id}...). */
export const accountsRoutes = () =>
  createRouter().openapi(routes.disable, handlers.disable).openapi(routes.enable, handlers.enable).openapi(routes.remove, handlers.remove)
