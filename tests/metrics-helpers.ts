/**
 * Test-side reading of the Prometheus text exposition (format 0.0.4): a strict parser, so tests
 * check real syntax — every sample's family declared by `# TYPE` first, label syntax and escapes,
 * numeric values, cumulative histogram buckets — instead of matching substrings.
 */

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface Exposition {
  types: Map<string, string>
  samples: Sample[]
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline')
  const types = new Map<string, string>()
  const samples: Sample[] = []
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# HELP ')) continue
    const type = /^# TYPE ([^ ]+) (counter|gauge|histogram|summary|untyped)$/.exec(line)
    if (type) {
      if (!NAME.test(type[1]!) || types.has(type[1]!)) throw new Error(`bad or repeated TYPE: ${line}`)
      types.set(type[1]!, type[2]!)
      continue
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m) throw new Error(`not a sample: ${JSON.stringify(line)}`)
    const [, name, rawLabels, rawValue] = m
    const family = [name!, name!.replace(/_(bucket|sum|count)$/, '')].find((n) => types.has(n))
    if (!family) throw new Error(`sample before its TYPE: ${line}`)
    const value = rawValue === '+Inf' ? Number.POSITIVE_INFINITY : Number(rawValue)
    if (Number.isNaN(value)) throw new Error(`bad value: ${line}`)
    samples.push({ name: name!, labels: parseLabels(rawLabels ?? ''), value })
  }
  // Histogram buckets are cumulative and end with +Inf = _count.
  for (const [name, type] of types) {
    if (type !== 'histogram') continue
    const buckets = samples.filter((s) => s.name === `${name}_bucket`)
    for (let i = 1; i < buckets.length; i++) if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${name}: buckets not cumulative`)
    if (buckets.at(-1)?.labels.le !== '+Inf') throw new Error(`${name}: no +Inf bucket`)
    if (buckets.at(-1)!.value !== samples.find((s) => s.name === `${name}_count`)?.value) throw new Error(`${name}: +Inf bucket != _count`)
  }
  return { types, samples }
}

function parseLabels(raw: string): Record<string, string> {
  const out: Record<string, string> = {}
  let i = 0
  while (i < raw.length) {
    const key = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(raw.slice(i))
    if (!key || raw[i + key[0].length] !== '=' || raw[i + key[0].length + 1] !== '"') throw new Error(`bad labels: ${raw}`)
    i += key[0].length + 2
    let value = ''
    for (;;) {
      const ch = raw[i++]
      if (ch === undefined) throw new Error(`unterminated label value: ${raw}`)
      if (ch === '"') break
      if (ch === '\\') {
        const next = raw[i++]
        if (next === 'n') value += '\n'
        else if (next === '\\' || next === '"') value += next
        else throw new Error(`bad escape in ${raw}`)
      } else value += ch
    }
    if (key[0] in out) throw new Error(`repeated label ${key[0]}`)
    out[key[0]] = value
    if (raw[i] === ',') i++
    else if (i < raw.length) throw new Error(`bad labels: ${raw}`)
  }
  return out
}

/** The value of the one sample with exactly these labels, or undefined. */
export function sample(e: Exposition, name: string, labels: Record<string, string>): number | undefined {
  const want = JSON.stringify(Object.entries(labels).sort())
  const found = e.samples.filter((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want)
  if (found.length > 1) throw new Error(`${name} ${want}: ${found.length} samples`)
  return found[0]?.value
}
