/**
 * Prints a fresh private Ed25519 signing JWK (with kid, alg, use) for JWT_PRIVATE_JWK.
 *
 *   npm run -s keygen                                 # the JWK as one line of JSON
 *   npm run -s keygen | npx wrangler secret put JWT_PRIVATE_JWK
 *   npm run -s keygen -- --dev-vars >> .dev.vars      # as a .dev.vars / .env line
 *
 * It is a secret: it goes to stdout only, nothing is written to disk.
 */
import { generateSigningJwk } from '../src/services/signing-keys.ts'

const args = process.argv.slice(2)
const unknown = args.filter((a) => a !== '--dev-vars')
if (unknown.length > 0) {
  console.error(`keygen: unknown argument(s) ${unknown.join(' ')}\nusage: npm run -s keygen [-- --dev-vars]`)
  process.exit(2)
}
const json = JSON.stringify(await generateSigningJwk('EdDSA'))
// Single quotes keep the JSON's double quotes intact for dotenv parsers.
process.stdout.write(args.includes('--dev-vars') ? `JWT_PRIVATE_JWK='${json}'\n` : `${json}\n`)
if (process.stdout.isTTY) {
  process.stderr.write(`\nkid ${JSON.parse(json).kid} — keep this secret; the public half is served at /.well-known/jwks.json\n`)
}
