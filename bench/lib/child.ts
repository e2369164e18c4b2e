/**
 * The bench's child processes: each server in its own Node process (same binary), started with
 * the probe preloaded (bench/lib/cpu-probe.ts) and an IPC channel, so the bench can read that
 * process's own `process.cpuUsage()` around a measured run, and profile it on demand.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { stopChild } from '../../tools/lib/process.ts'

const PROBE = fileURLToPath(new URL('./cpu-probe.ts', import.meta.url))

/** CPU time of a process so far, µs. */
interface CpuTime {
  user: number
  system: number
}

export interface Child {
  name: string
  url: string
  proc: ChildProcess
  /** The process's CPU time so far, as it reports it itself. */
  cpu(): Promise<CpuTime>
  /** Starts its V8 CPU profiler; `stop` writes the profile to `file`. */
  profile(): Promise<{ stop(file: string): Promise<void> }>
  stop(): Promise<void>
}

/** Starts a Node child and resolves the URL it prints on a "listening on" line. */
export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', PROBE, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...env },
  })
  let err = ''
  proc.stderr!.on('data', (d) => (err = (err + d).slice(-4000)))
  let asked = 0
  const waiting = new Map<number, (m: Record<string, unknown>) => void>()
  proc.on('message', (m: { probe?: number; id?: number }) => {
    const id = m?.probe ?? m?.id
    if (typeof id !== 'number') return
    waiting.get(id)?.(m as Record<string, unknown>)
    waiting.delete(id)
  })
  const ask = (message: Record<string, unknown>, key: 'probe' | 'id') =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++asked
      const timer = setTimeout(() => reject(new Error(`${name} did not answer the bench probe`)), 30_000)
      waiting.set(id, (m) => {
        clearTimeout(timer)
        if (m.ok === false) reject(new Error(`${name}: ${String(m.error)}`))
        else resolve(m)
      })
      proc.send({ ...message, [key]: id })
    })
  const cpu = async (): Promise<CpuTime> => {
    const m = await ask({}, 'probe')
    return { user: Number(m.userUs), system: Number(m.systemUs) }
  }
  const profile = async () => {
    await ask({ profile: 'start' }, 'id')
    return {
      stop: async (file: string) => {
        await ask({ profile: 'stop', file }, 'id')
      },
    }
  }
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s:\n${err}`)), 30_000)
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code}:\n${err}`))
    }
    proc.on('exit', onExit)
    proc.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/[^\s/]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        proc.off('exit', onExit)
        proc.stdout!.removeAllListeners('data')
        proc.stdout!.resume()
        resolve({ name, url: m[1]!, proc, cpu, profile, stop: () => stopChild(proc) })
      }
    })
  })
}
