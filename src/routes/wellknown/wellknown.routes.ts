import { createRoute, z } from '@hono/zod-openapi'
import { apiRoute } from '../../http/route.ts'

const JwkSchema = z
  .object({
    kty: z.string(),
    kid: z.string(),
    alg: z.string(),
    use: z.literal('sig'),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
  })
  .openapi('Jwk')

const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi('Jwks', {
  example: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'Dz7…', alg: 'EdDSA', use: 'sig' }] },
})

export const jwks = createRoute(
  apiRoute(
    {
      method: 'get',
      path: '/.well-known/jwks.json',
      tags: ['Auth'],
      summary: 'Public keys that verify gatehouse access tokens (the current key and those still accepted during a rotation)',
      responses: {
        200: { description: 'JWK Set', content: { 'application/json': { schema: JwksSchema } } },
      },
    },
    // Public static keys: served even while the limiter is down.
    { access: 'public', failMode: 'open' },
  ),
)

export type JwksRoute = typeof jwks
