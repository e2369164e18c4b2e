/**
 * Memory mode of the embedded key-value store: what a process that holds the data file
 * EXCLUSIVELY (openEmbeddedDatabase takes the file's lock; a second process is refused) may keep
 * in memory, because no one else can change the file behind its back.
 *
 * - Rate-limit windows (`rl:` / `gk:` rows of kv_values) live in memory: every charge is a Map
 *   update (exact: node:sqlite and this code are synchronous, so nothing interleaves), and the
 *   changed windows are written to the file in one transaction every FLUSH_INTERVAL_MS and on
 *   close / process exit. kill -9 loses at most the charges of the last interval; a clean restart
 *   keeps every window (they are loaded back when the file is opened).
 * - Everything else is written to the file before the call returns (an acknowledged write is
 *   durable). Reads of the hot rows — sessions, revocations, cache generations and entries — are
 *   remembered (bounded, negative answers too); every write forgets the rows it touches before
 *   writing them, and nothing is remembered while a write transaction is open, so a rolled-back
 *   write leaves no trace in memory. A remembered cache value is parsed once and deep-frozen:
 *   every reader gets the same read-only object.
 */
import type { DatabaseSync } from 'node:sqlite'
import type { Session } from '../../ports.ts'

/** How often the changed rate-limit windows are written to the file. */
export const FLUSH_INTERVAL_MS = 1000

/** A kv_values row (expiresAt: ms epoch, null = never). */
export interface Row {
  value: string
  expiresAt: number | null
}

/** A live-session row as the gatekeeper and the session store read it. */
export interface RememberedSession {
  tenantId: string
  session: Session
}

/** A kv_cache row as remembered: its value parsed once and frozen (readers share it). */
export interface RememberedEntry {
  value: unknown
  /** Length of its text, what the bound counts. */
  size: number
  expiresAt: number
}

/** Freezes a parsed JSON value all the way down (a shared remembered value cannot be changed). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export const isLive = (r: { expiresAt: number | null }, now: number) => r.expiresAt === null || r.expiresAt > now

/** Rate-limit windows: kept in memory, written in batches. */
export const isVolatile = (key: string) => key.startsWith('gk:') || key.startsWith('rl:')
/** Durable rows read on every request (revocations, cache generations): reads are remembered. */
export const isRemembered = (key: string) => key.startsWith('rv:') || key.startsWith('cg:')

/**
 * A bounded map that forgets its oldest entries first (a cache of rows: forgetting one only
 * costs a read of the file).
 */
export class Remembered<V> {
  readonly #map = new Map<string, V>()
  readonly #maxEntries: number
  readonly #maxWeight: number
  readonly #weigh: (v: V) => number
  #weight = 0

  constructor(maxEntries: number, maxWeight = Number.POSITIVE_INFINITY, weigh: (v: V) => number = () => 0) {
    this.#maxEntries = maxEntries
    this.#maxWeight = maxWeight
    this.#weigh = weigh
  }

  get(key: string): V | undefined {
    return this.#map.get(key)
  }

  set(key: string, value: V): void {
    this.delete(key)
    const w = this.#weigh(value)
    if (w > this.#maxWeight) return
    this.#map.set(key, value)
    this.#weight += w
    for (const [oldest, v] of this.#map) {
      if (this.#map.size <= this.#maxEntries && this.#weight <= this.#maxWeight) break
      this.#map.delete(oldest)
      this.#weight -= this.#weigh(v)
    }
  }

  delete(key: string): void {
    const old = this.#map.get(key)
    if (old === undefined && !this.#map.has(key)) return
    this.#map.delete(key)
    this.#weight -= this.#weigh(old as V)
  }
}

/** Everything memory mode keeps; owned by one KvDb (kv-store.ts). */
export class MemoryState {
  readonly #db: DatabaseSync
  /** Rate-limit windows (the only copy of charges not yet flushed). */
  readonly windows = new Map<string, Row>()
  /** Windows changed (or deleted) since the last flush. */
  readonly dirty = new Set<string>()
  /** Remembered durable kv_values rows; null = known absent. */
  readonly values = new Remembered<Row | null>(50_000)
  /** Remembered sessions by handle (only live ones are remembered). */
  readonly sessions = new Remembered<RememberedSession>(20_000)
  /** Remembered kv_cache rows by id; null = known absent. At most ~16 M characters of cached text. */
  readonly entries = new Remembered<RememberedEntry | null>(20_000, 16 * 1024 * 1024, (e) => (e ? e.size : 0))
  /** Inside a transaction: the windows' previous rows, to put back if it fails. */
  journal: Array<[string, Row | undefined]> | null = null

  constructor(db: DatabaseSync) {
    this.#db = db
    const now = Date.now()
    const rows = db
      .prepare(
        "SELECT key, value, expires_at FROM kv_values WHERE ((key >= 'gk:' AND key < 'gk;') OR (key >= 'rl:' AND key < 'rl;')) AND (expires_at IS NULL OR expires_at > ?)",
      )
      .all(now) as Array<{ key: string; value: string; expires_at: number | null }>
    for (const r of rows) this.windows.set(r.key, { value: r.value, expiresAt: r.expires_at })
  }

  setWindow(key: string, row: Row | undefined): void {
    this.journal?.push([key, this.windows.get(key)])
    if (row) this.windows.set(key, row)
    else this.windows.delete(key)
    this.dirty.add(key)
  }

  /** Puts back the windows a failed transaction changed. */
  undo(journal: Array<[string, Row | undefined]>): void {
    for (let i = journal.length - 1; i >= 0; i--) {
      const [key, row] = journal[i]!
      if (row) this.windows.set(key, row)
      else this.windows.delete(key)
    }
  }

  /** Writes the changed windows to the file in one transaction (the caller is outside any). */
  flush(): void {
    if (this.dirty.size === 0) return
    const now = Date.now()
    const upsert = this.#db.prepare(
      'INSERT INTO kv_values (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
    )
    const remove = this.#db.prepare('DELETE FROM kv_values WHERE key = ?')
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      for (const key of this.dirty) {
        const r = this.windows.get(key)
        if (r && isLive(r, now)) upsert.run(key, r.value, r.expiresAt)
        else remove.run(key)
      }
      this.#db.exec('COMMIT')
    } catch (err) {
      this.#db.exec('ROLLBACK')
      throw err
    }
    this.dirty.clear()
  }

  /** Drops expired windows (their rows are deleted from the file by the SQL sweep). */
  sweep(now: number): void {
    for (const [key, r] of this.windows) if (!isLive(r, now)) this.windows.delete(key)
  }
}
