/**
 * The gatehouse TypeScript SDK: an openapi-fetch client typed by schema.ts (generated from
 * openapi/openapi.json), with Bearer auth, a sign-in that keeps the token pair, and one refresh
 * and retry when an authenticated call answers 401 — or, for a server-to-server client, an API key
 * sent as `X-API-Key` on every call. Errors are returned, not thrown: `error` is
 * the answer's problem+json body (RFC 9457), typed as the spec's Problem — except a 429, thrown
 * as a RateLimitedError with `retryAfter` (errors.ts).
 */
import createClient, { type Client, type FetchResponse, type Middleware } from 'openapi-fetch'
import { rateLimitErrors } from './errors.ts'
import type { components, paths } from './schema.ts'

export { RateLimitedError } from './errors.ts'
export type { components, paths } from './schema.ts'

type Schemas = components['schemas']
/** Every error answer of the API (application/problem+json). */
export type Problem = Schemas['Problem']
export type TokenPair = Schemas['TokenPair']
export type LoginRequest = Schemas['LoginRequest']

/** The tokens the client sends (`access`) and trades for new ones on a 401 (`refresh`). */
export interface Tokens {
  access?: string | undefined
  refresh?: string | undefined
}

export interface GatehouseClientOptions {
  /** Origin of the API, e.g. `https://api.example.com` (operation paths start with /api/v1/…). */
  baseUrl: string
  /** An API key (`gh_live_…`, from `POST /api/v1/api-keys`) sent as `X-API-Key` on every call, instead of tokens. */
  apiKey?: string
  /** Access token sent as `Authorization: Bearer …`. */
  token?: string
  /** Refresh token: after a 401 the client trades it (once) for a new pair and retries the call. */
  refreshToken?: string
  /** Told of every token change (sign-in, refresh, sign-out) so an app can persist them: refresh tokens are single use. */
  onTokens?: (tokens: Tokens) => void
  /** A fetch to use instead of `globalThis.fetch`, e.g. `(req) => app.request(req)` for a Hono app in-process. */
  fetch?: (request: Request) => Response | Promise<Response>
  /** Headers sent with every request. */
  headers?: Record<string, string>
}

type Media = `${string}/${string}`
// biome-ignore lint/suspicious/noExplicitAny: any operation shape; the result type is what matters
type Post<P extends keyof paths> = paths[P] extends { post: infer Op extends Record<string | number, any> } ? Op : never
/** Request options of a call without any (openapi-fetch's own spelling of "none"). */
// biome-ignore lint/complexity/noBannedTypes: openapi-fetch types "no options" as {}
type NoOptions = {}
export type LoginResult = FetchResponse<Post<'/api/v1/auth/login'>, NoOptions, Media>
export type LogoutResult = FetchResponse<Post<'/api/v1/auth/logout'>, NoOptions, Media>

/** The openapi-fetch client (`GET`, `POST`, `PATCH`… by spec path) plus the sign-in helpers. */
export interface GatehouseClient extends Client<paths> {
  /** Signs in and keeps the token pair; the answer is returned as is (`error` is a Problem on failure). */
  login(body: LoginRequest): Promise<LoginResult>
  /** Ends the server-side session and forgets the tokens. */
  logout(): Promise<LogoutResult>
  /** Trades the refresh token for a new pair now; false when there is none or it was refused. */
  refresh(): Promise<boolean>
  /** The current tokens. */
  getTokens(): Tokens
  /** Replaces the tokens (e.g. restored from storage). */
  setTokens(tokens: Tokens): void
}

