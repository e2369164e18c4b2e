/**
 * The Worker exactly as `wrangler deploy` would upload it: `wrangler deploy --dry-run --outdir`
 * (offline, no login, no metrics), then
 *  - its gzip size, held to 200 KB (200,000 bytes) and printed; no build warning;
 *  - what it is made of (esbuild's metafile): no zod locale but English, nothing Node-only;
 *  - that very file run in workerd (`wrangler dev --no-bundle`) against the harness's real servers: it answers,
 *    its validation messages are the same English ones the Node app gives, and /docs with its
 *    Scalar bundle comes from the static-assets binding.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_ASSETS, DASHBOARD_PAGE, dashboardAssetFile } from '../src/routes/dashboard/dashboard.assets.ts'
import { standaloneBundleFile } from '../src/routes/docs/docs.assets.ts'
import { STANDALONE_PATH } from '../src/routes/docs/docs.page.ts'
import { generateSigningJwk } from '../src/services/signing-keys.ts'
import { writeDocsAssets } from '../tools/docs-assets.ts'
import { progress, run, stopChild, waitFor } from '../tools/lib/process.ts'
import { makeTestApp, type TestApp } from './harness/app.ts'
import { need } from './harness/services.ts'

const ROOT = resolve(import.meta.dirname, '..')
/** The issue's budget: 200 KB gzip, counted in decimal kilobytes (the stricter reading). */
const LIMIT_BYTES = 200_000
const kib = (n: number) => (n / 1024).toFixed(1)
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js')
// No network here: wrangler dev is not to fetch the Request.cf object from Cloudflare.
const WRANGLER_ENV = { WRANGLER_SEND_METRICS: 'false', CI: 'true', FORCE_COLOR: '0', CLOUDFLARE_CF_FETCH_ENABLED: 'false' }

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports: Array<{ path: string; external?: boolean }> }>
}

