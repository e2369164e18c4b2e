/**
 * The example of an SDK README, as written: the first fenced code block of a language after the
 * README's "## Example" heading. The SDK tests run it against a live server, so a README example
 * that stops working fails the suite.
 */
import { readFileSync } from 'node:fs'

export function readmeExample(readmePath: string, lang: string): string {
  const text = readFileSync(readmePath, 'utf8')
  const heading = text.search(/^## Example\b/m)
  if (heading < 0) throw new Error(`${readmePath} has no "## Example" section`)
  const block = new RegExp(`^\`\`\`${lang}\\s*\\n([\\s\\S]*?)^\`\`\``, 'm').exec(text.slice(heading))
  if (!block) throw new Error(`${readmePath}: no \`\`\`${lang} block under "## Example"`)
  return block[1]!
}
