/**
 * The embedded key-value base: table creation, transactions and a small TTL'd key/value table
 * (`kv_values`) that revocations, counters, rate-limit windows and locks live in. Every table of
 * the key-value twins starts with `kv_` (the file is shared with the document store).
 *
 * Atomicity: node:sqlite is synchronous, so a read-compute-write with no `await` inside cannot
 * interleave with another call of this process; BEGIN IMMEDIATE also keeps other processes on the
 * same file out between the read and the write.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'

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

/** A database plus statement cache and a transaction helper, shared by the embedded stores. */
export interface KvDb {
  db: DatabaseSync
  /** A prepared statement, cached by its SQL text. */
  sql(text: string): StatementSync
  /** Runs fn atomically (BEGIN IMMEDIATE, or a savepoint when already inside a transaction). */
  tx<T>(fn: () => T): T
}

export function openKvDb(db: DatabaseSync): KvDb {
  db.exec(KV_SCHEMA)
  migrate(db)
  const statements = new Map<string, StatementSync>()
  return {
    db,
    sql(text) {
      let stmt = statements.get(text)
      if (!stmt) {
        stmt = db.prepare(text)
        statements.set(text, stmt)
      }
      return stmt
    },
    tx(fn) {
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
    },
  }
}

/** Typed access to `kv_values`: rows past their expiry read as absent. */
export interface Values {
  get(key: string, now: number): { value: string; expiresAt: number | null } | null
  set(key: string, value: string, expiresAt: number | null): void
  delete(...keys: string[]): void
}

export function values(kv: KvDb): Values {
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

/** Deletes what has expired everywhere (the embedded stand-in for Redis' own key expiry). */
export function sweepExpired(kv: KvDb, now: number): void {
  kv.tx(() => {
    kv.sql('DELETE FROM kv_values WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now)
    kv.sql('DELETE FROM kv_cache WHERE expires_at <= ?').run(now)
  })
}
