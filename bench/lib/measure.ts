/** Small latency/throughput helpers shared by the benchmark scripts. */

export interface Measurement {
  ops: number
  seconds: number
  opsPerSec: number
  p50Ms: number
  p99Ms: number
}

/** The q-quantile (0..1) of sorted values, nearest-rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/**
 * Runs `op(i)` for i in 0..n-1 with `concurrency` operations in flight, timing each one.
 * concurrency 1 gives sequential round trips.
 */
export async function measure(n: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latencies = new Array<number>(n)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const t0 = performance.now()
      await op(i)
      latencies[i] = performance.now() - t0
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
  const seconds = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  return { ops: n, seconds, opsPerSec: n / seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) }
}

/** Renders rows as a fixed-width text table (first row is the header). */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

/** Formats a number with a fixed number of decimals. */
export const fmt = (n: number, decimals = 0) => n.toFixed(decimals)