describe('the Worker bundle as wrangler deploy builds it', () => {
  let out = ''
  let printed = ''
  let modules: Array<{ name: string; code: Buffer }> = []
  let meta: Metafile

  beforeAll(async () => {
    writeDocsAssets() // [assets] must exist for wrangler to build at all
    out = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-'))
    printed = await run(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out, '--metafile', join(out, 'meta.json')], {
      cwd: ROOT,
      env: { ...process.env, ...WRANGLER_ENV },
    })
    modules = readdirSync(out)
      .filter((f) => /\.(m?js|wasm)$/.test(f))
      .map((name) => ({ name, code: readFileSync(join(out, name)) }))
    meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as Metafile
  }, 120_000)

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true })
  })

  it('is at most 200 KB gzip, and builds without a warning', () => {
    expect(printed).not.toMatch(/\[WARNING\]|will always be undefined/)
    expect(modules.map((m) => m.name)).toContain('worker.js')
    const raw = modules.reduce((n, m) => n + m.code.length, 0)
    const gzip = modules.reduce((n, m) => n + gzipSync(m.code).length, 0)
    const wranglerSays = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(printed)
    progress(`worker bundle: ${kib(raw)} KiB, ${kib(gzip)} KiB gzip${wranglerSays ? ` (wrangler: ${wranglerSays[1]} KiB / gzip ${wranglerSays[2]} KiB)` : ''}`)
    expect(gzip, `gzip size ${kib(gzip)} KiB`).toBeLessThanOrEqual(LIMIT_BYTES)
    expect(wranglerSays, printed).not.toBeNull()
    expect(Number(wranglerSays![2]) * 1024).toBeLessThanOrEqual(LIMIT_BYTES)
    // minify = true: esbuild's readable output of the same code is ~40 000 lines (a few hundred minified).
    expect(modules[0]!.code.toString('utf8').split('\n').length).toBeLessThan(5000)
  })

  it("carries English only of zod's locales, and nothing the Worker never runs", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs))
    expect(inputs.length).toBeGreaterThan(50)
    const locales = inputs.filter((f) => f.includes('/zod/') && f.includes('/locales/'))
    expect(locales.map((f) => f.replace(/.*\/zod\//, 'zod/'))).toEqual(['zod/v4/locales/en.js'])
    // Nor its JSON Schema conversion (tools/worker/zod-json-schema.ts stands in for it).
    expect(
      inputs.filter((f) => /zod\/v4\/(core\/(to-json-schema|json-schema-processors|json-schema-generator)|classic\/from-json-schema)\.js$/.test(f)),
    ).toEqual([])
    for (const never of [
      '@scalar/',
      'node_modules/mongodb/',
      'node_modules/mingo/',
      'src/adapters/embedded/',
      'src/entry/node.ts',
      'src/adapters/mongo/driver.ts',
    ]) {
      expect(
        inputs.filter((f) => f.includes(never)),
        never,
      ).toEqual([])
    }
    // No node:* module is imported (process.getBuiltinModule keeps the Node-only docs path out).
    const externals = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
    expect(externals.filter((p) => p.startsWith('node:'))).toEqual([])
    const code = modules.map((m) => m.code.toString('utf8')).join('\n')
    expect(code).not.toMatch(/cdn\.jsdelivr\.net|unpkg\.com/)
    expect(code).not.toContain('Ungültige Eingabe') // zod's German "Invalid input"
  })

  describe('run in workerd (wrangler dev --no-bundle on that output)', () => {
    let dev: ChildProcess | undefined
    let devOutput = ''
    let origin = ''
    let node: TestApp | undefined
    // Outside `out`: wrangler dev watches the directory of a --no-bundle entry, and state written
    // beside worker.js would reload the Worker in a loop (requests then hang).
    let state = ''

    beforeAll(async () => {
      // The built file as is (no second build): wrangler.toml still gives the compatibility
      // settings, [vars] and the [assets] binding. Settings come in through an env file.
      state = mkdtempSync(join(tmpdir(), 'gatehouse-workerd-state-'))
      const envFile = join(state, 'test.env')
      const settings = {
        UPSTASH_REDIS_REST_URL: need('redisHttpUrl'),
        UPSTASH_REDIS_REST_TOKEN: need('redisHttpToken'),
        MONGO_DATA_API_URL: need('gatewayUrl'),
        MONGO_DATA_API_KEY: need('gatewayKey'),
        JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk()),
        LOG_LEVEL: 'warn',
      }
      writeFileSync(
        envFile,
        Object.entries(settings)
          .map(([k, v]) => `${k}='${v}'\n`)
          .join(''),
      )
      // Port 0: wrangler binds a port the OS gives it and says which. A port picked beforehand could
      // be handed to the workers project's own workerd meanwhile (both bind with SO_REUSEPORT, and
      // requests would then land on either).
      dev = spawn(
        process.execPath,
        [
          WRANGLER,
          'dev',
          join(out, 'worker.js'),
          '--config',
          'wrangler.toml',
          '--no-bundle',
          '--ip',
          '127.0.0.1',
          '--port',
          '0',
          '--inspector-port',
          '0',
          '--env-file',
          envFile,
          '--persist-to',
          join(state, 'persist'),
          '--show-interactive-dev-session=false',
          '--log-level',
          'info',
        ],
        { cwd: ROOT, env: { ...process.env, ...WRANGLER_ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      dev.stdout!.on('data', (d) => (devOutput += d))
      dev.stderr!.on('data', (d) => (devOutput += d))
      await waitFor(
        'wrangler dev',
        async () => {
          if (dev!.exitCode !== null) throw new Error(`wrangler dev exited with ${dev!.exitCode}:\n${devOutput}`)
          const ready = /Ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(devOutput)
          if (!ready) return false
          origin = ready[1]!
          return (await fetch(`${origin}/health/live`)).ok
        },
        60_000,
      ).catch((err) => {
        throw new Error(`${err instanceof Error ? err.message : err}\n${devOutput}`)
      })
      node = await makeTestApp('remote')
    }, 90_000)

    afterAll(async () => {
      if (dev) await stopChild(dev, 5000)
      await node?.close()
      if (state) rmSync(state, { recursive: true, force: true })
    })

    const send = (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init)

    it('answers /health/live', async () => {
      const res = await send('/health/live')
      expect(res.status, await res.clone().text()).toBe(200)
    })

    it('gives the same English validation messages as the Node app', async () => {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'not-an-email', password: 42, organization: '' }),
      }
      const worker = await send('/api/v1/auth/register', init)
      expect(worker.status).toBe(422)
      const fromWorker = ((await worker.json()) as { errors: Array<{ path: string; code: string; message: string }> }).errors
      const fromNode = ((await (await node!.app.request('/api/v1/auth/register', init)).json()) as { errors: unknown[] }).errors
      expect(fromWorker.length).toBeGreaterThanOrEqual(3)
      expect(fromWorker).toEqual(fromNode)
      for (const e of fromWorker) expect(e.message).toMatch(/^[\x20-\x7e]+$/)
      expect(fromWorker.map((e) => e.message).join(' | ')).toMatch(/Invalid/)
    })

    it('serves /docs, and its Scalar bundle from the static-assets binding', async () => {
      const page = await send('/docs')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(`src="${STANDALONE_PATH}"`)
      const bundle = await send(STANDALONE_PATH)
      expect(bundle.status).toBe(200)
      expect(bundle.headers.get('content-type')).toMatch(/javascript/)
      expect((await bundle.arrayBuffer()).byteLength).toBe(statSync(standaloneBundleFile()).size)
    })

    it('serves /dashboard and its files from the static-assets binding; /metrics is 404 without a token', async () => {
      const page = await send('/dashboard')
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/)
      const html = await page.text()
      expect(html).toBe(readFileSync(dashboardAssetFile(DASHBOARD_PAGE), 'utf8'))
      for (const asset of DASHBOARD_ASSETS) {
        if (asset !== DASHBOARD_PAGE) expect(html).toContain(`"${asset.path}"`)
        const file = await send(asset.path)
        expect(file.status, asset.path).toBe(200)
        expect((await file.arrayBuffer()).byteLength).toBe(statSync(dashboardAssetFile(asset)).size)
      }
      expect((await send('/metrics')).status).toBe(404)
    })
  })
})
