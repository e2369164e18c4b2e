import { z } from '@hono/zod-openapi'
import { ID_PATTERN } from '../../repositories/values.ts'

/** Request and response bodies of the sign-in and session routes. */

export const RoleSchema = z.enum(['viewer', 'admin', 'superadmin']).openapi('Role')

/** Normalised e-mail: trimmed, NFKC, lower case — the form stored and looked up. */
const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((s) => s.normalize('NFKC').toLowerCase())
  .pipe(z.email())
  .openapi({ example: 'ada@acme.example', type: 'string', format: 'email' })

const PasswordSchema = z.string().min(8, 'at least 8 characters').max(256).openapi({ example: 'correct horse battery staple' })

const DeviceSchema = z.string().trim().min(1).max(100).optional().openapi({
  description: 'A label for this device/session; defaults to one derived from the User-Agent',
  example: 'Ada’s laptop',
})

export const RegisterBody = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    organization: z.string().trim().min(1).max(100).openapi({ example: 'Acme Corp' }),
  })
  .openapi('RegisterRequest')

export const RegisteredSchema = z
  .object({ user_id: z.string(), tenant_id: z.string(), role: RoleSchema })
  .openapi('Registered', { example: { user_id: 'u_4f3c…', tenant_id: 'acme-corp-7k2p', role: 'admin' } })

export const CreateUserBody = z.object({ email: EmailSchema, password: PasswordSchema, role: RoleSchema.default('viewer') }).openapi('CreateTenantUserRequest')

export const CreatedUserSchema = z.object({ user_id: z.string(), tenant_id: z.string(), email: z.string(), role: RoleSchema }).openapi('TenantUserCreated')

export const LoginBody = z.object({ email: EmailSchema, password: z.string().min(1).max(256), device: DeviceSchema }).openapi('LoginRequest')

export const RefreshBody = z.object({ refresh_token: z.string().min(1).max(512), device: DeviceSchema }).openapi('RefreshRequest')

export const TokenPairSchema = z
  .object({
    access_token: z.string(),
    refresh_token: z.string().openapi({ description: 'Opaque, single use: every refresh returns a new one' }),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ description: 'Access token lifetime in seconds' }),
    session_id: z.string().openapi({ description: 'Handle of the server-side session (as in GET /api/v1/auth/sessions)' }),
  })
  .openapi('TokenPair')

export const MeSchema = z
  .object({
    user_id: z.string(),
    tenant_id: z.string(),
    role: RoleSchema,
    email: z.string().nullable(),
    session_id: z.string().nullable(),
    issuer: z.enum(['local', 'external', 'api_key']),
    key_id: z.string().nullable().openapi({ description: 'The API key’s id when the caller is an API key' }),
    token_expires_at: z.string().nullable().openapi({ format: 'date-time', description: 'Null for an API key that never expires' }),
  })
  .openapi('Me')

const SessionSchema = z
  .object({
    session_id: z.string(),
    device: z.string().nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    last_active_at: z.string().openapi({ format: 'date-time' }),
    expires_at: z.string().openapi({ format: 'date-time' }),
    current: z.boolean(),
  })
  .openapi('Session')

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) }).openapi('SessionList')

export const RevokedCountSchema = z.object({ revoked: z.number().int() }).openapi('RevokedCount')

export const SessionParams = z.object({
  session_id: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a session handle (64 hex characters)')
    .openapi({ param: { name: 'session_id', in: 'path' } }),
})

export const UserParams = z.object({
  // The repositories' id syntax, so a malformed id is a 422 here rather than a refusal deeper down.
  user_id: z
    .string()
    .regex(ID_PATTERN, 'a user id')
    .openapi({ param: { name: 'user_id', in: 'path' } }),
})

export const RevokeScopeQuery = z.object({
  scope: z.enum(['others', 'all']).openapi({
    param: { name: 'scope', in: 'query' },
    description: '`others`: every session but the caller’s; `all`: every session including the caller’s',
  }),
})

export const PasswordChangeBody = z.object({ current_password: z.string().min(1).max(256), new_password: PasswordSchema }).openapi('PasswordChangeRequest')

export const PasswordChangedSchema = z.object({ status: z.literal('password_changed'), revoked_sessions: z.number().int() }).openapi('PasswordChanged')
