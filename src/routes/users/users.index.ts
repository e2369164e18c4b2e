import { createRouter } from '../../http/router.ts'
import * as handlers from './users.handlers.ts'
import * as routes from './users.routes.ts'

/** Profiles, tenant users, quotas and the admin operations (ELK Vision seed's user endpoints). */
export const usersRoutes = () =>
  createRouter()
    .openapi(routes.getProfile, handlers.getProfile)
    .openapi(routes.patchProfile, handlers.patchProfile)
    .openapi(routes.createProfile, handlers.createProfile)
    .openapi(routes.getQuota, handlers.getQuota)
    .openapi(routes.listTenantUsers, handlers.listTenantUsers)
    .openapi(routes.getUserProfile, handlers.getUserProfile)
    .openapi(routes.patchUserProfile, handlers.patchUserProfile)
    .openapi(routes.deleteUserProfile, handlers.deleteUserProfile)
    .openapi(routes.initializeIndexes, handlers.initializeIndexes)
