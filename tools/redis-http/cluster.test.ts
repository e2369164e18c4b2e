/**
 * redis-http in cluster mode against a real 3-node Redis Cluster (tools/lib/redis-cluster.ts),
 * driven by the real @upstash/redis client and by raw fetch; where data landed is checked on the
 * nodes themselves.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { Ratelimit } from '@upstash/ratelimit'
import { Redis } from '@upstash/redis'
import { Redis as IoRedis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniq } from '../../tests/harness/services.ts'
import { type RunningRedisCluster, startRedisCluster } from '../lib/redis-cluster.ts'
import { CROSSSLOT } from './cluster.ts'
import { scriptSha } from './scripts.ts'
import { type RunningRedisHttp, startRedisHttp } from './server.ts'
import { keySlot } from './slot.ts'

const TOKEN = 'cluster-test-token'

let cluster: RunningRedisCluster
let srv: RunningRedisHttp
let redis: Redis
/** A plain connection to each node, and the slot ranges each one owns. */
let nodes: Array<{ conn: IoRedis; ranges: Array<[number, number]> }>

beforeAll(async () => {
  cluster = await startRedisCluster({ nodes: 3 })
  srv = await startRedisHttp({ cluster: cluster.nodes, token: TOKEN, port: 0, quiet: true })
  redis = new Redis({ url: srv.url, token: TOKEN })
  const conns = cluster.nodes.map((n) => new IoRedis({ host: n.host, port: n.port }))
  const slots = await conns[0]!.cluster('SLOTS')
  nodes = conns.map((conn, i) => ({
    conn,
    ranges: slots.filter((s) => s[2]?.[1] === cluster.nodes[i]!.port).map((s) => [s[0], s[1]] as [number, number]),
  }))
})

afterAll(async () => {
  for (const n of nodes ?? []) n.conn.disconnect()
  await srv?.close()
  await cluster?.stop()
})

/** Index of the node that owns `key`. */
function ownerOf(key: string): number {
  const slot = keySlot(key)
  return nodes.findIndex((n) => n.ranges.some(([lo, hi]) => slot >= lo && slot <= hi))
}

