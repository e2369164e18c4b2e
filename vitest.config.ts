import { generateKeyPairSync } from 'node:crypto'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { SCENARIO_ENV } from './tests/e2e/settings.ts'

// A signing key for the Worker under test (Workers refuse to start without JWT_PRIVATE_JWK).
const workerSigningJwk = JSON.stringify({
  ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  kid: 'workers-test',
  alg: 'EdDSA',
})

export default defineConfig({
  test: {
    globalSetup: ['./tests/harness/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'tools/**/*.test.ts', 'gateway/**/*.test.ts'],
          exclude: ['tests/workers/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: './src/entry/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                UPSTASH_REDIS_REST_URL: inject('workersRedisHttpUrl'),
                UPSTASH_REDIS_REST_TOKEN: inject('redisHttpToken'),
                MONGO_DATA_API_URL: inject('gatewayUrl'),
                MONGO_DATA_API_KEY: inject('gatewayKey'),
                JWT_PRIVATE_JWK: workerSigningJwk,
                LOG_LEVEL: 'warn',
                // tests/workers counts Redis HTTP requests exactly: no background metrics flush inside
                // a counted window (as METRICS_HELD in tests/harness/app.ts); /metrics reads flush first.
                METRICS_FLUSH_SECONDS: '86400',
                METRICS_FLUSH_REQUESTS: '1000000',
                // The end-to-end scenario's budget (tests/workers/worker.test.ts runs it).
                ...SCENARIO_ENV,
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['tests/workers/**/*.test.ts'],
        },
      },
    ],
  },
})
