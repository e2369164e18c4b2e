import { createRouter } from '../../http/router.ts'
import * as handlers from './auth.handlers.ts'
import * as routes from './auth.routes.ts'

/** Sign-in, tokens and sessions (/api/v1/auth/*) and adding users to a tenant. */
export const authRoutes = () =>
  createRouter()
    .openapi(routes.register, handlers.register)
    .openapi(routes.login, handlers.login)
    .openapi(routes.refresh, handlers.refresh)
    .openapi(routes.logout, handlers.logout)
    .openapi(routes.me, handlers.me)
    .openapi(routes.listSessions, handlers.listSessions)
    .openapi(routes.revokeSession, handlers.revokeSession)
    .openapi(routes.revokeSessions, handlers.revokeSessions)
    .openapi(routes.changePassword, handlers.changePassword)
    .openapi(routes.revokeUserSessions, handlers.revokeUserSessions)
    .openapi(routes.createTenantUser, handlers.createTenantUser)
