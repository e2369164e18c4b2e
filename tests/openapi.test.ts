import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateOpenApiJson } from '../src/openapi.ts'

describe('openapi/openapi.json', () => {
  it('matches what the code generates (run `npm run openapi` after changing routes)', async () => {
    const committed = readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')
    expect(committed).toBe(await generateOpenApiJson())
  })

  it('is OpenAPI 3.1 with every operation documenting its problem answers', async () => {
    const spec = JSON.parse(await generateOpenApiJson())
    expect(spec.openapi).toBe('3.1.0')
    for (const [path, ops] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        expect(op.responses, `${method} ${path}`).toBeTruthy()
        if (op.security?.length) expect(op.responses['401'], `${method} ${path} documents 401`).toBeTruthy()
      }
    }
  })
})
