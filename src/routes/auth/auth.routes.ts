import { createRoute } from '@hono/zod-openapi'
import { problemResponses } from '../../http/problems.ts'
import { apiRoute } from '../../http/route.ts'
import { attemptPolicies } from '../../services/auth-attempts.ts'
import * as s from './auth.schemas.ts'

const tags = ['Auth']
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } })

/** Credential routes: public, charged to the address; the per-account attempt budgets are advertised. */
const credentials = (action: string) => ({
  access: 'public' as const,
  advertise: (config: Parameters<typeof attemptPolicies>[0]) => attemptPolicies(config, action),
})
const signedIn = { access: 'signed-in' as const }
/** Sessions and passwords belong to people: API keys are refused (403). */
const person = { access: 'signed-in' as const, caller: 'person' as const }
/** What a rate-limited user needs to recover is never refused by the user's own limit. */
const recovery = { ...person, chargeTo: 'address' as const }
const admin = { access: 'signed-in' as const, role: 'admin' as const }

export const register = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/auth/register',
      tags,
      summary: 'Create an organization (tenant) and its first user, who becomes its admin',
      request: body(s.RegisterBody),
      responses: {
        201: { description: 'Tenant and admin user created', content: json(s.RegisteredSchema) },
        ...problemResponses(409),
      },
    },
    { ...credentials('register'), idempotency: 'keyed' },
  ),
)

export const login = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      tags,
      summary: 'Sign in: opens a session and returns an access token and a refresh token',
      description:
        'Wrong e-mail and wrong password get the same 401 answer in similar time. A disabled account (with the right password) gets 403 `account-disabled`. Attempts are limited per account and IP and per IP (429 with Retry-After).',
      request: body(s.LoginBody),
      responses: {
        200: { description: 'Signed in', content: json(s.TokenPairSchema) },
        ...problemResponses(401, 403),
      },
    },
    {
      ...credentials('login'),
      idempotency: { natural: 'a new session (token answers are never kept).' },
    },
  ),
)

export const refresh = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/auth/refresh',
      tags,
      summary: 'Trade a refresh token for a new token pair (the old refresh token stops working)',
      description:
        'Refresh tokens are traded once: presented again within REFRESH_REUSE_GRACE_SECONDS, the same new pair; later, the session is revoked. The session of a disabled account ends: 403 `account-disabled`.',
      request: body(s.RefreshBody),
      responses: {
        200: { description: 'New token pair', content: json(s.TokenPairSchema) },
        ...problemResponses(401, 403),
      },
    },
    {
      ...credentials('refresh'),
      idempotency: { natural: 'the reuse grace answers the same pair.' },
    },
  ),
)

export const logout = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      tags,
      summary: 'Sign out: revokes this session and this access token immediately',
      responses: { 204: { description: 'Signed out' } },
    },
    { ...recovery, idempotency: { natural: 'harmless (then 401).' } },
  ),
)

export const me = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/auth/me',
      tags,
      summary: 'The caller as the server sees them',
      responses: { 200: { description: 'The caller', content: json(s.MeSchema) } },
    },
    signedIn,
  ),
)

export const listSessions = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/api/v1/auth/sessions',
      tags,
      summary: "The caller's live sessions, newest first (the current one is marked)",
      responses: { 200: { description: 'Live sessions', content: json(s.SessionListSchema) } },
    },
    person,
  ),
)

export const revokeSession = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: '/api/v1/auth/sessions/{session_id}',
      tags,
      summary: "Revoke one of the caller's sessions; its tokens are refused from their next request",
      request: { params: s.SessionParams },
      responses: { 204: { description: 'Revoked' }, ...problemResponses(404) },
    },
    { ...recovery, idempotency: 'keyed' },
  ),
)

export const revokeSessions = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: '/api/v1/auth/sessions',
      tags,
      summary: "Revoke the caller's other sessions (scope=others) or all of them (scope=all)",
      request: { query: s.RevokeScopeQuery },
      responses: { 200: { description: 'How many sessions were revoked', content: json(s.RevokedCountSchema) } },
    },
    { ...recovery, idempotency: 'keyed' },
  ),
)

export const changePassword = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/auth/password',
      tags,
      summary: 'Change the password; every other session is revoked',
      request: body(s.PasswordChangeBody),
      responses: { 200: { description: 'Changed', content: json(s.PasswordChangedSchema) } },
    },
    { ...person, advertise: (config) => attemptPolicies(config, 'password'), idempotency: 'keyed' },
  ),
)

export const revokeUserSessions = createRoute(
  apiRoute(
    {
      method: 'delete',
      path: '/api/v1/auth/users/{user_id}/sessions',
      tags,
      summary: 'Sign a user of your tenant out everywhere (superadmin: any tenant)',
      request: { params: s.UserParams },
      responses: { 200: { description: 'How many sessions were revoked', content: json(s.RevokedCountSchema) }, ...problemResponses(404) },
    },
    { ...admin, idempotency: 'keyed' },
  ),
)

export const createTenantUser = createRoute(
  apiRoute(
    {
      method: 'post',
      path: '/api/v1/users/tenant/users',
      tags: ['Users'],
      summary: "Add a user to the caller's tenant (no role above the caller's own)",
      request: body(s.CreateUserBody),
      responses: { 201: { description: 'User created', content: json(s.CreatedUserSchema) }, ...problemResponses(409) },
    },
    { ...admin, idempotency: 'keyed' },
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
