/**
 * The /docs page: the Scalar API reference, loaded from this app (never from another host) and
 * pointed at this app's /openapi.json.
 */

/** Where the reference's standalone browser bundle is served (same origin; ungated like /docs). */
export const STANDALONE_PATH = '/docs/scalar/standalone.js'

/**
 * Scalar options. Everything that would reach out to Scalar's own hosts is off: default fonts
 * (a font CDN), telemetry, the AI agent and MCP panels, and the developer toolbar.
 */
const REFERENCE_OPTIONS = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
} as const

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

export function docsPage(title: string): string {
  // JSON inside <script>: "<" escaped so no string can close the element.
  const options = JSON.stringify(REFERENCE_OPTIONS).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>body { margin: 0; font-family: system-ui, sans-serif; }</style>
  </head>
  <body>
    <div id="app"></div>
    <noscript>The interactive reference needs JavaScript; the API description is at <a href="/openapi.json">/openapi.json</a>.</noscript>
    <script src="${STANDALONE_PATH}"></script>
    <script>Scalar.createApiReference('#app', ${options})</script>
  </body>
</html>
`
}
