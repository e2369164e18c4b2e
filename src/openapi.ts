/**
 * The OpenAPI 3.0 rendering of the app's OpenAPI 3.1 document (served at /openapi-3.0.json, for
 * tools and generators that read 3.0 only, e.g. oapi-codegen).
 *
 * It is derived from the 3.1 document the app serves — not from a second generator run — so both
 * describe exactly the same operations, answers and headers, including what is added to the 3.1
 * document after generation (the gate's RateLimit headers and 429/503 answers). What 3.0 cannot
 * say is converted: `type: [T, "null"]` and null members of anyOf/oneOf → `nullable: true`;
 * numeric `exclusiveMinimum`/`exclusiveMaximum` → `minimum`/`maximum` + boolean flags; `const` →
 * a one-value `enum`; `examples` → `example`; `prefixItems` (tuples) → `items` + min/maxItems;
 * `$ref` with siblings → `allOf: [$ref]` + the siblings. A 3.1 construct with no 3.0 equivalent
 * fails loudly with its location, so this file grows with the API instead of emitting invalid 3.0.
 *
 * Pure (no I/O, no imports): used by src/app.ts on every runtime and by `npm run openapi`.
 */

/** The OpenAPI version of the converted document. */
const OPENAPI_30_VERSION = '3.0.3'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }
type Doc = Record<string, unknown>

/** The keywords an OpenAPI 3.0 Schema Object may carry (besides `x-` extensions). */
const SCHEMA_30 = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
])

/** 3.1-only annotations that carry nothing 3.0 needs. */
const DROPPED = new Set(['$schema', '$id', '$comment', 'propertyNames'])

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNullSchema = (v: Json) => isObject(v) && v.type === 'null' && Object.keys(v).length === 1

class Unconvertible extends Error {
  override name = 'Unconvertible'
  constructor(where: string, what: string) {
    super(`OpenAPI 3.0 cannot express ${what} at ${where} (teach src/openapi.ts, or change the schema)`)
  }
}

/** Converts one JSON Schema 2020-12 (OpenAPI 3.1) schema into an OpenAPI 3.0 Schema Object. */
function schemaTo30(schema: Json, where = '#'): Json {
  if (!isObject(schema)) {
    if (schema === true) return {}
    throw new Unconvertible(where, `the boolean schema ${JSON.stringify(schema)}`)
  }
  const out: JsonObject = {}
  let nullable = false
  const skip = boundsPlan(schema)
  if ('type' in schema && Array.isArray(schema.type) && schema.type.filter((t) => t !== 'null').length > 1 && 'anyOf' in schema) {
    throw new Unconvertible(where, 'several types together with anyOf')
  }
  for (const [key, value] of Object.entries(schema)) {
    const at = `${where}/${key}`
    if (skip.has(key)) continue
    if (key.startsWith('x-') || DROPPED.has(key)) {
      if (key.startsWith('x-')) out[key] = value
    } else if (key === 'type') {
      const types = Array.isArray(value) ? value : [value]
      nullable ||= types.includes('null')
      const rest = types.filter((t) => t !== 'null')
      if (rest.length === 1) out.type = rest[0]!
      else if (rest.length > 1) out.anyOf = rest.map((t) => ({ type: t }))
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      if (!Array.isArray(value)) throw new Unconvertible(at, 'a non-array')
      const members = value.filter((m) => key === 'allOf' || !isNullSchema(m))
      nullable ||= members.length < value.length
      const converted = members.map((m, i) => schemaTo30(m, `${at}/${i}`))
      if (members.length === 1 && key !== 'allOf') Object.assign(out, wrapRef(converted[0]!))
      else if (members.length > 0) out[key] = converted
    } else if (key === 'const') {
      out.enum = [value]
    } else if (key === 'examples') {
      if (Array.isArray(value) && value.length > 0 && !('example' in schema)) out.example = value[0]!
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      if (typeof value === 'boolean')
        out[key] = value // already 3.0-shaped
      else if (typeof value !== 'number') throw new Unconvertible(at, `a non-numeric ${key}`)
      else {
        out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value
        out[key] = true
      }
    } else if (key === 'prefixItems') {
      tuple(out, schema, value, at)
    } else if (key === 'items') {
      if (!('prefixItems' in schema)) out.items = schemaTo30(value, at)
      else if (value !== false) throw new Unconvertible(at, 'a tuple with extra items')
    } else if (key === 'properties') {
      if (!isObject(value)) throw new Unconvertible(at, 'non-object properties')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaTo30(v, `${at}/${k}`)]))
    } else if (key === 'additionalProperties' || key === 'not') {
      out[key] = typeof value === 'boolean' ? value : schemaTo30(value, at)
    } else if (key === 'enum') {
      if (!Array.isArray(value)) throw new Unconvertible(at, 'a non-array enum')
      nullable ||= value.includes(null)
      out.enum = value
    } else if (key === 'contentEncoding' && value === 'base64') {
      out.format = 'byte'
    } else if (key === 'contentMediaType' && !('contentEncoding' in schema)) {
      out.format = 'binary'
    } else if (SCHEMA_30.has(key)) {
      out[key] = value
    } else {
      throw new Unconvertible(at, `the JSON Schema keyword "${key}"`)
    }
  }
  if (nullable) {
    out.nullable = true
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    if (!('type' in out) && !('$ref' in out) && !out.anyOf && !out.oneOf && !out.allOf) out.enum ??= [null]
  }
  // 3.0 ignores the siblings of a $ref: keep them by referencing through allOf.
  return '$ref' in out && Object.keys(out).length > 1 ? wrapRef(out) : out
}

