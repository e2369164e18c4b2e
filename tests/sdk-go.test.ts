/**
 * The Go SDK (sdk/go): its generated client is exactly what `npm run openapi` makes, its go.mod is
 * tidy and its code gofmt-clean, and it drives a live gatehouse (the real Node entry, embedded):
 * `go test` runs sdk/go/live_test.go, and the README's install commands and example run as written
 * in a fresh module next to a "clone" of the repository. oapi-codegen is provisioned on first use.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../tools/lib/process.ts'
import { SPEC_30_FILE } from '../tools/sdk/documents.ts'
import { generateGoClient, requireGo } from '../tools/sdk/go.ts'
import { drift, REPO_ROOT } from '../tools/sdk/outputs.ts'
import { type LiveServer, startLiveServer } from './harness/live-server.ts'
import { readmeExample } from './harness/readme-example.ts'

const PROVISION_MS = 300_000
const RATE_LIMIT = 20
const SDK = join(REPO_ROOT, 'sdk/go')
const README = join(SDK, 'README.md')

/** A compile failure of hand-written Go against the generated client, explained. */
function explainBuildFailure(err: unknown, where: string): Error {
  const text = String(err)
  const hint = /build failed|not enough arguments|too many arguments|cannot use|undefined: /.test(text)
    ? `\nThe generated Go client no longer fits ${where}: an operation's signature changed with the API ` +
      '(e.g. its first parameter adds a `params *api.XParams` argument). Update the call there.'
    : ''
  return new Error(text + hint)
}

describe('sdk/go', () => {
  it(
    'api/api.gen.go is what `npm run openapi` generates from openapi/openapi-3.0.json',
    async () => {
      const generated = await generateGoClient(readFileSync(join(REPO_ROOT, SPEC_30_FILE), 'utf8'))
      expect(drift(generated), 'the Go SDK is out of date: run `npm run openapi`').toEqual([])
    },
    PROVISION_MS,
  )

  it(
    'has a tidy go.mod and gofmt-clean code',
    async () => {
      await requireGo()
      await run('go', ['mod', 'tidy', '-diff'], { cwd: SDK })
      expect((await run('gofmt', ['-l', '.'], { cwd: SDK })).trim()).toBe('')
    },
    PROVISION_MS,
  )
})

describe('Go SDK against a live gatehouse', () => {
  let server: LiveServer
  let work: string
  const env = () => ({ ...process.env, GATEHOUSE_URL: server.url, GATEHOUSE_RATE_LIMIT: String(RATE_LIMIT) })

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gatehouse-go-'))
    server = await startLiveServer({ RATE_LIMIT_REQUESTS: String(RATE_LIMIT) })
  })

  afterAll(async () => {
    await server?.stop()
    if (!work) return
    // The link to the repository first, on its own: nothing may ever reach into the real tree.
    rmSync(join(work, 'gatehouse'), { force: true })
    rmSync(work, { recursive: true, force: true })
  })

  it(
    'go test: sign-in, profile, upload with Idempotency-Key, an API key (X-API-Key, its role, a mistyped one 401), refresh on 401, RateLimitedError on 429',
    async () => {
      const out = await run('go', ['test', '-count=1', '-v', '-run', '^TestLiveScenario$', '.'], { cwd: SDK, env: env() }).catch((err) => {
        throw new Error(`${explainBuildFailure(err, 'sdk/go/live_test.go').message}\n--- server ---\n${server.output()}`)
      })
      expect(out).toContain('go scenario passed')
      expect(out).toContain('ok - a mistyped key is a 401 problem')
    },
    PROVISION_MS,
  )

  it(
    "installs with the README's commands and runs its example as written",
    async () => {
      // The layout the README assumes: your module next to a clone of the repository.
      symlinkSync(REPO_ROOT, join(work, 'gatehouse'), 'dir')
      const app = join(work, 'app')
      mkdirSync(app)
      await run('go', ['mod', 'init', 'example.com/app'], { cwd: app })
      writeFileSync(join(app, 'main.go'), readmeExample(README, 'go'))
      const install = /## Install[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1]
      expect(install, 'README has an ```sh block under ## Install').toBeTruthy()
      await run('sh', ['-e', '-c', install!], { cwd: app })
      const out = await run('go', ['run', '.'], { cwd: app, env: env() }).catch((err) => {
        throw explainBuildFailure(err, "sdk/go/README.md's example")
      })
      expect(out).toMatch(/admin\n1 app\.log\n$/)
    },
    PROVISION_MS,
  )
})
