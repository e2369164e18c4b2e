import { z } from '@hono/zod-openapi'
import { FORMAT_TYPES, SORT_FIELDS, UPLOAD_STATUSES } from '../../repositories/uploads.ts'
import { ID_PATTERN, MAX_PAGE_SIZE } from '../../repositories/values.ts'

/**
 * Request and response bodies of the upload metadata routes. Every body is strict: an unknown
 * key (`tenant_id` in a body...) is refused with 422 instead of being ignored or reaching a
 * query, and every value has a type, a length bound and, where it names something, an enum — an
 * object or array never stands where a string belongs. Query strings are validated the same way
 * for the parameters they document, but unknown ones (cache busters, `utm_*`, `status[$ne]`) are
 * dropped: they never reach a query, nor the cache key.
 */

/** Path words of the metadata routes: an upload id equal to one of them could never be read. */
const RESERVED_UPLOAD_IDS = ['recent', 'stats', 'task'] as const

const Id = (name: string) => z.string().regex(ID_PATTERN, `${name}: letters, digits and _ . : @ - (at most 128, starting with a letter or digit)`)

/** Free-text labels: bounded, no control characters (as the repository stores them). */
const Label = (max = 128) =>
  z
    .string()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters')

const UploadStatusSchema = z.enum(UPLOAD_STATUSES).openapi('UploadStatus')
const FormatTypeSchema = z.enum(FORMAT_TYPES).openapi('FormatType')

const UploadIdSchema = Id('upload_id')
  .refine((v) => !(RESERVED_UPLOAD_IDS as readonly string[]).includes(v), 'recent, stats and task are reserved words')
  .openapi({ example: 'upload_20251124_123456_9f86d081' })

const COUNT_MAX = 1e15

export const RegisterUploadBody = z
  .strictObject({
    upload_id: UploadIdSchema.optional().openapi({ description: 'Generated (upload_YYYYMMDD_HHMMSS_xxxxxxxx) when absent' }),
    task_id: Id('task_id').nullable().optional().openapi({ example: 'abc123-def456' }),
    source: Label().openapi({ example: 'api-service' }),
    environment: Label().openapi({ example: 'production' }),
    service_name: Label().nullable().optional().openapi({ example: 'checkout' }),
    file_name: Label(255).openapi({ example: 'app.log' }),
    file_size: z.number().int().min(0).max(COUNT_MAX).openapi({ example: 1048576, description: 'Bytes' }),
    format_type: FormatTypeSchema,
    log_count: z.number().int().min(0).max(COUNT_MAX).optional().openapi({
      example: 1500,
      description: "When known, counted against the tenant's logs_per_day quota (429 when over)",
    }),
  })
  .openapi('RegisterUploadRequest')

export const StatusChangeBody = z
  .strictObject({
    status: UploadStatusSchema.openapi({
      description: 'pending → processing → success | failed, or pending → failed (refused before processing); anything else is 409',
    }),
    log_count: z.number().int().min(0).max(COUNT_MAX).optional(),
    processing_time: z.number().min(0).max(1e9).optional().openapi({ description: 'Seconds', example: 2.5 }),
    errors: z.array(z.string().min(1).max(2000)).max(100).optional(),
  })
  .openapi('UploadStatusChange')

