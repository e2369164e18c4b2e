/**
 * The request's one round trip to the key-value store, as a typed object in `c.var.trip`.
 *
 * The gate issues, in ONE synchronous stretch (the same tick), the admission (session alive,
 * token not revoked, every rate-limit policy — one atomic Gatekeeper call), the address check
 * when the request is charged to its address, and every read the route declares (`reads:` on
 * its definition, e.g. a cached GET's cache lookup). The Upstash client auto-pipelines commands
 * issued in the same tick into one HTTP request, so all of that is ONE Redis round trip;
 * embedded mode answers the same calls from SQLite.
 *
 * Handlers take a declared read's result with `c.var.trip.read(spec)`. A read the route did not
 * declare still works — it is issued then, in a round trip of its own.
 */
import type { Claim } from './identity.ts'
import type { Ctx } from './types.ts'

/**
 * A read a route can declare: `issue` must send its commands synchronously (no await before
 * them) so they leave with the gate's. It is keyed by the locally verified claim; the gate
 * refuses the request if the claim turns out revoked, so a result is never seen by another caller.
 */
export interface TripRead<T> {
  readonly name: string
  issue(c: Ctx, claim: Claim): Promise<T>
}

/** Declares a round-trip read. */
export function tripRead<T>(name: string, issue: (c: Ctx, claim: Claim) => Promise<T>): TripRead<T> {
  return { name, issue }
}

export class RoundTrip {
  readonly #c: Ctx
  readonly #claim: Claim | null
  readonly #reads = new Map<TripRead<unknown>, Promise<unknown>>()

  constructor(c: Ctx, claim: Claim | null, declared: readonly TripRead<unknown>[]) {
    this.#c = c
    this.#claim = claim
    if (claim) for (const r of declared) this.#issue(r, claim)
  }

  /** The tenant of the locally verified token, if any: whom a refusal before `principal` (a 429) counts against. */
  get tenantId(): string | undefined {
    return this.#claim?.tenantId
  }

  /** The result of a read: the one issued with the gate's round trip, else issued now. */
  read<T>(spec: TripRead<T>): Promise<T> {
    const issued = this.#reads.get(spec as TripRead<unknown>)
    if (issued) return issued as Promise<T>
    if (!this.#claim) return Promise.reject(new Error(`round trip read ${spec.name} needs a signed-in caller`))
    return this.#issue(spec, this.#claim)
  }

  #issue<T>(spec: TripRead<T>, claim: Claim): Promise<T> {
    let result: Promise<T>
    try {
      result = spec.issue(this.#c, claim)
    } catch (err) {
      result = Promise.reject(err)
    }
    // Handled here so an unused failed read never becomes an unhandled rejection.
    result.catch(() => undefined)
    this.#reads.set(spec as TripRead<unknown>, result)
    return result
  }
}
