import { createRouter } from '../../http/router.ts'
import { serveStandalone } from './docs.assets.ts'
import { docsPage, STANDALONE_PATH } from './docs.page.ts'

/**
 * /docs — the interactive API reference, self-contained: the page and the Scalar bundle it runs
 * both come from this app, and it reads /openapi.json. Not part of the OpenAPI document.
 */
export function docsRoutes(title = 'gatehouse API') {
  const html = docsPage(title)
  return createRouter()
    .get('/docs', (c) => c.html(html))
    .get(STANDALONE_PATH, (c) => serveStandalone(c))
}
