import { IndexConflictError } from '../errors.ts'
import type { IndexSpec } from '../ports.ts'

/**
 * The indexes of `wanted` that `existing` lacks, normalised; throws IndexConflictError when a
 * name is taken by another definition. Every document adapter compares first, so creating
 * indexes is idempotent and an identical index costs no write (FerretDB v1 even drops the
 * connection when several existing indexes are re-sent).
 */
export function missingIndexes(existing: IndexSpec[], wanted: IndexSpec[]): IndexSpec[] {
  const byName = new Map(existing.map((ix) => [ix.name, ix]))
  const missing: IndexSpec[] = []
  for (const spec of wanted) {
    const have = byName.get(spec.name)
    if (!have) {
      const normalised: IndexSpec = { key: spec.key, name: spec.name, ...(spec.unique ? { unique: true } : {}) }
      missing.push(normalised)
      byName.set(spec.name, normalised) // the same name twice in one call is created once
    } else if (JSON.stringify(have.key) !== JSON.stringify(spec.key) || !!have.unique !== !!spec.unique) throw new IndexConflictError(spec.name)
  }
  return missing
}
