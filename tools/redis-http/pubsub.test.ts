/**
 * redis-http pub/sub: the real @upstash/redis subscribe()/psubscribe() against a private real
 * redis-server, the raw event-stream wire format, the stream bound and connection cleanup
 * (checked on the Redis side with CLIENT LIST / PUBSUB NUMSUB, not only on ours).
 */
import { Redis } from '@upstash/redis'
import { Redis as IoRedis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniq } from '../../tests/harness/services.ts'
import { type RunningRedis, startRedisServer } from '../lib/redis-server.ts'
import { type RunningRedisHttp, startRedisHttp } from './server.ts'

const TOKEN = 'pubsub-test-token'

let redisServer: RunningRedis
let srv: RunningRedisHttp
let redis: Redis
let direct: IoRedis

beforeAll(async () => {
  redisServer = await startRedisServer()
  srv = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true })
  redis = new Redis({ url: srv.url, token: TOKEN })
  direct = new IoRedis(redisServer.url)
})

afterAll(async () => {
  direct?.disconnect()
  await srv?.close()
  await redisServer?.stop()
})

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Subscriber connections redis-http holds open on the real Redis. */
async function subscriberConnections(client: IoRedis = direct): Promise<number> {
  const list = (await client.client('LIST')) as string
  return list.split('\n').filter((l) => l.includes('name=redis-http:subscriber')).length
}

/** A raw event stream: its response and the `data:` lines read so far. */
async function openStream(path: string, headers: Record<string, string> = {}, base = srv.url) {
  const ctl = new AbortController()
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream', 'upstash-encoding': 'base64', ...headers },
    body: '[]',
    signal: ctl.signal,
  })
  const lines: string[] = []
  let raw = ''
  let ended = false
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder()
      const reader = res.body!.getReader()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          raw += decoder.decode(value, { stream: true })
          const parts = raw.split('\n')
          raw = parts.pop()!
          for (const l of parts) if (l !== '') lines.push(l)
        }
      } catch {
        // aborted
      }
      ended = true
    })()
  }
  return { res, lines, ended: () => ended, close: () => ctl.abort() }
}

describe('@upstash/redis subscribe() and psubscribe()', () => {
  it('subscribe() receives what PUBLISH sends through the normal command route, in order', async () => {
    const ch = uniq('chan')
    const sub = redis.subscribe<unknown>(ch)
    const got: Array<{ channel: string; message: unknown }> = []
    let subscribed = -1
    sub.on('subscribe', (n) => (subscribed = n))
    sub.on('message', (m) => got.push(m))
    await until('subscribe confirmation', () => subscribed === 1)
    try {
      expect(await redis.publish(ch, 'hello')).toBe(1)
      await redis.publish(ch, { kind: 'json', n: 2, text: 'é 😀, "quoted"' })
      await redis.publish(ch, 'a,b,c')
      await until('three messages', () => got.length === 3)
      expect(got).toEqual([
        { channel: ch, message: 'hello' },
        { channel: ch, message: { kind: 'json', n: 2, text: 'é 😀, "quoted"' } },
        { channel: ch, message: 'a,b,c' },
      ])
    } finally {
      await sub.unsubscribe()
    }
  })

  it('psubscribe() receives pmessage events with the pattern and the matching channel', async () => {
    const base = uniq('pat')
    const sub = redis.psubscribe<unknown>(`${base}:*`)
    const got: Array<{ pattern: string; channel: string; message: unknown }> = []
    let subscribed = -1
    sub.on('psubscribe', (n) => (subscribed = n))
    sub.on('pmessage', (m) => got.push(m))
    await until('psubscribe confirmation', () => subscribed === 1)
    try {
      await redis.publish(`${base}:one`, { n: 1 })
      await redis.publish(`${base}-nomatch`, { n: 0 })
      await redis.publish(`${base}:two`, { n: 2 })
      await until('two messages', () => got.length === 2)
      expect(got).toEqual([
        { pattern: `${base}:*`, channel: `${base}:one`, message: { n: 1 } },
        { pattern: `${base}:*`, channel: `${base}:two`, message: { n: 2 } },
      ])
    } finally {
      await sub.unsubscribe()
    }
  })
})

