import { createRoute } from '@hono/zod-openapi'
import { authRoute } from '../../http/auth.ts'
import { problemResponses } from '../../http/problems.ts'
import * as s from './auth.schemas.ts'

const tags = ['Auth']
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } })

export const register = createRoute({
  method: 'post',
  path: '/api/v1/auth/register',
  tags,
  summary: 'Create an organization (tenant) and its first user, who becomes its admin',
  request: body(s.RegisterBody),
  responses: {
    201: { description: 'Tenant and admin user created', content: json(s.RegisteredSchema) },
    ...problemResponses(409, 422, 429),
  },
})

export const login = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags,
  summary: 'Sign in: opens a session and returns an access token and a refresh token',
  description:
    'Wrong e-mail and wrong password get the same 401 answer in similar time. Attempts are limited per account and IP and per IP (429 with Retry-After).',
  request: body(s.LoginBody),
  responses: {
    200: { description: 'Signed in', content: json(s.TokenPairSchema) },
    ...problemResponses(401, 422, 429, 503),
  },
})

export const refresh = createRoute({
  method: 'post',
  path: '/api/v1/auth/refresh',
  tags,
  summary: 'Trade a refresh token for a new token pair (the old refresh token stops working)',
  description: 'Refresh tokens are single use. Presenting one that was already used revokes its whole session.',
  request: body(s.RefreshBody),
  responses: {
    200: { description: 'New token pair', content: json(s.TokenPairSchema) },
    ...problemResponses(401, 422, 429, 503),
  },
})

export const logout = createRoute(
  authRoute({
    method: 'post',
    path: '/api/v1/auth/logout',
    tags,
    summary: 'Sign out: revokes this session and this access token immediately',
    responses: { 204: { description: 'Signed out' } },
  }),
)

export const me = createRoute(
  authRoute({
    method: 'get',
    path: '/api/v1/auth/me',
    tags,
    summary: 'The caller as the server sees them',
    responses: { 200: { description: 'The caller', content: json(s.MeSchema) } },
  }),
)

export const listSessions = createRoute(
  authRoute({
    method: 'get',
    path: '/api/v1/auth/sessions',
    tags,
    summary: "The caller's live sessions, newest first (the current one is marked)",
    responses: { 200: { description: 'Live sessions', content: json(s.SessionListSchema) } },
  }),
)

export const revokeSession = createRoute(
  authRoute({
    method: 'delete',
    path: '/api/v1/auth/sessions/{session_id}',
    tags,
    summary: "Revoke one of the caller's sessions; its tokens are refused from their next request",
    request: { params: s.SessionParams },
    responses: { 204: { description: 'Revoked' }, ...problemResponses(404, 422) },
  }),
)

export const revokeSessions = createRoute(
  authRoute({
    method: 'delete',
    path: '/api/v1/auth/sessions',
    tags,
    summary: "Revoke the caller's other sessions (scope=others) or all of them (scope=all)",
    request: { query: s.RevokeScopeQuery },
    responses: { 200: { description: 'How many sessions were revoked', content: json(s.RevokedCountSchema) }, ...problemResponses(422) },
  }),
)

export const changePassword = createRoute(
  authRoute({
    method: 'post',
    path: '/api/v1/auth/password',
    tags,
    summary: 'Change the password; every other session is revoked',
    request: body(s.PasswordChangeBody),
    responses: { 200: { description: 'Changed', content: json(s.PasswordChangedSchema) }, ...problemResponses(422) },
  }),
)

export const revokeUserSessions = createRoute(
  authRoute(
    {
      method: 'delete',
      path: '/api/v1/auth/users/{user_id}/sessions',
      tags,
      summary: 'Sign a user of your tenant out everywhere (superadmin: any tenant)',
      request: { params: s.UserParams },
      responses: { 200: { description: 'How many sessions were revoked', content: json(s.RevokedCountSchema) }, ...problemResponses(404) },
    },
    { role: 'admin' },
  ),
)

export const createTenantUser = createRoute(
  authRoute(
    {
      method: 'post',
      path: '/api/v1/users/tenant/users',
      tags: ['Users'],
      summary: "Add a user to the caller's tenant (no role above the caller's own)",
      request: body(s.CreateUserBody),
      responses: { 201: { description: 'User created', content: json(s.CreatedUserSchema) }, ...problemResponses(409, 422) },
    },
    { role: 'admin' },
  ),
)

export type RegisterRoute = typeof register
export type LoginRoute = typeof login
export type RefreshRoute = typeof refresh
export type LogoutRoute = typeof logout
export type MeRoute = typeof me
export type ListSessionsRoute = typeof listSessions
export type RevokeSessionRoute = typeof revokeSession
export type RevokeSessionsRoute = typeof revokeSessions
export type ChangePasswordRoute = typeof changePassword
export type RevokeUserSessionsRoute = typeof revokeUserSessions
export type CreateTenantUserRoute = typeof createTenantUser
