/**
 * The real Node entry (`node src/entry/node.ts`) as a child process on a free loopback port —
 * for everything that depends on the connection (client address, CORS, streams), which
 * `app.request` cannot see. Embedded by default, on its own temporary data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort, stopChild, waitFor } from '../../tools/lib/process.ts'

const ROOT = resolve(import.meta.dirname, '../..')
/** Settings of the surrounding shell that must not leak into the server under test. */
const NOT_INHERITED = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_|PORT$|HOST$|TRUSTED_IP_HEADER$|CORS_|METRICS_)/

export interface NodeServer {
  origin: string
  dataDir: string
  /** Everything the server printed so far. */
  output(): string
  stop(): Promise<void>
}

export async function startNodeServer(env: Record<string, string> = {}): Promise<NodeServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-node-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k)))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['src/entry/node.ts'], {
    cwd: ROOT,
    env: { ...inherited, GATEHOUSE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const stop = async () => {
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitFor(
      `gatehouse on ${origin}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`gatehouse exited with ${child.exitCode}`)
        return (await fetch(`${origin}/health/live`)).ok
      },
      20_000,
    )
  } catch (err) {
    await stop()
    throw new Error(`${err instanceof Error ? err.message : err}\n${output}`)
  }
  return { origin, dataDir, output: () => output, stop }
}
