import type { Config } from '../../config.ts'
import type { Role } from '../../domain/roles.ts'
import type { RatePolicy } from '../../ports.ts'
import type { IdempotencyRule } from '../idempotency/index.ts'
import type { TripRead } from '../round-trip.ts'

/** What the gate does for one route — declared on the route's definition (src/http/route.ts). */
export interface GateRule {
  /** `signed-in`: a valid bearer token whose session is alive, or a valid API key; `public`: anyone, charged to the address. */
  access: 'public' | 'signed-in'
  /** The least role (viewer < admin < superadmin); 403 below it. */
  role?: Role
  /**
   * Who may call a signed-in route: anyone signed in (default: a person's token or an API key),
   * or `person` only — API keys get 403 (sessions, logout, password, own profile, key management).
   */
  caller?: 'any' | 'person'
  /**
   * Who the request is charged to: the signed-in user (default), or the client address even when
   * signed in — for what a rate-limited user needs to recover (logout, session revocation, quota).
   */
  chargeTo?: 'caller' | 'address'
  /** Route budgets counted together with the caller's policies (atomically). */
  budgets?: RatePolicy[]
  /** Policies counted elsewhere (sign-in attempts), only advertised in RateLimit-Policy. */
  advertise?: (config: Config) => RatePolicy[]
  /** Public routes when the limiter is down: `open` serves unmetered; default: reads per FAIL_OPEN_READS. */
  failMode?: 'open' | 'closed'
  /** Units one request consumes from every policy (default 1). */
  cost?: number
  /** Reads issued in the gate's round trip (round-trip.ts). */
  reads?: TripRead<unknown>[]
  /** How a write answers a retry (Idempotency-Key); required on POST, PATCH, PUT, DELETE (src/http/idempotency). */
  idempotency?: IdempotencyRule
}
