/**
 * Turns openapi/openapi.json into the SDK's TypeScript types (sdk/typescript/schema.ts) with
 * openapi-typescript. Shared by `npm run openapi` (tools/openapi.ts) and the drift test, so both make
 * byte-identical output: same input document, same options, no timestamps.
 */
import openapiTS, { astToString } from 'openapi-typescript'

/** The committed OpenAPI document (written by `npm run openapi`). */
export const SPEC_FILE = new URL('../openapi/openapi.json', import.meta.url)

/** The generated types the SDK imports. */
export const SCHEMA_FILE = new URL('./typescript/schema.ts', import.meta.url)

const HEADER = `/**
 * Types of the gatehouse API, generated from openapi/openapi.json by \`npm run openapi\`
 * (openapi-typescript). Do not edit: change the routes, then run \`npm run openapi\`.
 */

`

/** The contents of schema.ts for an OpenAPI document given as JSON text. */
export async function generateSchemaTs(specJson: string): Promise<string> {
  // A fresh parse each time: openapi-typescript walks (and may annotate) the object it is given.
  const ast = await openapiTS(JSON.parse(specJson), { silent: true })
  return HEADER + astToString(ast)
}
