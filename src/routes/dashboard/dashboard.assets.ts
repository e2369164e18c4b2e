/**
 * The files of /dashboard — the page, its script and styles (page/ beside this file) and the
 * plotting library (uPlot, pinned in package.json) — served by the app itself:
 *  - on Workers from the static-assets binding (`[assets]` in wrangler.toml; tools/docs-assets.ts
 *    copies these files there), so the Worker bundle carries none of them. The platform answers
 *    matching paths before the Worker runs; the forward below covers the rest.
 *  - on Node straight from the source tree and the installed package, read (and compressed) once.
 * Node modules come from process.getBuiltinModule, so the Worker bundle has no node:* import.
 */
import { NotFoundError } from '../../errors.ts'
import type { Ctx } from '../../http/types.ts'

export interface DashboardAsset {
  /** Where it is served (same origin; the page's own is only forwarded to from /dashboard). */
  path: string
  /** `uplot`: a file of the installed package; `page`: a file in page/. */
  from: 'uplot' | 'page'
  file: string
  type: string
}

const asset = (name: string, from: DashboardAsset['from'], file: string, type: string): DashboardAsset => ({
  path: `/dashboard/assets/${name}`,
  from,
  file,
  type: `${type}; charset=utf-8`,
})

/** The page itself, answered at /dashboard. */
export const DASHBOARD_PAGE = asset('dashboard.html', 'page', 'dashboard.html', 'text/html')

export const DASHBOARD_ASSETS: readonly DashboardAsset[] = [
  DASHBOARD_PAGE,
  asset('dashboard.js', 'page', 'dashboard.js', 'text/javascript'),
  asset('dashboard.css', 'page', 'dashboard.css', 'text/css'),
  asset('uPlot.iife.min.js', 'uplot', 'dist/uPlot.iife.min.js', 'text/javascript'),
  asset('uPlot.min.css', 'uplot', 'dist/uPlot.min.css', 'text/css'),
]

/** The asset's file on disk (Node only). */
export function dashboardAssetFile(a: DashboardAsset): string {
  if (a.from === 'page') return process.getBuiltinModule('node:url').fileURLToPath(new URL(`./page/${a.file}`, import.meta.url))
  return process
    .getBuiltinModule('node:module')
    .createRequire(import.meta.url)
    .resolve(`uplot/${a.file}`)
}

interface Loaded {
  body: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer>
  etag: string
}

const loaded = new Map<string, Promise<Loaded>>()

async function load(a: DashboardAsset): Promise<Loaded> {
  const { readFile } = process.getBuiltinModule('node:fs/promises')
  const { gzipSync } = process.getBuiltinModule('node:zlib')
  const { createHash } = process.getBuiltinModule('node:crypto')
  const body = await readFile(dashboardAssetFile(a))
  return { body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }
}

/** Answers with one of the files; `headers` are added (the page's security policy). */
export async function serveDashboardAsset(c: Ctx, a: DashboardAsset, headers: Record<string, string> = {}): Promise<Response> {
  const assets = (c.env as { ASSETS?: { fetch(r: Request): Promise<Response> } } | undefined)?.ASSETS
  if (assets) {
    const res = await assets.fetch(new Request(new URL(a.path, c.req.url), { headers: c.req.raw.headers }))
    const out = new Response(res.body, res)
    for (const [k, v] of Object.entries(headers)) out.headers.set(k, v)
    return out
  }
  let file: Loaded
  try {
    let pending = loaded.get(a.path)
    if (!pending) loaded.set(a.path, (pending = load(a)))
    file = await pending
  } catch {
    loaded.delete(a.path)
    throw new NotFoundError('A file of the dashboard is missing (npm ci installs uplot)')
  }
  const base: Record<string, string> = { 'content-type': a.type, 'cache-control': 'no-cache', etag: file.etag, vary: 'accept-encoding', ...headers }
  const match = c.req
    .header('if-none-match')
    ?.split(',')
    .some((t) => t.trim().replace(/^W\//, '') === file.etag)
  if (match) return new Response(null, { status: 304, headers: base })
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return new Response(file.gzip, { headers: { ...base, 'content-encoding': 'gzip' } })
  return new Response(file.body, { headers: base })
}
