/**
 * Cached Python virtual environments for the SDK tooling: one for the generator
 * (openapi-python-client, pinned in tools/sdk/python-generator.txt), one for running the Python SDK
 * in the tests. Each lives under ~/.cache/gatehouse, named after a hash of what it holds, and is
 * built once (with progress output); a half-built one (no ready marker) is rebuilt.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { progress, run } from '../lib/process.ts'
import { cacheDir, shortHash, withLock } from './cache.ts'

export interface Venv {
  dir: string
  /** The venv's interpreter. */
  python: string
  /** Its bin/ directory (put first on PATH to run its tools). */
  bin: string
}

const READY = '.gatehouse-ready'

/** The system Python (3.11 or newer), or a clear failure. */
async function systemPython(): Promise<{ exe: string; version: string }> {
  for (const exe of ['python3', 'python']) {
    let version: string
    try {
      version = (await run(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'])).trim()
    } catch {
      continue
    }
    const [major, minor] = version.split('.').map(Number)
    if (major === 3 && minor! >= 11) return { exe, version }
    throw new Error(`Python 3.11 or newer is needed for the Python SDK tooling; \`${exe}\` is ${version}`)
  }
  throw new Error('Python 3.11 or newer is needed for the Python SDK tooling (Debian: apt-get install python3 python3-venv); none found on PATH')
}

/** A venv with exactly these requirements (pip requirements-file text), built once and cached. */
export async function ensureVenv(label: string, requirements: string): Promise<Venv> {
  const py = await systemPython()
  const dir = join(cacheDir(), `venv-${label}-py${py.version}-${shortHash(requirements)}`)
  const venv = { dir, python: join(dir, 'bin', 'python'), bin: join(dir, 'bin') }
  if (existsSync(join(dir, READY))) return venv
  return withLock(dir, async () => {
    if (existsSync(join(dir, READY))) return venv
    const started = Date.now()
    progress(`creating the Python venv "${label}" in ${dir} (first run only) ...`)
    rmSync(dir, { recursive: true, force: true })
    await run(py.exe, ['-m', 'venv', dir])
    const reqFile = join(dir, 'requirements.txt')
    writeFileSync(reqFile, requirements)
    if (requirements.replace(/#.*$/gm, '').trim()) {
      progress(`installing into "${label}": ${requirements.replace(/#.*$/gm, '').trim().split(/\s+/).length} pinned packages ...`)
      try {
        await pip(venv, ['install', '--no-input', '-r', reqFile])
      } catch (err) {
        throw new Error(`could not install the Python packages for "${label}" (is the package index reachable?): ${String(err)}`)
      }
    }
    writeFileSync(join(dir, READY), `${new Date().toISOString()}\n`)
    progress(`Python venv "${label}" ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return venv
  })
}

/** Runs pip of a venv (quietly; its output comes with a failure). */
export function pip(venv: Venv, args: string[], cwd?: string): Promise<string> {
  return run(venv.python, ['-m', 'pip', '--disable-pip-version-check', ...args], { ...(cwd ? { cwd } : {}) })
}
