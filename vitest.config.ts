import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

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
                UPSTASH_REDIS_REST_URL: inject('redisHttpUrl'),
                UPSTASH_REDIS_REST_TOKEN: inject('redisHttpToken'),
                MONGO_DATA_API_URL: inject('gatewayUrl'),
                MONGO_DATA_API_KEY: inject('gatewayKey'),
                LOG_LEVEL: 'warn',
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
