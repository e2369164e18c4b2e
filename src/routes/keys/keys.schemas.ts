import { z } from '@hono/zod-openapi'
import { ID_PATTERN } from '../../repositories/values.ts'
import { MAX_KEYS_PER_TENANT } from '../../services/api-keys.ts'
import { RoleSchema } from '../auth/auth.schemas.ts'

/** Request and response bodies of the API key and tenant budget routes. */

/** Longest rotation grace period: 30 days. */
const MAX_GRACE_SECONDS = 30 * 86_400

const RateLimitSchema = z
  .object({
    limit: z.number().int().min(1).max(1_000_000_000).openapi({ example: 100 }),
    window_seconds: z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400)
      .openapi({ example: 60 }),
  })
  .strict()
  .openapi('ApiKeyRateLimit', { description: 'The key’s own rate limit: `limit` requests per `window_seconds` (sliding window).' })

export const KeyIdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'q3JX0cVnRt2a' }),
})

export const TenantQuery = z.object({
  tenant_id: z
    .string()
    .regex(ID_PATTERN)
    .optional()
    .openapi({ param: { name: 'tenant_id', in: 'query' }, description: 'Superadmin: the tenant to act on (default: your own)' }),
})

export const TenantParams = z.object({
  tenant_id: z
    .string()
    .regex(ID_PATTERN)
    .openapi({ param: { name: 'tenant_id', in: 'path' }, example: 'acme-corp-7k2p' }),
})

export const CreateKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: 'nightly export job' }),
    role: RoleSchema.openapi({ description: 'At most your own role' }),
    expires_at: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .optional()
      .openapi({ type: 'string', format: 'date-time', description: 'When the key stops working (must be in the future); default never' }),
    rate_limit: RateLimitSchema.optional().openapi({ description: 'Default: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW' }),
  })
  .strict()
  .openapi('ApiKeyCreate', { example: { name: 'nightly export job', role: 'viewer', rate_limit: { limit: 100, window_seconds: 60 } } })

export const RotateKeyBody = z
  .object({
    grace_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_GRACE_SECONDS)
      .openapi({ example: 3600, description: 'How long the old key keeps working (0: it stops at once)' }),
  })
  .strict()
  .openapi('ApiKeyRotate')

export const PatchKeyBody = z
  .object({ rate_limit: RateLimitSchema.nullable().openapi({ description: 'The key’s own rate limit; null: back to the default' }) })
  .strict()
  .openapi('ApiKeyPatch', { example: { rate_limit: { limit: 500, window_seconds: 60 } } })

export const BudgetBody = z
  .object({
    api_calls_per_hour: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000_000)
      .nullable()
      .openapi({ description: 'API calls per hour for the whole tenant; null: back to TENANT_API_CALLS_PER_HOUR' }),
  })
  .strict()
  .openapi('TenantBudgetUpdate', { example: { api_calls_per_hour: 50000 } })

const at = (description: string) => z.string().nullable().openapi({ format: 'date-time', description })

export const ApiKeySchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'How every key with this id begins (to tell keys apart; not a secret)' }),
    role: RoleSchema,
    created_at: z.string().openapi({ format: 'date-time' }),
    created_by: z.string().openapi({ description: 'The user who created it' }),
    last_used_at: at('Last admitted request (updated in the background, to about a minute)'),
    expires_at: at('When it stops working; null: never'),
    rate_limit: RateLimitSchema.nullable().openapi({ description: 'Its own rate limit; null: the default' }),
    rotated_at: at('Last rotation'),
    previous_key_expires_at: at('While a rotation’s grace period runs: when the previous key stops working'),
  })
  .openapi('ApiKey')

export const IssuedKeySchema = z
  .object({
    api_key: z.string().openapi({ description: 'The key itself — shown this once, stored only as a hash. Send it as `X-API-Key`.' }),
    key: ApiKeySchema,
  })
  .openapi('IssuedApiKey')

export const KeyListSchema = z
  .object({ keys: z.array(ApiKeySchema).openapi({ description: `Oldest first; at most ${MAX_KEYS_PER_TENANT}` }) })
  .openapi('ApiKeyList')

export const TenantBudgetSchema = z
  .object({
    tenant_id: z.string(),
    api_calls_per_hour: z.number().int().openapi({ description: 'What the gate applies (the `tenant` rate-limit policy)' }),
    default_api_calls_per_hour: z.number().int().openapi({ description: 'TENANT_API_CALLS_PER_HOUR' }),
    overridden: z.boolean(),
  })
  .openapi('TenantBudget')
