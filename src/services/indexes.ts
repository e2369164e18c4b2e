/**
 * Index initialisation for every collection (profiles, users, tenants, upload metadata), run
 * under a distributed lock so instances starting together do not race each other's
 * createIndexes calls.
 *
 * When it runs:
 * - Node (`npm start`, src/entry/node.ts): at start-up, before the server listens.
 * - Workers: there is no start-up hook, so run it once per deploy, after `wrangler deploy`:
 *   `curl -X POST https://<host>/api/v1/users/admin/initialize-indexes/ -H "Authorization: Bearer <admin token>"`
 *   (idempotent — running it again, or from several places at once, changes nothing).
 * The repositories rely on these indexes for uniqueness (email, user_id, upload_id, tenant_id).
 */
import type { Backends } from '../ports.ts'
import { ensureIndexes as createIndexes, type EnsureIndexesOptions } from '../repositories/indexes.ts'

/** Name of the lock every instance takes around index creation. */
const INDEX_LOCK = 'indexes:ensure'

/** Lock timing: held at most 60 s (a crashed holder frees it by itself); waiters give up after 30 s. */
const INDEX_LOCK_OPTIONS = { ttlMs: 60_000, waitMs: 30_000 } as const

/**
 * Creates every index idempotently under the distributed lock; returns the index names each
 * collection has afterwards. Throws LockBusyError when another instance holds the lock longer
 * than the wait, and the store's errors (BackendUnavailableError...) when it cannot be reached.
 *
 * @example
 * const indexes = await ensureIndexes(backends) // { user_profiles: ['_id_', 'user_id_1', ...], ... }
 */
export function ensureIndexes(backends: Pick<Backends, 'documents' | 'locks'>, options: EnsureIndexesOptions = {}): Promise<Record<string, string[]>> {
  return backends.locks.withLock(INDEX_LOCK, INDEX_LOCK_OPTIONS, () => createIndexes(backends.documents, options))
}
