/**
 * Pub/sub over HTTP as Upstash serves it (and @upstash/redis subscribe()/psubscribe() read it):
 *   POST /subscribe/<channel>    → 200 text/event-stream  data: subscribe,<ch>,<n>   data: message,<ch>,<payload>
 *   POST /psubscribe/<pattern>   → 200 text/event-stream  data: psubscribe,<pat>,<n> data: pmessage,<pat>,<ch>,<payload>
 * Each stream has a Redis connection of its own, closed as soon as either side goes away. Lines
 * are plain UTF-8 even under `Upstash-Encoding: base64`: the client decodes nothing in a stream.
 */
import type { ServerResponse } from 'node:http'
import { isReplyError, type Redis, RedisReplyError, RedisUnavailableError, unavailable } from './ioredis.ts'

export type StreamKind = 'subscribe' | 'psubscribe'

export interface StreamHubOptions {
  /** Streams open (or opening) at once; more are refused with 429. */
  maxStreams: number
  /** A `: keep-alive` comment this often, ms (0: never); it also finds dead clients on quiet channels. */
  heartbeatMs: number
  /** A client that lets this many bytes pile up unread is disconnected (like Redis' pubsub buffer limit). */
  maxBufferedBytes?: number
}

/** `/subscribe/<channel>` or `/psubscribe/<pattern>` (raw path, no query), else undefined. */
export function streamRoute(path: string): { kind: StreamKind; target: string } | undefined {
  const m = /^\/(subscribe|psubscribe)(?:\/(.*))?$/s.exec(path)
  if (!m) return undefined
  return { kind: m[1] as StreamKind, target: decodeLoosely(m[2] ?? '') }
}

/**
 * Percent-decodes what can be decoded and keeps the rest: @upstash/redis puts the channel in the
 * path unencoded, so fetch escapes only some characters and a literal `%` may arrive as is.
 */
function decodeLoosely(segment: string): string {
  return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/** One SSE event; a payload spanning lines becomes several `data:` lines, as the SSE format wants. */
function event(data: string): string {
  return data.includes('\n') || data.includes('\r')
    ? `${data
        .split(/\r\n|\r|\n/)
        .map((l) => `data: ${l}\n`)
        .join('')}\n`
    : `data: ${data}\n\n`
}

export class StreamHub {
  readonly #options: StreamHubOptions
  readonly #open = new Set<() => void>()
  readonly #opening = new Set<Redis>()

  constructor(options: StreamHubOptions) {
    this.#options = options
  }

  /** Streams open or being opened. */
  get size(): number {
    return this.#open.size + this.#opening.size
  }

  full(): boolean {
    return this.size >= this.#options.maxStreams
  }

  /**
   * Subscribes `sub` and streams to `res` until either side ends. Before the answer has started,
   * failures throw (RedisUnavailableError → 503, RedisReplyError → 400) for the caller to send.
   * Check full() first: the slot is taken synchronously, before the first await.
   */
  async open(res: ServerResponse, kind: StreamKind, target: string, sub: Redis, headers: Record<string, string>): Promise<void> {
    this.#opening.add(sub)
    sub.on('error', () => undefined)
    let gone = false
    const onGone = () => (gone = true)
    res.once('close', onGone)
    let count: unknown
    try {
      await sub.connect()
      count = await (kind === 'subscribe' ? sub.subscribe(target) : sub.psubscribe(target))
    } catch (err) {
      sub.disconnect(false)
      if (isReplyError(err)) throw new RedisReplyError(err.message)
      throw err instanceof RedisUnavailableError ? err : unavailable(err)
    } finally {
      this.#opening.delete(sub)
      res.off('close', onGone)
    }
    if (gone || res.destroyed) return void sub.disconnect(false)

    let ended = false
    let heartbeat: NodeJS.Timeout | undefined
    const limit = this.#options.maxBufferedBytes ?? 8 * 1024 * 1024
    const end = () => {
      if (ended) return
      ended = true
      clearInterval(heartbeat)
      this.#open.delete(end)
      sub.disconnect(false)
      if (!res.writableEnded) res.end()
    }
    const write = (chunk: string) => {
      if (ended) return
      res.write(chunk)
      if (res.writableLength > limit) {
        end()
        res.destroy()
      }
    }
    this.#open.add(end)
    res.on('close', end)
    sub.on('end', end)

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...headers,
    })
    write(event(`${kind},${target},${String(count)}`))
    if (kind === 'subscribe') {
      sub.on('messageBuffer', (channel: Buffer, message: Buffer) => write(event(`message,${channel},${message}`)))
    } else {
      sub.on('pmessageBuffer', (pattern: string, channel: Buffer, message: Buffer) => write(event(`pmessage,${pattern},${channel},${message}`)))
    }
    if (this.#options.heartbeatMs > 0) {
      heartbeat = setInterval(() => write(': keep-alive\n\n'), this.#options.heartbeatMs)
      heartbeat.unref()
    }
  }

  /** Ends every stream and drops connections still being opened. */
  closeAll(): void {
    for (const end of [...this.#open]) end()
    for (const sub of this.#opening) sub.disconnect(false)
  }
}
