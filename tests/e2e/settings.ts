/**
 * The settings the end-to-end scenario counts on, for every server it runs against (and the
 * Worker's bindings in vitest.config.ts): a burst budget small enough to reach quickly, and a window
 * long enough that no window boundary falls inside a run (the sliding window would blur counts).
 */
export const SCENARIO_ENV = { RATE_LIMIT_REQUESTS: '20', RATE_LIMIT_WINDOW: '86400' }