describe('the event stream on the wire', () => {
  it('plain-text data lines (even under Upstash-Encoding: base64), SSE headers, sync token', async () => {
    const ch = uniq('wire')
    const s = await openStream(`/subscribe/${ch}`)
    try {
      expect(s.res.status).toBe(200)
      expect(s.res.headers.get('content-type')).toBe('text/event-stream')
      expect(Number(s.res.headers.get('upstash-sync-token'))).toBeGreaterThan(0)
      await until('subscribe line', () => s.lines.length === 1)
      await direct.publish(ch, 'h\u00e9llo')
      await direct.publish(ch, 'two\nlines')
      await until('messages', () => s.lines.length === 4)
      expect(s.lines).toEqual([`data: subscribe,${ch},1`, `data: message,${ch},h\u00e9llo`, `data: message,${ch},two`, 'data: lines'])
    } finally {
      s.close()
    }
  })

  it('channel names arrive as the client wrote them (spaces, braces, slashes, non-ASCII)', async () => {
    const ch = `${uniq('odd')} {tag}/x é`
    const sub = redis.subscribe<string>(ch)
    const got: string[] = []
    let subscribed = false
    sub.on('subscribe', () => (subscribed = true))
    sub.on('message', (m) => got.push(`${m.channel}|${m.message}`))
    await until('subscribe', () => subscribed)
    try {
      expect(await redis.publish(ch, 'ok')).toBe(1)
      await until('message', () => got.length === 1)
      expect(got).toEqual([`${ch}|ok`])
    } finally {
      await sub.unsubscribe()
    }
  })

  it('needs the token, POST and a channel; counts one request and one command per stream', async () => {
    const wrong = await openStream(`/subscribe/${uniq('auth')}`, { authorization: 'Bearer nope' })
    expect(wrong.res.status).toBe(401)
    expect(await wrong.res.json()).toMatchObject({ error: 'Unauthorized' })
    const get = await fetch(`${srv.url}/subscribe/x`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(get.status).toBe(405)
    const asCommand = await fetch(srv.url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '["SUBSCRIBE","x"]' })
    expect(asCommand.status).toBe(400)
    expect(((await asCommand.json()) as { error: string }).error).toMatch(/POST \/subscribe\/<name> opens an event stream/)
    const empty = await openStream('/subscribe/')
    expect(empty.res.status).toBe(400)
    expect(((await empty.res.json()) as { error: string }).error).toMatch(/Missing channel/)

    const before = srv.stats()
    const s = await openStream(`/psubscribe/${uniq('count')}*`)
    await until('psubscribe line', () => s.lines.length === 1)
    s.close()
    const after = srv.stats()
    expect({ requests: after.requests - before.requests, commands: after.commands - before.commands }).toEqual({ requests: 1, commands: 1 })
    await until('stream closed', () => srv.streams() === 0)
  })
})

