/**
 * redis-http against a private real redis-server, driven by the real @upstash/redis client with
 * default options (base64 encoding, auto-pipelining) and by raw fetch for the wire details.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { Ratelimit } from '@upstash/ratelimit'
import { Redis } from '@upstash/redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniq } from '../../tests/harness/services.ts'
import { type RunningRedis, startRedisServer } from '../lib/redis-server.ts'
import { scriptSha } from './scripts.ts'
import { type RunningRedisHttp, startRedisHttp } from './server.ts'

const TOKEN = 'redis-http-test-token'
const SHEBANG_SCRIPT = '#!lua flags=allow-key-locking\nlocal v = redis.call("INCRBY", KEYS[1], ARGV[1])\nreturn {v, {"nested", v * 2}}'

let redisServer: RunningRedis
let srv: RunningRedisHttp
let redis: Redis

beforeAll(async () => {
  redisServer = await startRedisServer()
  srv = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true })
  redis = new Redis({ url: srv.url, token: TOKEN })
})

afterAll(async () => {
  await srv?.close()
  await redisServer?.stop()
})

/** POSTs a raw body to redis-http. */
async function post(path: string, body: unknown, headers: Record<string, string> = {}, base = srv.url): Promise<Response> {
  return fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Counter deltas (HTTP requests, commands) caused by `fn`. */
async function counted(fn: () => Promise<unknown>): Promise<{ requests: number; commands: number }> {
  const before = srv.stats()
  await fn()
  const after = srv.stats()
  return { requests: after.requests - before.requests, commands: after.commands - before.commands }
}

describe('values through @upstash/redis', () => {
  it('round-trips strings, numbers, null and binary-unsafe / non-ASCII strings', async () => {
    const k = uniq('val')
    const odd = '\u0000\xff\r\n"\\ é 😀 \u{10FFFF}'
    expect(await redis.set(`${k}:s`, 'hello')).toBe('OK')
    expect(await redis.get(`${k}:s`)).toBe('hello')
    await redis.set(`${k}:odd`, odd)
    expect(await redis.get(`${k}:odd`)).toBe(odd)
    expect(await redis.strlen(`${k}:odd`)).toBe(Buffer.byteLength(odd, 'utf8'))
    expect(await redis.incrby(`${k}:n`, 42)).toBe(42)
    expect(await redis.get(`${k}:n`)).toBe(42)
    expect(await redis.incrbyfloat(`${k}:f`, 1.5)).toBe(1.5)
    expect(await redis.get(`${k}:missing`)).toBeNull()
    expect(await redis.mget(`${k}:s`, `${k}:missing`, `${k}:odd`)).toEqual(['hello', null, odd])
  })

  it('stores JSON objects via set/get (client serialises and deserialises)', async () => {
    const k = uniq('json')
    const doc = { a: 1, b: ['x', null, true], c: { d: 'é😀' } }
    await redis.set(k, doc, { ex: 60 })
    expect(await redis.get(k)).toEqual(doc)
    expect(await redis.ttl(k)).toBeGreaterThan(50)
    await redis.hset(`${k}:h`, { f1: 'v1', f2: 2 })
    expect(await redis.hgetall(`${k}:h`)).toEqual({ f1: 'v1', f2: 2 })
  })

  it('returns nested arrays (XRANGE, Lua tables) as RESP2-style arrays', async () => {
    const k = uniq('stream')
    const id = await redis.xadd(k, '*', { field: 'v\u0000al' })
    const raw = await post('/', ['XRANGE', k, '-', '+'])
    expect(await raw.json()).toEqual({ result: [[id, ['field', 'v\u0000al']]] })
    const lua = await redis.eval('return {1, "a", {2, "b", {false, "c"}}, "😀"}', [], [])
    expect(lua).toEqual([1, 'a', [2, 'b', [null, 'c']], '😀'])
  })

  it('answers base64 strings only when asked, and plain JSON otherwise', async () => {
    const k = uniq('enc')
    await redis.set(k, 'h\u0000i')
    const b64 = await post('/', ['GET', k], { 'upstash-encoding': 'base64' })
    expect(await b64.json()).toEqual({ result: Buffer.from('h\u0000i').toString('base64') })
    const plain = await post('/', ['GET', k])
    expect(await plain.json()).toEqual({ result: 'h\u0000i' })
    const arr = await post('/', ['MGET', k, `${k}:none`], { 'upstash-encoding': 'base64' })
    expect(await arr.json()).toEqual({ result: [Buffer.from('h\u0000i').toString('base64'), null] })
    const num = await post('/', ['STRLEN', k], { 'upstash-encoding': 'base64' })
    expect(await num.json()).toEqual({ result: 3 })
  })

  it('sets a monotonic upstash-sync-token header', async () => {
    const a = await post('/', ['PING'])
    const b = await post('/', ['PING'])
    const ta = Number(a.headers.get('upstash-sync-token'))
    const tb = Number(b.headers.get('upstash-sync-token'))
    expect(ta).toBeGreaterThan(0)
    expect(tb).toBeGreaterThan(ta)
  })
})

describe('errors, pipelines and transactions', () => {
  it('a Redis error on a single command is a 400 {"error"} the client throws', async () => {
    const k = uniq('err')
    await redis.set(k, 'not-a-number')
    const res = await post('/', ['INCR', k])
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'ERR value is not an integer or out of range' })
    await expect(redis.incr(k)).rejects.toThrow(/not an integer/)
  })

  it('pipeline: per-entry errors with 200, counted as N commands in one request', async () => {
    const k = uniq('pipe')
    await redis.set(`${k}:bad`, 'x')
    const p = redis.pipeline()
    p.set(`${k}:a`, 1)
    p.incr(`${k}:bad`)
    p.incr(`${k}:a`)
    let out: unknown
    const delta = await counted(async () => (out = await p.exec({ keepErrors: true })))
    expect(delta).toEqual({ requests: 1, commands: 3 })
    expect(out).toEqual([
      { result: 'OK', error: undefined },
      { result: undefined, error: 'ERR value is not an integer or out of range' },
      { result: 2, error: undefined },
    ])
    const p2 = redis.pipeline()
    p2.get(`${k}:a`)
    p2.incr(`${k}:bad`)
    await expect(p2.exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/)
    const raw = await post('/pipeline', [['GET', `${k}:a`], ['NOPE'], ['SELECT', '1']])
    expect(raw.status).toBe(200)
    const entries = (await raw.json()) as Array<{ result?: unknown; error?: string }>
    expect(entries[0]).toEqual({ result: '2' })
    expect(entries[1]!.error).toMatch(/^ERR unknown command 'NOPE'/i)
    expect(entries[2]!.error).toMatch(/not supported over HTTP/)
  })

  it('multi-exec runs atomically; runtime errors per entry; a queueing error aborts everything', async () => {
    const k = uniq('tx')
    const tx = redis.multi()
    tx.set(`${k}:a`, 5)
    tx.incr(`${k}:a`)
    tx.get(`${k}:a`)
    expect(await tx.exec()).toEqual(['OK', 6, 6])

    await redis.set(`${k}:s`, 'str')
    const raw = await post('/multi-exec', [
      ['INCR', `${k}:a`],
      ['INCR', `${k}:s`],
      ['GET', `${k}:a`],
    ])
    expect(raw.status).toBe(200)
    const entries = (await raw.json()) as Array<{ result?: unknown; error?: string }>
    expect(entries).toEqual([{ result: 7 }, { error: 'ERR value is not an integer or out of range' }, { result: '7' }])

    const aborted = await post('/multi-exec', [
      ['INCR', `${k}:a`],
      ['NOPE', 'x'],
    ])
    expect(aborted.status).toBe(400)
    expect(((await aborted.json()) as { error: string }).error).toMatch(/^EXECABORT .*unknown command/)
    expect(await redis.get(`${k}:a`)).toBe(7) // the INCR queued before the bad command never ran
    const tx2 = redis.multi()
    tx2.incr(`${k}:a`)
    tx2.del() // wrong arity: refused while queueing
    await expect(tx2.exec()).rejects.toThrow(/EXECABORT/)
    expect(await redis.get(`${k}:a`)).toBe(7)
  })

  it('malformed bodies, unknown routes, refused commands and oversize bodies get 4xx JSON', async () => {
    const bad = await post('/', '["SET", "k"')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toBe('Malformed JSON body')
    for (const body of [{ cmd: 'GET' }, [], [['GET', 'x']], ['GET', { k: 1 }]]) {
      const res = await post('/', body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/^Invalid command/)
    }
    const emptyPipe = await post('/pipeline', [])
    expect(emptyPipe.status).toBe(400)
    const badEntry = await post('/pipeline', [['GET', 'x'], 'GET'])
    expect(((await badEntry.json()) as { error: string }).error).toMatch(/index 1/)
    const select = await post('/', ['SELECT', '2'])
    expect(select.status).toBe(400)
    const notFound = await post('/nope', ['PING'])
    expect(notFound.status).toBe(404)
    expect(notFound.headers.get('content-type')).toBe('application/problem+json')
    const get = await fetch(srv.url, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(get.status).toBe(405)

    const small = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true, maxBodyBytes: 1024 })
    try {
      const big = await post('/', ['SET', 'k', 'x'.repeat(2048)], {}, small.url)
      expect(big.status).toBe(413)
      expect(((await big.json()) as { error: string }).error).toMatch(/larger than 1024 bytes/)
    } finally {
      await small.close()
    }
  })

  it('runs blocking commands on their own connection without holding up others', async () => {
    const k = uniq('block')
    const started = Date.now()
    const blocked = post('/', ['BLPOP', k, '1'])
    await new Promise((r) => setTimeout(r, 100))
    expect(await redis.set(`${k}:other`, 'v')).toBe('OK')
    expect(Date.now() - started).toBeLessThan(800)
    await redis.rpush(k, 'item')
    expect(await (await blocked).json()).toEqual({ result: [k, 'item'] })
  })
})

