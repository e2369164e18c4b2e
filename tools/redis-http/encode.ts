/**
 * Turns Redis replies (ioredis Buffer mode) into Upstash REST JSON: with `Upstash-Encoding:
 * base64` every string is base64 (so binary survives JSON), otherwise UTF-8 text. Numbers and
 * null pass through; arrays stay arrays (RESP2 style: the client turns JSON objects into null).
 */
export function encodeReply(value: unknown, base64: boolean): unknown {
  if (value === null || value === undefined) return null
  if (Buffer.isBuffer(value)) return base64 ? value.toString('base64') : value.toString('utf8')
  if (typeof value === 'number') return value
  if (typeof value === 'string') return base64 ? Buffer.from(value, 'utf8').toString('base64') : value
  if (Array.isArray(value)) return value.map((v) => encodeReply(v, base64))
  // An error nested in an array reply (e.g. a Lua table holding one): keep its message as text.
  if (value instanceof Error) return encodeReply(value.message, base64)
  if (typeof value === 'bigint') return Number(value)
  return encodeReply(String(value), base64)
}
