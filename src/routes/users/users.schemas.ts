import { z } from '@hono/zod-openapi'
import { THEMES } from '../../repositories/profiles.ts'
import { ID_PATTERN, MAX_PAGE_SIZE } from '../../repositories/values.ts'
import { RoleSchema } from '../auth/auth.schemas.ts'

/** Request and response bodies of the profile, tenant and admin routes (ELK Vision seed shapes). */

/** The runtime's zone names by lower case, for case-only fixes ("europe/paris" → "Europe/Paris"). */
let zoneSpellings: Map<string, string> | undefined
const spellingOf = (tz: string) =>
  (zoneSpellings ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((z) => [z.toLowerCase(), z]))).get(tz.toLowerCase())

/**
 * The time zone as the client named it, or null when the runtime does not know it. Never the
 * runtime's canonical alias: Intl resolves "Asia/Kolkata" to "Asia/Calcutta" and "Europe/Kyiv" to
 * "Europe/Kiev" — valid, but not what the client chose. Only the letter case is fixed, for names
 * the runtime lists (IANA names are case-insensitive).
 */
function clientTimeZone(value: string): string | null {
  // Offsets ("+01:00") and other non-names are refused before asking Intl, which accepts offsets.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
  } catch {
    return null
  }
  return spellingOf(value) ?? value
}

const TimeZoneSchema = z
  .string()
  .max(64)
  .transform((tz, ctx) => {
    const named = clientTimeZone(tz)
    if (named === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as "Europe/Paris" or "UTC"' })
      return z.NEVER
    }
    return named
  })
  .openapi({ type: 'string', example: 'Europe/Paris', description: 'IANA time zone name, kept as sent' })

const ThemeSchema = z.enum(THEMES).openapi({ example: 'dark' })

const NotificationsSchema = z.object({ email: z.boolean(), browser: z.boolean() })

const PreferencesSchema = z.object({ theme: ThemeSchema, timezone: z.string(), notifications: NotificationsSchema }).openapi('Preferences')

const ApiQuotaSchema = z
  .object({
    logs_per_day: z.number().int(),
    api_calls_per_hour: z.number().int(),
    retention_days: z.number().int(),
  })
  .openapi('ApiQuota')

