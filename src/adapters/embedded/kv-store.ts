/**
 * The embedded key-value base: table creation, transactions and a small TTL'd key/value table
 * (`kv_values`) that revocations, counters, rate-limit windows and locks live in. Every table of
 * the key-value twins starts with `kv_` (the file is shared with the document store).
 *
 * Two modes:
 * - memory mode, for the process that owns the data dir (index.ts): rate-limit windows in
 *   memory, persisted in batches; hot rows remembered, kept coherent with other processes'
 *   commits; every other write on the file before the call returns (kv-memory.ts);
 * - transactional mode, for any other process on the same file (the admin CLI, a second
 *   server): every call reads and writes the file, each read-compute-write in BEGIN IMMEDIATE.
 * Atomicity within a process: node:sqlite is synchronous, so a read-compute-write with no
 * `await` inside cannot interleave with another call.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { isLive, isRemembered, isVolatile, MemoryState, type Row } from './kv-memory.ts'

const KV_SCHEMA = `
CREATE TABLE IF NOT EXISTS kv_values (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER
);
CREATE INDEX IF NOT EXISTS kv_values_expiry ON kv_values (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS kv_sessions (
  handle TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL DEFAULT '',
  user_id TEXT NOT NULL,
  record TEXT NOT NULL,
  refresh_hash TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  absolute_expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS kv_sessions_expiry ON kv_sessions (expires_at);
CREATE TABLE IF NOT EXISTS kv_cache (
  id TEXT PRIMARY KEY,
  user_key TEXT,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS kv_cache_expiry ON kv_cache (expires_at);
`

/** Schema changes for data files written by earlier versions (each idempotent). */
function migrate(db: DatabaseSync): void {
  const columns = db.prepare('PRAGMA table_info(kv_sessions)').all() as Array<{ name: string }>
  if (!columns.some((c) => c.name === 'tenant_id')) {
    db.exec("ALTER TABLE kv_sessions ADD COLUMN tenant_id TEXT NOT NULL DEFAULT ''")
    db.exec("UPDATE kv_sessions SET tenant_id = coalesce(json_extract(record, '$.tenantId'), '')")
  }
  // The refresh token a rotation replaced, for the reuse grace (sessions.ts).
  if (!columns.some((c) => c.name === 'refresh_prev')) {
    db.exec('ALTER TABLE kv_sessions ADD COLUMN refresh_prev TEXT')
    db.exec('ALTER TABLE kv_sessions ADD COLUMN refresh_nonce TEXT')
    db.exec('ALTER TABLE kv_sessions ADD COLUMN refresh_rotated_at INTEGER')
  }
  db.exec('DROP INDEX IF EXISTS kv_sessions_user')
  db.exec('CREATE INDEX IF NOT EXISTS kv_sessions_tenant_user ON kv_sessions (tenant_id, user_id, expires_at)')
  // Generations replaced tag rows (kv-cache.ts).
  db.exec('DROP TABLE IF EXISTS kv_cache_tags')
}

/** A database plus statement cache and transaction helpers, shared by the embedded stores. */
export interface KvDb {
  db: DatabaseSync
  /**
   * A prepared statement, cached by its SQL text. Inside `atomic` in memory mode, a statement
   * that writes first opens the SQL transaction.
   */
  sql(text: string): StatementSync
  /**
   * Runs fn atomically, as ONE SQL transaction (BEGIN IMMEDIATE: other processes on the file
   * cannot write between its reads and its writes; a savepoint when already inside one). In
   * memory mode, windows changed in memory are put back if fn throws.
   */
  tx<T>(fn: () => T): T
  /**
   * The same for calls whose reads may come from memory (the gatekeeper, the rate limiter):
   * memory mode opens the SQL transaction only when fn first writes to the file, so a charge of
   * windows alone costs no transaction. A nested call joins the outer one.
   */
  atomic<T>(fn: () => T): T
  /** Memory mode (this process owns the data dir: kv-memory.ts); null in transactional mode. */
  memory: MemoryState | null
  /** The kv_values rows, as every store reads and writes them. */
  values: Values
}

/**
 * Opens the key-value tables on `db`. `owner`: this process owns the data dir (index.ts holds
 * its lock), so it may keep state in memory; otherwise every call reads and writes the file.
 */
