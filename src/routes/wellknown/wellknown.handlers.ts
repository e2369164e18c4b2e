import type { AppRouteHandler } from '../../http/types.ts'
import { signingKeys } from '../../services/signing-keys.ts'
import type { JwksRoute } from './wellknown.routes.ts'

export const jwks: AppRouteHandler<JwksRoute> = async (c) => {
  const { config, logger } = c.var.deps
  const keys = await signingKeys(config, logger)
  // Short cache: a rotation reaches verifiers within minutes; keys are public.
  c.header('cache-control', 'public, max-age=300')
  return c.json({ keys: keys.jwks.keys.map((k) => ({ ...k, kty: k.kty!, kid: k.kid!, alg: k.alg!, use: 'sig' as const })) }, 200)
}
