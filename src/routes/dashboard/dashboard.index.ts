import { createRouter } from '../../http/router.ts'
import { DASHBOARD_ASSETS, DASHBOARD_PAGE, serveDashboardAsset } from './dashboard.assets.ts'

/** The browser may load nothing from another host, and run nothing inline: the page's own rule, on top of it naming none. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/**
 * /dashboard — the tenant admins' page (src/routes/dashboard/page/) and its plotting library, all
 * served by this app; the page reads the API with the token its sign-in form gets. Not part of the
 * OpenAPI document.
 */
export function dashboardRoutes() {
  const router = createRouter().get('/dashboard', (c) => serveDashboardAsset(c, DASHBOARD_PAGE, { 'content-security-policy': CSP }))
  for (const a of DASHBOARD_ASSETS) router.get(a.path, (c) => serveDashboardAsset(c, a, a === DASHBOARD_PAGE ? { 'content-security-policy': CSP } : {}))
  return router
}
