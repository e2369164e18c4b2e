import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import type { Backends } from './ports.ts'

/**
 * What the app and its services run on: settings, storage, logs, a clock for tests, and where
 * background work goes (Workers: `executionCtx.waitUntil`; the Node entry: a tracked set).
 */
export interface Deps {
  config: Config
  backends: Backends
  logger: Logger
  now?: () => number
}

/** Hands work that must finish after the answer to the runtime; its failure is only logged. */
export type Defer = (work: Promise<unknown>) => void