/** `{$ref, ...siblings}` → `{allOf: [{$ref}], ...siblings}` (a bare $ref stays as is). */
function wrapRef(schema: Json): JsonObject {
  if (!isObject(schema) || !('$ref' in schema) || Object.keys(schema).length === 1) return schema as JsonObject
  const { $ref, ...rest } = schema
  return { allOf: [{ $ref: $ref! }], ...rest }
}

/**
 * Which bound keywords to leave out: a numeric 3.1 exclusive bound becomes the 3.0 inclusive
 * keyword + a boolean flag, so of `exclusiveMinimum: a` and `minimum: b` only the stricter stays.
 */
function boundsPlan(schema: JsonObject): Set<string> {
  const skip = new Set<string>()
  for (const [exclusive, inclusive, stricter] of [
    ['exclusiveMinimum', 'minimum', (x: number, y: number) => x >= y],
    ['exclusiveMaximum', 'maximum', (x: number, y: number) => x <= y],
  ] as const) {
    const x = schema[exclusive]
    const y = schema[inclusive]
    if (typeof x !== 'number') continue
    if (typeof y !== 'number' || stricter(x, y)) skip.add(inclusive)
    else skip.add(exclusive)
  }
  return skip
}

/** `prefixItems` (a tuple) → `items` that accepts any member, with the length fixed. */
function tuple(out: JsonObject, schema: JsonObject, value: Json, at: string): void {
  if (!Array.isArray(value)) throw new Unconvertible(at, 'non-array prefixItems')
  const members = value.map((m, i) => schemaTo30(m, `${at}/${i}`))
  const distinct = [...new Map(members.map((m) => [JSON.stringify(m), m])).values()]
  out.items = distinct.length === 1 ? distinct[0]! : { anyOf: distinct }
  if (schema.items === false || !('items' in schema)) {
    out.minItems ??= value.length
    out.maxItems ??= value.length
  }
}

/** Converts the schemas inside parameters, headers, media types and request bodies of a map. */
function convertEach(map: unknown, where: string, convert: (item: JsonObject, at: string) => JsonObject): Json {
  if (!isObject(map)) return map as Json
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, isObject(v) && !('$ref' in v) ? convert(v, `${where}/${k}`) : v]))
}

