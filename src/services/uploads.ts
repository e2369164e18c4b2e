/**
 * Upload metadata (the ELK Vision seed's log endpoints) over the ports: who may do what, the
 * tenant's `logs_per_day` quota, and keeping the tenant's cached answers honest.
 *
 * Rules:
 * - everything is scoped to the caller's tenant; another tenant's upload is "not found";
 * - every member may register uploads and read the tenant's uploads; changing or deleting one
 *   is for the user who registered it, or an admin;
 * - a known `log_count` at registration is counted against the tenant's logs_per_day quota
 *   (Counters, UTC day) and refused over it; a log_count first learnt on a status change is
 *   counted then (not refused: the logs were already processed);
 * - every write invalidates the tenant's cached upload answers (tag `uploads`) once it settled —
 *   also one that failed in a way that may have written (a timeout).
 */
import type { Deps } from '../deps.ts'
import type { Principal } from '../domain/principal.ts'
import { roleAtLeast } from '../domain/roles.ts'
import { ConflictError, DuplicateKeyError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts'
import { createProfilesRepository } from '../repositories/profiles.ts'
import {
  createUploadsRepository,
  type ListOptions,
  type NewUpload,
  type StatusDetails,
  type UploadFilters,
  type UploadRecord,
  type UploadStats,
  type UploadStatus,
} from '../repositories/uploads.ts'
import { invalidateCached } from './cache.ts'
import { ensureIndexes } from './indexes.ts'
import { DAY_SECONDS, dayWindow, LOGS_TTL_SECONDS, logsKey, quotaLimits } from './quotas.ts'

/** The cache tag of a tenant's upload answers (stats, recent, lists). */
export const UPLOADS_TAG = 'uploads'

/** Who is acting: the checked caller. */
export type Actor = Pick<Principal, 'userId' | 'tenantId' | 'role'>

/** An upload as the API answers it (dates as ISO strings). */
export type UploadView = Omit<UploadRecord, '_id' | 'created_at' | 'updated_at' | 'completed_at'> & {
  _id: string
  created_at: string
  updated_at: string
  completed_at: string | null
}

export interface UploadPage {
  metadata: UploadView[]
  page: number
  page_size: number
  count: number
  total: number
}

export type RegisterInput = Omit<NewUpload, 'tenant_id' | 'user_id' | 'status' | 'processing_time' | 'errors'>

export interface StatusChange extends StatusDetails {
  status: UploadStatus
}

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString())

/** The JSON-safe view of a record (also what the cache stores). */
function toView(r: UploadRecord): UploadView {
  return {
    ...r,
    _id: r._id ?? '',
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
    completed_at: r.completed_at === null || r.completed_at === undefined ? null : iso(r.completed_at),
  }
}

/**
 * @example
 * const uploads = uploadsService(c.var.deps)
 * const record = await uploads.register(actor, { source: 'api', environment: 'prod', file_name: 'a.log', file_size: 10, format_type: 'json' })
 */
