/**
 * Headless Chromium for browser tests: Debian's `chromium` (/usr/bin/chromium), installed with
 * apt-get when missing and we are root, driven by playwright-core (no browser download).
 *
 * The launch flags are the ones known to work on these closed-network machines: without the
 * background-networking ones Chromium keeps dialling Google's hosts, which the network refuses.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { progress, run } from './process.ts'

const CHROMIUM = '/usr/bin/chromium'

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Runs apt-get, printing a line now and then so a long install is visibly alive. */
function aptGet(args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let tail = ''
    let unpacked = 0
    let setUp = 0
    const onData = (d: Buffer) => {
      const text = d.toString()
      tail = (tail + text).slice(-4000)
      unpacked += text.match(/^Unpacking /gm)?.length ?? 0
      setUp += text.match(/^Setting up /gm)?.length ?? 0
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    const beat = setInterval(() => {
      const s = Math.round((Date.now() - started) / 1000)
      progress(`${what}: ${s} s, ${unpacked} packages unpacked, ${setUp} set up ...`)
    }, 10_000)
    child.on('error', (err) => {
      clearInterval(beat)
      reject(new Error(`could not run apt-get (${err.message})`))
    })
    child.on('close', (code) => {
      clearInterval(beat)
      if (code === 0) return resolve()
      reject(new Error(`apt-get ${args.join(' ')} exited with ${code}:\n${tail}`))
    })
  })
}

/** The Chromium binary, installed from Debian's packages if it is missing (needs root). */
async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing and we are not root, so it cannot be installed here. ` +
        'Install it with: sudo apt-get update && sudo apt-get install -y chromium',
    )
  }
  try {
    progress('chromium missing: apt-get update (once) ...')
    await run('apt-get', ['update', '-qq'])
    progress("installing chromium from Debian's packages (a few minutes the first time) ...")
    await aptGet(['install', '-y', '--no-install-recommends', 'chromium'], 'installing chromium')
  } catch (err) {
    throw new Error(`could not install chromium from Debian's packages: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} does not exist`)
  // The Debian wrapper script may print a shell warning first: the version is the last line.
  progress(`chromium installed: ${(await run(CHROMIUM, ['--version'])).trim().split('\n').pop()}`)
  return CHROMIUM
}

/**
 * Launches headless Chromium with the known-good flags. playwright-core gives every launch a new,
 * empty profile (--user-data-dir in a temp dir) and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium()
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath,
    headless: true, // playwright adds --headless itself
    args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'),
  })
}
