/**
 * Node-only (imported by src/entry/node.ts, never by the Worker bundle): the embedded signing
 * key file. With no JWT_PRIVATE_JWK configured, a key is generated once and kept in
 * `<GATEHOUSE_DATA_DIR>/jwt-signing-key.json` (mode 0600), so tokens survive restarts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateSigningJwk } from './signing-keys.ts'

export const KEY_FILE = 'jwt-signing-key.json'

const code = (err: unknown) => (err as { code?: string } | undefined)?.code

/** The private JWK (JSON text) stored in `dataDir`, created on first use. */
export async function loadOrCreateSigningKey(dataDir: string): Promise<{ jwk: string; created: boolean }> {
  const file = join(dataDir, KEY_FILE)
  try {
    return { jwk: (await readFile(file, 'utf8')).trim(), created: false }
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err
  }
  await mkdir(dataDir, { recursive: true })
  const jwk = JSON.stringify(await generateSigningJwk())
  try {
    // 'wx': if another process created the file meanwhile, keep theirs.
    await writeFile(file, `${jwk}\n`, { mode: 0o600, flag: 'wx' })
    return { jwk, created: true }
  } catch (err) {
    if (code(err) !== 'EEXIST') throw err
    return { jwk: (await readFile(file, 'utf8')).trim(), created: false }
  }
}
