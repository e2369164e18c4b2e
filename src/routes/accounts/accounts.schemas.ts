import { z } from '@hono/zod-openapi'
import { ROLES } from '../../domain/roles.ts'
import { ID_PATTERN } from '../../repositories/values.ts'

/** Path and answers of the account lifecycle routes (disable, enable, delete). */

export const AccountParams = z.object({
  user_id: z
    .string()
    .regex(ID_PATTERN, 'a user id')
    .openapi({ param: { name: 'user_id', in: 'path' }, example: '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11' }),
})

const ACCOUNT_EXAMPLE = {
  user_id: '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11',
  tenant_id: 'acme-corp-1a2b3c',
  email: 'ada@example.com',
  role: 'viewer' as const,
}

export const AccountStatusSchema = z
  .object({
    user_id: z.string(),
    tenant_id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean().openapi({ description: 'A disabled account cannot sign in (403 `account-disabled`) nor refresh' }),
    disabled_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('AccountStatus', { example: { ...ACCOUNT_EXAMPLE, disabled: false, disabled_at: null } })

export const AccountDisabledSchema = AccountStatusSchema.extend({
  sessions_revoked: z.number().int().openapi({ description: 'Live sessions ended by this call' }),
}).openapi('AccountDisabled', {
  example: { ...ACCOUNT_EXAMPLE, disabled: true, disabled_at: '2026-12-01T10:00:00.000Z', sessions_revoked: 2 },
})

export const DeletedAccountSchema = z
  .object({
    user_id: z.string(),
    tenant_id: z.string(),
    deleted: z.literal(true),
    sessions_revoked: z.number().int(),
    profile_deleted: z.boolean().openapi({ description: 'False when the user had no profile' }),
  })
  .openapi('DeletedAccount')
