/**
 * The Python SDK (sdk/python): its generated package is exactly what `npm run openapi` makes, and
 * the package — installed with the README's command into a cached venv — drives a live gatehouse
 * (the real Node entry, embedded): the scenario in sdk/python/tests/live_scenario.py and the
 * README's example as written. The generator and the venv are provisioned on first use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../tools/lib/process.ts'
import { SPEC_31_FILE } from '../tools/sdk/documents.ts'
import { drift, REPO_ROOT } from '../tools/sdk/outputs.ts'
import { generatePythonClient } from '../tools/sdk/python.ts'
import { ensureVenv, pip, type Venv } from '../tools/sdk/python-env.ts'
import { type LiveServer, startLiveServer } from './harness/live-server.ts'
import { readmeExample } from './harness/readme-example.ts'

const PROVISION_MS = 300_000
const RATE_LIMIT = 20

describe('sdk/python/gatehouse_client', () => {
  it(
    'is what `npm run openapi` generates from openapi/openapi.json',
    async () => {
      const generated = await generatePythonClient(readFileSync(join(REPO_ROOT, SPEC_31_FILE), 'utf8'))
      expect(drift(generated), 'the Python SDK is out of date: run `npm run openapi`').toEqual([])
    },
    PROVISION_MS,
  )
})

describe('Python SDK against a live gatehouse', () => {
  let server: LiveServer
  let venv: Venv
  let work: string

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gatehouse-py-'))
    ;[server, venv] = await Promise.all([
      startLiveServer({ RATE_LIMIT_REQUESTS: String(RATE_LIMIT) }),
      ensureVenv('python-sdk-test', '# the Python SDK is installed into it by tests/sdk-python.test.ts\n'),
    ])
  }, PROVISION_MS)

  afterAll(async () => {
    await server?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const python = (script: string) =>
    // From a directory outside the repository: only the installed package can be imported.
    run(venv.python, [script], { cwd: work, env: { ...process.env, GATEHOUSE_URL: server.url, GATEHOUSE_RATE_LIMIT: String(RATE_LIMIT) } })

  it(
    'installs with the README command (`pip install ./sdk/python`)',
    async () => {
      expect(readFileSync(join(REPO_ROOT, 'sdk/python/README.md'), 'utf8')).toContain('pip install ./sdk/python')
      await pip(venv, ['install', '--no-input', './sdk/python'], REPO_ROOT)
      const where = await run(venv.python, ['-c', 'import gatehouse_client, gatehouse_sdk; print(gatehouse_sdk.__file__)'], { cwd: work })
      expect(where).toContain(venv.dir)
    },
    PROVISION_MS,
  )

  it('runs the scenario: sign-in, profile, upload with Idempotency-Key, an API key (X-API-Key, its role, a mistyped one 401), refresh on 401, RateLimited on 429', async () => {
    const out = await python(join(REPO_ROOT, 'sdk/python/tests/live_scenario.py')).catch((err) => {
      throw new Error(`${String(err)}\n--- server ---\n${server.output()}`)
    })
    expect(out).toContain('python scenario passed')
    expect(out).toContain('ok - a mistyped key is a 401 problem')
  })

  it("runs the README's example as written", async () => {
    const file = join(work, 'readme_example.py')
    writeFileSync(file, readmeExample(join(REPO_ROOT, 'sdk/python/README.md'), 'python'))
    const out = await python(file)
    expect(out).toMatch(/admin\n1 \['app.log'\]/)
  })
})
