/**
 * Collection names and the indexes every repository relies on (the ELK Vision seed's indexes
 * plus those of sign-in accounts), with explicit names so re-running is a no-op on MongoDB,
 * FerretDB and the embedded store alike. No TTL indexes: FerretDB v1 refuses them.
 * Uniqueness (email, user_id, tenant_id; upload_id per tenant) lives in these indexes — run
 * `ensureIndexes` at start-up (the repositories do not create them on their own).
 */
import type { DocumentStore, IndexSpec } from '../ports.ts'

/** Default collection names. */
export const COLLECTIONS = {
  users: 'users',
  tenants: 'tenants',
  profiles: 'user_profiles',
  uploads: 'log_metadata',
} as const

export type CollectionKind = keyof typeof COLLECTIONS

const PROFILE_INDEXES: IndexSpec[] = [
  { key: { user_id: 1 }, name: 'user_id_1', unique: true },
  { key: { tenant_id: 1 }, name: 'tenant_id_1' },
  { key: { tenant_id: 1, role: 1 }, name: 'tenant_id_1_role_1' },
  { key: { created_at: 1 }, name: 'created_at_1' },
]

const UPLOAD_INDEXES: IndexSpec[] = [
  // upload_id is unique per tenant: a global one would let one tenant take ids before another
  // and tell it (409) that another tenant has an id it cannot see (404).
  { key: { tenant_id: 1, upload_id: 1 }, name: 'tenant_id_1_upload_id_1', unique: true },
  { key: { task_id: 1 }, name: 'task_id_1' },
  { key: { tenant_id: 1 }, name: 'tenant_id_1' },
  { key: { tenant_id: 1, status: 1 }, name: 'tenant_id_1_status_1' },
  { key: { tenant_id: 1, created_at: 1 }, name: 'tenant_id_1_created_at_1' },
  { key: { tenant_id: 1, user_id: 1, created_at: 1 }, name: 'tenant_id_1_user_id_1_created_at_1' },
  { key: { tenant_id: 1, source: 1, environment: 1 }, name: 'tenant_id_1_source_1_environment_1' },
]

const USER_INDEXES: IndexSpec[] = [
  { key: { email: 1 }, name: 'email_1', unique: true },
  { key: { user_id: 1 }, name: 'user_id_1', unique: true },
  { key: { tenant_id: 1 }, name: 'tenant_id_1' },
]

const TENANT_INDEXES: IndexSpec[] = [{ key: { tenant_id: 1 }, name: 'tenant_id_1', unique: true }]

export const INDEXES: Record<CollectionKind, IndexSpec[]> = {
  users: USER_INDEXES,
  tenants: TENANT_INDEXES,
  profiles: PROFILE_INDEXES,
  uploads: UPLOAD_INDEXES,
}

/**
 * Indexes earlier versions created that must go, each dropped only when it still has exactly
 * this definition, and only AFTER the current indexes exist — so no moment goes without the
 * uniqueness the repositories rely on (the compound index is weaker than the old one, so data
 * written under the old one always satisfies it).
 */
const RETIRED: Partial<Record<CollectionKind, IndexSpec[]>> = {
  uploads: [{ key: { upload_id: 1 }, name: 'upload_id_1', unique: true }],
}

const sameDefinition = (a: IndexSpec, b: IndexSpec) => JSON.stringify(a.key) === JSON.stringify(b.key) && !!a.unique === !!b.unique

export interface EnsureIndexesOptions {
  /** Which collections (default: all four). */
  only?: CollectionKind[]
  /** Overrides of the default collection names. */
  names?: Partial<Record<CollectionKind, string>>
}

/**
 * Creates the indexes idempotently and drops the retired ones (the migration). Returns, per
 * collection name, the index names it now has. Safe to run concurrently: an index created by a
 * racing instance under the same name and key is left alone, one dropped by it is gone already.
 *
 * @example
 * await ensureIndexes(backends.documents, { only: ['profiles'] })
 */
export async function ensureIndexes(store: DocumentStore, options: EnsureIndexesOptions = {}): Promise<Record<string, string[]>> {
  const kinds = options.only ?? (Object.keys(COLLECTIONS) as CollectionKind[])
  const out: Record<string, string[]> = {}
  for (const kind of kinds) {
    const name = options.names?.[kind] ?? COLLECTIONS[kind]
    const coll = store.collection(name)
    // One index per call: FerretDB v1.24 drops the connection (server-side panic) when a single
    // createIndexes names two or more indexes that all exist already.
    for (const spec of INDEXES[kind]) await coll.createIndexes([spec])
    let present = await coll.listIndexes()
    const retired = (RETIRED[kind] ?? []).filter((old) => present.some((ix) => ix.name === old.name && sameDefinition(ix, old)))
    if (retired.length > 0) {
      for (const old of retired) await coll.dropIndex(old.name)
      present = await coll.listIndexes()
    }
    out[name] = present.map((i) => i.name)
  }
  return out
}