/** One key per node, so a test touches all three. */
function keysOnEveryNode(prefix: string): string[] {
  const found: string[] = []
  for (let i = 0; found.length < nodes.length; i++) {
    const k = `${prefix}:${i}`
    if (!found.some((f) => ownerOf(f) === ownerOf(k))) found.push(k)
  }
  return found.sort((a, b) => ownerOf(a) - ownerOf(b))
}

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(srv.url + path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

async function counted(fn: () => Promise<unknown>): Promise<{ requests: number; commands: number }> {
  const before = srv.stats()
  await fn()
  const after = srv.stats()
  return { requests: after.requests - before.requests, commands: after.commands - before.commands }
}

describe('routing', () => {
  it('keySlot() agrees with CLUSTER KEYSLOT (hash tags, empty tags, non-ASCII)', async () => {
    const keys = ['', 'a', 'foo', '{t1}:a', '{t1}:b', 'x{t1}y', '{}a', '{a', 'a}b{', '{{x}}', 'é😀', uniq('k'), 'user:{42}:profile']
    for (const k of keys) expect(keySlot(k), k).toBe(await nodes[0]!.conn.cluster('KEYSLOT', k))
  })

  it('GET/SET for keys on all three nodes; each value lives on the node owning its slot', async () => {
    const keys = keysOnEveryNode(uniq('gs'))
    expect(new Set(keys.map(ownerOf)).size).toBe(3)
    for (const [i, k] of keys.entries()) expect(await redis.set(k, { i })).toBe('OK')
    for (const [i, k] of keys.entries()) expect(await redis.get(k)).toEqual({ i })
    for (const k of keys) {
      expect(await nodes[ownerOf(k)]!.conn.exists(k)).toBe(1)
      expect(await nodes[(ownerOf(k) + 1) % 3]!.conn.call('EXISTS', k).catch((e: Error) => e.message)).toMatch(/^MOVED /)
    }
  })

  it('a cross-slot pipeline runs per entry: results in order, errors per entry, one request', async () => {
    const [a, b, c] = keysOnEveryNode(uniq('pipe'))
    const p = redis.pipeline()
    p.set(a!, 1)
    p.set(b!, 'text')
    p.incr(a!)
    p.incr(b!)
    p.set(c!, 3)
    p.mget(a!, c!)
    p.get(c!)
    let out: unknown
    expect(await counted(async () => (out = await p.exec({ keepErrors: true })))).toEqual({ requests: 1, commands: 7 })
    expect(out).toEqual([
      { result: 'OK', error: undefined },
      { result: 'OK', error: undefined },
      { result: 2, error: undefined },
      { result: undefined, error: 'ERR value is not an integer or out of range' },
      { result: 'OK', error: undefined },
      { result: undefined, error: CROSSSLOT },
      { result: 3, error: undefined },
    ])
  })

  it('@upstash/redis auto-pipelining: reads for three nodes cost one HTTP request', async () => {
    const keys = keysOnEveryNode(uniq('auto'))
    await Promise.all(keys.map((k, i) => redis.set(k, `v${i}`)))
    let got: unknown
    expect(await counted(async () => (got = await Promise.all(keys.map((k) => redis.get(k)))))).toEqual({ requests: 1, commands: 3 })
    expect(got).toEqual(['v0', 'v1', 'v2'])
  })
})

describe('connections', () => {
  it('a cold start takes a burst at once (node connections open lazily, nothing is refused)', async () => {
    const fresh = await startRedisHttp({ cluster: [cluster.nodes[0]!], token: TOKEN, port: 0, quiet: true })
    try {
      const keys = Array.from({ length: 60 }, (_, i) => `${uniq('cold')}:${i}`)
      const client = new Redis({ url: fresh.url, token: TOKEN, enableAutoPipelining: false })
      const pipe = await fetch(`${fresh.url}/pipeline`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(keys.map((k) => ['SET', k, k])),
      })
      expect(pipe.status).toBe(200)
      expect(await Promise.all(keys.map((k) => client.get(k)))).toEqual(keys)
    } finally {
      await fresh.close()
    }
  })

  it('blocking commands wait on their own connection to the right node', async () => {
    const [k, other] = keysOnEveryNode(uniq('block'))
    const blocked = post('/', ['BLPOP', k, '2'])
    await new Promise((r) => setTimeout(r, 100))
    const t0 = Date.now()
    expect(await redis.set(other!, 'v')).toBe('OK')
    expect(Date.now() - t0).toBeLessThan(500)
    await redis.rpush(k!, 'item')
    expect(await blocked).toEqual({ status: 200, json: { result: [k, 'item'] } })
  })

  it('an unreachable cluster answers 503 {"error"} at once', async () => {
    const { freePort } = await import('../lib/process.ts')
    const dead = await startRedisHttp({ cluster: [{ host: '127.0.0.1', port: await freePort() }], token: TOKEN, port: 0, quiet: true })
    try {
      const t0 = performance.now()
      for (const [path, body] of [
        ['/', ['GET', 'k']],
        ['/pipeline', [['GET', 'k']]],
        ['/multi-exec', [['GET', 'k']]],
        ['/subscribe/c', []],
      ] as const) {
        const res = await fetch(dead.url + path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) })
        expect(res.status, path).toBe(503)
        expect(((await res.json()) as { error: string }).error).toMatch(/^Redis unavailable/)
      }
      expect(performance.now() - t0).toBeLessThan(3000)
    } finally {
      await dead.close()
    }
  })
})

