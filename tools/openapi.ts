/**
 * `npm run openapi`: regenerates what derives from the routes — openapi/openapi.json (from the
 * code) and the SDK's types sdk/typescript/schema.ts (from that document, openapi-typescript).
 * `--check` exits non-zero when a committed file differs (the drift tests do the same).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateSchemaTs, SCHEMA_FILE, SPEC_FILE } from '../sdk/generate.ts'
import { generateOpenApiJson } from '../src/openapi.ts'

const spec = await generateOpenApiJson()
const outputs: Array<[URL, string]> = [
  [SPEC_FILE, spec],
  [SCHEMA_FILE, await generateSchemaTs(spec)],
]
const check = process.argv.includes('--check')
let stale = 0
for (const [file, text] of outputs) {
  const name = fileURLToPath(file).replace(`${process.cwd()}/`, '')
  if (!check) {
    writeFileSync(file, text)
    console.log(`wrote ${name} (${text.length} bytes)`)
    continue
  }
  let current = ''
  try {
    current = readFileSync(file, 'utf8')
  } catch {
    // A missing file is drift like any other.
  }
  if (current === text) console.log(`${name} is up to date`)
  else {
    console.error(`${name} is out of date: run \`npm run openapi\``)
    stale++
  }
}
if (stale) process.exit(1)
