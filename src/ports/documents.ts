/** Documents: the collection interface every document store implements (repositories are written once against it). */
import type { Pingable } from './common.ts'

// ---------------------------------------------------------------------------------------------
// Documents: the small collection interface that the Data API client, the mongodb driver and
// the embedded SQLite store all implement; repositories are written once against it.
// ---------------------------------------------------------------------------------------------

export type Doc = Record<string, unknown>
export type Filter = Record<string, unknown>
export type Update = Record<string, unknown>
export type Sort = Record<string, 1 | -1>

export interface FindOptions {
  projection?: Record<string, 0 | 1>
  sort?: Sort
  limit?: number
  skip?: number
}

export interface UpdateResult {
  matchedCount: number
  modifiedCount: number
  upsertedId?: unknown
}

export interface IndexSpec {
  key: Record<string, 1 | -1>
  name: string
  unique?: boolean
}

export interface Collection<T extends Doc = Doc> {
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null>
  find(filter: Filter, options?: FindOptions): Promise<T[]>
  count(filter: Filter): Promise<number>
  /** Throws DuplicateKeyError on a unique index violation. */
  insertOne(doc: T): Promise<{ insertedId: unknown }>
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>
  deleteOne(filter: Filter): Promise<{ deletedCount: number }>
  deleteMany(filter: Filter): Promise<{ deletedCount: number }>
  aggregate<R extends Doc = Doc>(pipeline: Doc[]): Promise<R[]>
  /** Idempotent: existing indexes with the same name and key are left alone. */
  createIndexes(indexes: IndexSpec[]): Promise<void>
  listIndexes(): Promise<IndexSpec[]>
  /** Drops one index by name (migrations); false when there is none. `_id_` is refused. */
  dropIndex(name: string): Promise<boolean>
}

export interface DocumentStore extends Pingable {
  collection<T extends Doc = Doc>(name: string): Collection<T>
  close?(): Promise<void>
}
