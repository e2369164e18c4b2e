/**
 * The embedded rows' server: `src/entry/node.ts` with no Redis/MongoDB settings — every port on
 * node:sqlite in a fresh temporary data directory (removed by `stop()`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Child, startChild } from './lib/child.ts'

/** Budgets no run can spend: the benchmark measures cost, not refusals. */
export const UNSPENDABLE = {
  RATE_LIMIT_REQUESTS: '1000000000',
  QUOTA_API_CALLS_PER_HOUR: '1000000000',
  TENANT_API_CALLS_PER_HOUR: '1000000000',
  AUTH_RATE_LIMIT_IP: '1000000',
  AUTH_RATE_LIMIT_ACCOUNT: '1000000',
}

export async function startEmbedded(): Promise<Child> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'))
  const app = await startChild('gatehouse app (embedded)', ['src/entry/node.ts'], {
    ...UNSPENDABLE,
    GATEHOUSE_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_PRIVATE_JWK: '',
  })
  return {
    ...app,
    async stop() {
      await app.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
