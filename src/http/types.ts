import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Config } from '../config.ts'
import type { Backends, Role } from '../ports.ts'
import type { Logger } from './logger.ts'

/** What createApp needs: settings, storage and (optionally) a clock for tests. */
export interface AppDeps {
  config: Config
  backends: Backends
  logger: Logger
  now?: () => number
}

/** Who is calling, set by the auth middleware. */
export interface Principal {
  userId: string
  tenantId: string
  role: Role
  /** Raw session id from the token's `sid` (absent for external tokens without one). */
  sessionId?: string
  /** SHA-256 handle of sessionId. */
  sessionHandle?: string
  jti?: string
  /** Token expiry (ms epoch). */
  expiresAt: number
  /** 'local' for our own tokens, 'external' for JWKS_URL providers. */
  issuer: 'local' | 'external'
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    requestId: string
    principal?: Principal
  }
}

export type AppOpenAPI = OpenAPIHono<AppEnv>
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>
