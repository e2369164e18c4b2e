/** Background work a caller hands to `executionCtx.waitUntil` (or awaits when there is none). */
export type Pending = Promise<unknown>

/** Something health checks can ask. `ping` resolves when the backend answers, rejects otherwise. */
export interface Pingable {
  ping(): Promise<void>
}
