/**
 * Everything `npm run openapi` derives from the routes, in order: the OpenAPI documents (3.1 and
 * 3.0, exactly as the app serves them), then each SDK's generated part from them.
 */
import { generateSchemaTs } from '../../sdk/generate.ts'
import { generateApiDocuments, SPEC_30_FILE, SPEC_31_FILE } from './documents.ts'
import { generateGoClient } from './go.ts'
import type { Generated } from './outputs.ts'
import { generatePythonClient } from './python.ts'

export type Part = 'documents' | 'typescript' | 'python' | 'go'
export const PARTS: Part[] = ['documents', 'typescript', 'python', 'go']

/** Generates the parts asked for (all by default), each as soon as it is ready. */
export async function* generateAll(parts: Part[] = PARTS): AsyncGenerator<Generated> {
  const docs = await generateApiDocuments()
  if (parts.includes('documents')) {
    yield {
      name: 'OpenAPI documents',
      files: new Map([
        [SPEC_31_FILE, docs.v31],
        [SPEC_30_FILE, docs.v30],
      ]),
    }
  }
  if (parts.includes('typescript')) {
    yield { name: 'TypeScript SDK types (openapi-typescript)', files: new Map([['sdk/typescript/schema.ts', await generateSchemaTs(docs.v31)]]) }
  }
  if (parts.includes('python')) yield await generatePythonClient(docs.v31)
  if (parts.includes('go')) yield await generateGoClient(docs.v30)
}
