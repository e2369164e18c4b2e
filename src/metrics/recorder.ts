/**
 * The per-instance metrics batch: requests are counted in memory (one Node process, one Worker
 * isolate) and written to the shared store in batches — every `flushSeconds` or `flushRequests`
 * requests, whichever comes first — so a request never waits for a metrics write and the store
 * sees one write per batch instead of one per request. The flush runs as the request's
 * background work (waitUntil); `flush()` is also what tests and the Node entry's shutdown call.
 *
 * What a batch can lose: an instance that dies before its next flush (a Worker isolate evicted,
 * a killed process) takes its unflushed counts with it — at most one interval's worth.
 */
import type { Metrics, MetricsIncrement } from '../ports.ts'
import { countsOf, type Observation } from './fields.ts'

export interface RecorderOptions {
  /** Flush when the oldest unflushed request is this old (0: after every request). */
  flushSeconds: number
  /** Flush when this many requests are unflushed. */
  flushRequests: number
  now?: () => number
}

/** Scope-minutes kept in memory while the store refuses writes; the oldest are dropped beyond. */
const MAX_PENDING_ENTRIES = 20_000

interface Entry {
  tenantId: string | null
  minute: number
  counts: Map<string, number>
  weight: number
}

export class MetricsRecorder {
  readonly #store: Metrics
  readonly #flushMs: number
  readonly #flushRequests: number
  readonly #now: () => number
  #pending = new Map<string, Entry>()
  #requests = 0
  #oldest: number | null = null
  /** A flush was asked for and has not taken the batch yet. */
  #asked = false
  /** After a failed write, no new attempt before this (ms epoch). */
  #notBefore = 0
  #tail: Promise<void> = Promise.resolve()

  constructor(store: Metrics, options: RecorderOptions) {
    this.#store = store
    this.#flushMs = options.flushSeconds * 1000
    this.#flushRequests = Math.max(1, options.flushRequests)
    this.#now = options.now ?? Date.now
  }

  /** Requests counted and not yet written. */
  get pending(): number {
    return this.#requests
  }

  /**
   * Counts one answered request. True when a flush is due: the caller hands `flush()` to the
   * request's background work (it is asked for once per batch).
   */
  observe(o: Observation): boolean {
    const now = this.#now()
    const minute = now - (now % 60_000)
    const counts = countsOf(o)
    this.#add(null, minute, counts, 0)
    if (o.tenantId) this.#add(o.tenantId, minute, counts, 1)
    this.#requests++
    this.#oldest ??= now
    if (this.#asked || now < this.#notBefore) return false
    if (this.#requests >= this.#flushRequests || now - this.#oldest >= this.#flushMs) {
      this.#asked = true
      return true
    }
    return false
  }

  /** Writes everything counted so far (after any flush already running). Rejects when the store does; the counts are kept for the next one. */
  flush(): Promise<void> {
    const run = this.#tail.then(() => this.#write())
    this.#tail = run.catch(() => undefined)
    return run
  }

  async #write(): Promise<void> {
    this.#asked = false
    if (this.#pending.size === 0) return
    const batch = this.#pending
    const requests = this.#requests
    const oldest = this.#oldest
    this.#pending = new Map()
    this.#requests = 0
    this.#oldest = null
    try {
      await this.#store.record([...batch.values()].map(toIncrement))
    } catch (err) {
      // Put the batch back (merged with what came since) and pause before the next attempt.
      for (const e of batch.values()) this.#add(e.tenantId, e.minute, e.counts, e.weight)
      this.#requests += requests
      this.#oldest = Math.min(oldest ?? Number.POSITIVE_INFINITY, this.#oldest ?? Number.POSITIVE_INFINITY)
      this.#notBefore = this.#now() + Math.max(this.#flushMs, 1000)
      this.#trim()
      throw err
    }
  }

  #add(tenantId: string | null, minute: number, counts: Map<string, number>, weight: number): void {
    const key = `${tenantId ?? ''}\n${minute}`
    let e = this.#pending.get(key)
    if (!e) this.#pending.set(key, (e = { tenantId, minute, counts: new Map(), weight: 0 }))
    for (const [f, v] of counts) e.counts.set(f, (e.counts.get(f) ?? 0) + v)
    e.weight += weight
  }

  #trim(): void {
    if (this.#pending.size <= MAX_PENDING_ENTRIES) return
    const oldestFirst = [...this.#pending].sort((a, b) => a[1].minute - b[1].minute)
    for (const [key] of oldestFirst.slice(0, this.#pending.size - MAX_PENDING_ENTRIES)) this.#pending.delete(key)
  }
}

function toIncrement(e: Entry): MetricsIncrement {
  return {
    ...(e.tenantId !== null ? { tenantId: e.tenantId, weight: e.weight } : {}),
    minute: e.minute,
    counts: Object.fromEntries(e.counts),
  }
}
