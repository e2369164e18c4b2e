/**
 * Fills the Worker's static-assets directory (`[assets]` in wrangler.toml) from node_modules:
 * the Scalar standalone bundle at the path the /docs page loads it from, and the plotting library
 * (uPlot) at the paths /dashboard loads it from. Generated, never
 * committed (dist/ is gitignored); `npm run dev`, `npm run deploy` and the bundle test run it.
 *
 *   node tools/docs-assets.ts [--out dist/assets]
 */
import { copyFileSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DASHBOARD_ASSETS, dashboardAssetFile } from '../src/routes/dashboard/dashboard.assets.ts'
import { standaloneBundleFile } from '../src/routes/docs/docs.assets.ts'
import { STANDALONE_PATH } from '../src/routes/docs/docs.page.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Must match `[assets] directory` in wrangler.toml. */
export const ASSETS_DIR = join(ROOT, 'dist', 'assets')

/** Copies one file to its URL path under outDir; returns where it landed. */
function place(outDir: string, urlPath: string, source: string): string {
  const target = join(outDir, ...urlPath.split('/').filter(Boolean))
  mkdirSync(dirname(target), { recursive: true })
  // Copy then rename: a wrangler dev (or test) reading the directory never sees half a file.
  const partial = `${target}.${process.pid}.partial`
  copyFileSync(source, partial)
  renameSync(partial, target)
  return target
}

export function writeDocsAssets(outDir = ASSETS_DIR): string {
  for (const asset of DASHBOARD_ASSETS) place(outDir, asset.path, dashboardAssetFile(asset))
  return place(outDir, STANDALONE_PATH, standaloneBundleFile())
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out')
  const out = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : ASSETS_DIR
  console.log(`docs assets: ${writeDocsAssets(out)}`)
}
