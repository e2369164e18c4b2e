/**
 * A real server entry as a child process on a free loopback port — for everything that depends
 * on the connection (client address, CORS, streams), which `app.request` cannot see. Node
 * (`npm start`), Bun (`npm run start:bun`) or Deno (`npm run start:deno`): the command line is the
 * npm script's own, run with the binary from node_modules (bun and deno are devDependencies), so
 * the test runs what the README tells people to run. Embedded by default, on its own temporary
 * data directory (or a given one, which the caller owns).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort, stopChild, waitFor } from '../../tools/lib/process.ts'

const ROOT = resolve(import.meta.dirname, '../..')
/** Settings of the surrounding shell that must not leak into the server under test. */
const NOT_INHERITED = /^(UPSTASH_|MONGO|JWT_|JWKS_|GATEHOUSE_|EMBEDDED_|PORT$|HOST$|TRUSTED_IP_HEADER$|CORS_|METRICS_)/

export type ServerRuntime = 'node' | 'bun' | 'deno'

const SCRIPTS: Record<ServerRuntime, string> = { node: 'start', bun: 'start:bun', deno: 'start:deno' }

export interface RunningServer {
  runtime: ServerRuntime
  origin: string
  dataDir: string
  /** Everything the server printed so far. */
  output(): string
  stop(): Promise<void>
  /** SIGKILL (kill -9): nothing runs on the way out; the data directory stays. */
  kill(): Promise<void>
}

/** Kept for the suites written before Bun and Deno: the Node entry. */
export type NodeServer = RunningServer

/**
 * The npm script's command line with its program resolved: Node is the one running the tests
 * (the `node` devDependency), Bun and Deno come from node_modules/.bin — missing, the test fails
 * saying so (never a skip).
 */
function serverCommand(runtime: ServerRuntime): { file: string; args: string[] } {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  const line = scripts[SCRIPTS[runtime]]
  if (!line) throw new Error(`package.json has no "${SCRIPTS[runtime]}" script`)
  const [program, ...args] = line.split(/\s+/)
  if (program === 'node') return { file: process.execPath, args }
  const file = join(ROOT, 'node_modules', '.bin', program!)
  if (!existsSync(file)) {
    throw new Error(`${program} is not installed: ${file} is missing. It is a devDependency — run \`npm ci\` (with install scripts enabled).`)
  }
  return { file, args }
}

export async function startServer(runtime: ServerRuntime, env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningServer> {
  const { file, args } = serverCommand(runtime)
  const ownDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `gatehouse-${runtime}-`))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k)))
  let output = ''
  const child: ChildProcess = spawn(file, args, {
    cwd: ROOT,
    env: { ...inherited, GATEHOUSE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  // Polling alone would wait out the timeout on a server that failed at once.
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`could not start ${file}: ${err.message}`)))
    child.once('exit', (code, signal) => reject(new Error(`gatehouse (${runtime}) exited with ${code ?? signal} before it was ready`)))
  })
  failed.catch(() => undefined)
  const stop = async () => {
    await stopChild(child)
    if (ownDir) rmSync(dataDir, { recursive: true, force: true })
  }
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  try {
    await Promise.race([failed, waitFor(`gatehouse (${runtime}) on ${origin}`, async () => (await fetch(`${origin}/health/live`)).ok, 20_000)])
  } catch (err) {
    await stop()
    throw new Error(`${err instanceof Error ? err.message : err}\n${output}`)
  }
  return { runtime, origin, dataDir, output: () => output, stop, kill }
}

/** The Node entry (`npm start`). */
export const startNodeServer = (env: Record<string, string> = {}): Promise<RunningServer> => startServer('node', env)
