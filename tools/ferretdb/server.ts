/** Starts FerretDB (SQLite backend) on a loopback port; used by the tests and `npm run ferretdb`. */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, stopChild } from '../lib/process.ts'
import { ensureFerretDb } from './build.ts'

export interface RunningFerretDb {
  port: number
  uri: string
  dir: string
  child: ChildProcess
  stop(): Promise<void>
}

export async function startFerretDb(options: { port?: number; dir?: string; inherit?: boolean } = {}): Promise<RunningFerretDb> {
  const bin = await ensureFerretDb()
  const port = options.port || (await freePort())
  const ownDir = !options.dir
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'gatehouse-ferretdb-'))
  const child = spawn(bin, ['--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', options.inherit ? 'inherit' : 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
  const uri = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`FerretDB did not start within 20 s:\n${stderr}`)), 20000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (mongodb:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.on('exit', (code) => reject(new Error(`FerretDB exited with ${code}:\n${stderr}`)))
  })
  return {
    port,
    uri,
    dir,
    child,
    async stop() {
      await stopChild(child)
      if (ownDir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
