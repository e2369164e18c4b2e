// The /dashboard page's script (served as a static file, loaded after uPlot). Plain browser
// JavaScript: it signs in through the form, keeps the access token in memory only, and plots the
// tenant's series, quota usage and uploads. window.dashboard exposes the charts and their data.

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2']
const STATUSES = ['pending', 'processing', 'success', 'failed']
const state = { token: null, charts: {}, data: {} }
window.dashboard = state

const $ = (id) => document.getElementById(id)
const say = (id, text) => {
  $(id).textContent = text || ''
}
const color = (i) => COLORS[i % COLORS.length]

async function api(path, init = {}) {
  const headers = { accept: 'application/json', ...(init.headers || {}) }
  if (state.token) headers.authorization = `Bearer ${state.token}`
  const res = await fetch(path, { ...init, headers })
  const body = (res.headers.get('content-type') || '').includes('json') ? await res.json() : null
  if (!res.ok) {
    const err = new Error((body && (body.detail || body.title)) || `HTTP ${res.status}`)
    err.status = res.status
    throw err
  }
  return body
}

function plot(id, opts, data) {
  const el = $(id)
  state.charts[id]?.destroy()
  el.textContent = ''
  opts.width = Math.max(320, el.clientWidth || 560)
  opts.height = 220
  state.charts[id] = new uPlot(opts, data, el)
  state.data[id] = data
}

/** A time series chart. sparse: values only where something happened (null elsewhere), drawn as points. */
function timeOpts(title, series, yLabel, { sparse = false, yRange } = {}) {
  return {
    title,
    scales: { x: { time: true }, y: yRange ? { range: yRange } : {} },
    axes: [{}, { label: yLabel }],
    series: [
      {},
      ...series.map((label, i) => ({
        label,
        stroke: color(i),
        width: 2,
        spanGaps: true,
        points: sparse ? { show: true, size: 7, fill: color(i) } : { show: false },
      })),
    ],
  }
}

/** Bars over categories; the first series (the limit) is drawn grey, under the others. */
function barOpts(title, categories, series, yLabel) {
  const bars = uPlot.paths.bars({ size: [0.6, 80] })
  return {
    title,
    scales: { x: { time: false, range: [-0.5, categories.length - 0.5] } },
    axes: [{ splits: () => categories.map((_, i) => i), values: (_, splits) => splits.map((v) => categories[v] ?? '') }, { label: yLabel }],
    series: [
      {},
      ...series.map((label, i) => {
        const c = i === 0 ? '#9ca3af' : color(i - 1)
        return { label, stroke: c, fill: c + (i === 0 ? '55' : 'dd'), paths: bars, points: { show: false } }
      }),
    ],
  }
}

function drawTraffic(m) {
  const xs = m.points.map((p) => Date.parse(p.t) / 1000)
  const col = (f) => m.points.map(f)
  plot('plot-requests', timeOpts('Requests and denials', ['requests', 'denied (429)'], `per ${m.resolution}`), [
    xs,
    col((p) => p.requests),
    col((p) => p.denied),
  ])
  plot('plot-cache', timeOpts('Cache hit rate', ['hit rate %'], '%', { sparse: true, yRange: [0, 100] }), [
    xs,
    col((p) => (p.cache_hit_rate === null ? null : p.cache_hit_rate * 100)),
  ])
  plot('plot-latency', timeOpts('Latency', ['p50', 'p95'], 'ms', { sparse: true }), [xs, col((p) => p.latency_ms.p50), col((p) => p.latency_ms.p95)])
  const t = m.totals
  say('note-requests', `${t.requests} requests, ${t.denied} denied in ${m.points.length} ${m.resolution}s (tenant ${m.tenant_id})`)
  say('note-cache', `hit ${t.cache.hit} · miss ${t.cache.miss} · stale ${t.cache.stale}`)
  say('note-latency', `period p50 ${t.latency_ms.p50} ms · p95 ${t.latency_ms.p95} ms`)
}

function drawQuota(q) {
  const names = Object.keys(q.usage)
  const pct = names.map((n) => (q.usage[n].limit > 0 ? Math.round((q.usage[n].used / q.usage[n].limit) * 1000) / 10 : 100))
  // The limit first, so the usage is drawn over it.
  plot('plot-quota', barOpts('Quota used', names, ['limit', 'used % of limit'], '% of limit'), [names.map((_, i) => i), names.map(() => 100), pct])
  say('note-quota', names.map((n) => `${n}: ${q.usage[n].used} / ${q.usage[n].limit}`).join(' · '))
}

function drawUploads(stats) {
  // stats[k] covers the last k+1 days: one day's uploads are the difference of two periods.
  const now = Math.floor(Date.now() / 1000)
  const count = (k, status) => (k >= 0 ? (stats[k].by_status[status]?.count ?? 0) : 0)
  const days = stats.map((_, i) => stats.length - 1 - i) // oldest first
  const rows = STATUSES.map((s) => days.map((d) => count(d, s) - count(d - 1, s)))
  plot('plot-uploads', timeOpts('Uploads by status per day', STATUSES, 'uploads', { sparse: true }), [days.map((d) => now - d * 86400), ...rows])
  say('note-uploads', `${stats.at(-1).total_uploads} uploads in the last ${stats.length} days`)
}

async function load() {
  const hours = $('hours').value
  const tenant = $('tenant').value.trim()
  say('status', 'Loading…')
  document.body.dataset.state = 'loading'
  const query = `?hours=${encodeURIComponent(hours)}${tenant ? `&tenant_id=${encodeURIComponent(tenant)}` : ''}`
  // The series first: it shows the traffic up to now, not the page's own reads racing it.
  const results = await Promise.allSettled([api(`/api/v1/metrics/tenant${query}`)])
  results.push(
    ...(await Promise.allSettled([
      api('/api/v1/users/profile/quota'),
      Promise.all([1, 2, 3, 4, 5, 6, 7].map((d) => api(`/api/v1/logs/metadata/stats?days=${d}`))),
    ])),
  )
  const draw = [drawTraffic, drawQuota, drawUploads]
  const notes = [['note-requests', 'note-cache', 'note-latency'], ['note-quota'], ['note-uploads']]
  let failed = 0
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      draw[i](r.value)
      return
    }
    failed++
    const why = r.reason?.status === 403 ? 'needs the admin role' : String(r.reason?.message)
    for (const id of notes[i]) say(id, `Not available: ${why}`)
  })
  say('status', failed ? `${failed} panel(s) could not be loaded` : `Updated ${new Date().toLocaleTimeString()}`)
  document.body.dataset.state = 'ready'
}

$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault()
  const form = ev.target
  say('signin-error', '')
  try {
    const tokens = await api('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.email.value, password: form.password.value }),
    })
    state.token = tokens.access_token
    form.password.value = ''
    $('signin-panel').hidden = true
    $('board').hidden = false
    await load()
  } catch (err) {
    say('signin-error', err.status === 401 ? 'Wrong email or password' : String(err.message))
  }
})
$('reload').addEventListener('click', () => load())
$('hours').addEventListener('change', () => load())
