/**
 * The Scalar standalone bundle behind STANDALONE_PATH, served by the app itself:
 *  - on Workers from the static-assets binding (`[assets]` in wrangler.toml; the directory is
 *    filled from node_modules by tools/docs-assets.ts before `wrangler dev` / `deploy`). The
 *    platform answers such paths before the Worker runs; the forward below covers the rest.
 *  - on Node straight from the installed @scalar/api-reference package, read once per process.
 *
 * Node modules are taken with process.getBuiltinModule, not imported, so the Worker bundle
 * carries no node:* import for a path it never runs.
 */
import type { Context } from 'hono'
import { problemBody, problemResponse } from '../../http/problems.ts'
import type { AppEnv } from '../../http/types.ts'

/** What a static-assets binding offers (a Fetcher). */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>
}

/** The file inside the package: it exports neither it nor package.json, so it is found next to the main module. */
export function standaloneBundleFile(): string {
  const { createRequire } = process.getBuiltinModule('node:module')
  const { dirname, join } = process.getBuiltinModule('node:path')
  const main = createRequire(import.meta.url).resolve('@scalar/api-reference') // …/dist/index.js
  return join(dirname(main), 'browser', 'standalone.js')
}

interface LoadedBundle {
  body: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer>
  etag: string
}

let loaded: Promise<LoadedBundle> | undefined

async function loadFromPackage(): Promise<LoadedBundle> {
  const { readFile } = process.getBuiltinModule('node:fs/promises')
  const { gzip } = process.getBuiltinModule('node:zlib')
  const { createHash } = process.getBuiltinModule('node:crypto')
  const body = await readFile(standaloneBundleFile())
  // ~5 MB of JavaScript: compressed and hashed once, not per request.
  const zipped = await new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => gzip(body, (err, out) => (err ? reject(err) : resolve(out))))
  return { body, gzip: zipped, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }
}

export async function serveStandalone(c: Context<AppEnv>): Promise<Response> {
  const assets = (c.env as { ASSETS?: AssetsBinding } | undefined)?.ASSETS
  if (assets) return assets.fetch(c.req.raw)

  let bundle: LoadedBundle
  try {
    bundle = await (loaded ??= loadFromPackage())
  } catch {
    loaded = undefined
    return problemResponse({
      ...problemBody(404, 'not-found', 'The API reference bundle is not installed (npm ci installs @scalar/api-reference)'),
      request_id: c.get('requestId'),
    })
  }
  const headers: Record<string, string> = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    etag: bundle.etag,
    vary: 'accept-encoding',
  }
  if (
    c.req
      .header('if-none-match')
      ?.split(',')
      .some((t) => t.trim().replace(/^W\//, '') === bundle.etag)
  ) {
    return new Response(null, { status: 304, headers })
  }
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return new Response(bundle.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } })
  }
  return new Response(bundle.body, { headers })
}
