import { MongoClient } from 'mongodb'
import { describe, expect, it } from 'vitest'
import { pingRedis } from '../../tools/lib/redis-server.ts'
import { need, uniq } from './services.ts'

describe('test services (provisioned by the harness)', () => {
  it('redis-server answers PING over TCP', async () => {
    const port = Number(new URL(need('redisUrl')).port)
    expect(await pingRedis(port)).toBe(true)
  })

  it('FerretDB answers ping and an insert/find through the mongodb driver', async () => {
    const client = new MongoClient(need('mongoUri'), { serverSelectionTimeoutMS: 5000 })
    try {
      const db = client.db(uniq('smoke'))
      expect((await db.command({ ping: 1 })).ok).toBe(1)
      const marker = uniq('doc')
      await db.collection('things').insertOne({ marker, n: 42 })
      const found = await db.collection('things').findOne({ marker })
      expect(found?.n).toBe(42)
      await db.dropDatabase()
    } finally {
      await client.close()
    }
  })
})
