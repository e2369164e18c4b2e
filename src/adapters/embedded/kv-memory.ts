/**
 * Memory mode of the embedded key-value store, for the process that OWNS the data dir (it holds
 * `gatehouse.lock`: index.ts). Other processes may use the same file meanwhile (the admin CLI, a
 * second server): they run in transactional mode, and this one stays coherent with them.
 *
 * - Rate-limit windows (`rl:` / `gk:` rows of kv_values) live in memory: a charge is a Map update
 *   (exact within the process: node:sqlite and this code are synchronous, nothing interleaves).
 *   What changed is written to the file in one transaction every FLUSH_INTERVAL_MS and on close /
 *   process exit — counts as increments, so charges other processes made in the file are kept.
 *   kill -9 loses at most the charges of the last interval; a clean restart keeps every window.
 * - Everything else is written to the file before the call returns (an acknowledged write is
 *   durable). Reads of the hot rows — sessions, revocations, cache generations and entries — are
 *   remembered (bounded, negative answers too); every write forgets the rows it touches before
 *   writing them, and nothing is remembered while a write transaction is open, so a rolled-back
 *   write leaves no trace in memory. A remembered cache value is parsed once and deep-frozen:
 *   every reader gets the same read-only object.
 * - Coherence: at most once per millisecond, `PRAGMA data_version` tells whether ANOTHER
 *   connection committed since; then everything remembered is forgotten and every window is read
 *   again (the file's count plus this process's unflushed charges). A revocation made by the
 *   admin CLI is refused by every request that starts 1 ms later; another process sees this
 *   one's charges once they are flushed.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
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
/** Durable rows read on every request (revocations, cache generations, tenant plans): reads are remembered. */
export const isRemembered = (key: string) => key.startsWith('rv:') || key.startsWith('cg:') || key.startsWith('plan:')

/**
 * A bounded map that forgets its oldest entries first (a cache of rows: forgetting one only
 * costs a read of the file).
 */
class Remembered<V> {
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

  clear(): void {
    this.#map.clear()
    this.#weight = 0
  }
}

/** A rate-limit window as this process knows it. */
interface Window {
  /** Its value: the file's (when read) plus this process's charges; null = none. */
  row: Row | null
  /** Charges not yet in the file (counts only). */
  added: number
  /** Changed in a way increments cannot carry (a token bucket's state, a reset): written as is. */
  replaced: boolean
  /** The coherence epoch it was read in (a later one reads the file again). */
  epoch: number
}

const isCount = (v: string | undefined) => v !== undefined && /^-?\d+$/.test(v)

