/**
 * The CLI's credential flags, end to end: `hash-password` makes a hash, `--users-file` takes it,
 * `--jwt-jwks-url`/`--jwt-issuer`/`--jwt-database` configure JWTs, `--app-id` restricts the Atlas
 * URL shape. Runs gateway/main.ts as a child process on the harness's FerretDB.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { need, uniq } from '../tests/harness/services.ts'
import { startTestJwks, type TestJwks } from './test-jwks.ts'

const EMAIL = 'cli-user@example.com'
const PASSWORD = 'cli password secret'
const db = uniq('cli')
const dir = mkdtempSync(join(tmpdir(), 'gw-cli-'))
let jwks: TestJwks

beforeAll(async () => {
  jwks = await startTestJwks()
})
afterAll(async () => {
  await jwks?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Runs main.ts; resolves with its output once `until` matches it (or when it exits). */
function run(args: string[], stdin?: string, until?: RegExp) {
  const child = spawn(process.execPath, ['gateway/main.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  child.stdin.end(stdin ?? '')
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no match in: ${out}`)), 15000)
    const check = () => {
      if (until?.test(out)) {
        clearTimeout(timer)
        resolve(out)
      }
    }
    child.stdout.on('data', check)
    void exited.then(() => {
      clearTimeout(timer)
      resolve(out)
    })
  })
  return { child, ready, exited, output: () => out }
}

describe('CLI credentials', () => {
  it('hash-password → --users-file; --jwt-*; --app-id; nothing secret printed', async () => {
    const hashing = run(['hash-password', '--ln', '10'], `${PASSWORD}\n`)
    expect(await hashing.exited).toBe(0)
    const hash = hashing.output().trim()
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/)
    expect(hash).not.toContain(PASSWORD)
    const usersFile = join(dir, 'users.json')
    writeFileSync(usersFile, JSON.stringify({ [EMAIL]: { passwordHash: hash, databases: [db] } }))

    const gw = run(
      [
        '--mongodb-uri',
        need('mongoUri'),
        '--users-file',
        usersFile,
        '--jwt-jwks-url',
        jwks.url,
        '--jwt-issuer',
        'cli-idp',
        '--jwt-database',
        db,
        '--app-id',
        'data-cli',
        '--port',
        '0',
        '--quiet',
      ],
      undefined,
      /listening on http:\/\/\S+ /,
    )
    try {
      const out = await gw.ready
      const url = /listening on (http:\/\/\S+?) /.exec(out)?.[1]
      expect(url, out).toBeTruthy()
      expect(out).toContain('0 key(s), 1 user(s), JWT')
      for (const secret of [EMAIL, PASSWORD, hash]) expect(out).not.toContain(secret)
      const post = (path: string, headers: Record<string, string>, database = db) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ dataSource: 'x', database, collection: 'c', filter: {} }),
        }).then((r) => r.status)
      const atlas = '/app/data-cli/endpoint/data/v1/action/find'
      expect(await post(atlas, { email: EMAIL, password: PASSWORD })).toBe(200)
      expect(await post(atlas, { email: EMAIL, password: 'wrong' })).toBe(401)
      expect(await post('/app/data-other/endpoint/data/v1/action/find', { email: EMAIL, password: PASSWORD })).toBe(404)
      expect(await post(atlas, { email: EMAIL, password: PASSWORD }, uniq('cli-other'))).toBe(403)
      expect(await post('/action/find', { jwtTokenString: await jwks.sign({ iss: 'cli-idp' }) })).toBe(200)
      expect(await post('/action/find', { jwtTokenString: await jwks.sign({ iss: 'other' }) })).toBe(401)
      expect(await post('/action/find', { jwtTokenString: await jwks.sign({ iss: 'cli-idp' }) }, uniq('cli-other'))).toBe(403)
      expect(await post('/action/find', { apiKey: 'anything' })).toBe(401)
    } finally {
      gw.child.kill('SIGTERM')
      expect(await gw.exited).toBe(0)
    }
  })

  it('a users file with a bad hash is refused at start, naming the entry, not the email', async () => {
    const usersFile = join(dir, 'bad-users.json')
    writeFileSync(usersFile, JSON.stringify({ [EMAIL]: { passwordHash: PASSWORD } }))
    const gw = run(['--mongodb-uri', need('mongoUri'), '--users-file', usersFile, '--port', '0'])
    expect(await gw.exited).toBe(2)
    expect(gw.output()).toContain('user #0')
    expect(gw.output()).not.toContain(EMAIL)
    expect(gw.output()).not.toContain(PASSWORD)
  })
})
