/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface RequestParams {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }
  interface Request {
    /** Rewrites each request before it is sent (a fresh path...). */
    setupRequest?: (req: RequestParams) => RequestParams
  }
  interface Client {
    /** Per answer: status, bytes, response time in fractional ms (hrtime). */
    on(event: 'response', listener: (status: number, bytes: number, responseTimeMs: number) => void): void
  }
  interface Options {
    url: string
    headers?: Record<string, string>
    connections?: number
    duration?: number
    amount?: number
    method?: string
    requests?: Request[]
    setupClient?: (client: Client) => void
  }
  interface Histogram {
    average: number
    p50: number
    p99: number
    total: number
  }
  interface Result {
    /** Seconds the run took. */
    duration: number
    requests: Histogram
    latency: Histogram
    '2xx': number
    non2xx: number
    errors: number
    timeouts: number
  }
  export default function autocannon(options: Options): Promise<Result>
}
