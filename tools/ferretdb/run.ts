/** `npm run ferretdb -- --port N --dir D`: builds on first use, prints where it listens, Ctrl-C stops. */
import { parseArgs } from 'node:util'
import { startFerretDb } from './server.ts'

const { values } = parseArgs({ options: { port: { type: 'string', default: '27017' }, dir: { type: 'string', default: './data/ferretdb' } } })
const db = await startFerretDb({ port: Number(values.port), dir: values.dir, inherit: true })
console.log(`ferretdb listening on ${db.uri} (data in ${db.dir}); Ctrl-C stops it`)
const stop = () => void db.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
