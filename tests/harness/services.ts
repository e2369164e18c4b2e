/** Test-side access to the servers started by global-setup.ts. */
import { inject } from 'vitest'

type Key = 'redisUrl' | 'redisHttpUrl' | 'redisHttpToken' | 'mongoUri' | 'gatewayUrl' | 'gatewayKey'

/** The provided value, or a loud failure naming the missing service. */
export function need(key: Key): string {
  const value = inject(key)
  if (!value) throw new Error(`test service "${key}" was not started (GATEHOUSE_SERVICES=${process.env.GATEHOUSE_SERVICES ?? 'all'})`)
  return value
}

/** A unique prefix so suites sharing one server never see each other's data. */
export function uniq(label = 't'): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
