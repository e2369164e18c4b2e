/**
 * Collection names and the indexes every repository relies on (the ELK Vision seed's indexes
 * plus those of sign-in accounts), with explicit names so re-running is a no-op on MongoDB,
 * FerretDB and the embedded store alike. No TTL indexes: FerretDB v1 refuses them.
 * Uniqueness (email, user_id, upload_id, tenant_id) lives in these indexes — run
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
  { key: { upload_id: 1 }, name: 'upload_id_1', unique: true },
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

export interface EnsureIndexesOptions {
  /** Which collections (default: all four). */
  only?: CollectionKind[]
  /** Overrides of the default collection names. */
  names?: Partial<Record<CollectionKind, string>>
}

/**
 * Creates the indexes idempotently. Returns, per collection name, the index names it now has.
 * Safe to run concurrently: an index created by a racing instance under the same name and key
 * is left alone.
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
    out[name] = (await coll.listIndexes()).map((i) => i.name)
  }
  return out
}
