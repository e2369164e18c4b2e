/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the top functions by self time, self time by
 * module (package or src/ file), and the inclusive time of the functions named with --focus.
 *   npx node bench/profile-summary.ts <file.cpuprofile> [--top 25] [--focus tx,admit,get]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { fmt, table } from './lib/measure.ts'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, focus: { type: 'string', default: '' } },
})
if (!positionals[0]) throw new Error('usage: profile-summary.ts <file.cpuprofile>')
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

const self = new Map<number, number>()
let total = 0
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0
  self.set(id, (self.get(id) ?? 0) + dt)
  total += dt
})

const moduleOf = (url: string): string => {
  if (!url) return '(native / vm)'
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  const src = url.indexOf('/src/')
  if (src >= 0) return url.slice(src + 1)
  if (url.startsWith('node:')) return url
  return url.replace(/^file:\/\//, '')
}
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
const pct = (us: number) => `${fmt((100 * us) / total, 1)} %`

const fnSelf = new Map<string, number>()
const modSelf = new Map<string, number>()
for (const [id, us] of self) {
  const n = byId.get(id)!
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us)
  const m = moduleOf(n.callFrame.url)
  modSelf.set(m, (modSelf.get(m) ?? 0) + us)
}
const top = Number(values.top)
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
process.stdout.write(`profile: ${fmt(total / 1e6, 2)} s sampled\n\nself time by function\n`)
process.stdout.write(`${table([['function', 'self'], ...sorted(fnSelf).map(([k, v]) => [k, pct(v)])])}\n\nself time by module\n`)
process.stdout.write(`${table([['module', 'self'], ...sorted(modSelf).map(([k, v]) => [k, pct(v)])])}\n`)

const focus = values.focus.split(',').filter(Boolean)
if (focus.length > 0) {
  // Inclusive time: a sample counts once for a function when it is anywhere on its stack.
  const incl = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName
      if (focus.includes(name)) seen.add(name)
    }
    for (const name of seen) incl.set(name, (incl.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  process.stdout.write(`\ninclusive time\n${table([['function', 'total'], ...focus.map((f) => [f, pct(incl.get(f) ?? 0)])])}\n`)
}
