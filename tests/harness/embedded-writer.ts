/**
 * A process that writes to an embedded data directory and then waits to be killed — for
 * tests/embedded-durability.test.ts:
 *   node tests/harness/embedded-writer.ts <dataDir> <flushed> <unflushed>
 * It charges `flushed` rate-limit units, waits past one flush interval, charges `unflushed` more,
 * then makes acknowledged writes (a session, a revoked token, a counter, a document) and prints
 * one JSON line: {"ready":true,"session":"<raw id>"}. It never exits by itself.
 */
import { createEmbeddedBackends } from '../../src/adapters/embedded/index.ts'
import { FLUSH_INTERVAL_MS } from '../../src/adapters/embedded/kv-memory.ts'

const [dataDir, flushed, unflushed] = process.argv.slice(2)
const b = createEmbeddedBackends(dataDir!, { session: { idleSeconds: 3600, maxLifetimeSeconds: 86_400 } })
const policy = [{ name: 'burst', limit: 1000, windowSeconds: 3600 }]
for (let i = 0; i < Number(flushed); i++) await b.rateLimiter.check('ip:writer', policy)
await new Promise((r) => setTimeout(r, FLUSH_INTERVAL_MS * 2.5))
for (let i = 0; i < Number(unflushed); i++) await b.rateLimiter.check('ip:writer', policy)
const { id } = await b.sessions.create({ userId: 'u1', tenantId: 't1', role: 'admin' })
await b.revocations.revokeToken('t1', 'jti-revoked', Date.now() + 3_600_000)
await b.counters.increment('logs', 5, 3600)
await b.documents.collection('notes').insertOne({ _id: 'n1', text: 'acknowledged' })
process.stdout.write(`${JSON.stringify({ ready: true, session: id })}\n`)
setInterval(() => {}, 1 << 30)
