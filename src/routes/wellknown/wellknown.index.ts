import { createRouter } from '../../http/router.ts'
import * as handlers from './wellknown.handlers.ts'
import * as routes from './wellknown.routes.ts'

/** /.well-known/jwks.json */
export const wellKnownRoutes = () => createRouter().openapi(routes.jwks, handlers.jwks)
