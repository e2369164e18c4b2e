/**
 * The bench's own latency histogram, in µs: autocannon reports whole milliseconds, which hides
 * everything that matters at 1 connection on loopback. Every response time is kept (from
 * autocannon's per-response hrtime measurement, in fractional ms) and percentiles are exact
 * (nearest rank).
 */
export class LatencyRecorder {
  #samples = new Float64Array(1 << 14)
  #count = 0
  #sorted = true

  /** One response time, in ms (fractional, as autocannon measures it). */
  addMs(ms: number): void {
    if (this.#count === this.#samples.length) {
      const grown = new Float64Array(this.#samples.length * 2)
      grown.set(this.#samples)
      this.#samples = grown
    }
    this.#samples[this.#count++] = ms * 1000
    this.#sorted = false
  }

  get count(): number {
    return this.#count
  }

  /** The q-quantile (0..1) in µs; NaN when empty. */
  percentileUs(q: number): number {
    if (this.#count === 0) return Number.NaN
    const view = this.#samples.subarray(0, this.#count)
    if (!this.#sorted) {
      view.sort()
      this.#sorted = true
    }
    return view[Math.min(this.#count - 1, Math.max(0, Math.ceil(q * this.#count) - 1))]!
  }
}
