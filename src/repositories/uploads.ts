/**
 * Upload metadata (the ELK Vision seed's LogMetadata), written once against `Collection`.
 * Every call is scoped to a tenant. Status changes follow pending → processing → success|failed
 * (and pending → failed: an upload refused before processing) and are conditional updates on the
 * current status, so of two racing transitions one wins. upload_id is unique per tenant.
 * Statistics use `$group` with one `$sum` each (averages are sums divided in code): FerretDB v1
 * has no `$avg` and fills only the first accumulator of a `$group`.
 */

import { DuplicateKeyError, InvalidTransitionError, ValidationError } from '../errors.ts'
import type { Collection, DocumentStore, Filter, Sort } from '../ports.ts'
import { COLLECTIONS } from './indexes.ts'
import type { RepositoryOptions } from './users.ts'
import { date, id, idString, int, num, object, oneOf, onlyKeys, paging, text } from './values.ts'

export const UPLOAD_STATUSES = ['pending', 'processing', 'success', 'failed'] as const
export type UploadStatus = (typeof UPLOAD_STATUSES)[number]

export const FORMAT_TYPES = ['json', 'ndjson', 'text', 'csv', 'syslog', 'logfmt', 'xml'] as const
type FormatType = (typeof FORMAT_TYPES)[number]

/** The only status changes allowed. */
const TRANSITIONS: Record<UploadStatus, readonly UploadStatus[]> = {
  // An upload can be refused before any processing (bad format, quota, virus scan...).
  pending: ['processing', 'failed'],
  processing: ['success', 'failed'],
  success: [],
  failed: [],
}

export const SORT_FIELDS = ['created_at', 'updated_at', 'completed_at', 'file_size', 'log_count', 'processing_time', 'status', 'file_name'] as const

export type UploadRecord = {
  _id?: string
  upload_id: string
  task_id: string | null
  tenant_id: string
  user_id: string
  source: string
  environment: string
  service_name: string | null
  file_name: string
  file_size: number
  format_type: FormatType
  status: UploadStatus
  log_count: number
  /** Seconds; null until known. */
  processing_time: number | null
  errors: string[]
  created_at: Date
  updated_at: Date
  completed_at: Date | null
}

export interface NewUpload {
  /** Generated (`upload_YYYYMMDD_HHMMSS_xxxxxxxx`) when absent. */
  upload_id?: string
  task_id?: string | null
  tenant_id: string
  user_id: string
  source: string
  environment: string
  service_name?: string | null
  file_name: string
  file_size: number
  format_type: FormatType
  status?: UploadStatus
  log_count?: number
  processing_time?: number | null
  errors?: string[]
}

export interface StatusDetails {
  log_count?: number
  processing_time?: number
  errors?: string[]
}

export interface UploadFilters {
  status?: UploadStatus
  source?: string
  environment?: string
  service_name?: string
  user_id?: string
  format_type?: FormatType
  created_after?: Date
  created_before?: Date
}

export interface ListOptions {
  page?: number
  page_size?: number
  /** A sort field, `-` in front for descending (default `-created_at`). */
  sort?: string
}

interface StatusStats {
  count: number
  total_logs: number
  total_size_bytes: number
  /** Mean of the uploads that have a processing_time (seconds, 3 decimals); null when none. */
  avg_processing_time: number | null
}

export interface UploadStats {
  period_days: number
  total_uploads: number
  total_logs: number
  total_size_bytes: number
  by_status: Partial<Record<UploadStatus, StatusStats>>
}

export interface UploadsRepository {
  /** Registers an upload; DuplicateKeyError when a given upload_id exists (nothing overwritten). */
  create(input: NewUpload): Promise<UploadRecord>
  get(tenantId: string, uploadId: string): Promise<UploadRecord | null>
  delete(tenantId: string, uploadId: string): Promise<boolean>
  /** Uploads of a task, newest first (at most 100). */
  byTask(tenantId: string, taskId: string): Promise<UploadRecord[]>
  /** Newest uploads (limit 1–100, default 10). */
  recent(tenantId: string, limit?: number): Promise<UploadRecord[]>
  list(tenantId: string, filters?: UploadFilters, options?: ListOptions): Promise<{ items: UploadRecord[]; total: number; page: number; page_size: number }>
  /**
   * Moves an upload to `next` if the transition is allowed from its current status, atomically.
   * Null when there is no such upload; InvalidTransitionError otherwise (also for the loser of a race).
   */
  updateStatus(tenantId: string, uploadId: string, next: UploadStatus, details?: StatusDetails): Promise<UploadRecord | null>
  /** Counts and sums by status over the last `days` days (1–3650). */
  stats(tenantId: string, days: number): Promise<UploadStats>
}

