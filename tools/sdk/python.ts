/**
 * The Python SDK's generated part: sdk/python/gatehouse_client/, made by openapi-python-client
 * (pinned, in a cached venv) from the OpenAPI 3.1 document, formatted by its pinned ruff. Always
 * generated in a temporary directory and read back, so the result does not depend on where it is
 * written (ruff runs with --isolated: no configuration file is picked up).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../lib/process.ts'
import { type Generated, listFiles } from './outputs.ts'
import { prepareForGenerator } from './prepare-spec.ts'
import { ensureVenv } from './python-env.ts'

/** The generated package (owned entirely by the generator). */
const PYTHON_CLIENT_DIR = 'sdk/python/gatehouse_client'

const PACKAGE = 'gatehouse_client'

const CONFIG = {
  package_name_override: PACKAGE,
  post_hooks: ['ruff check . --fix-only --extend-select=I --isolated --no-cache --quiet', 'ruff format . --isolated --no-cache --quiet'],
}

/** The venv holding the pinned generator. */
function pythonGenerator() {
  return ensureVenv('openapi-python-client', readFileSync(new URL('./python-generator.txt', import.meta.url), 'utf8'))
}

export async function generatePythonClient(spec31: string): Promise<Generated> {
  const venv = await pythonGenerator()
  const work = mkdtempSync(join(tmpdir(), 'gatehouse-pygen-'))
  try {
    writeFileSync(join(work, 'openapi.json'), prepareForGenerator(spec31, 'openapi-python-client'))
    writeFileSync(join(work, 'config.json'), JSON.stringify(CONFIG))
    const args = ['-m', 'openapi_python_client', 'generate', '--path', 'openapi.json', '--config', 'config.json', '--meta', 'none']
    args.push('--output-path', join('out', PACKAGE), '--fail-on-warning')
    try {
      await run(venv.python, args, { cwd: work, env: { ...process.env, PATH: `${venv.bin}:${process.env.PATH ?? ''}` } })
    } catch (err) {
      throw new Error(
        `openapi-python-client could not generate the Python SDK cleanly from the OpenAPI document ` +
          `(a warning means part of the API would be missing; see tools/sdk/prepare-spec.ts):\n${String(err)}`,
      )
    }
    const files = new Map<string, string>()
    for (const file of listFiles(join('out', PACKAGE), work)) {
      files.set(`${PYTHON_CLIENT_DIR}/${file.slice(`out/${PACKAGE}/`.length)}`, readFileSync(join(work, file), 'utf8'))
    }
    // PEP 561: the generated code is fully typed; say so to type checkers.
    files.set(`${PYTHON_CLIENT_DIR}/py.typed`, '')
    return { name: 'Python SDK (openapi-python-client)', files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), ownedDirs: [PYTHON_CLIENT_DIR] }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