export function uploadsService(deps: Deps) {
  const { backends, config, logger } = deps
  const clock = deps.now ?? Date.now
  const repo = createUploadsRepository(backends.documents, { now: () => new Date(clock()) })
  const profiles = createProfilesRepository(backends.documents)

  // The write already happened: a cache that cannot be told is logged, not turned into an error
  // the client would retry (and get 409 for).
  const invalidate = (tenantId: string) => invalidateCached(backends.cache, tenantId, [UPLOADS_TAG], logger)

  /**
   * Runs a write, then drops the tenant's cached answers — also when it failed: a write that timed
   * out (or whose read-back did) may have been applied, and a stale list must not outlive it.
   */
  const writing = async <T>(tenantId: string, write: () => Promise<T>): Promise<T> => {
    try {
      return await write()
    } finally {
      await invalidate(tenantId)
    }
  }

  const mayWrite = (actor: Actor, record: UploadRecord) => record.user_id === actor.userId || roleAtLeast(actor.role, 'admin')

  /** The tenant's logs_per_day limit: the uploader's profile quota, else the configured default. */
  const logsLimit = async (actor: Actor) => {
    const profile = await profiles.getByUser(actor.userId, { tenantId: actor.tenantId })
    return quotaLimits(profile, config).logs_per_day
  }

  /** Adds `count` to today's counter; refuses (and takes it back) when over the limit. */
  const chargeLogs = async (actor: Actor, count: number, now: number): Promise<() => Promise<void>> => {
    const key = logsKey(actor.tenantId, now)
    const [limitResult, usedResult] = await Promise.allSettled([logsLimit(actor), backends.counters.increment(key, count, LOGS_TTL_SECONDS)])
    if (usedResult.status === 'rejected') throw usedResult.reason
    const used = usedResult.value
    const refund = async () => {
      await backends.counters.increment(key, -count, LOGS_TTL_SECONDS)
    }
    if (limitResult.status === 'rejected') {
      await refund().catch(() => undefined)
      throw limitResult.reason
    }
    const limit = limitResult.value
    if (used > limit) {
      await refund()
      const violated = { name: 'logs_per_day', limit, remaining: Math.max(0, limit - (used - count)), windowSeconds: DAY_SECONDS, reset: dayWindow(now).reset }
      throw new RateLimitedError([violated], now, { message: `This upload's ${count} log lines would exceed the tenant's logs_per_day quota of ${limit}` })
    }
    return refund
  }

  /** The record of the tenant, or 404 (also for other tenants' uploads). */
  const mustGet = async (tenantId: string, uploadId: string) => {
    const record = await repo.get(tenantId, uploadId)
    if (!record) throw new NotFoundError('No upload with this id')
    return record
  }

  return {
    /** Registers an upload (201). 409 on a taken upload_id, 429 over the logs quota. */
    async register(actor: Actor, input: RegisterInput): Promise<UploadView> {
      const now = clock()
      const count = input.log_count ?? 0
      const refund = count > 0 ? await chargeLogs(actor, count, now) : null
      let record: UploadRecord
      try {
        record = await writing(actor.tenantId, () => repo.create({ ...input, tenant_id: actor.tenantId, user_id: actor.userId }))
      } catch (err) {
        // Refunded only when nothing was written; a write with an unknown outcome (a timeout) may
        // have landed, and then its logs count.
        if (err instanceof DuplicateKeyError || err instanceof ValidationError) await refund?.().catch(() => undefined)
        if (err instanceof DuplicateKeyError) throw new ConflictError('An upload with this upload_id already exists')
        throw err
      }
      return toView(record)
    },

    /** Moves an upload along pending → processing → success|failed, or pending → failed (409 otherwise). */
    async changeStatus(actor: Actor, uploadId: string, change: StatusChange): Promise<UploadView> {
      const current = await mustGet(actor.tenantId, uploadId)
      if (!mayWrite(actor, current)) throw new ForbiddenError('Only the uploading user or an admin may change this upload')
      const { status, ...details } = change
      const updated = await writing(actor.tenantId, () => repo.updateStatus(actor.tenantId, uploadId, status, details))
      if (!updated) throw new NotFoundError('No upload with this id')
      // Log lines learnt only now are counted (never refused: they were processed already).
      const added = (updated.log_count ?? 0) - (current.log_count ?? 0)
      if (added > 0) await backends.counters.increment(logsKey(actor.tenantId, clock()), added, LOGS_TTL_SECONDS)
      return toView(updated)
    },

    async get(actor: Actor, uploadId: string): Promise<UploadView> {
      return toView(await mustGet(actor.tenantId, uploadId))
    },

    async remove(actor: Actor, uploadId: string): Promise<void> {
      const current = await mustGet(actor.tenantId, uploadId)
      if (!mayWrite(actor, current)) throw new ForbiddenError('Only the uploading user or an admin may delete this upload')
      if (!(await writing(actor.tenantId, () => repo.delete(actor.tenantId, uploadId)))) throw new NotFoundError('No upload with this id')
    },

    async byTask(actor: Actor, taskId: string): Promise<{ task_id: string; metadata: UploadView[]; count: number }> {
      const items = await repo.byTask(actor.tenantId, taskId)
      return { task_id: taskId, metadata: items.map(toView), count: items.length }
    },

    async recent(actor: Actor, limit: number): Promise<{ metadata: UploadView[]; count: number }> {
      const items = await repo.recent(actor.tenantId, limit)
      return { metadata: items.map(toView), count: items.length }
    },

    async list(actor: Actor, filters: UploadFilters, options: ListOptions): Promise<UploadPage> {
      const { items, total, page, page_size } = await repo.list(actor.tenantId, filters, options)
      return { metadata: items.map(toView), page, page_size, count: items.length, total }
    },

    async stats(actor: Actor, days: number): Promise<UploadStats> {
      return repo.stats(actor.tenantId, days)
    },

    /** Creates the upload indexes (idempotent, under the index lock); returns the index names. */
    async initializeIndexes(): Promise<string[]> {
      const out = await ensureIndexes(backends, { only: ['uploads'] })
      return Object.values(out).flat()
    },
  }
}