export const UploadSchema = z
  .object({
    _id: z.string(),
    upload_id: z.string(),
    task_id: z.string().nullable(),
    tenant_id: z.string(),
    user_id: z.string(),
    source: z.string(),
    environment: z.string(),
    service_name: z.string().nullable(),
    file_name: z.string(),
    file_size: z.number(),
    format_type: FormatTypeSchema,
    log_count: z.number(),
    status: UploadStatusSchema,
    processing_time: z.number().nullable(),
    errors: z.array(z.string()),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
    completed_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('UploadMetadata', {
    example: {
      _id: '507f1f77bcf86cd799439011',
      upload_id: 'upload_20251124_123456_9f86d081',
      task_id: 'abc123-def456',
      tenant_id: 'acme-corp',
      user_id: 'u_1',
      source: 'api-service',
      environment: 'production',
      service_name: null,
      file_name: 'app.log',
      file_size: 1048576,
      format_type: 'json',
      log_count: 1500,
      status: 'success',
      processing_time: 2.5,
      errors: [],
      created_at: '2025-11-24T10:00:00.000Z',
      updated_at: '2025-11-24T10:00:03.000Z',
      completed_at: '2025-11-24T10:00:03.000Z',
    },
  })

export const UploadPageSchema = z
  .object({
    metadata: z.array(UploadSchema),
    page: z.number().int(),
    page_size: z.number().int(),
    count: z.number().int().openapi({ description: 'Items on this page' }),
    total: z.number().int().openapi({ description: 'Items matching the filters' }),
  })
  .openapi('UploadMetadataPage')

export const UploadListSchema = z.object({ metadata: z.array(UploadSchema), count: z.number().int() }).openapi('UploadMetadataList')

export const TaskUploadsSchema = z.object({ task_id: z.string(), metadata: z.array(UploadSchema), count: z.number().int() }).openapi('TaskUploads')

const StatusStatsSchema = z.object({
  count: z.number().int(),
  total_logs: z.number(),
  total_size_bytes: z.number(),
  avg_processing_time: z.number().nullable().openapi({ description: 'Seconds; null when no upload of this status has one' }),
})

export const UploadStatsSchema = z
  .object({
    period_days: z.number().int(),
    total_uploads: z.number().int(),
    total_logs: z.number(),
    total_size_bytes: z.number(),
    by_status: z.partialRecord(UploadStatusSchema, StatusStatsSchema),
  })
  .openapi('UploadStats', {
    example: {
      period_days: 30,
      total_uploads: 150,
      total_logs: 450000,
      total_size_bytes: 536870912,
      by_status: { success: { count: 145, total_logs: 435000, total_size_bytes: 520093696, avg_processing_time: 2.3 } },
    },
  })

export const IndexesSchema = z
  .object({ collection: z.string(), indexes: z.array(z.string()) })
  .openapi('MetadataIndexes', { example: { collection: 'log_metadata', indexes: ['_id_', 'tenant_id_1_upload_id_1', 'task_id_1'] } })

export const UploadParams = z.strictObject({
  upload_id: Id('upload_id').openapi({ param: { name: 'upload_id', in: 'path' } }),
})

export const TaskParams = z.strictObject({
  task_id: Id('task_id').openapi({ param: { name: 'task_id', in: 'path' } }),
})

/** A query integer: digits only (no `1e3`, no `0x10`, no empty string), within bounds. */
const QueryInt = (min: number, max: number, def: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(def)

/** A query time: an ISO 8601 date-time with offset, or a date (UTC midnight). */
const QueryTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), 'a valid time')

/** How QueryTime reads in the OpenAPI document (the transform hides the union's formats). */
const QUERY_TIME_DOC = {
  anyOf: [
    { type: 'string' as const, format: 'date-time' },
    { type: 'string' as const, format: 'date' },
  ],
}

const SORT_VALUES = [...SORT_FIELDS, ...SORT_FIELDS.map((f) => `-${f}` as const)] as const

export const ListQuery = z
  .object({
    status: UploadStatusSchema.optional(),
    source: Label().optional(),
    environment: Label().optional(),
    service_name: Label().optional(),
    user_id: Id('user_id').optional(),
    format_type: FormatTypeSchema.optional(),
    created_after: QueryTime.optional().openapi({ ...QUERY_TIME_DOC, description: 'Inclusive; ISO 8601 date-time or date' }),
    created_before: QueryTime.optional().openapi({ ...QUERY_TIME_DOC, description: 'Exclusive; ISO 8601 date-time or date' }),
    page: QueryInt(1, 100_000, 1).openapi({ type: 'integer', minimum: 1, maximum: 100_000 }),
    page_size: QueryInt(1, MAX_PAGE_SIZE, 20).openapi({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }),
    sort: z.enum(SORT_VALUES).default('-created_at').openapi({ description: 'A field, `-field` for descending (default -created_at)' }),
    order: z.enum(['asc', 'desc']).optional().openapi({ description: 'Direction for `sort` given without a sign' }),
  })
  .superRefine((q, ctx) => {
    if (q.order && q.sort.startsWith('-'))
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'give the direction either as -field or as order, not both' })
    if (q.created_after && q.created_before && q.created_after >= q.created_before) {
      ctx.addIssue({ code: 'custom', path: ['created_before'], message: 'must be after created_after' })
    }
  })

export const StatsQuery = z.object({
  days: QueryInt(1, 3650, 30).openapi({ type: 'integer', minimum: 1, maximum: 3650, description: 'Period in days (default 30)' }),
})

export const RecentQuery = z.object({
  limit: QueryInt(1, 100, 10).openapi({ type: 'integer', minimum: 1, maximum: 100, description: 'How many (default 10)' }),
})

/** The sort the repository takes (`field` / `-field`) from `sort` and `order`. */
export function effectiveSort(q: { sort: string; order?: 'asc' | 'desc' | undefined }): string {
  if (!q.order) return q.sort
  return q.order === 'desc' ? `-${q.sort}` : q.sort
}
