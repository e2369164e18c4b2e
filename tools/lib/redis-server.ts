/**
 * redis-server for tests and development: found on PATH, or installed from Debian's packages
 * when missing and we are root. Started on a free loopback port with persistence off.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import { freePort, progress, run, stopChild, waitFor } from './process.ts'

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server']

export async function ensureRedisServer(): Promise<string> {
  const found = CANDIDATES.find((p) => existsSync(p))
  if (found) return found
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is not installed and we are not root. Install it with: sudo apt-get update && sudo apt-get install -y redis-server')
  }
  progress('redis-server missing: apt-get update (once) ...')
  await run('apt-get', ['update', '-qq'])
  progress('installing redis-server from Debian packages ...')
  await run('apt-get', ['install', '-y', '-qq', 'redis-server'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  const installed = CANDIDATES.find((p) => existsSync(p))
  if (!installed) throw new Error('apt-get installed redis-server but no redis-server binary was found')
  progress(`redis-server installed at ${installed}`)
  return installed
}

export interface RunningRedis {
  port: number
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Sends PING over raw TCP (RESP) and resolves true on +PONG. */
export function pingRedis(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1')
    const fail = () => {
      sock.destroy()
      resolve(false)
    }
    const timer = setTimeout(fail, timeoutMs)
    sock.on('connect', () => sock.write('*1\r\n$4\r\nPING\r\n'))
    sock.on('data', (d) => {
      clearTimeout(timer)
      sock.destroy()
      resolve(d.toString().startsWith('+PONG'))
    })
    sock.on('error', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
}

export async function startRedisServer(options: { port?: number } = {}): Promise<RunningRedis> {
  const bin = await ensureRedisServer()
  const port = options.port ?? (await freePort())
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitFor(`redis-server on port ${port}`, () => pingRedis(port))
  return { port, url: `redis://127.0.0.1:${port}`, child, stop: () => stopChild(child) }
}
