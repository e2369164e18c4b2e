/**
 * `npm run openapi`: regenerates everything that derives from the routes — openapi/openapi.json
 * (3.1) and openapi/openapi-3.0.json (both exactly as the app serves them) and the TypeScript
 * SDK's types (tools/sdk/all.ts lists them).
 *
 *   npm run openapi                      write every output
 *   npm run openapi -- --check           exit 1 when a committed output differs (what the drift tests check)
 *   npm run openapi -- --only documents,typescript   just some parts (see tools/sdk/all.ts)
 */
import { generateAll, PARTS, type Part } from './sdk/all.ts'
import { drift, write } from './sdk/outputs.ts'

const args = process.argv.slice(2)
const check = args.includes('--check')
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : PARTS
const unknown = only.filter((p) => !PARTS.includes(p as Part))
if (unknown.length) {
  console.error(`unknown part(s): ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`)
  process.exit(2)
}

let stale = 0
for await (const output of generateAll(only as Part[])) {
  if (!check) {
    write(output)
    console.log(`wrote ${output.name}: ${output.files.size} file(s)`)
    continue
  }
  const problems = drift(output)
  if (problems.length === 0) console.log(`${output.name} is up to date (${output.files.size} file(s))`)
  else {
    stale++
    console.error(
      `${output.name} is out of date — run \`npm run openapi\`:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    )
  }
}
if (stale) process.exit(1)
