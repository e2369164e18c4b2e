/**
 * Stands in for zod's locales index (`zod/v4/locales/index.js`, ~370 KB of messages in 50-odd
 * languages) in the Worker bundle: wrangler.toml aliases the path zod's own modules import it by,
 * "../locales/index.js", to this file. zod imports English directly (classic/schemas.js:
 * `import en from "../locales/en.js"`) and registers it as the default; the index only backs the
 * `z.locales` / `z.core.locales` namespaces, which gatehouse never reads. English stays reachable
 * there, from the very module zod already bundles.
 */
export { default as en } from 'zod/v4/locales/en.js'
