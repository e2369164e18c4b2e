/**
 * src/entry/server.ts's choice of the embedded SQLite binding (the Node, Bun and Deno servers run
 * it at start-up): node:sqlite where the runtime has it, else the runtime's own; EMBEDDED_SQLITE
 * forces one, and one the runtime lacks is a configuration error, not a crash later.
 */
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/config.ts'
import { sqliteFor } from '../src/entry/server.ts'

const opener = () => ({}) as never
const bun = { name: 'Bun', ownSqlite: { name: 'bun:sqlite' as const, load: async () => opener } }
const node = { name: 'Node' }

describe('the embedded SQLite binding', () => {
  it('auto: node:sqlite where there is one, else the runtime’s own', async () => {
    expect(await sqliteFor('auto', bun, true)).toEqual({ binding: 'node:sqlite' })
    expect(await sqliteFor('auto', bun, false)).toEqual({ binding: 'bun:sqlite', open: opener })
    expect(await sqliteFor('auto', node, true)).toEqual({ binding: 'node:sqlite' })
  })

  it('EMBEDDED_SQLITE names one: that one', async () => {
    expect(await sqliteFor('bun:sqlite', bun, true)).toEqual({ binding: 'bun:sqlite', open: opener })
    expect(await sqliteFor('node:sqlite', bun, true)).toEqual({ binding: 'node:sqlite' })
  })

  it('one the runtime lacks is a configuration error naming the setting', async () => {
    for (const [want, runtime, has, says] of [
      ['bun:sqlite', node, true, 'EMBEDDED_SQLITE: bun:sqlite is not available on Node'],
      ['node:sqlite', bun, false, 'EMBEDDED_SQLITE: Bun has no node:sqlite'],
      ['auto', node, false, 'EMBEDDED_SQLITE: no SQLite binding on Node'],
    ] as const) {
      const err = await sqliteFor(want, runtime, has).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).problems).toEqual([says])
    }
  })

  it('this Node has node:sqlite (the default)', async () => {
    expect(await sqliteFor('auto', node)).toEqual({ binding: 'node:sqlite' })
  })
})
