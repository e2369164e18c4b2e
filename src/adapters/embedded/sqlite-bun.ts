/**
 * Bun's own SQLite binding (`bun:sqlite`) behind the part of node:sqlite's DatabaseSync /
 * StatementSync the embedded adapters use: exec, prepare, isTransaction, close; a statement's
 * get (undefined when there is no row), all, and run (changes, lastInsertRowid). A constraint
 * failure carries node:sqlite's `errcode` (the extended result code), which documents.ts reads.
 * Same SQLite file format: a data dir written through node:sqlite opens here, and back.
 *
 * Loaded only by src/entry/bun.ts, and only when it is asked for (EMBEDDED_SQLITE=bun:sqlite) or
 * the runtime has no node:sqlite: `bun:sqlite` exists nowhere else, so nothing else imports this.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { OpenDatabase } from './index.ts'

type Value = string | number | bigint | null | Uint8Array

/** What this shim uses of bun:sqlite. */
interface BunStatement {
  get(...params: Value[]): unknown
  all(...params: Value[]): unknown[]
  run(...params: Value[]): { changes: number; lastInsertRowid: number | bigint }
}
interface BunDatabase {
  exec(sql: string): void
  prepare(sql: string): BunStatement
  readonly inTransaction: boolean
  close(): void
}
type BunSqlite = { Database: new (file: string, options: { create: boolean; strict: boolean }) => BunDatabase }

/** bun:sqlite's errors name the result code `errno`; node:sqlite's call it `errcode`. */
function rethrow(err: unknown): never {
  const e = err as { errno?: unknown; errcode?: unknown } | null
  if (e && typeof e === 'object' && typeof e.errno === 'number' && e.errcode === undefined) e.errcode = e.errno
  throw err
}

function guarded<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args)
    } catch (err) {
      rethrow(err)
    }
  }
}

function statement(stmt: BunStatement): StatementSync {
  const shim = {
    get: guarded((...params: Value[]) => stmt.get(...params) ?? undefined),
    all: guarded((...params: Value[]) => stmt.all(...params)),
    run: guarded((...params: Value[]) => stmt.run(...params)),
  }
  return shim as unknown as StatementSync
}

/** Opens `file` with bun:sqlite (strict: `?` and `:name` bind as node:sqlite binds them). */
export async function bunSqlite(): Promise<OpenDatabase> {
  // A computed specifier: type-checkers and bundlers for other runtimes never resolve it.
  const specifier = 'bun:sqlite'
  const { Database } = (await import(specifier)) as BunSqlite
  return (file) => {
    const db = new Database(file, { create: true, strict: true })
    const shim = {
      exec: guarded((sql: string) => db.exec(sql)),
      prepare: guarded((sql: string) => statement(db.prepare(sql))),
      get isTransaction() {
        return db.inTransaction
      },
      close: () => db.close(),
    }
    return shim as unknown as DatabaseSync
  }
}
