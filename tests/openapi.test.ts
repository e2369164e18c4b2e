/**
 * The API documents: openapi/openapi.json (3.1) and openapi/openapi-3.0.json are exactly what the
 * app serves, both are valid for their OpenAPI version, and the 3.0 conversion of nullable,
 * exclusive bounds and literals agrees with @hono/zod-openapi's own 3.0 generator.
 */

import { readFileSync } from 'node:fs'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { toOpenApi30 } from '../src/openapi.ts'
import { type ApiDocuments, generateApiDocuments, SPEC_30_FILE, SPEC_31_FILE } from '../tools/sdk/documents.ts'

const committed = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

/** Structural problems of an OpenAPI document (redocly's `struct` rule knows 3.0 from 3.1). */
async function structuralProblems(source: string, name: string): Promise<string[]> {
  const config = await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } })
  const problems = await lintFromString({ source, absoluteRef: name, config })
  return problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
}

/** Every schema-ish node of a document, with its JSON pointer. */
function* nodes(value: unknown, pointer = '#'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* nodes(v, `${pointer}/${i}`)
  } else if (value && typeof value === 'object') {
    yield [pointer, value as Record<string, unknown>]
    for (const [k, v] of Object.entries(value)) yield* nodes(v, `${pointer}/${k}`)
  }
}

let docs: ApiDocuments
beforeAll(async () => {
  docs = await generateApiDocuments()
})

describe('openapi/openapi.json', () => {
  it('matches what the app serves (run `npm run openapi` after changing routes)', () => {
    expect(committed(SPEC_31_FILE) === docs.v31, `${SPEC_31_FILE} is out of date: run \`npm run openapi\``).toBe(true)
  })

  it('is OpenAPI 3.1 with every operation documenting its problem answers', async () => {
    const spec = JSON.parse(docs.v31)
    expect(spec.openapi).toBe('3.1.0')
    for (const [path, ops] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        expect(op.responses, `${method} ${path}`).toBeTruthy()
        if (op.security?.length) expect(op.responses['401'], `${method} ${path} documents 401`).toBeTruthy()
      }
    }
    expect(await structuralProblems(docs.v31, SPEC_31_FILE)).toEqual([])
  })
})

describe('openapi/openapi-3.0.json', () => {
  it('matches what the app serves at /openapi-3.0.json (run `npm run openapi` after changing routes)', () => {
    expect(committed(SPEC_30_FILE) === docs.v30, `${SPEC_30_FILE} is out of date: run \`npm run openapi\``).toBe(true)
  })

  it('is valid OpenAPI 3.0, with no 3.1-only keyword left', async () => {
    const spec = JSON.parse(docs.v30)
    expect(spec.openapi).toBe('3.0.3')
    expect(spec).not.toHaveProperty('webhooks')
    expect(await structuralProblems(docs.v30, SPEC_30_FILE)).toEqual([])
    for (const [pointer, node] of nodes(spec.components.schemas, '#/components/schemas')) {
      if (pointer.endsWith('/properties') || pointer.endsWith('/example')) continue
      expect(Array.isArray(node.type) || node.type === 'null', `${pointer}: type ${JSON.stringify(node.type)}`).toBe(false)
      for (const key of ['const', 'examples', 'prefixItems', '$defs']) expect(node, pointer).not.toHaveProperty(key)
      for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) if (key in node) expect(typeof node[key], `${pointer}/${key}`).toBe('boolean')
    }
  })

  it('describes the same operations, answers and headers as the 3.1 document', () => {
    const v31 = JSON.parse(docs.v31)
    const v30 = JSON.parse(docs.v30)
    const shape = (spec: any) =>
      Object.entries<any>(spec.paths).flatMap(([path, ops]) =>
        Object.entries<any>(ops).map(([method, op]) => ({
          op: `${method} ${path}`,
          parameters: (op.parameters ?? []).map((p: any) => `${p.in}:${p.name}`),
          responses: Object.fromEntries(Object.entries<any>(op.responses).map(([s, r]) => [s, Object.keys(r.headers ?? {}).sort()])),
        })),
      )
    expect(shape(v30)).toEqual(shape(v31))
    expect(Object.keys(v30.components.schemas)).toEqual(Object.keys(v31.components.schemas))
  })
})

describe('toOpenApi30 (src/openapi.ts)', () => {
  // A small app whose schemas use what 3.0 spells differently; the library's own 3.0 generator
  // (getOpenAPIDocument) is the reference for what each must become.
  const Inner = z.object({ a: z.string() }).openapi('Inner')
  const Sample = z
    .object({
      nullableString: z.string().nullable(),
      nullableNumber: z.number().nullable().optional(),
      exclusive: z.number().gt(0).lt(10),
      inclusive: z.number().int().min(1).max(5),
      literal: z.literal('fixed'),
      literals: z.union([z.literal('a'), z.literal('b')]),
      nullableItems: z.array(z.string().nullable()),
      tuple: z.tuple([z.string(), z.number()]),
      described: Inner.describe('described'),
      record: z.record(z.string(), z.number()),
    })
    .openapi('Sample')
  const app = new OpenAPIHono()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/sample',
      request: { body: { content: { 'application/json': { schema: Sample } } } },
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: Sample } } } },
    }),
    (c) => c.json(c.req.valid('json'), 200),
  )
  const info = { info: { title: 'sample', version: '1' } }

  it("agrees with @hono/zod-openapi's 3.0 generator on nullable, exclusive bounds, literals and tuples", () => {
    const converted = toOpenApi30(app.getOpenAPI31Document({ openapi: '3.1.0', ...info }))
    const reference = app.getOpenAPIDocument({ openapi: '3.0.3', ...info })
    expect(converted).toEqual({ ...reference, openapi: '3.0.3' })
  })

  it('fails loudly, with the location, on what 3.0 cannot express', () => {
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { X: { type: 'object', if: { type: 'object' } } } } }
    expect(() => toOpenApi30(doc)).toThrow(/"if" at #\/components\/schemas\/X\/if/)
    expect(() => toOpenApi30({ ...doc, openapi: '3.0.3' })).toThrow(/expected an OpenAPI 3.1 document/)
  })
})
