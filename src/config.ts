import { z } from 'zod'

/**
 * The one place gatehouse reads its settings. Every entry point hands its environment
 * (process.env, Worker bindings) to `loadConfig`, which either returns a typed config or throws
 * a ConfigError listing every problem — naming settings, never echoing their values.
 */

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def)
const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
const optionalString = z.string().trim().min(1).optional()
const optionalUrl = z.string().trim().url().optional()

/**
 * `*`, or comma-separated origins (`https://app.example.com`, `http://localhost:5173`), each
 * normalised to the form browsers send in `Origin` (lowercase host, no default port, no trailing
 * slash). A path, a query or credentials in an entry are refused. An empty list allows no origin.
 */
const originList = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const origins: string[] = []
    for (const entry of entries) {
      if (entry === '*') {
        origins.push(entry)
        continue
      }
      let url: URL | undefined
      try {
        url = new URL(entry)
      } catch {}
      if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be * or an origin such as https://app.example.com (scheme, host, optional port; no path)' })
        return z.NEVER
      }
      origins.push(url.origin)
    }
    if (origins.includes('*') && origins.length > 1) {
      ctx.addIssue({ code: 'custom', message: '* allows every origin: give it alone, or list origins without it' })
      return z.NEVER
    }
    return [...new Set(origins)]
  })
  .optional()