describe('connections and limits', () => {
  it('each stream has its own Redis connection, closed when the client goes away', async () => {
    const ch = uniq('leak')
    const baseline = await subscriberConnections()
    const subs = [redis.subscribe<string>(ch), redis.subscribe<string>(ch), redis.psubscribe<string>(`${ch}*`)]
    await until('three streams', () => srv.streams() === 3)
    await until('three Redis connections', async () => (await subscriberConnections()) === baseline + 3)
    const raw = await openStream(`/subscribe/${ch}`)
    await until('raw stream', async () => raw.lines.length === 1 && (await subscriberConnections()) === baseline + 4)
    expect(await redis.publish(ch, 'x')).toBe(4)

    await subs[0]!.unsubscribe()
    await until('one closed', async () => (await subscriberConnections()) === baseline + 3)
    expect((await direct.pubsub('NUMSUB', ch))[1]).toBe(2)
    await Promise.all(subs.slice(1).map((s) => s.unsubscribe()))
    raw.close()
    await until('all closed on our side', () => srv.streams() === 0)
    await until('all closed on Redis', async () => (await subscriberConnections()) === baseline)
    expect((await direct.pubsub('NUMSUB', ch))[1]).toBe(0)
    expect(await direct.pubsub('NUMPAT')).toBe(0)
  })

  it('refuses streams beyond maxStreams with 429 {"error"} (the client reports it), and frees slots', async () => {
    const small = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true, maxStreams: 2 })
    try {
      const client = new Redis({ url: small.url, token: TOKEN })
      const a = await openStream(`/subscribe/${uniq('full')}`, {}, small.url)
      const b = await openStream(`/psubscribe/${uniq('full')}*`, {}, small.url)
      expect([a.res.status, b.res.status]).toEqual([200, 200])
      const refused = await openStream(`/subscribe/${uniq('full')}`, {}, small.url)
      expect(refused.res.status).toBe(429)
      expect(refused.res.headers.get('retry-after')).toBe('1')
      expect(((await refused.res.json()) as { error: string }).error).toBe('ERR max concurrent streams exceeded (2); close one or retry later')

      const sub = client.subscribe<string>(uniq('full'))
      const errors: string[] = []
      sub.on('error', (e) => errors.push(e.message))
      await until('client error', () => errors.length === 1)
      expect(errors[0]).toMatch(/^ERR max concurrent streams exceeded/)

      a.close()
      await until('slot freed', () => small.streams() === 1)
      const c = await openStream(`/subscribe/${uniq('full')}`, {}, small.url)
      expect(c.res.status).toBe(200)
      b.close()
      c.close()
    } finally {
      await small.close()
    }
  })

  it('sends keep-alive comments; close() ends open streams and their Redis connections', async () => {
    const own = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true, streamHeartbeatMs: 30 })
    const baseline = await subscriberConnections()
    const s = await openStream(`/subscribe/${uniq('close')}`, {}, own.url)
    await until('stream', async () => s.lines.length === 1 && (await subscriberConnections()) === baseline + 1)
    await until('a keep-alive comment', () => s.lines.includes(': keep-alive'))
    await own.close()
    await until('client sees the end', () => s.ended())
    await until('Redis connection gone', async () => (await subscriberConnections()) === baseline)
  })

  it('a client that leaves while its subscription is being set up leaves no connection behind', async () => {
    const own = await startRedisServer()
    const http = await startRedisHttp({ redisUrl: own.url, token: TOKEN, port: 0, quiet: true })
    const ownDirect = new IoRedis(own.url)
    try {
      await ownDirect.ping()
      own.child.kill('SIGSTOP') // TCP still connects; the subscription cannot finish
      const ctl = new AbortController()
      const pending = fetch(`${http.url}/subscribe/${uniq('early')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: '[]',
        signal: ctl.signal,
      })
      await until('stream being opened', () => http.streams() === 1)
      ctl.abort()
      await expect(pending).rejects.toThrow(/abort/i)
      own.child.kill('SIGCONT')
      await until('nothing left on our side', () => http.streams() === 0)
      await until('nothing left on Redis', async () => (await subscriberConnections(ownDirect)) === 0)
      await new Promise((r) => setTimeout(r, 200))
      expect(await subscriberConnections(ownDirect)).toBe(0)
    } finally {
      own.child.kill('SIGCONT')
      ownDirect.disconnect()
      await http.close()
      await own.stop()
    }
  })

  it('ends the stream when Redis goes away, and answers 503 JSON while it is down', async () => {
    const own = await startRedisServer()
    const http = await startRedisHttp({ redisUrl: own.url, token: TOKEN, port: 0, quiet: true })
    try {
      const s = await openStream(`/subscribe/${uniq('down')}`, {}, http.url)
      await until('stream', () => s.lines.length === 1)
      await own.stop()
      await until('stream ended', () => s.ended())
      await until('no streams', () => http.streams() === 0)
      const t0 = performance.now()
      const refused = await openStream(`/subscribe/${uniq('down')}`, {}, http.url)
      expect(performance.now() - t0).toBeLessThan(3000)
      expect(refused.res.status).toBe(503)
      expect(((await refused.res.json()) as { error: string }).error).toMatch(/^Redis unavailable/)
      expect(http.streams()).toBe(0)
    } finally {
      await http.close()
      await own.stop()
    }
  })
})
