/**
 * A client for the real servers that connects FROM a chosen loopback address (node:http's
 * localAddress; fetch cannot choose one), so each run has an address — and budget — of its own,
 * and the scenario can check that the server saw exactly that address.
 */
import { request } from 'node:http'
import type { Target } from './scenario.ts'

const NO_BODY = new Set([101, 204, 205, 304])

export function socketClient(origin: string, address: string): Target {
  const send: Target['send'] = (path, init = {}) =>
    new Promise((resolve, reject) => {
      const req = request(`${origin}${path}`, { method: init.method ?? 'GET', headers: init.headers, localAddress: address }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v)
          }
          const status = res.statusCode ?? 0
          resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers }))
        })
      })
      req.on('error', reject)
      req.end(init.body)
    })
  return { send, address }
}