export const ConfigSchema = z
  .object({
    // Redis over HTTP (Upstash REST protocol)
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    // MongoDB through the Data API protocol (our gateway) or the official driver
    MONGO_DATA_API_URL: optionalUrl,
    MONGO_DATA_API_KEY: optionalString,
    MONGO_DATA_SOURCE: z.string().default('gatehouse'),
    MONGO_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .default('gatehouse'),
    MONGODB_URI: z
      .string()
      .trim()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    // Embedded mode (the Node, Bun and Deno servers)
    GATEHOUSE_DATA_DIR: z.string().default('./data'),
    // Its SQLite binding: node:sqlite where the runtime has it (auto), else the runtime's own
    EMBEDDED_SQLITE: z.enum(['auto', 'node:sqlite', 'bun:sqlite']).default('auto'),
    // Tokens
    JWT_PRIVATE_JWK: optionalString,
    JWT_PREVIOUS_PUBLIC_JWKS: optionalString,
    JWT_ISSUER: z.string().default('gatehouse'),
    JWT_AUDIENCE: z.string().default('gatehouse-api'),
    ACCESS_TOKEN_TTL_SECONDS: int(900, 30),
    JWKS_URL: optionalUrl,
    JWKS_ISSUER: optionalString,
    JWKS_AUDIENCE: optionalString,
    JWKS_TENANT_CLAIM: z.string().default('tenant_id'),
    JWKS_ROLE_CLAIM: z.string().default('role'),
    // PBKDF2-SHA256 cost; 100000 is the deployed Workers ceiling (workerd itself accepts more)
    PASSWORD_PBKDF2_ITERATIONS: int(100_000, 10_000),
    // Brute-force limits on login/refresh/password change, per minute: per account+IP and per IP
    AUTH_RATE_LIMIT_ACCOUNT: int(10, 1),
    AUTH_RATE_LIMIT_IP: int(100, 1),
    // Sessions, cache, limits (names and defaults from the DataWise seed)
    SESSION_EXPIRE_MINUTES: int(60, 1),
    SESSION_MAX_LIFETIME_HOURS: int(24 * 30, 1),
    // A refresh token presented again this soon after its rotation gets the same new pair (a
    // client retrying); later reuse revokes the session. 0: every reuse revokes. (As Supabase.)
    REFRESH_REUSE_GRACE_SECONDS: int(10, 0),
    CACHE_EXPIRE_MINUTES: int(30, 1),
    RATE_LIMIT_REQUESTS: int(100, 1),
    RATE_LIMIT_WINDOW: int(3600, 1),
    // Default API quotas per profile (ELK Vision seed values); a profile's api_quota overrides them
    QUOTA_LOGS_PER_DAY: int(100_000, 0),
    QUOTA_API_CALLS_PER_HOUR: int(1000, 0),
    QUOTA_RETENTION_DAYS: int(90, 1),
    // Tenant-wide budget: API calls per hour all users and API keys of a tenant draw from
    // (a superadmin overrides it per tenant at runtime)
    TENANT_API_CALLS_PER_HOUR: int(100_000, 0),
    // HTTP
    BODY_LIMIT_BYTES: int(1024 * 1024, 1024),
    TRUSTED_IP_HEADER: optionalString,
    BACKEND_TIMEOUT_MS: int(2000, 50),
    // How long a write may take at the database once sent (the transport bound for writes). A write
    // still running at BACKEND_TIMEOUT_MS is answered 503 and goes on in the background up to this
    // (src/http/idempotency/settle.ts); keep it under the runtime's background limit (Workers: 30 s).
    // Never shorter than BACKEND_TIMEOUT_MS (the larger of the two applies).
    BACKEND_WRITE_TIMEOUT_MS: int(10_000, 50),
    FAIL_OPEN_READS: bool(false),
    // Browsers (CORS): allowed origins, or *; unset = no CORS headers at all
    CORS_ORIGINS: originList,
    CORS_ALLOW_CREDENTIALS: bool(false),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    // Metrics: GET /metrics needs this bearer token (404 without one); batches are written every
    // METRICS_FLUSH_SECONDS or METRICS_FLUSH_REQUESTS requests per instance; /metrics labels the
    // METRICS_TENANT_LABELS busiest tenants
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
    METRICS_FLUSH_SECONDS: int(10, 0),
    METRICS_FLUSH_REQUESTS: int(1000, 1),
    METRICS_TENANT_LABELS: int(20, 0),
  })
  .superRefine((c, ctx) => {
    if (!!c.UPSTASH_REDIS_REST_URL !== !!c.UPSTASH_REDIS_REST_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: [c.UPSTASH_REDIS_REST_URL ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL'],
        message: 'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are set together',
      })
    }
    if (!!c.MONGO_DATA_API_URL !== !!c.MONGO_DATA_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: [c.MONGO_DATA_API_URL ? 'MONGO_DATA_API_KEY' : 'MONGO_DATA_API_URL'],
        message: 'MONGO_DATA_API_URL and MONGO_DATA_API_KEY are set together',
      })
    }
    if (c.MONGO_DATA_API_URL && c.MONGODB_URI) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URI'], message: 'set either MONGO_DATA_API_URL or MONGODB_URI, not both' })
    }
    if (c.CORS_ALLOW_CREDENTIALS && c.CORS_ORIGINS?.includes('*')) {
      ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: '* cannot be combined with CORS_ALLOW_CREDENTIALS=true: list the origins' })
    }
    const redis = !!c.UPSTASH_REDIS_REST_URL
    const mongo = !!(c.MONGO_DATA_API_URL || c.MONGODB_URI)
    if (redis !== mongo) {
      ctx.addIssue({
        code: 'custom',
        path: [redis ? 'MONGO_DATA_API_URL' : 'UPSTASH_REDIS_REST_URL'],
        message: 'remote mode needs both Redis (UPSTASH_REDIS_REST_*) and MongoDB (MONGO_DATA_API_* or MONGODB_URI); set neither for embedded mode',
      })
    }
  })

export type Config = z.infer<typeof ConfigSchema> & { mode: 'embedded' | 'remote' }

export class ConfigError extends Error {
  override name = 'ConfigError'
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.problems = problems
  }
}

/** Parses settings once. Unknown keys are ignored; empty strings count as unset. */
export function loadConfig(env: Record<string, unknown>): Config {
  const input: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = typeof value === 'string' ? value : String(value)
  }
  const parsed = ConfigSchema.safeParse(input)
  if (!parsed.success) {
    // Issue messages name the setting and the rule; zod never puts the input value in them.
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`))
  }
  const c = parsed.data
  return { ...c, mode: c.UPSTASH_REDIS_REST_URL ? 'remote' : 'embedded' }
}