/** Free-text labels (source, environment, service name): no control characters. */
function label(field: string, value: unknown, max = 128): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  return text(field, value, { max, pattern: /^[^\u0000-\u001f\u007f]+$/ })
}

function errorsList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 100) throw new ValidationError('errors', 'must be a list of at most 100 strings')
  return value.map((e, i) => text(`errors[${i}]`, e, { max: 2000 }))
}

function processingTime(value: unknown): number {
  return num('processing_time', value, 0, 1e9)
}

function logCount(value: unknown): number {
  return int('log_count', value, 0, 1e15)
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `upload_20251124_123456_9f86d081` (UTC time + 32 random bits). */
function newUploadId(at: Date): string {
  const d = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`
  const t = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
  const rnd = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('')
  return `upload_${d}_${t}_${rnd}`
}

function toUpload(doc: Record<string, unknown> | null): UploadRecord | null {
  if (!doc) return null
  return { ...(doc as UploadRecord), _id: idString(doc._id) }
}

/** Parses `created_at` / `-file_size` into a sort with a stable tie-breaker. */
function parseSort(value: unknown = '-created_at'): Sort {
  const raw = text('sort', value, { max: 40 })
  const desc = raw.startsWith('-')
  const field = oneOf('sort', desc ? raw.slice(1) : raw, SORT_FIELDS)
  const dir = desc ? -1 : 1
  return { [field]: dir, upload_id: dir }
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}

/**
 * @example
 * const uploads = createUploadsRepository(backends.documents)
 * const { items, total } = await uploads.list(tenantId, { status: 'success' }, { page: 1, page_size: 20 })
 */
export function createUploadsRepository(store: DocumentStore, options: RepositoryOptions = {}): UploadsRepository {
  const coll: Collection = store.collection(options.collection ?? COLLECTIONS.uploads)
  const now = options.now ?? (() => new Date())

  const one = (tenantId: string, uploadId: string): Filter => ({ tenant_id: id('tenant_id', tenantId), upload_id: id('upload_id', uploadId) })

  return {
    async create(input) {
      const at = now()
      const status = input.status === undefined ? 'pending' : oneOf('status', input.status, UPLOAD_STATUSES)
      const base: Omit<UploadRecord, 'upload_id'> = {
        task_id: input.task_id === undefined || input.task_id === null ? null : id('task_id', input.task_id),
        tenant_id: id('tenant_id', input.tenant_id),
        user_id: id('user_id', input.user_id),
        source: label('source', input.source),
        environment: label('environment', input.environment),
        service_name: input.service_name === undefined || input.service_name === null ? null : label('service_name', input.service_name),
        file_name: label('file_name', input.file_name, 255),
        file_size: int('file_size', input.file_size, 0, 1e15),
        format_type: oneOf('format_type', input.format_type, FORMAT_TYPES),
        status,
        log_count: input.log_count === undefined ? 0 : logCount(input.log_count),
        processing_time: input.processing_time === undefined || input.processing_time === null ? null : processingTime(input.processing_time),
        errors: input.errors === undefined ? [] : errorsList(input.errors),
        created_at: at,
        updated_at: at,
        completed_at: status === 'success' || status === 'failed' ? at : null,
      }
      const given = input.upload_id === undefined ? undefined : id('upload_id', input.upload_id)
      // A generated id colliding with another is retried; a given one is the caller's conflict.
      for (let attempt = 0; ; attempt++) {
        const record: UploadRecord = { upload_id: given ?? newUploadId(at), ...base }
        try {
          const { insertedId } = await coll.insertOne({ ...record })
          return { ...record, _id: idString(insertedId) }
        } catch (err) {
          if (!(err instanceof DuplicateKeyError) || given !== undefined || attempt >= 4) throw err
        }
      }
    },

    async get(tenantId, uploadId) {
      return toUpload(await coll.findOne(one(tenantId, uploadId)))
    },

    async delete(tenantId, uploadId) {
      return (await coll.deleteOne(one(tenantId, uploadId))).deletedCount === 1
    },

    async byTask(tenantId, taskId) {
      const docs = await coll.find(
        { tenant_id: id('tenant_id', tenantId), task_id: id('task_id', taskId) },
        { sort: { created_at: -1, upload_id: -1 }, limit: 100 },
      )
      return docs.map((d) => toUpload(d)!)
    },

    async recent(tenantId, limit = 10) {
      const docs = await coll.find({ tenant_id: id('tenant_id', tenantId) }, { sort: { created_at: -1, upload_id: -1 }, limit: int('limit', limit, 1, 100) })
      return docs.map((d) => toUpload(d)!)
    },

    async list(tenantId, filters = {}, opts = {}) {
      const f = object('filters', filters)
      onlyKeys('filters', f, ['status', 'source', 'environment', 'service_name', 'user_id', 'format_type', 'created_after', 'created_before'])
      const filter: Filter = { tenant_id: id('tenant_id', tenantId) }
      if (f.status !== undefined) filter.status = oneOf('status', f.status, UPLOAD_STATUSES)
      if (f.source !== undefined) filter.source = label('source', f.source)
      if (f.environment !== undefined) filter.environment = label('environment', f.environment)
      if (f.service_name !== undefined) filter.service_name = label('service_name', f.service_name)
      if (f.user_id !== undefined) filter.user_id = id('user_id', f.user_id)
      if (f.format_type !== undefined) filter.format_type = oneOf('format_type', f.format_type, FORMAT_TYPES)
      const range: Record<string, Date> = {}
      if (f.created_after !== undefined) range.$gte = date('created_after', f.created_after)
      if (f.created_before !== undefined) range.$lt = date('created_before', f.created_before)
      if (Object.keys(range).length) filter.created_at = range
      const { page, page_size, skip } = paging(opts.page, opts.page_size)
      const sort = parseSort(opts.sort)
      const [docs, total] = await Promise.all([coll.find(filter, { sort, skip, limit: page_size }), coll.count(filter)])
      return { items: docs.map((d) => toUpload(d)!), total, page, page_size }
    },

    async updateStatus(tenantId, uploadId, next, details = {}) {
      const target = oneOf('status', next, UPLOAD_STATUSES)
      const d = object('details', details)
      onlyKeys('details', d, ['log_count', 'processing_time', 'errors'])
      const at = now()
      const sets: Record<string, unknown> = { status: target, updated_at: at }
      if (d.log_count !== undefined) sets.log_count = logCount(d.log_count)
      if (d.processing_time !== undefined) sets.processing_time = processingTime(d.processing_time)
      if (d.errors !== undefined) sets.errors = errorsList(d.errors)
      if (target === 'success' || target === 'failed') sets.completed_at = at
      const filter = one(tenantId, uploadId)
      const from = UPLOAD_STATUSES.filter((s) => TRANSITIONS[s].includes(target))
      if (from.length > 0) {
        // The condition on the current status makes check-and-set one atomic write.
        const res = await coll.updateOne({ ...filter, status: { $in: from } }, { $set: sets })
        if (res.matchedCount === 1) return toUpload(await coll.findOne(filter))
      }
      const current = await coll.findOne(filter)
      if (!current) return null
      throw new InvalidTransitionError(String(current.status), target)
    },

    async stats(tenantId, days) {
      const period = int('days', days, 1, 3650)
      const since = new Date(now().getTime() - period * 86_400_000)
      const match: Filter = { tenant_id: id('tenant_id', tenantId), created_at: { $gte: since } }
      const timedMatch: Filter = { ...match, processing_time: { $gte: 0 } }
      // One accumulator per $group: FerretDB v1.24 fills only the first accumulator of a $group
      // (the others come back 0), and has no $avg. The five small pipelines run in parallel.
      const sumByStatus = async (filter: Filter, value: 1 | string): Promise<Map<string, number>> => {
        const rows = await coll.aggregate<{ _id: string; v: unknown }>([{ $match: filter }, { $group: { _id: '$status', v: { $sum: value } } }])
        return new Map(rows.map((r) => [String(r._id), Number(r.v ?? 0)]))
      }
      const [counts, logs, sizes, timedCounts, seconds] = await Promise.all([
        sumByStatus(match, 1),
        sumByStatus(match, '$log_count'),
        sumByStatus(match, '$file_size'),
        sumByStatus(timedMatch, 1),
        sumByStatus(timedMatch, '$processing_time'),
      ])
      const stats: UploadStats = { period_days: period, total_uploads: 0, total_logs: 0, total_size_bytes: 0, by_status: {} }
      for (const status of UPLOAD_STATUSES) {
        const count = counts.get(status) ?? 0
        if (count === 0) continue
        const timed = timedCounts.get(status) ?? 0
        const entry: StatusStats = {
          count,
          total_logs: logs.get(status) ?? 0,
          total_size_bytes: sizes.get(status) ?? 0,
          avg_processing_time: timed > 0 ? round3((seconds.get(status) ?? 0) / timed) : null,
        }
        stats.total_uploads += entry.count
        stats.total_logs += entry.total_logs
        stats.total_size_bytes += entry.total_size_bytes
        stats.by_status[status] = entry
      }
      return stats
    },
  }
}
