/**
 * `npm run sdk`: regenerates sdk/typescript/schema.ts (the SDK's types) from openapi/openapi.json.
 * `--check` exits non-zero when the committed file differs (the drift test does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { generateSchemaTs, SCHEMA_FILE, SPEC_FILE } from '../sdk/generate.ts'

const schema = await generateSchemaTs(readFileSync(SPEC_FILE, 'utf8'))
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8')
  } catch {
    // A missing file is drift like any other.
  }
  if (current !== schema) {
    console.error('sdk/typescript/schema.ts is out of date: run `npm run sdk`')
    process.exit(1)
  }
  console.log('sdk/typescript/schema.ts is up to date')
} else {
  writeFileSync(SCHEMA_FILE, schema)
  console.log(`wrote sdk/typescript/schema.ts (${schema.length} bytes)`)
}
