/**
 * Upload metadata (the ELK Vision seed's LogMetadata), written once against `Collection`.
 * Every call is scoped to a tenant. Status changes follow pending → processing → success|failed
 * (and pending → failed: an upload refused before processing) and are conditional updates on the
 * current status, so of two racing transitions one wins. upload_id is unique per tenant.
 * Statistics use `$group` with one `$sum` each (averages are sums divided in code): FerretDB v1
 * has no `$avg` and fills only the first accumulator of a `$group`.
 */

import { DuplicateKeyError, InvalidTransitionError } from '../errors.ts'
import type { Collection, DocumentStore, Filter } from '../ports.ts'
import { COLLECTIONS } from './indexes.ts'
import {
  errorsList,
  FORMAT_TYPES,
  label,
  logCount,
  newUploadId,
  parseSort,
  processingTime,
  round3,
  type StatusStats,
  TRANSITIONS,
  toUpload,
  UPLOAD_STATUSES,
  type UploadRecord,
  type UploadStats,
  type UploadsRepository,
} from './upload-fields.ts'
import type { RepositoryOptions } from './users.ts'
import { date, id, idString, int, object, oneOf, onlyKeys, paging } from './values.ts'

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

export type { ListOptions, NewUpload, StatusDetails, UploadFilters, UploadRecord, UploadStats, UploadStatus, UploadsRepository } from './upload-fields.ts'
export { FORMAT_TYPES, SORT_FIELDS, UPLOAD_STATUSES } from './upload-fields.ts'