describe('scripts', () => {
  it('eval, script load and evalsha; unknown sha answers NOSCRIPT', async () => {
    const k = uniq('lua')
    const script = 'return redis.call("INCRBY", KEYS[1], ARGV[1])'
    expect(await redis.eval(script, [k], ['3'])).toBe(3)
    const sha = await redis.scriptLoad(script)
    expect(sha).toBe(scriptSha(script))
    expect(await redis.evalsha(sha, [k], ['4'])).toBe(7)
    await expect(redis.evalsha('0'.repeat(40), [], [])).rejects.toThrow(/NOSCRIPT No matching script/)
  })

  it('accepts the `#!lua flags=allow-key-locking` shebang that stock Redis 7.0 rejects', async () => {
    const k = uniq('shebang')
    const clientSha = scriptSha(SHEBANG_SCRIPT)
    expect(await redis.eval(SHEBANG_SCRIPT, [k], ['2'])).toEqual([2, ['nested', 4]])
    expect(await redis.evalsha(clientSha, [k], ['3'])).toEqual([5, ['nested', 10]])
    expect(await redis.scriptLoad(SHEBANG_SCRIPT)).toBe(clientSha)
    expect(await redis.scriptExists(clientSha)).toEqual([1])
    // Lua error lines stay those of the client's text, and the client's SHA is the one named.
    const failing = '#!lua flags=allow-key-locking\nlocal x = 1\nerror("boom")'
    await redis.scriptLoad(failing)
    const res = await post('/', ['EVALSHA', scriptSha(failing), '0'])
    expect(res.status).toBe(400)
    const msg = ((await res.json()) as { error: string }).error
    expect(msg).toMatch(/user_script:3: boom/)
    expect(msg).toContain(scriptSha(failing))
  })

  it('after SCRIPT FLUSH an evalsha answers NOSCRIPT and the client recovers with EVAL', async () => {
    const k = uniq('flush')
    await redis.eval(SHEBANG_SCRIPT, [k], ['1'])
    await post('/', ['SCRIPT', 'FLUSH'])
    const res = await post('/', ['EVALSHA', scriptSha(SHEBANG_SCRIPT), '1', k, '1'])
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toBe('NOSCRIPT No matching script. Please use EVAL.')
  })

  const limiters = {
    slidingWindow: Ratelimit.slidingWindow(50, '10 s'),
    fixedWindow: Ratelimit.fixedWindow(50, '10 s'),
    tokenBucket: Ratelimit.tokenBucket(5, '10 s', 50),
  }
  for (const [name, limiter] of Object.entries(limiters)) {
    it(`@upstash/ratelimit ${name}: exactly one HTTP request per limit() after warm-up`, async () => {
      const rl = new Ratelimit({ redis, limiter, analytics: false, prefix: uniq('rl') })
      const warm = await rl.limit('user-1')
      await warm.pending
      expect(warm.success).toBe(true)
      for (let i = 0; i < 5; i++) {
        let remaining = -1
        const delta = await counted(async () => {
          const r = await rl.limit('user-1')
          await r.pending
          expect(r.success).toBe(true)
          remaining = r.remaining
        })
        expect(delta).toEqual({ requests: 1, commands: 1 })
        expect(remaining).toBe(50 - 2 - i)
      }
    })
  }

  it('@upstash/ratelimit slidingWindow admits exactly the limit under concurrency', async () => {
    const rl = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(20, '30 s'), analytics: false, prefix: uniq('rlc') })
    const results = await Promise.all(Array.from({ length: 60 }, () => rl.limit('burst')))
    await Promise.all(results.map((r) => r.pending))
    expect(results.filter((r) => r.success)).toHaveLength(20)
  })
})

