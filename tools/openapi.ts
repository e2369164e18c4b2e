/**
 * `npm run openapi`: writes openapi/openapi.json from the code (the app's routes and schemas).
 * `--check` exits non-zero when the committed file differs (the drift test does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { generateOpenApiJson } from '../src/openapi.ts'

const file = new URL('../openapi/openapi.json', import.meta.url)
const json = await generateOpenApiJson()
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8')
  if (current !== json) {
    console.error('openapi/openapi.json is out of date: run `npm run openapi`')
    process.exit(1)
  }
  console.log('openapi/openapi.json is up to date')
} else {
  writeFileSync(file, json)
  console.log(`wrote openapi/openapi.json (${json.length} bytes)`)
}