/** Everything memory mode keeps; owned by one KvDb (kv-store.ts). */
export class MemoryState {
  readonly #db: DatabaseSync
  readonly #windows = new Map<string, Window>()
  /** Windows with something the file does not have yet. */
  readonly #dirty = new Set<string>()
  /** Remembered durable kv_values rows; null = known absent. */
  readonly values = new Remembered<Row | null>(50_000)
  /** Remembered sessions by handle (only live ones are remembered). */
  readonly sessions = new Remembered<RememberedSession>(20_000)
  /** Remembered kv_cache rows by id; null = known absent. At most ~16 M characters of cached text. */
  readonly entries = new Remembered<RememberedEntry | null>(20_000, 16 * 1024 * 1024, (e) => (e ? e.size : 0))
  /** Inside a transaction: the windows' previous states, to put back if it fails. */
  journal: Array<[string, Window | undefined]> | null = null
  #epoch = 0
  #version: unknown
  #checkedAt = 0
  readonly #dataVersion: StatementSync
  readonly #read: StatementSync

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#dataVersion = db.prepare('PRAGMA data_version')
    this.#read = db.prepare('SELECT value, expires_at FROM kv_values WHERE key = ?')
    this.#version = this.#currentVersion()
  }

  #currentVersion(): unknown {
    return (this.#dataVersion.get() as { data_version?: unknown } | undefined)?.data_version
  }

  /**
   * Forgets what another connection may have changed, when one committed since the last look.
   * Looked at most once per millisecond (the pragma takes the file's read lock: a few µs): a
   * commit of another process is seen by every request that starts 1 ms after it.
   */
  sync(): void {
    const now = Date.now()
    if (now === this.#checkedAt) return
    this.#checkedAt = now
    const version = this.#currentVersion()
    if (version === this.#version) return
    this.#version = version
    this.#epoch++
    this.values.clear()
    this.sessions.clear()
    this.entries.clear()
  }

  /** A window's value (from memory; from the file when unknown or another process wrote since). */
  window(key: string): Row | null {
    let w = this.#windows.get(key)
    if (!w || w.epoch !== this.#epoch) {
      const found = this.#read.get(key) as { value: string; expires_at: number | null } | undefined
      const fromFile: Row | null = found ? { value: found.value, expiresAt: found.expires_at } : null
      if (!w || (w.added === 0 && !w.replaced)) w = { row: fromFile, added: 0, replaced: false, epoch: this.#epoch }
      else if (w.replaced)
        w = { ...w, epoch: this.#epoch } // not flushed yet: this process's state stands
      else {
        // The file's count (everyone's flushed charges) plus this process's unflushed ones.
        const base = fromFile && isCount(fromFile.value) ? Number(fromFile.value) : 0
        w = { ...w, row: { value: String(base + w.added), expiresAt: fromFile?.expiresAt ?? w.row?.expiresAt ?? null }, epoch: this.#epoch }
      }
      this.#windows.set(key, w)
    }
    return w.row
  }

  /** Sets (row) or deletes (undefined) a window; the file gets it at the next flush. */
  setWindow(key: string, row: Row | undefined): void {
    const before = this.#windows.get(key)
    this.journal?.push([key, before])
    const old = before?.row ?? null
    const w: Window = { row: row ?? null, added: before?.added ?? 0, replaced: before?.replaced ?? false, epoch: before?.epoch ?? this.#epoch }
    if (row && !w.replaced && isCount(row.value) && (old === null || isCount(old.value))) w.added += Number(row.value) - (old ? Number(old.value) : 0)
    else w.replaced = true
    this.#windows.set(key, w)
    this.#dirty.add(key)
  }

  /** Puts back the windows a failed transaction changed. */
  undo(journal: Array<[string, Window | undefined]>): void {
    for (let i = journal.length - 1; i >= 0; i--) {
      const [key, w] = journal[i]!
      if (w) this.#windows.set(key, w)
      else this.#windows.delete(key)
    }
  }

  /** Writes the changed windows to the file in one transaction (the caller is outside any). */
  flush(): void {
    if (this.#dirty.size === 0) return
    const now = Date.now()
    // Counts as increments (another process's charges in the file stay); a row that expired
    // meanwhile starts again from the increment.
    const add = this.#db.prepare(
      `INSERT INTO kv_values (key, value, expires_at) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET
         value = CASE WHEN kv_values.expires_at IS NOT NULL AND kv_values.expires_at <= ?4 THEN excluded.value
                      ELSE CAST(CAST(kv_values.value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT) END,
         expires_at = CASE WHEN kv_values.expires_at IS NOT NULL AND kv_values.expires_at <= ?4 THEN excluded.expires_at ELSE kv_values.expires_at END`,
    )
    const replace = this.#db.prepare(
      'INSERT INTO kv_values (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
    )
    const remove = this.#db.prepare('DELETE FROM kv_values WHERE key = ?')
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      for (const key of this.#dirty) {
        const w = this.#windows.get(key)!
        if (!w.row || !isLive(w.row, now)) remove.run(key)
        else if (w.replaced) replace.run(key, w.row.value, w.row.expiresAt)
        else if (w.added !== 0) add.run(key, String(w.added), w.row.expiresAt, now)
      }
      this.#db.exec('COMMIT')
    } catch (err) {
      this.#db.exec('ROLLBACK')
      throw err
    }
    for (const key of this.#dirty) {
      const w = this.#windows.get(key)!
      w.added = 0
      w.replaced = false
    }
    this.#dirty.clear()
  }

  /** Drops expired windows and the ones that only mirror the file. */
  sweep(now: number): void {
    for (const [key, w] of this.#windows) {
      if (this.#dirty.has(key)) continue
      if (!w.row || !isLive(w.row, now)) this.#windows.delete(key)
    }
  }
}