export const ProfileSchema = z
  .object({
    _id: z.string(),
    user_id: z.string(),
    tenant_id: z.string(),
    organization: z.string(),
    role: RoleSchema,
    preferences: PreferencesSchema,
    api_quota: ApiQuotaSchema,
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('UserProfile', {
    example: {
      _id: '507f1f77bcf86cd799439011',
      user_id: '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11',
      tenant_id: 'acme-corp',
      organization: 'Acme Corp',
      role: 'admin',
      preferences: { theme: 'dark', timezone: 'UTC', notifications: { email: true, browser: true } },
      api_quota: { logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 },
      created_at: '2025-11-24T10:00:00.000Z',
      updated_at: '2025-11-24T10:00:00.000Z',
    },
  })

/** Partial preferences; merged deeply into the stored ones. */
const PreferencesPatchSchema = z
  .object({
    theme: ThemeSchema.optional(),
    timezone: TimeZoneSchema.optional(),
    notifications: z.object({ email: z.boolean().optional(), browser: z.boolean().optional() }).strict().optional(),
  })
  .strict()

const QuotaValue = (min: number) => z.number().int().min(min).max(1_000_000_000_000)

export const ProfilePatchBody = z
  .object({
    preferences: PreferencesPatchSchema.optional(),
    role: RoleSchema.optional().openapi({ description: 'Admin operation; never above the caller’s own role' }),
    api_quota: z
      .object({
        logs_per_day: QuotaValue(0).optional(),
        api_calls_per_hour: QuotaValue(0).optional(),
        retention_days: z.number().int().min(1).max(36_500).optional(),
      })
      .strict()
      .optional()
      .openapi({
        description: 'Admin operation, up to the member’s plan (set by a superadmin; else the defaults): 403 `above-plan`',
      }),
  })
  .strict()
  .openapi('ProfilePatch', { example: { preferences: { theme: 'light' } } })

export const ProfileCreateBody = z
  .object({
    organization: z.string().trim().min(1).max(200).optional().openapi({ description: 'Defaults to the tenant’s organisation' }),
    preferences: PreferencesPatchSchema.optional(),
  })
  .strict()
  .openapi('ProfileCreate', { example: { preferences: { theme: 'dark', timezone: 'Europe/Paris' } } })

const UsageSchema = z
  .object({
    limit: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    window_seconds: z.number().int(),
    reset_at: z.string().openapi({ format: 'date-time', description: 'When the current window ends' }),
  })
  .openapi('QuotaUsage')

const PolicyUsageSchema = z
  .object({
    name: z.string().openapi({ example: 'hourly' }),
    limit: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    window_seconds: z.number().int(),
    reset_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('RateLimitUsage')

export const QuotaSchema = z
  .object({
    user_id: z.string().openapi({ description: 'For an API key: `key:<key_id>`' }),
    tenant_id: z.string(),
    key_id: z.string().nullable().openapi({ description: 'The API key’s id when the caller is an API key' }),
    api_quota: ApiQuotaSchema,
    usage: z.object({ api_calls_per_hour: UsageSchema, logs_per_day: UsageSchema }),
    rate_limits: z.array(PolicyUsageSchema).openapi({
      description: 'Every rate-limit policy the caller is charged: burst (a key: its own `key` policy), hourly, the tenant-wide `tenant` budget',
    }),
  })
  .openapi('Quota', {
    example: {
      user_id: '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11',
      tenant_id: 'acme-corp',
      key_id: null,
      api_quota: { logs_per_day: 100000, api_calls_per_hour: 1000, retention_days: 90 },
      usage: {
        api_calls_per_hour: { limit: 1000, used: 42, remaining: 958, window_seconds: 3600, reset_at: '2025-11-24T11:00:00.000Z' },
        logs_per_day: { limit: 100000, used: 1500, remaining: 98500, window_seconds: 86400, reset_at: '2025-11-25T00:00:00.000Z' },
      },
      rate_limits: [{ name: 'tenant', limit: 100000, used: 5120, remaining: 94880, window_seconds: 3600, reset_at: '2025-11-24T11:00:00.000Z' }],
    },
  })

export const TenantUsersQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' }, example: 1 }),
  page_size: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(20)
    .openapi({ param: { name: 'page_size', in: 'query' }, example: 20, description: `At most ${MAX_PAGE_SIZE}` }),
  role: RoleSchema.optional().openapi({ param: { name: 'role', in: 'query' } }),
  tenant_id: z
    .string()
    .regex(ID_PATTERN)
    .optional()
    .openapi({ param: { name: 'tenant_id', in: 'query' }, description: 'Superadmin only: list another tenant' }),
})

export const TenantUsersSchema = z
  .object({
    users: z.array(ProfileSchema),
    page: z.number().int(),
    page_size: z.number().int(),
    count: z.number().int().openapi({ description: 'Users on this page' }),
    total: z.number().int().openapi({ description: 'Users matching the filter' }),
  })
  .openapi('TenantUsers')

export const UserIdParams = z.object({
  user_id: z
    .string()
    .regex(ID_PATTERN, 'a user id')
    .openapi({ param: { name: 'user_id', in: 'path' }, example: '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11' }),
})

export const DeletedProfileSchema = z
  .object({
    user_id: z.string(),
    tenant_id: z.string(),
    deleted: z.literal(true),
    sessions_revoked: z.number().int(),
  })
  .openapi('DeletedProfile')

export const IndexesSchema = z
  .object({
    status: z.literal('ok'),
    indexes: z.record(z.string(), z.array(z.string())).openapi({ description: 'Index names per collection after the run' }),
  })
  .openapi('IndexesInitialized', {
    example: { status: 'ok', indexes: { user_profiles: ['_id_', 'user_id_1', 'tenant_id_1', 'tenant_id_1_role_1', 'created_at_1'] } },
  })

export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(1024)
    .optional()
    .openapi({
      param: { name: 'if-match', in: 'header' },
      description: 'ETag from a previous GET/PATCH; a stale one gets 412, a malformed one 400',
      example: '"v3"',
      // What parseIfMatch (users.etag.ts) reads: "*" or a comma-separated list of entity tags.
      pattern: String.raw`^\s*(\*|(W/)?"[\x21\x23-\x2b\x2d-\x7e\x80-\xff]*"(\s*,\s*(W/)?"[\x21\x23-\x2b\x2d-\x7e\x80-\xff]*")*)\s*$`,
    }),
})
