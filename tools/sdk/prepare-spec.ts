/**
 * Small, meaning-preserving rewrites of an API document before an SDK generator reads it — only
 * where a generator would otherwise drop or degrade part of the API. The committed documents in
 * openapi/ are never changed; each rewrite is generic (no operation or schema is named here).
 *
 * - `allOf: [X, {description…}]` (how a described reference comes out of zod-to-openapi) →
 *   X with the annotations beside it. openapi-python-client refuses an allOf over an enum (it drops
 *   the whole operation) and oapi-codegen turns it into a new, untyped string type.
 * - For openapi-python-client only: an inline object whose generated class name
 *   (Parent + Property) is already the name of a component schema gets a title, so the class is
 *   `<Parent><Property>Object` instead of a duplicate that makes the generator drop the schema.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Keywords that only describe a schema (they change no validation). */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated'])
const annotationOnly = (s: Json) => isObject(s) && Object.keys(s).length > 0 && Object.keys(s).every((k) => ANNOTATIONS.has(k))

/**
 * `{allOf: [X, {description}]}` → `{...X, description}` (3.1: $ref siblings are allowed) or, for 3.0
 * (where siblings of a $ref are ignored), plain X when X is a reference.
 */
function unwrapAnnotatedAllOf(node: Json, version: '3.0' | '3.1'): Json {
  if (Array.isArray(node)) return node.map((n) => unwrapAnnotatedAllOf(n, version))
  if (!isObject(node)) return node
  const out: JsonObject = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, unwrapAnnotatedAllOf(v, version)]))
  const members = out.allOf
  if (!Array.isArray(members) || Object.keys(out).some((k) => k !== 'allOf' && !ANNOTATIONS.has(k))) return out
  const real = members.filter((m) => !annotationOnly(m))
  if (real.length !== 1 || !isObject(real[0])) return out
  const target = real[0]
  const annotations = Object.assign(
    {},
    ...members.filter(annotationOnly),
    ...Object.entries(out)
      .filter(([k]) => k !== 'allOf')
      .map(([k, v]) => ({ [k]: v })),
  )
  if ('$ref' in target && version === '3.0') return target
  return { ...target, ...annotations }
}

/** Lower-case letters and digits only: how generated class names compare. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Titles inline objects whose Parent+Property class name collides with a component schema. */
function titleCollidingInlineObjects(doc: JsonObject): void {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}
  const taken = new Set(Object.keys(schemas).map(norm))
  const visit = (schema: Json, className: string) => {
    if (!isObject(schema) || !isObject(schema.properties)) return
    for (const [prop, child] of Object.entries(schema.properties)) {
      if (!isObject(child) || '$ref' in child) continue
      const inline = child.type === 'object' || isObject(child.properties) ? child : isObject(child.items) && !('$ref' in child.items) ? child.items : null
      if (!inline) continue
      const base = `${className}${prop}${inline === child ? '' : 'item'}`
      let name = base
      if (taken.has(norm(base)) && typeof inline.title !== 'string') {
        inline.title = `${inline === child ? prop : `${prop} item`} object`
        name = `${className}${inline.title}`
      }
      taken.add(norm(name))
      visit(inline, name)
    }
  }
  for (const [name, schema] of Object.entries(schemas)) visit(schema, name)
}

/** The document an SDK generator should read (a copy; the input is not modified). */
export function prepareForGenerator(specJson: string, generator: 'openapi-python-client' | 'oapi-codegen'): string {
  const doc = JSON.parse(specJson) as JsonObject
  const version = String(doc.openapi).startsWith('3.0') ? '3.0' : '3.1'
  const out = unwrapAnnotatedAllOf(doc, version) as JsonObject
  if (generator === 'openapi-python-client') titleCollidingInlineObjects(out)
  return `${JSON.stringify(out, null, 2)}\n`
}