describe('auth and stats', () => {
  it('a wrong or missing token gets 401 JSON and the client throws', async () => {
    const wrong = await post('/', ['PING'], { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error: 'Unauthorized', status: 401 })
    const missing = await fetch(srv.url, { method: 'POST', body: '["PING"]' })
    expect(missing.status).toBe(401)
    const bad = new Redis({ url: srv.url, token: 'nope' })
    await expect(bad.get('x')).rejects.toThrow(/Unauthorized/)
    const stats = await fetch(`${srv.url}/_stats`, { headers: { authorization: 'Bearer nope' } })
    expect(stats.status).toBe(401)
  })

  it('/_stats reports requests and commands (not counting itself); /_stats/reset zeroes them', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` }
    const reset = await fetch(`${srv.url}/_stats/reset`, { method: 'POST', headers: auth })
    expect(await reset.json()).toEqual({ requests: 0, commands: 0 })
    await post('/', ['PING'])
    await post('/pipeline', [['PING'], ['PING'], ['PING']])
    await post('/multi-exec', [['PING'], ['PING']])
    await post('/', ['PING'], { authorization: 'Bearer wrong' })
    const stats = await fetch(`${srv.url}/_stats`, { headers: auth })
    expect(await stats.json()).toEqual({ requests: 4, commands: 6 })
    expect(srv.stats()).toEqual({ requests: 4, commands: 6 })
  })

  it('auto-pipelining: commands issued together cost one HTTP request per read/write batch', async () => {
    const k = uniq('auto')
    await redis.set(k, 'v')
    const reads = await counted(() => Promise.all([redis.get(k), redis.exists(k), redis.ttl(k)]))
    expect(reads).toEqual({ requests: 1, commands: 3 })
    const writes = await counted(() => Promise.all([redis.incr(`${k}:n`), redis.set(`${k}:m`, 1), redis.expire(k, 60)]))
    expect(writes).toEqual({ requests: 1, commands: 3 })
    // @upstash/redis 1.39 keeps reads and writes in separate batches: mixing them costs two.
    const mixed = await counted(() => Promise.all([redis.get(k), redis.incr(`${k}:n`)]))
    expect(mixed).toEqual({ requests: 2, commands: 2 })
  })

  it('--delay-ms delays every answer', async () => {
    const slow = await startRedisHttp({ redisUrl: redisServer.url, token: TOKEN, port: 0, quiet: true, delayMs: 80 })
    try {
      const t0 = performance.now()
      const res = await post('/', ['PING'], {}, slow.url)
      expect(await res.json()).toEqual({ result: 'PONG' })
      expect(performance.now() - t0).toBeGreaterThanOrEqual(75)
    } finally {
      await slow.close()
    }
  })
})

describe('Redis outages', () => {
  it('answers 5xx JSON quickly while Redis is down and recovers by itself when it is back', async () => {
    const own = await startRedisServer()
    const http = await startRedisHttp({ redisUrl: own.url, token: TOKEN, port: 0, quiet: true })
    const client = new Redis({ url: http.url, token: TOKEN })
    try {
      expect(await client.set('k', 'before')).toBe('OK')
      await own.stop()

      for (const [path, body] of [
        ['/', ['GET', 'k']],
        ['/pipeline', [['GET', 'k']]],
        ['/multi-exec', [['GET', 'k']]],
      ] as const) {
        const t0 = performance.now()
        const res = await post(path, body, {}, http.url)
        expect(performance.now() - t0).toBeLessThan(3000)
        expect(res.status).toBeGreaterThanOrEqual(500)
        expect(((await res.json()) as { error: string }).error).toMatch(/^Redis unavailable/)
      }
      const t0 = performance.now()
      await expect(client.get('k')).rejects.toThrow(/Redis unavailable/)
      expect(performance.now() - t0).toBeLessThan(3000)

      const again = await startRedisServer({ port: own.port })
      try {
        const deadline = Date.now() + 10_000
        let answer: unknown
        while (Date.now() < deadline) {
          const res = await post('/', ['PING'], {}, http.url)
          if (res.ok) {
            answer = await res.json()
            break
          }
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(answer).toEqual({ result: 'PONG' })
        expect(await client.set('k', 'after')).toBe('OK')
        expect(await client.get('k')).toBe('after')
      } finally {
        await again.stop()
      }
    } finally {
      await http.close()
      await own.stop()
    }
  })
  it('a Redis that stops answering (SIGSTOP) yields 503 after the command timeout, not a hang', async () => {
    const own = await startRedisServer()
    const http = await startRedisHttp({ redisUrl: own.url, token: TOKEN, port: 0, quiet: true, commandTimeoutMs: 400 })
    try {
      expect(await (await post('/', ['PING'], {}, http.url)).json()).toEqual({ result: 'PONG' })
      own.child.kill('SIGSTOP')
      for (const [path, body] of [
        ['/', ['PING']],
        ['/multi-exec', [['PING']]],
      ] as const) {
        const t0 = performance.now()
        const res = await post(path, body, {}, http.url)
        expect(performance.now() - t0).toBeLessThan(2000)
        expect(res.status).toBe(503)
        expect(((await res.json()) as { error: string }).error).toMatch(/^Redis unavailable: .*timed out/i)
      }
    } finally {
      own.child.kill('SIGCONT')
      await http.close()
      await own.stop()
    }
  })
})

describe('CLI', () => {
  it('starts on --port 0, prints its address without the token, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['tools/redis-http/main.ts', '--redis', redisServer.url, '--token', TOKEN, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      const deadline = Date.now() + 10_000
      while (!/listening on (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      const url = /redis-http listening on (http:\/\/127\.0\.0\.1:\d+) \(redis redis:\/\/127\.0\.0\.1:\d+\)/.exec(out)?.[1]
      expect(url).toBeDefined()
      expect(out).not.toContain(TOKEN)
      expect(await (await post('/', ['PING'], {}, url)).json()).toEqual({ result: 'PONG' })
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = await exited
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
