/**
 * /dashboard in a real browser, with no internet: the real Node entry (`node src/entry/node.ts`,
 * embedded mode on a temp data dir, free port) and Debian's Chromium driven by playwright-core.
 * Known traffic first (over the socket), then the page signs in through its form and draws its
 * plots; every request for another host is blocked and recorded. The plots must hold data (uPlot's
 * series) and ink (canvas pixels). Screenshot: test-artifacts/dashboard.png.
 * Then the Node entry's shutdown: the counts it had not yet written survive a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_ASSETS, DASHBOARD_PAGE, dashboardAssetFile } from '../src/routes/dashboard/dashboard.assets.ts'
import { launchChromium } from '../tools/lib/chromium.ts'
import { freePort, progress, stopChild, waitFor } from '../tools/lib/process.ts'
import { parseExposition, sample } from './metrics-helpers.ts'

const ROOT = resolve(import.meta.dirname, '..')
const ARTIFACTS = join(ROOT, 'test-artifacts')
const NOT_INHERITED = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_|METRICS_)/
const METRICS_TOKEN = 'dashboard-test-metrics-token'
const PASSWORD = 'correct horse battery staple'
const PLOTS = ['plot-requests', 'plot-cache', 'plot-latency', 'plot-quota', 'plot-uploads'] as const

describe('/dashboard in headless Chromium (Node entry, embedded, offline)', () => {
  let server: ChildProcess | undefined
  let output = ''
  let dataDir = ''
  let origin = ''
  let port = 0
  let browser: Browser | undefined
  const email = `dash-${Date.now().toString(36)}@example.test`

  async function startServer(): Promise<void> {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k)))
    server = spawn(process.execPath, ['src/entry/node.ts'], {
      cwd: ROOT,
      env: {
        ...env,
        GATEHOUSE_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        METRICS_TOKEN,
        // Only reads (and the shutdown) write metrics here: what the restart finds is the shutdown's doing.
        METRICS_FLUSH_SECONDS: '86400',
        METRICS_FLUSH_REQUESTS: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (d) => (output += d))
    server.stderr!.on('data', (d) => (output += d))
    await waitFor(
      `gatehouse on ${origin}`,
      async () => {
        if (server!.exitCode !== null) throw new Error(`gatehouse exited with ${server!.exitCode}:\n${output}`)
        return (await fetch(`${origin}/health/live`)).ok
      },
      20_000,
    ).catch((err) => {
      throw new Error(`${err instanceof Error ? err.message : err}\n${output}`)
    })
  }

  const api = async (method: string, path: string, o: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {}
    if (o.token) headers.authorization = `Bearer ${o.token}`
    if (o.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${origin}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text }
  }
  const scrape = async () => {
    const r = await api('GET', '/metrics', { token: METRICS_TOKEN })
    expect(r.status).toBe(200)
    return parseExposition(r.body as string)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-dashboard-'))
    port = await freePort()
    origin = `http://127.0.0.1:${port}`
    const [chromium] = await Promise.all([launchChromium(), startServer()])
    browser = chromium
    expect(output).toMatch(/EMBEDDED mode/)
  })

  afterAll(async () => {
    await browser?.close()
    if (server) await stopChild(server)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves a page that names no other host, with its script, styles and plotting library from the app', async () => {
    const res = await fetch(`${origin}/dashboard`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Nothing inline may run, nothing elsewhere may be loaded or called.
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';.*connect-src 'self'/)
    const html = await res.text()
    expect(html).not.toMatch(/<script>|<style>|\son[a-z]+=/i)
    for (const s of [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)) expect(s).toMatch(/^\/[^/]/)
    for (const a of DASHBOARD_ASSETS) {
      if (a !== DASHBOARD_PAGE) expect(html).toContain(`"${a.path}"`)
      const file = await fetch(`${origin}${a.path}`, { headers: { 'accept-encoding': 'identity' } })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe(a.type)
      const bytes = Buffer.from(await file.arrayBuffer())
      expect(bytes.equals(readFileSync(dashboardAssetFile(a)))).toBe(true)
      const again = await fetch(`${origin}${a.path}`, { headers: { 'if-none-match': file.headers.get('etag')! } })
      expect(again.status).toBe(304)
      // Our own files name no host at all (uPlot's is a package file, checked in the browser below).
      if (a.from === 'page') {
        expect(bytes.toString('utf8'), a.path).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i)
        expect(bytes.toString('utf8'), a.path).not.toMatch(/["'(=]\s*\/\//)
      }
    }
  })

  it('signs in through its form and draws every plot with data, with every other host blocked', async () => {
    // Known traffic: an organisation, cached reads, uploads, requests over the socket.
    const reg = await api('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, organization: 'Dashboard Org' } })
    expect(reg.status).toBe(201)
    const login = await api('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })
    const token = login.body.access_token as string
    for (let i = 0; i < 3; i++) {
      const body = { source: 'api', environment: 'prod', file_name: `d${i}.log`, file_size: 100 + i, format_type: 'json', log_count: 10 }
      expect((await api('POST', '/api/v1/logs/metadata', { token, body })).status).toBe(201)
    }
    for (let i = 0; i < 4; i++) {
      expect((await api('GET', '/api/v1/logs/metadata/stats?days=7', { token })).status).toBe(200)
      await new Promise((r) => setTimeout(r, 50))
    }
    for (let i = 0; i < 5; i++) expect((await api('GET', '/api/v1/auth/me', { token })).status).toBe(200)

    const appHost = new URL(origin).host
    const foreign: string[] = []
    const errors: string[] = []
    const context = await browser!.newContext({ viewport: { width: 1280, height: 1100 } })
    try {
      await context.route('**/*', (route) => {
        if (new URL(route.request().url()).host === appHost) return route.continue()
        foreign.push(route.request().url())
        return route.abort('blockedbyclient')
      })
      await context.routeWebSocket(/.*/, (ws) => {
        foreign.push(ws.url())
        return ws.close()
      })
      const page = await context.newPage()
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${origin}/dashboard`, { waitUntil: 'load' })
      await page.fill('input[name=email]', email)
      await page.fill('input[name=password]', PASSWORD)
      await page.click('button[type=submit]')
      await page.waitForSelector('body[data-state=ready]', { timeout: 30_000 })
      await page.waitForLoadState('networkidle')

      const plots = await page.evaluate(
        (ids) => {
          const w = window as unknown as { dashboard: { data: Record<string, Array<Array<number | null>>> } }
          return ids.map((id) => {
            const data = w.dashboard.data[id] ?? []
            const canvas = document.querySelector(`#${id} canvas`) as HTMLCanvasElement | null
            // Data ink: coloured pixels (axes, grid and labels are drawn in greys).
            let inked = 0
            if (canvas) {
              const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
              for (let i = 0; i < px.length; i += 4) {
                if (px[i + 3]! > 0 && Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 60) inked++
              }
            }
            const values = data.slice(1).flat()
            return {
              id,
              points: data[0]?.length ?? 0,
              series: data.length - 1,
              nonZero: values.filter((v) => typeof v === 'number' && v > 0).length,
              inked,
            }
          })
        },
        PLOTS as unknown as string[],
      )
      mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true })
      progress(`dashboard plots: ${plots.map((p) => `${p.id} ${p.points}×${p.series} (${p.nonZero} > 0, ${p.inked} px inked)`).join('; ')}`)

      expect(errors).toEqual([])
      expect(foreign, `requests for other hosts: ${foreign.join(', ')}`).toEqual([])
      const by = Object.fromEntries(plots.map((p) => [p.id, p]))
      expect(by['plot-requests']).toMatchObject({ points: 360, series: 2 }) // 6 hours of minutes, requests + denials
      expect(by['plot-cache']!.points).toBe(360)
      expect(by['plot-latency']).toMatchObject({ points: 360, series: 2 })
      expect(by['plot-quota']).toMatchObject({ points: 2, series: 2 }) // api_calls_per_hour, logs_per_day: used % and the limit
      expect(by['plot-uploads']).toMatchObject({ points: 7, series: 4 }) // 7 days × 4 statuses
      for (const p of plots) {
        expect(p.nonZero, p.id).toBeGreaterThan(0)
        expect(p.inked, p.id).toBeGreaterThan(30)
      }
      const requests = await page.evaluate(() => {
        const w = window as unknown as { dashboard: { data: Record<string, number[][]> } }
        return w.dashboard.data['plot-requests']![1]!.reduce((a, b) => a + b, 0)
      })
      // Every request of the tenant up to the page's read (3 uploads, 4 stats reads, 5 me; sign-ins are anonymous).
      expect(requests).toBe(12)
    } finally {
      await context.close()
    }
  })

  it('writes its last batch on shutdown: nothing counted is lost across a restart', async () => {
    const jwks = { route: '/.well-known/jwks.json', method: 'GET', status: '2xx' }
    const scrapes = { route: '/metrics', method: 'GET', status: '2xx' }
    const before = await scrape() // flushes this instance's batch first
    for (let i = 0; i < 3; i++) expect((await api('GET', '/.well-known/jwks.json')).status).toBe(200)
    await stopChild(server!, 8000)
    expect(server!.exitCode).toBe(0)
    await startServer()
    const after = await scrape()
    // The three key reads and the first scrape (counted after its answer): written by the shutdown.
    expect(sample(after, 'gatehouse_requests_total', jwks)).toBe((sample(before, 'gatehouse_requests_total', jwks) ?? 0) + 3)
    expect(sample(after, 'gatehouse_requests_total', scrapes)).toBe((sample(before, 'gatehouse_requests_total', scrapes) ?? 0) + 1)
  })
})
