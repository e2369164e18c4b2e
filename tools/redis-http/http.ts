/** HTTP plumbing for redis-http: error statuses and bounded request-body reading. */
import type { IncomingMessage } from 'node:http'

export class HttpError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** Reads a body, enforcing the size limit (events, not for-await: it is the hot path). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, `Request body larger than ${maxBytes} bytes`)
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(tooLarge())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        req.removeAllListeners('data')
        req.resume()
        return reject(tooLarge())
      }
      chunks.push(chunk)
    })
    req.on('error', reject)
    // A client that goes away mid-body must not leave this promise pending forever.
    req.on('close', () => req.complete || reject(new HttpError(400, 'Request body incomplete')))
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)))
  })
}

/** Reads and parses a JSON body. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes)
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new HttpError(400, 'Malformed JSON body')
  }
}
