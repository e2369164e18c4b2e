import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../deps.ts'
import type { Principal } from '../domain/principal.ts'
import type { MetricsRecorder } from '../metrics/recorder.ts'
import type { KeptAnswer } from '../ports.ts'
import type { RoundTrip } from './round-trip.ts'

/**
 * What createApp needs: the services' dependencies, plus how the entry point tells the client's
 * address from its runtime's connection (Node: the socket; Workers: CF-Connecting-IP).
 */
export interface AppDeps extends Deps {
  connectionAddress?: (c: Context) => string | undefined
  /** This instance's metrics batch (createApp makes one when absent; entries and tests pass theirs to flush it). */
  metrics?: MetricsRecorder
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    requestId: string
    /** The route pattern that answers (`/api/v1/logs/metadata/:upload_id`), set by its definition. */
    route?: string
    /** The checked caller, set by the gate on signed-in routes. */
    principal?: Principal
    /** This request's one round trip to the key-value store (the gate's and the route's reads). */
    trip?: RoundTrip
    /** Rate-limit headers of this request, for every answer (errors included). */
    rateHeaders?: Record<string, string>
    /** A keyed write's record, for an answer that settles after its deadline (src/http/idempotency). */
    write?: { settledLate(answer: KeptAnswer | null): Promise<void> }
  }
}

export type AppOpenAPI = OpenAPIHono<AppEnv>
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>
export type Ctx = Context<AppEnv>
