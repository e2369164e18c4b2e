/**
 * Stands in for zod's JSON Schema conversion (to-json-schema, json-schema-processors,
 * json-schema-generator, from-json-schema: ~36 KB of the raw bundle) in the Worker: wrangler.toml
 * aliases the exact strings zod's own modules import them by to this file, as it does for the
 * locales. gatehouse's Worker never converts a schema to or from JSON Schema: its OpenAPI document
 * comes from zod-to-openapi, which walks the schemas itself; zod only references these to hang
 * `.toJSONSchema()` and `~standard.jsonSchema` on every schema, lazily. Calling one throws.
 * tests/worker-bundle.test.ts fails if the build warns about a name missing here (a zod upgrade
 * that adds a processor) and runs the real validation messages in workerd.
 */
const unavailable = (): never => {
  throw new Error('JSON Schema conversion is not in the Worker bundle')
}

// The processors classic/schemas.js reads, lazily, as `processors.<name>`.
export const aggregateChecks = unavailable
export const anyProcessor = unavailable
export const arrayProcessor = unavailable
export const bigintProcessor = unavailable
export const booleanProcessor = unavailable
export const catchProcessor = unavailable
export const customProcessor = unavailable
export const dateProcessor = unavailable
export const defaultProcessor = unavailable
export const enumProcessor = unavailable
export const fileProcessor = unavailable
export const functionProcessor = unavailable
export const intersectionProcessor = unavailable
export const js = unavailable
export const lazyProcessor = unavailable
export const literalProcessor = unavailable
export const mapProcessor = unavailable
export const nanProcessor = unavailable
export const neverProcessor = unavailable
export const nonoptionalProcessor = unavailable
export const nullProcessor = unavailable
export const nullableProcessor = unavailable
export const numberProcessor = unavailable
export const objectProcessor = unavailable
export const optionalProcessor = unavailable
export const pipeProcessor = unavailable
export const prefaultProcessor = unavailable
export const promiseProcessor = unavailable
export const readonlyProcessor = unavailable
export const recordProcessor = unavailable
export const setProcessor = unavailable
export const stringProcessor = unavailable
export const successProcessor = unavailable
export const symbolProcessor = unavailable
export const templateLiteralProcessor = unavailable
export const transformProcessor = unavailable
export const tupleProcessor = unavailable
export const undefinedProcessor = unavailable
export const unionProcessor = unavailable
export const unknownProcessor = unavailable
export const voidProcessor = unavailable

// to-json-schema.js, json-schema-processors.js, json-schema-generator.js, from-json-schema.js
export const toJSONSchema = unavailable
export const fromJSONSchema = unavailable
export const createToJSONSchemaMethod = () => unavailable
export const createStandardJSONSchemaMethod = () => unavailable
export const initializeContext = unavailable
export const handleUnrepresentable = unavailable
export const processSchema = unavailable
export const extractDefs = unavailable
export const finalize = unavailable
export class JSONSchemaGenerator {
  constructor() {
    unavailable()
  }
}
