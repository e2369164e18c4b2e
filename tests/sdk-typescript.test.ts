/**
 * The TypeScript SDK as a user gets it: its sources copied into a "clone", the README's install
 * commands run as written (npm install + npm pack there, the tarball installed into a fresh
 * project), the scenario (sdk/typescript/test/live-scenario.ts) and the README's example
 * type-checked against the installed declarations, then run with Node against a live gatehouse
 * (the real Node entry, embedded). In-process behaviour is covered by tests/sdk.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../tools/lib/process.ts'
import { REPO_ROOT } from '../tools/sdk/outputs.ts'
import { type LiveServer, startLiveServer } from './harness/live-server.ts'
import { readmeExample } from './harness/readme-example.ts'

const INSTALL_MS = 180_000
const RATE_LIMIT = 20
const SDK = join(REPO_ROOT, 'sdk/typescript')
const README = join(SDK, 'README.md')

// Quiet, cache-first npm (the registry is only asked for what the cache lacks).
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }

describe('@gatehouse/sdk installed from its packed tarball', () => {
  let server: LiveServer
  let work: string
  let app: string
  const env = () => ({ ...process.env, GATEHOUSE_URL: server.url, GATEHOUSE_RATE_LIMIT: String(RATE_LIMIT) })

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gatehouse-ts-'))
    // The SDK's own files only (no build output, no dependencies): what a clone holds.
    const skip = new Set(['node_modules', 'dist', 'test'])
    cpSync(SDK, join(work, 'gatehouse/sdk/typescript'), {
      recursive: true,
      filter: (src) => !skip.has(src.slice(SDK.length + 1).split('/')[0]!) && !src.endsWith('.tgz'),
    })
    app = join(work, 'app')
    mkdirSync(app)
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2))
    server = await startLiveServer({ RATE_LIMIT_REQUESTS: String(RATE_LIMIT) })
  })

  afterAll(async () => {
    await server?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it(
    "installs with the README's commands; the tarball holds dist/ (built by prepare)",
    async () => {
      const install = /## Install[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1]
      expect(install, 'README has an ```sh block under ## Install').toBeTruthy()
      await run('sh', ['-e', '-c', install!], { cwd: app, env: { ...process.env, ...NPM_ENV } })
      const tarball = /\S+\.tgz/.exec(install!)![0]
      const listing = (await run('tar', ['tzf', join(app, tarball)])).split('\n').filter(Boolean).sort()
      expect(listing).toEqual(
        expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/errors.js', 'package/dist/schema.d.ts', 'package/README.md']),
      )
      expect(listing.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
      const installed = JSON.parse(readFileSync(join(app, 'node_modules/@gatehouse/sdk/package.json'), 'utf8'))
      expect(installed.name).toBe('@gatehouse/sdk')
    },
    INSTALL_MS,
  )

  it(
    'type-checks the scenario and the README example against the installed declarations',
    async () => {
      writeFileSync(join(app, 'scenario.ts'), readFileSync(join(SDK, 'test/live-scenario.ts'), 'utf8'))
      writeFileSync(join(app, 'example.ts'), readmeExample(README, 'ts'))
      const tsconfig = {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
          skipLibCheck: true,
        },
        files: ['scenario.ts', 'example.ts'],
      }
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
      await run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app })
    },
    INSTALL_MS,
  )

  it('runs the scenario: sign-in, profile, upload with Idempotency-Key, an API key (X-API-Key, its role, a mistyped one 401), refresh on 401, RateLimitedError on 429', async () => {
    const out = await run(process.execPath, ['scenario.ts'], { cwd: app, env: env() }).catch((err) => {
      throw new Error(`${String(err)}\n--- server ---\n${server.output()}`)
    })
    expect(out).toContain('typescript scenario passed')
    expect(out).toContain('ok - a mistyped key is a 401 problem')
  })

  it("runs the README's example as written", async () => {
    const out = await run(process.execPath, ['example.ts'], { cwd: app, env: env() })
    expect(out).toMatch(/admin\n1 \[ 'app\.log' \]\n$/)
  })
})
