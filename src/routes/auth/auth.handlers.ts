import type { Context } from 'hono'
import { clientAddress } from '../../http/identity.ts'
import { principalOf } from '../../http/principal.ts'
import type { AppEnv, AppRouteHandler } from '../../http/types.ts'
import * as accounts from '../../services/accounts.ts'
import type { ClientInfo } from '../../services/devices.ts'
import * as sessions from '../../services/sessions.ts'
import type * as r from './auth.routes.ts'

function client(c: Context<AppEnv>, device?: string): ClientInfo {
  const userAgent = c.req.header('user-agent')
  return { ip: clientAddress(c), ...(userAgent ? { userAgent } : {}), ...(device ? { device } : {}) }
}

// Token answers must never be cached by a browser or a proxy.
const noStore = (c: Context<AppEnv>) => c.header('cache-control', 'no-store')

export const register: AppRouteHandler<r.RegisterRoute> = async (c) => {
  return c.json(await accounts.register(c.var.deps, c.req.valid('json'), client(c)), 201)
}

export const login: AppRouteHandler<r.LoginRoute> = async (c) => {
  const body = c.req.valid('json')
  noStore(c)
  return c.json(await sessions.login(c.var.deps, body, client(c, body.device)), 200)
}

export const refresh: AppRouteHandler<r.RefreshRoute> = async (c) => {
  const body = c.req.valid('json')
  noStore(c)
  return c.json(await sessions.refresh(c.var.deps, body.refresh_token, client(c, body.device)), 200)
}

export const logout: AppRouteHandler<r.LogoutRoute> = async (c) => {
  await sessions.logout(c.var.deps, principalOf(c))
  return c.body(null, 204)
}

export const me: AppRouteHandler<r.MeRoute> = async (c) => {
  noStore(c)
  return c.json(await sessions.me(c.var.deps, principalOf(c)), 200)
}

export const listSessions: AppRouteHandler<r.ListSessionsRoute> = async (c) => {
  noStore(c)
  return c.json({ sessions: await sessions.listSessions(c.var.deps, principalOf(c)) }, 200)
}

export const revokeSession: AppRouteHandler<r.RevokeSessionRoute> = async (c) => {
  await sessions.revokeSession(c.var.deps, principalOf(c), c.req.valid('param').session_id)
  return c.body(null, 204)
}

export const revokeSessions: AppRouteHandler<r.RevokeSessionsRoute> = async (c) => {
  const { scope } = c.req.valid('query')
  return c.json({ revoked: await sessions.revokeSessions(c.var.deps, principalOf(c), scope) }, 200)
}

export const changePassword: AppRouteHandler<r.ChangePasswordRoute> = async (c) => {
  const revoked = await accounts.changePassword(c.var.deps, principalOf(c), c.req.valid('json'), client(c))
  return c.json({ status: 'password_changed' as const, revoked_sessions: revoked }, 200)
}

export const revokeUserSessions: AppRouteHandler<r.RevokeUserSessionsRoute> = async (c) => {
  const { user_id } = c.req.valid('param')
  return c.json({ revoked: await sessions.revokeUserSessions(c.var.deps, principalOf(c), user_id) }, 200)
}

export const createTenantUser: AppRouteHandler<r.CreateTenantUserRoute> = async (c) => {
  return c.json(await accounts.addTenantUser(c.var.deps, principalOf(c), c.req.valid('json')), 201)
}
