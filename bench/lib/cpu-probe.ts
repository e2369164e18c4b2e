/**
 * Preloaded into every server the bench starts (`node --import bench/lib/cpu-probe.ts ...`, see
 * child.ts). Over the IPC channel of the process that spawned it, it answers
 *   { probe: id }                      → { probe: id, userUs, systemUs }: its own process.cpuUsage()
 *   { profile: 'start', id }           → starts the V8 CPU profiler (node:inspector)
 *   { profile: 'stop', id, file }      → stops it and writes the .cpuprofile to `file`
 * Nothing else can reach it: it exists only in processes started with this flag, and it talks
 * only over the IPC channel of the process that spawned them — no port, no route, no setting.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

interface Message {
  probe?: unknown
  profile?: unknown
  id?: unknown
  file?: unknown
}

if (typeof process.send === 'function') {
  let session: Session | undefined
  const reply = (m: Record<string, unknown>) => process.send!(m)
  process.on('message', async (m: Message) => {
    if (typeof m?.probe === 'number') {
      const { user, system } = process.cpuUsage()
      reply({ probe: m.probe, userUs: user, systemUs: system })
      return
    }
    if (typeof m?.id !== 'number') return
    try {
      if (m.profile === 'start') {
        session = new Session()
        session.connect()
        await session.post('Profiler.enable')
        await session.post('Profiler.start')
      } else if (m.profile === 'stop' && typeof m.file === 'string' && session) {
        const { profile } = await session.post('Profiler.stop')
        writeFileSync(m.file, JSON.stringify(profile))
        session.disconnect()
        session = undefined
      }
      reply({ id: m.id, ok: true })
    } catch (err) {
      reply({ id: m.id, ok: false, error: String(err) })
    }
  })
  // The channel must not keep a server alive once it has closed.
  process.channel?.unref()
}
