/**
 * A throwaway Redis Cluster for tests and development: N redis-server processes (Debian's,
 * installed by ensureRedisServer when missing) with `--cluster-enabled yes` on free loopback
 * ports, each with its own temp dir for nodes.conf, joined by `redis-cli --cluster create` with
 * no replicas, and ready once every node reports `cluster_state:ok` and knows all the others.
 *
 * @example
 * const cluster = await startRedisCluster({ nodes: 3 })
 * const srv = await startRedisHttp({ cluster: cluster.nodes, token: 'dev', port: 0 })
 * …
 * await srv.close(); await cluster.stop()
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { freePort, progress, run, stopChild, waitFor } from './process.ts'
import { ensureRedisServer, pingRedis } from './redis-server.ts'

interface RedisClusterNode {
  host: string
  port: number
}

export interface RunningRedisCluster {
  /** The masters, in creation order (slots split evenly by redis-cli). */
  nodes: RedisClusterNode[]
  /** Stops every node and removes their temp dirs. */
  stop(): Promise<void>
}

export interface RedisClusterOptions {
  /** Masters to start (Redis needs at least 3). Default 3. */
  nodes?: number
  /** Longest wait for the cluster to become healthy, ms. Default 30000. */
  timeoutMs?: number
}

const HOST = '127.0.0.1'

/** redis-cli from the same install as redis-server (Debian's redis-tools), installed if missing. */
async function ensureRedisCli(serverBin: string): Promise<string> {
  const candidates = [join(dirname(serverBin), 'redis-cli'), '/usr/bin/redis-cli', '/usr/local/bin/redis-cli']
  const found = candidates.find((p) => existsSync(p))
  if (found) return found
  if (process.getuid?.() !== 0) throw new Error('redis-cli is not installed and we are not root. Install it with: sudo apt-get install -y redis-tools')
  progress('redis-cli missing: installing redis-tools from Debian packages ...')
  await run('apt-get', ['install', '-y', '-qq', 'redis-tools'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  const installed = candidates.find((p) => existsSync(p))
  if (!installed) throw new Error('apt-get installed redis-tools but no redis-cli binary was found')
  return installed
}

/** `count` distinct free ports (each node needs a client port and a cluster-bus port). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}

interface Node {
  port: number
  busPort: number
  dir: string
  child: ChildProcess
  /** The tail of the node's log (redis-server logs to stdout), for error messages. */
  log: () => string
}

function startNode(bin: string, port: number, busPort: number, dir: string): Node {
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--cluster-port',
      String(busPort),
      '--bind',
      HOST,
      '--protected-mode',
      'yes',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '5000',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let tail = ''
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return { port, busPort, dir, child, log: () => tail }
}

/** `CLUSTER INFO` of one node as a map (via redis-cli). */
async function clusterInfo(cli: string, port: number): Promise<Map<string, string>> {
  const out = await run(cli, ['-h', HOST, '-p', String(port), 'cluster', 'info'])
  return new Map(
    out
      .split(/\r?\n/)
      .filter((l) => l.includes(':'))
      .map((l) => l.split(':', 2) as [string, string]),
  )
}

/** Starts a Redis Cluster of `nodes` masters; rejects with what went wrong (and stops what started). */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RunningRedisCluster> {
  const count = options.nodes ?? 3
  const timeoutMs = options.timeoutMs ?? 30_000
  if (!Number.isInteger(count) || count < 3) throw new Error(`startRedisCluster: a Redis Cluster needs at least 3 masters, got ${count}`)
  const bin = await ensureRedisServer()
  const cli = await ensureRedisCli(bin)

  const started: Node[] = []
  // If this process dies without calling stop() (a crash, process.exit), take the nodes along.
  const onExit = () => {
    for (const n of started) {
      n.child.kill('SIGKILL')
      rmSync(n.dir, { recursive: true, force: true })
    }
  }
  process.once('exit', onExit)
  const stop = async () => {
    process.off('exit', onExit)
    await Promise.all(started.map((n) => stopChild(n.child)))
    await Promise.all(started.map((n) => rm(n.dir, { recursive: true, force: true })))
    started.length = 0
  }
  const t0 = Date.now()
  let step = 'starting the nodes'
  try {
    const ports = await freePorts(count * 2)
    for (let i = 0; i < count; i++) {
      const dir = await mkdtemp(join(tmpdir(), `gatehouse-redis-cluster-${i}-`))
      started.push(startNode(bin, ports[2 * i]!, ports[2 * i + 1]!, dir))
    }
    progress(`redis cluster: started ${count} nodes on ports ${started.map((n) => n.port).join(', ')}; waiting for them to answer ...`)
    await Promise.all(
      started.map((n) => {
        const exited = new Promise<never>((_, reject) =>
          n.child.once('exit', (code) => reject(new Error(`redis-server on port ${n.port} exited with ${code}`))),
        )
        return Promise.race([waitFor(`redis-server on port ${n.port}`, () => pingRedis(n.port), timeoutMs), exited])
      }),
    )

    step = 'joining the nodes (redis-cli --cluster create)'
    progress(`redis cluster: ${step} ...`)
    const addrs = started.map((n) => `${HOST}:${n.port}`)
    await run(cli, ['--cluster', 'create', ...addrs, '--cluster-replicas', '0', '--cluster-yes'])

    step = 'waiting for cluster_state:ok on every node'
    progress(`redis cluster: ${step} ...`)
    await waitFor(
      'cluster_state:ok on all nodes',
      async () => {
        const infos = await Promise.all(started.map((n) => clusterInfo(cli, n.port)))
        return infos.every((info) => info.get('cluster_state') === 'ok' && info.get('cluster_known_nodes') === String(count))
      },
      timeoutMs,
      200,
    )
  } catch (err) {
    const logs = started.map((n) => `--- node ${n.port} (bus ${n.busPort}) log tail ---\n${n.log().slice(-800)}`).join('\n')
    await stop()
    const reason = err instanceof Error ? err.message : String(err)
    throw new Error(`startRedisCluster: failed while ${step}: ${reason}\n${logs}`)
  }
  progress(`redis cluster: ready in ${Date.now() - t0} ms (${started.map((n) => `${HOST}:${n.port}`).join(', ')})`)
  return { nodes: started.map((n) => ({ host: HOST, port: n.port })), stop }
}
