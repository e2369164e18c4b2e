/**
 * The installed @gatehouse/sdk against a live gatehouse (GATEHOUSE_URL), as the repository's test
 * suite runs it (tests/sdk-typescript.test.ts copies it into a project that installed the packed
 * tarball): register + sign in, profile, an upload registered with an Idempotency-Key and listed,
 * an API key made by the admin and used by a second client (X-API-Key; a mistyped key is a 401),
 * one refresh on a 401, a 429 thrown as RateLimitedError with retryAfter, and a refused refresh.
 */
import { createGatehouseClient, RateLimitedError, type Tokens } from '@gatehouse/sdk'

const url = process.env.GATEHOUSE_URL
if (!url) throw new Error('GATEHOUSE_URL is not set')
const PASSWORD = 'correct horse battery staple'

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`FAILED: ${what}`)
  console.log(`ok - ${what}`)
}

/** A fetch that remembers what went out (after the SDK added its headers). */
function recording(sent: Request[]) {
  return (request: Request) => {
    sent.push(request.clone())
    return fetch(request)
  }
}

const sent: Request[] = []
const api = createGatehouseClient({ baseUrl: url, fetch: recording(sent) })

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const email = `ts-${id}@sdk.example`
const registered = await api.POST('/api/v1/auth/register', { body: { email, password: PASSWORD, organization: `TS ${id}` } })
check(registered.response.status === 201 && registered.data?.role === 'admin', 'register (admin of a new organisation)')
const login = await api.login({ email, password: PASSWORD, device: 'typescript sdk test' })
const firstRefresh = login.data?.refresh_token
check(login.data !== undefined && api.getTokens().access === login.data.access_token, 'login keeps the token pair')

const me = await api.GET('/api/v1/auth/me')
check(me.data?.email === email, 'me')
const profile = await api.GET('/api/v1/users/profile')
check(profile.data?.user_id === me.data?.user_id, 'profile')

const key = crypto.randomUUID()
const created = await api.POST('/api/v1/logs/metadata', {
  body: { source: 'sdk', environment: 'test', file_name: 'ts.log', file_size: 2048, format_type: 'json', log_count: 12 },
  headers: { 'Idempotency-Key': key },
})
check(created.response.status === 201 && created.data?.file_name === 'ts.log', 'upload registered')
check(sent.at(-1)?.method === 'POST' && sent.at(-1)?.headers.get('idempotency-key') === key, 'Idempotency-Key sent on the create')
const list = await api.GET('/api/v1/logs/metadata')
check(list.data?.metadata.map((u) => u.upload_id).join() === created.data?.upload_id, 'uploads listed')
check(!sent.at(-1)?.headers.has('idempotency-key'), 'the header stays on its own call')

// A server-to-server client: an API key made by the admin, sent as X-API-Key.
const issued = await api.POST('/api/v1/api-keys', { body: { name: 'sdk job', role: 'viewer' } })
check(issued.response.status === 201 && issued.data?.api_key.startsWith('gh_live_') === true, 'API key issued (shown once)')
const keySent: Request[] = []
const job = createGatehouseClient({ baseUrl: url, apiKey: issued.data!.api_key, fetch: recording(keySent) })
const byKey = await job.GET('/api/v1/logs/metadata')
check(byKey.data?.metadata.map((u) => u.upload_id).join() === created.data?.upload_id, "the key reads its tenant's uploads")
check(keySent.at(-1)?.headers.get('x-api-key') === issued.data!.api_key && !keySent.at(-1)?.headers.has('authorization'), 'sent as X-API-Key')
const adminOnly = await job.GET('/api/v1/api-keys')
check(adminOnly.response.status === 403 && adminOnly.error?.status === 403, "a viewer key cannot manage keys (the key's role)")
// One character changed (not the last one, whose low bits may be padding).
const k = issued.data!.api_key
const mistyped = createGatehouseClient({ baseUrl: url, apiKey: `${k.slice(0, -2)}${k.at(-2) === 'A' ? 'B' : 'A'}${k.slice(-1)}` })
const refusedKey = await mistyped.GET('/api/v1/logs/metadata')
check(refusedKey.response.status === 401 && refusedKey.error?.status === 401, 'a mistyped key is a 401 problem')

// A dead access token with a live refresh token: one refresh, then the call goes through.
const seen: Tokens[] = []
const staleSent: Request[] = []
const stale = createGatehouseClient({
  baseUrl: url,
  token: 'not-a-token',
  refreshToken: api.getTokens().refresh!,
  onTokens: (tokens) => seen.push(tokens),
  fetch: recording(staleSent),
})
const again = await stale.GET('/api/v1/auth/me')
check(again.data?.email === email, '401 -> refresh -> retried call succeeds')
check(seen.length === 1 && !!seen[0]!.access && seen[0]!.refresh !== api.getTokens().refresh, 'exactly one refresh, tokens rotated')
const paths = staleSent.map((r) => new URL(r.url).pathname).join(' ')
check(paths === '/api/v1/auth/me /api/v1/auth/refresh /api/v1/auth/me', `me, refresh, me (${paths})`)

// Spend the burst budget: the 429 is thrown as RateLimitedError with retryAfter.
let limited: RateLimitedError | undefined
for (let i = 0; i < Number(process.env.GATEHOUSE_RATE_LIMIT ?? 20) + 5 && !limited; i++) {
  try {
    await stale.GET('/api/v1/users/profile')
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err
    limited = err
  }
}
check(limited !== undefined, 'a 429 threw RateLimitedError')
check(limited!.problem.status === 429 && limited!.problem.type.endsWith('/quota-exceeded'), 'typed problem+json 429')
check(typeof limited!.retryAfter === 'number' && limited!.retryAfter > 0, `retryAfter = ${limited!.retryAfter}`)
check(String(limited!.retryAfter) === limited!.response.headers.get('retry-after'), 'retryAfter matches Retry-After')

// The first refresh token was used up: refusing it leaves a typed 401 and no tokens.
const spent = createGatehouseClient({ baseUrl: url, token: 'not-a-token', refreshToken: firstRefresh! })
const refused = await spent.GET('/api/v1/auth/me')
check(refused.response.status === 401 && refused.error?.status === 401, 'a refused refresh leaves the 401')
check(!spent.getTokens().access && !spent.getTokens().refresh, 'and clears the tokens')
console.log('typescript scenario passed')
