/** Structured logs: one JSON line per event on stderr. Callers pass names and numbers only. */
export type LogFields = Record<string, string | number | boolean | undefined>

export interface GatewayLogger {
  info(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export function createLogger(quiet = false): GatewayLogger {
  const write = (level: string, msg: string, fields?: LogFields) => {
    if (quiet) return
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, service: 'gateway', msg, ...fields })}\n`)
  }
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) }
}
