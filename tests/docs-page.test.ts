/**
 * /docs in a real browser, with no internet: the real Node entry (`node src/entry/node.ts`,
 * embedded mode on a temp data dir, free port) and Debian's Chromium driven by playwright-core.
 * Every request for another host is blocked and recorded; the page must still render the
 * operations of /openapi.json, and nothing may have tried to leave.
 * Screenshot: test-artifacts/docs-page.png.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { standaloneBundleFile } from '../src/routes/docs/docs.assets.ts'
import { STANDALONE_PATH } from '../src/routes/docs/docs.page.ts'
import { launchChromium } from '../tools/lib/chromium.ts'
import { freePort, progress, stopChild, waitFor } from '../tools/lib/process.ts'

const ROOT = resolve(import.meta.dirname, '..')
const ARTIFACTS = join(ROOT, 'test-artifacts')

/** Settings that would switch the child out of embedded mode (or pin its key): not inherited. */
const NOT_INHERITED = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_)/

describe('/docs in headless Chromium (Node entry, embedded, offline)', () => {
  let server: ChildProcess | undefined
  let output = ''
  let dataDir = ''
  let origin = ''
  let browser: Browser | undefined

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-docs-'))
    const port = await freePort()
    origin = `http://127.0.0.1:${port}`
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k)))
    server = spawn(process.execPath, ['src/entry/node.ts'], {
      cwd: ROOT,
      env: { ...env, GATEHOUSE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (d) => (output += d))
    server.stderr!.on('data', (d) => (output += d))
    // The browser starts while the app does.
    const [chromium] = await Promise.all([
      launchChromium(),
      waitFor(
        `gatehouse on ${origin}`,
        async () => {
          if (server!.exitCode !== null) throw new Error(`gatehouse exited with ${server!.exitCode}:\n${output}`)
          return (await fetch(`${origin}/health/live`)).ok
        },
        20_000,
      ).catch((err) => {
        throw new Error(`${err instanceof Error ? err.message : err}\n${output}`)
      }),
    ])
    browser = chromium
    expect(output).toMatch(/EMBEDDED mode/)
  })

  afterAll(async () => {
    await browser?.close()
    if (server) await stopChild(server)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves a page that names no other host and loads the reference from the app', async () => {
    const res = await fetch(`${origin}/docs`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    // No absolute or scheme-relative URL at all: every reference is a path on this origin.
    expect(html).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i)
    expect(html).not.toMatch(/["'(=]\s*\/\//)
    const srcs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)
    expect(srcs).toContain(STANDALONE_PATH)
    for (const s of srcs) expect(s).toMatch(/^\/[^/]/)
    expect(html).toContain('"url":"/openapi.json"')
  })

  it('serves the installed Scalar bundle itself, compressed and revalidated', async () => {
    const size = statSync(standaloneBundleFile()).size
    const plain = await fetch(`${origin}${STANDALONE_PATH}`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await plain.arrayBuffer()).byteLength).toBe(size)
    const etag = plain.headers.get('etag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await fetch(`${origin}${STANDALONE_PATH}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    // fetch decompresses transparently: the same bytes, sent gzip-encoded.
    const zipped = await fetch(`${origin}${STANDALONE_PATH}`, { headers: { 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(Buffer.from(await zipped.arrayBuffer()).equals(readFileSync(standaloneBundleFile()))).toBe(true)
  })

  it('renders the operations of /openapi.json with every other host blocked, and nothing tries to leave', async () => {
    const spec = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>
    }
    const operations = Object.values(spec.paths).flatMap((item) => Object.values(item))
    const firstSummary = operations.find((op) => op.summary)?.summary
    const tags = [...new Set(operations.flatMap((op) => op.tags ?? []))]
    expect(firstSummary).toBeTruthy()
    expect(tags.length).toBeGreaterThan(1)

    const appHost = new URL(origin).host
    const foreign: string[] = []
    const local: string[] = []
    const errors: string[] = []
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      await context.route('**/*', (route) => {
        const url = route.request().url()
        if (new URL(url).host === appHost) {
          local.push(url)
          return route.continue()
        }
        foreign.push(url)
        return route.abort('blockedbyclient')
      })
      await context.routeWebSocket(/.*/, (ws) => {
        foreign.push(ws.url())
        return ws.close()
      })
      const page = await context.newPage()
      // Requests that bypass routing (e.g. a service worker's) still show up here.
      page.on('request', (r) => {
        const u = new URL(r.url())
        if (/^https?:$/.test(u.protocol) && u.host !== appHost && !foreign.includes(r.url())) foreign.push(r.url())
      })
      page.on('pageerror', (e) => errors.push(e.message))

      const started = Date.now()
      await page.goto(`${origin}/docs`, { waitUntil: 'load' })
      // The document's first operation, by its summary, and every tag (a sidebar group) on screen.
      await page.getByText(firstSummary!, { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 })
      for (const tag of tags) await page.getByText(tag, { exact: true }).first().waitFor({ state: 'visible', timeout: 5_000 })
      await page.waitForLoadState('networkidle') // late requests (fonts, lazy chunks) are counted too
      progress(`docs page rendered in ${Date.now() - started} ms (${local.length} requests, all to ${appHost})`)

      mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: join(ARTIFACTS, 'docs-page.png') })

      expect(local.map((u) => new URL(u).pathname)).toEqual(expect.arrayContaining(['/docs', STANDALONE_PATH, '/openapi.json']))
      expect(foreign, `requests for other hosts: ${foreign.join(', ')}`).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