describe('transactions and scripts', () => {
  it('multi-exec works within one slot and answers CROSSSLOT (as Redis does) across slots', async () => {
    const tag = uniq('tx')
    const tx = redis.multi()
    tx.set(`{${tag}}:a`, 5)
    tx.incr(`{${tag}}:a`)
    tx.set(`{${tag}}:b`, 'x')
    expect(await tx.exec()).toEqual(['OK', 6, 'OK'])

    const fromRedis = await post('/', ['MSET', `${tag}:1`, '1', `${tag}:2`, '2'])
    expect(fromRedis).toEqual({ status: 400, json: { error: CROSSSLOT } })
    const [x, y] = keysOnEveryNode(tag) // on different nodes
    let z = `${x}:0` // on x's node, in another slot
    for (let i = 1; ownerOf(z) !== ownerOf(x!) || keySlot(z) === keySlot(x!); i++) z = `${x}:${i}`
    for (const other of [y!, z]) {
      expect(
        await post('/multi-exec', [
          ['SET', x, '1'],
          ['SET', other, '2'],
        ]),
      ).toEqual({ status: 400, json: { error: CROSSSLOT } })
    }
    for (const k of [x!, y!, z]) expect(await redis.exists(k)).toBe(0) // nothing of the refused transactions ran
    await expect(redis.multi().set(x!, 1).set(y!, 2).exec()).rejects.toThrow(/CROSSSLOT/)
  })

  it('EVALSHA with keys sharing a hash tag runs on their node; NOSCRIPT then EVAL, as on one node', async () => {
    const t = uniq('t1')
    const [ka, kb] = [`{${t}}:a`, `{${t}}:b`]
    const script = redis.createScript<[number, number]>(
      `local a = redis.call("INCRBY", KEYS[1], ARGV[1]) local b = redis.call("INCRBY", KEYS[2], ARGV[1]) return {a, b} -- ${t}`,
    )
    expect(await counted(async () => expect(await script.exec([ka, kb], ['2'])).toEqual([2, 2]))).toEqual({ requests: 2, commands: 2 })
    expect(await counted(async () => expect(await script.exec([ka, kb], ['3'])).toEqual([5, 5]))).toEqual({ requests: 1, commands: 1 })
    expect(await nodes[ownerOf(ka)]!.conn.get(kb)).toBe('5')

    const unknown = await post('/', ['EVALSHA', scriptSha(`return 1 -- ${t}`), '1', ka])
    expect(unknown).toEqual({ status: 400, json: { error: 'NOSCRIPT No matching script. Please use EVAL.' } })
    // SCRIPT LOAD reaches every master, so EVALSHA works for keys anywhere right away.
    const sha = await redis.scriptLoad(`return redis.call("SET", KEYS[1], ARGV[1]) -- ${t}`)
    expect(await redis.scriptExists(sha)).toEqual([1])
    for (const k of keysOnEveryNode(t)) expect(await redis.evalsha(sha, [k], ['v'])).toBe('OK')
  })

  it('a CROSSSLOT script is an error answer, not a crash; the server keeps serving', async () => {
    const [a, b] = keysOnEveryNode(uniq('xs'))
    await expect(redis.eval('return redis.call("MGET", KEYS[1], KEYS[2])', [a!, b!], [])).rejects.toThrow(CROSSSLOT)
    const undeclared = await post('/', ['EVAL', `return redis.call("GET", "${b}")`, '1', a!])
    expect(undeclared.status).toBe(400)
    expect((undeclared.json as { error: string }).error).toMatch(/non local key in a cluster node/)
    // numkeys beyond the arguments: ioredis cannot route it; Redis answers as on one node.
    const tooMany = "ERR Number of keys can't be greater than number of args"
    expect(await post('/', ['EVAL', 'return 1', '5', a!])).toEqual({ status: 400, json: { error: tooMany } })
    expect(
      await post('/pipeline', [
        ['EVAL', 'return 1', '5', a!],
        ['GET', a!],
      ]),
    ).toEqual({ status: 200, json: [{ error: tooMany }, { result: null }] })
    expect(await post('/multi-exec', [['EVAL', 'return 1', '5', a!]])).toEqual({ status: 200, json: [{ error: tooMany }] })
    expect(await redis.ping()).toBe('PONG')
  })

  it('@upstash/ratelimit: shebang scripts work; slidingWindow needs its two keys in one slot', async () => {
    const fixed = new Ratelimit({ redis, limiter: Ratelimit.fixedWindow(3, '10 s'), analytics: false, prefix: uniq('rlf') })
    const fixedResults = []
    for (let i = 0; i < 4; i++) fixedResults.push((await fixed.limit('user')).success)
    expect(fixedResults).toEqual([true, true, true, false])
    // Its keys are `<prefix>:<id>:<window>` and `…:<previous window>`: a hash tag in the id keeps them together.
    const sliding = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(2, '10 s'), analytics: false, prefix: uniq('rls') })
    const slidingResults = []
    for (let i = 0; i < 3; i++) slidingResults.push((await sliding.limit('{user-1}')).success)
    expect(slidingResults).toEqual([true, true, false])
  })
})

