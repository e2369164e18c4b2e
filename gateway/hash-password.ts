/**
 * `npm run -s gateway -- hash-password [--ln N]`: reads a password on stdin (one trailing newline
 * is dropped) and prints its `$scrypt$…` hash for `--users-file`. The password is never echoed.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_SCRYPT, hashPassword } from './passwords.ts'

export async function hashPasswordCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ln: { type: 'string' } }, strict: true })
  const ln = values.ln === undefined ? DEFAULT_SCRYPT.ln : Number(values.ln)
  if (!Number.isInteger(ln) || ln < 10 || ln > 20) {
    process.stderr.write('gateway hash-password: --ln must be an integer 10-20\n')
    return 2
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (!password) {
    process.stderr.write('gateway hash-password: give the password on stdin, e.g. printf %s "$PW" | npm run -s gateway -- hash-password\n')
    return 2
  }
  process.stdout.write(`${await hashPassword(password, { ...DEFAULT_SCRYPT, ln })}\n`)
  return 0
}
