/**
 * Typed, validated values for repository filters and documents. Every value that reaches a
 * filter passes through one of these, so an object such as `{ "$ne": "x" }` arriving where a
 * string belongs is refused (ValidationError) instead of widening a query.
 */
import { ValidationError } from '../errors.ts'
import type { Collection, Doc } from '../ports.ts'

/** A string of bounded length (after trim when `trim`); anything else is refused. */
export function text(field: string, value: unknown, options: { max?: number; min?: number; pattern?: RegExp } = {}): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string')
  const { max = 256, min = 1, pattern } = options
  if (value.length < min || value.length > max) throw new ValidationError(field, `must be ${min}–${max} characters`)
  if (pattern && !pattern.test(value)) throw new ValidationError(field, 'has an invalid format')
  return value
}

/** Identifiers (tenant ids, user ids, upload ids, task ids): no spaces, no `$`, bounded. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/

export function id(field: string, value: unknown): string {
  return text(field, value, { max: 128, pattern: ID_PATTERN })
}

/** One of the allowed literals. */
export function oneOf<const T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`)
  }
  return value as T
}

/** A safe integer within bounds. */
export function int(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be an integer between ${min} and ${max}`)
  }
  return value
}

/** A finite number within bounds. */
export function num(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a number between ${min} and ${max}`)
  }
  return value
}

export function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'must be true or false')
  return value
}

/** A valid Date (a Date object; ISO strings are converted by the HTTP layer). */
export function date(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new ValidationError(field, 'must be a valid date')
  return value
}

/** A plain object (not an array, not null). */
export function object(field: string, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    throw new ValidationError(field, 'must be an object')
  }
  return value as Record<string, unknown>
}

/** Refuses keys the repository does not know (so no unexpected field reaches an update). */
export function onlyKeys(field: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ValidationError(field, `unknown field "${key}"`)
  }
}

export const MAX_PAGE_SIZE = 100

/** Page (1-based) and page size, validated and turned into skip/limit. */
export function paging(page: unknown = 1, pageSize: unknown = 20, maxPageSize = MAX_PAGE_SIZE): { page: number; page_size: number; skip: number } {
  const p = int('page', page, 1, 100_000)
  const size = int('page_size', pageSize, 1, maxPageSize)
  return { page: p, page_size: size, skip: (p - 1) * size }
}

/**
 * One page of a tenant's members (users or profiles), oldest first, optionally of one role, with
 * the total — the listing both repositories offer.
 */
export async function tenantPage<D extends Doc, T>(
  coll: Collection<D>,
  tenantId: string,
  opts: { page?: number; page_size?: number; role?: string },
  roles: readonly string[],
  view: (doc: D) => T,
): Promise<{ items: T[]; total: number; page: number; page_size: number }> {
  const { page, page_size, skip } = paging(opts.page, opts.page_size)
  const filter: Record<string, unknown> = { tenant_id: id('tenant_id', tenantId) }
  if (opts.role !== undefined) filter.role = oneOf('role', opts.role, roles)
  const [docs, total] = await Promise.all([coll.find(filter, { sort: { created_at: 1, user_id: 1 }, skip, limit: page_size }), coll.count(filter)])
  return { items: docs.map(view), total, page, page_size }
}

/** A valid IANA time zone name (as the runtime's Intl knows them). */
export function timezone(field: string, value: unknown): string {
  const tz = text(field, value, { max: 64, pattern: /^[A-Za-z0-9_+\-/]+$/ })
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
  } catch {
    throw new ValidationError(field, 'must be an IANA time zone')
  }
  return tz
}

/** The `_id` of a stored document as a string (ObjectId → hex), for answers. */
export function idString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value)
}

/** Random hex of `bytes` bytes (Web Crypto: works on Node, Workers, Deno, Bun). */
export function randomHex(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes))
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('')
}