describe('pub/sub, stats and the CLI', () => {
  it('subscribers on different nodes all receive a PUBLISH sent through the command route', async () => {
    const ch = uniq('cch')
    const subs = [redis.subscribe<unknown>(ch), redis.subscribe<unknown>(ch), redis.psubscribe<unknown>(`${ch}*`)]
    const got: string[] = []
    let ready = 0
    for (const s of subs) {
      s.on('subscribe', () => ready++)
      s.on('psubscribe', () => ready++)
      s.on('message', (m) => got.push(`message:${JSON.stringify(m.message)}`))
      s.on('pmessage', (m) => got.push(`pmessage:${m.channel}:${JSON.stringify(m.message)}`))
    }
    try {
      const deadline = Date.now() + 5000
      while (ready < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      const clients = await Promise.all(
        nodes.map(async (n) => ((await n.conn.client('LIST')) as string).split('\n').filter((l) => l.includes('name=redis-http:subscriber')).length),
      )
      expect(clients).toEqual([1, 1, 1]) // one subscriber connection per node, round-robin
      // (a JSON payload: the client's pmessage parsing is JSON.parse without a fallback)
      await redis.publish(ch, { hello: 1 })
      while (got.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(got.sort()).toEqual(['message:{"hello":1}', 'message:{"hello":1}', `pmessage:${ch}:{"hello":1}`])
    } finally {
      await Promise.all(subs.map((s) => s.unsubscribe()))
    }
  })

  it('/_stats counts requests and commands as on one node', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` }
    await fetch(`${srv.url}/_stats/reset`, { method: 'POST', headers: auth })
    const keys = keysOnEveryNode(uniq('st'))
    await post('/', ['GET', keys[0]])
    await post(
      '/pipeline',
      keys.map((k) => ['GET', k]),
    )
    await post('/multi-exec', [
      ['GET', keys[1]],
      ['GET', keys[1]],
    ])
    expect(await (await fetch(`${srv.url}/_stats`, { headers: auth })).json()).toEqual({ requests: 3, commands: 6 })
  })

  it('--cluster host:port,... starts the CLI in cluster mode', async () => {
    const spec = cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')
    const child = spawn(process.execPath, ['tools/redis-http/main.ts', '--cluster', spec, '--token', TOKEN, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      const deadline = Date.now() + 10_000
      while (!/listening on (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      const url = /redis-http listening on (http:\/\/127\.0\.0\.1:\d+) \(redis cluster 127\.0\.0\.1:\d+,/.exec(out)?.[1]
      expect(url, out).toBeDefined()
      const cli = new Redis({ url: url!, token: TOKEN })
      const keys = keysOnEveryNode(uniq('cli'))
      await Promise.all(keys.map((k) => cli.set(k, k)))
      expect(await Promise.all(keys.map((k) => cli.get(k)))).toEqual(keys)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      expect((await exited)[0]).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
