/**
 * The upload record's vocabulary and field rules: statuses and their transitions, formats, sort
 * fields, the record and query types, and the validators the repository (uploads.ts) applies.
 */
import { ValidationError } from '../errors.ts'
import type { Sort } from '../ports.ts'
import { idString, int, num, oneOf, text } from './values.ts'

export const UPLOAD_STATUSES = ['pending', 'processing', 'success', 'failed'] as const
export type UploadStatus = (typeof UPLOAD_STATUSES)[number]

export const FORMAT_TYPES = ['json', 'ndjson', 'text', 'csv', 'syslog', 'logfmt', 'xml'] as const
type FormatType = (typeof FORMAT_TYPES)[number]

/** The only status changes allowed. */
export const TRANSITIONS: Record<UploadStatus, readonly UploadStatus[]> = {
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

export interface StatusStats {
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
export function label(field: string, value: unknown, max = 128): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  return text(field, value, { max, pattern: /^[^\u0000-\u001f\u007f]+$/ })
}

export function errorsList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 100) throw new ValidationError('errors', 'must be a list of at most 100 strings')
  return value.map((e, i) => text(`errors[${i}]`, e, { max: 2000 }))
}

export function processingTime(value: unknown): number {
  return num('processing_time', value, 0, 1e9)
}

export function logCount(value: unknown): number {
  return int('log_count', value, 0, 1e15)
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `upload_20251124_123456_9f86d081` (UTC time + 32 random bits). */
export function newUploadId(at: Date): string {
  const d = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`
  const t = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
  const rnd = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('')
  return `upload_${d}_${t}_${rnd}`
}

export function toUpload(doc: Record<string, unknown> | null): UploadRecord | null {
  if (!doc) return null
  return { ...(doc as UploadRecord), _id: idString(doc._id) }
}

/** Parses `created_at` / `-file_size` into a sort with a stable tie-breaker. */
export function parseSort(value: unknown = '-created_at'): Sort {
  const raw = text('sort', value, { max: 40 })
  const desc = raw.startsWith('-')
  const field = oneOf('sort', desc ? raw.slice(1) : raw, SORT_FIELDS)
  const dir = desc ? -1 : 1
  return { [field]: dir, upload_id: dir }
}

export function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}
