/**
 * A real gatehouse for the SDK tests: the Node entry (`node src/entry/node.ts`) as a child process
 * in embedded mode — its own temporary GATEHOUSE_DATA_DIR, a free loopback port, settings from
 * `env` (e.g. a small RATE_LIMIT_REQUESTS so a 429 can be provoked). Remote-backend settings of
 * the parent environment are left out, so it is always embedded.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, stopChild, waitFor } from '../../tools/lib/process.ts'

const ENTRY = fileURLToPath(new URL('../../src/entry/node.ts', import.meta.url))

/** Settings that would switch the entry to remote backends (or leak a key) if inherited. */
const INHERITED_OUT = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_DATA_DIR$|PORT$|HOST$)/

export interface LiveServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string
  /** What the server printed so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-live-'))
  const port = await freePort()
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !INHERITED_OUT.test(k)))
  const child = spawn(process.execPath, [ENTRY], {
    // No refresh reuse grace: the SDK scenarios check that a used refresh token is refused at once.
    env: { ...base, LOG_LEVEL: 'warn', REFRESH_REUSE_GRACE_SECONDS: '0', ...env, GATEHOUSE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`gatehouse exited with ${code} before it was ready`))))
  exited.catch(() => undefined)
  const ready = waitFor('gatehouse (node src/entry/node.ts)', async () => child.exitCode === null && (await fetch(`${url}/health/live`)).ok, 20_000)
  ready.catch(() => undefined)
  try {
    await Promise.race([exited, ready])
  } catch (err) {
    await stop()
    throw new Error(`${String(err)}\n${out}`)
  }
  return { url, output: () => out, stop }
}
