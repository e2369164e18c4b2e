import type { Principal } from '../domain/principal.ts'
import { UnauthenticatedError } from '../errors.ts'
import type { Ctx } from './types.ts'

/** The caller the gate checked; a signed-in route's handler always has one (else: a wiring bug → 401). */
export function principalOf(c: Ctx): Principal {
  const p = c.get('principal')
  if (!p) throw new UnauthenticatedError('missing', 'A bearer token is required')
  return p
}