export function openKvDb(db: DatabaseSync, options: { owner?: boolean } = {}): KvDb {
  db.exec(KV_SCHEMA)
  migrate(db)
  const memory = options.owner ? new MemoryState(db) : null
  const statements = new Map<string, { stmt: StatementSync; writes: boolean }>()
  // Memory mode: transaction depth, and how the SQL transaction was opened (if it was).
  let depth = 0
  let open: 'begin' | 'savepoint' | null = null
  const openSql = () => {
    open = db.isTransaction ? 'savepoint' : 'begin'
    db.exec(open === 'begin' ? 'BEGIN IMMEDIATE' : 'SAVEPOINT kv_write')
  }
  const sqlTx = <T>(fn: () => T): T => {
    const nested = db.isTransaction
    db.exec(nested ? 'SAVEPOINT kv_write' : 'BEGIN IMMEDIATE')
    try {
      const result = fn()
      db.exec(nested ? 'RELEASE kv_write' : 'COMMIT')
      return result
    } catch (err) {
      db.exec(nested ? 'ROLLBACK TO kv_write; RELEASE kv_write' : 'ROLLBACK')
      throw err
    }
  }
  /** Memory mode: fn with the windows journalled, the SQL transaction opened now or on first write. */
  const journalled = <T>(fn: () => T, eager: boolean): T => {
    if (depth > 0) {
      if (eager && open === null) openSql()
      return fn()
    }
    depth = 1
    const journal: NonNullable<MemoryState['journal']> = []
    memory!.journal = journal
    try {
      if (eager) openSql()
      const result = fn()
      if (open) db.exec(open === 'begin' ? 'COMMIT' : 'RELEASE kv_write')
      return result
    } catch (err) {
      if (open) db.exec(open === 'begin' ? 'ROLLBACK' : 'ROLLBACK TO kv_write; RELEASE kv_write')
      memory!.undo(journal)
      throw err
    } finally {
      depth = 0
      open = null
      memory!.journal = null
    }
  }
  const kv: KvDb = {
    db,
    memory,
    values: undefined as unknown as Values,
    sql(text) {
      let entry = statements.get(text)
      if (!entry) {
        entry = { stmt: db.prepare(text), writes: !/^\s*(SELECT|PRAGMA)\b/i.test(text) }
        statements.set(text, entry)
      }
      if (entry.writes && depth > 0 && open === null) openSql()
      return entry.stmt
    },
    tx: memory ? (fn) => journalled(fn, true) : sqlTx,
    atomic: memory ? (fn) => journalled(fn, false) : sqlTx,
  }
  kv.values = memory ? memoryValues(kv, memory) : sqlValues(kv)
  return kv
}

/** True while a memory-mode write transaction is open: what is read then must not be remembered. */
export function writing(kv: KvDb): boolean {
  return kv.db.isTransaction
}

/** Typed access to `kv_values`: rows past their expiry read as absent. */
export interface Values {
  get(key: string, now: number): Readonly<Row> | null
  set(key: string, value: string, expiresAt: number | null): void
  delete(...keys: string[]): void
}

/** The one Values of a KvDb (memory mode: windows in memory, hot rows remembered). */
export function values(kv: KvDb): Values {
  return kv.values
}

function sqlValues(kv: KvDb): Values {
  return {
    get(key, now) {
      const row = kv.sql('SELECT value, expires_at FROM kv_values WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').get(key, now) as
        | { value: string; expires_at: number | null }
        | undefined
      return row ? { value: row.value, expiresAt: row.expires_at } : null
    },
    set(key, value, expiresAt) {
      kv.sql(
        'INSERT INTO kv_values (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      ).run(key, value, expiresAt)
    },
    delete(...keys) {
      const stmt = kv.sql('DELETE FROM kv_values WHERE key = ?')
      for (const key of keys) stmt.run(key)
    },
  }
}

function memoryValues(kv: KvDb, memory: MemoryState): Values {
  const sql = sqlValues(kv)
  const read = (key: string): Row | null => {
    const row = kv.sql('SELECT value, expires_at FROM kv_values WHERE key = ?').get(key) as { value: string; expires_at: number | null } | undefined
    return row ? { value: row.value, expiresAt: row.expires_at } : null
  }
  return {
    get(key, now) {
      let row: Row | null | undefined
      if (isVolatile(key)) {
        memory.sync()
        row = memory.window(key)
      } else if (isRemembered(key) && !writing(kv)) {
        // Inside a SQL transaction the file itself is read: it may have changed since the tick began.
        memory.sync()
        row = memory.values.get(key)
        if (row === undefined) {
          row = read(key)
          memory.values.set(key, row)
        }
      } else return sql.get(key, now)
      return row && isLive(row, now) ? row : null
    },
    set(key, value, expiresAt) {
      if (isVolatile(key)) return memory.setWindow(key, { value, expiresAt })
      memory.values.delete(key)
      sql.set(key, value, expiresAt)
    },
    delete(...keys) {
      for (const key of keys) {
        if (isVolatile(key)) memory.setWindow(key, undefined)
        else {
          memory.values.delete(key)
          sql.delete(key)
        }
      }
    },
  }
}

/** Deletes what has expired everywhere (the embedded stand-in for Redis' own key expiry). */
export function sweepExpired(kv: KvDb, now: number): void {
  kv.memory?.sweep(now)
  kv.tx(() => {
    kv.sql('DELETE FROM kv_values WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now)
    kv.sql('DELETE FROM kv_cache WHERE expires_at <= ?').run(now)
  })
}