const withSchema = (item: JsonObject, at: string): JsonObject => {
  const out: JsonObject = { ...item }
  if ('schema' in item) out.schema = schemaTo30(item.schema!, `${at}/schema`)
  if ('content' in item) out.content = convertEach(item.content, `${at}/content`, withSchema)
  if ('headers' in item) out.headers = convertEach(item.headers, `${at}/headers`, withSchema)
  return out
}

const parameterList = (list: Json, at: string): Json =>
  Array.isArray(list) ? list.map((p, i) => (isObject(p) && !('$ref' in p) ? withSchema(p, `${at}/${i}`) : p)) : list

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

function operation(op: JsonObject, at: string): JsonObject {
  const out: JsonObject = { ...op }
  if (op.parameters) out.parameters = parameterList(op.parameters, `${at}/parameters`)
  if (isObject(op.requestBody) && !('$ref' in op.requestBody)) out.requestBody = withSchema(op.requestBody, `${at}/requestBody`)
  if (op.responses) out.responses = convertEach(op.responses, `${at}/responses`, withSchema)
  if (op.callbacks && isObject(op.callbacks) && Object.keys(op.callbacks).length > 0)
    throw new Unconvertible(`${at}/callbacks`, 'callbacks (not converted yet)')
  return out
}

function pathItem(item: JsonObject, at: string): JsonObject {
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(item)) {
    if (METHODS.has(key) && isObject(value)) out[key] = operation(value, `${at}/${key}`)
    else if (key === 'parameters') out[key] = parameterList(value, `${at}/${key}`)
    else out[key] = value
  }
  return out
}

const nonEmpty = (v: unknown) => isObject(v) && Object.keys(v).length > 0

/**
 * The OpenAPI 3.0 document equivalent to an OpenAPI 3.1 document (which is left untouched).
 *
 * @example
 * const doc30 = toOpenApi30(app.getOpenAPI31Document(OPENAPI_INFO))
 */
export function toOpenApi30<D extends object>(doc31: D): Doc {
  const doc = JSON.parse(JSON.stringify(doc31)) as JsonObject
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) throw new Error(`expected an OpenAPI 3.1 document, got ${String(doc.openapi)}`)
  if (nonEmpty(doc.webhooks)) throw new Unconvertible('#/webhooks', 'webhooks')
  const { webhooks: _webhooks, jsonSchemaDialect: _dialect, ...rest } = doc
  const out: JsonObject = { ...rest, openapi: OPENAPI_30_VERSION }
  if (isObject(doc.info)) {
    const { summary: _summary, ...info } = doc.info
    if (isObject(info.license)) {
      const { identifier: _identifier, ...license } = info.license
      info.license = license
    }
    out.info = info
  }
  out.paths = Object.fromEntries(
    Object.entries(isObject(doc.paths) ? doc.paths : {}).map(([p, item]) => [p, isObject(item) ? pathItem(item, `#/paths/${p}`) : item]),
  )
  if (isObject(doc.components)) {
    const c = doc.components
    if (nonEmpty(c.pathItems)) throw new Unconvertible('#/components/pathItems', 'components.pathItems')
    const { pathItems: _pathItems, ...components } = c
    if (c.schemas) components.schemas = convertEach(c.schemas, '#/components/schemas', (s, at) => schemaTo30(s, at) as JsonObject)
    for (const key of ['parameters', 'headers', 'responses', 'requestBodies'] as const) {
      if (c[key]) components[key] = convertEach(c[key], `#/components/${key}`, withSchema)
    }
    if (isObject(c.securitySchemes)) {
      for (const [name, scheme] of Object.entries(c.securitySchemes)) {
        if (isObject(scheme) && scheme.type === 'mutualTLS') throw new Unconvertible(`#/components/securitySchemes/${name}`, 'a mutualTLS security scheme')
      }
    }
    out.components = components
  }
  return out
}
