/**
 * Builds our FerretDB launcher (tools/ferretdb, a tiny Go module embedding FerretDB v1.24.2)
 * through the Go module proxy, once: the binary is cached under ~/.cache/gatehouse keyed by the
 * hash of the module's files, so later runs start instantly.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { progress, run } from '../lib/process.ts'

const MODULE_DIR = fileURLToPath(new URL('.', import.meta.url))

export async function ensureFerretDb(): Promise<string> {
  const hash = createHash('sha256')
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(MODULE_DIR, f)))
  const cacheDir = process.env.GATEHOUSE_CACHE_DIR ?? join(homedir(), '.cache', 'gatehouse')
  const bin = join(cacheDir, `ferretdb-v1.24.2-${hash.digest('hex').slice(0, 12)}`)
  if (existsSync(bin)) return bin

  try {
    await run('go', ['version'])
  } catch {
    throw new Error('Go is needed to build FerretDB for the tests (https://go.dev/doc/install); `go` was not found on PATH')
  }
  mkdirSync(cacheDir, { recursive: true })
  progress('building FerretDB v1.24.2 through the Go module proxy (first run only, about a minute) ...')
  const started = Date.now()
  const tmp = `${bin}.tmp-${process.pid}`
  await run('go', ['build', '-o', tmp, '.'], { cwd: MODULE_DIR, env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' } })
  renameSync(tmp, bin)
  progress(`FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${bin}`)
  return bin
}