/** Routes that exchange credentials: they carry no Bearer token and a 401 there is final. */
const CREDENTIAL_PATHS: ReadonlySet<string> = new Set(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh'])

/**
 * A typed client for a gatehouse deployment.
 *
 * @example
 * const api = createGatehouseClient({ baseUrl: 'https://api.example.com' })
 * const { error } = await api.login({ email: 'ada@acme.example', password: '…' })
 * if (error) throw new Error(error.detail ?? error.title)
 * const { data: me } = await api.GET('/api/v1/auth/me')
 */
export function createGatehouseClient(options: GatehouseClientOptions): GatehouseClient {
  let tokens: Tokens = { access: options.token, refresh: options.refreshToken }
  const custom = options.fetch
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(custom ? { fetch: async (request: Request) => custom(request) } : {}),
  })

  function setTokens(next: Tokens): void {
    tokens = { access: next.access, refresh: next.refresh }
    options.onTokens?.({ ...tokens })
  }

  let refreshing: Promise<boolean> | undefined
  // One refresh at a time: concurrent 401s share it, and a refresh token is only good once.
  function refresh(): Promise<boolean> {
    refreshing ??= exchangeRefreshToken().finally(() => {
      refreshing = undefined
    })
    return refreshing
  }

  async function exchangeRefreshToken(): Promise<boolean> {
    const refreshToken = tokens.refresh
    if (!refreshToken) return false
    const { data, response } = await client.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } })
    if (data) {
      setTokens({ access: data.access_token, refresh: data.refresh_token })
      return true
    }
    // Refused (revoked, expired, already used): stop sending dead tokens. Other failures
    // (429, 503) leave the tokens for a later try.
    if (response.status === 401) setTokens({})
    return false
  }

  // Registered first, so it sees the final answer (openapi-fetch runs onResponse in reverse order).
  client.use(rateLimitErrors())
  const apiKey = options.apiKey
  client.use(apiKey ? apiKeyAuth(apiKey) : bearerAuth({ current: () => tokens, refresh }))

  async function login(body: LoginRequest): Promise<LoginResult> {
    const result = await client.POST('/api/v1/auth/login', { body })
    if (result.data) setTokens({ access: result.data.access_token, refresh: result.data.refresh_token })
    return result
  }

  async function logout(): Promise<LogoutResult> {
    try {
      return await client.POST('/api/v1/auth/logout')
    } finally {
      setTokens({})
    }
  }

  return Object.assign(client, { login, logout, refresh, getTokens: () => ({ ...tokens }), setTokens })
}

/** openapi-fetch middleware: the API key on every call that does not exchange credentials (a 401 is final). */
function apiKeyAuth(key: string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (CREDENTIAL_PATHS.has(schemaPath)) return undefined
      request.headers.set('x-api-key', key)
      return request
    },
  }
}

interface BearerAuthOptions {
  current(): Tokens
  refresh(): Promise<boolean>
}

/**
 * openapi-fetch middleware: adds `Authorization: Bearer <access>` and, when a refresh token is
 * held, keeps a copy of the request so a 401 can be retried once with the refreshed token.
 */
function bearerAuth({ current, refresh }: BearerAuthOptions): Middleware {
  // The copy to resend and the token it went out with, per request in flight.
  const sent = new WeakMap<Request, { copy: Request; access: string | undefined }>()
  return {
    onRequest({ request, schemaPath }) {
      if (CREDENTIAL_PATHS.has(schemaPath) || request.headers.has('authorization')) return undefined
      const { access, refresh: canRefresh } = current()
      if (!access && !canRefresh) return undefined
      if (access) request.headers.set('authorization', `Bearer ${access}`)
      // Only a refresh token (restored from storage): the first 401 fetches an access token.
      if (canRefresh) sent.set(request, { copy: request.clone(), access })
      return request
    },
    async onResponse({ request, response, options }) {
      const retry = sent.get(request)
      sent.delete(request)
      if (response.status !== 401 || !retry) return undefined
      // Another call may have refreshed already while this one was out: then just resend.
      if (current().access === retry.access && !(await refresh())) return undefined
      const access = current().access
      if (!access) return undefined
      await response.body?.cancel()
      retry.copy.headers.set('authorization', `Bearer ${access}`)
      const send = options.fetch
      const again = await send(retry.copy)
      // openapi-fetch takes only instances of the global Response, and @hono/node-server swaps that
      // global for its own class: rewrap answers that come from another Response class.
      return again instanceof Response ? again : rewrap(again)
    },
  }
}

/** The same answer as an instance of the current global Response class. */
function rewrap(response: Response): Response {
  return new Response(response.body, response)
}
