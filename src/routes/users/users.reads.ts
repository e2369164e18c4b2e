/**
 * Reads the users routes declare on their definitions, so they leave in the gate's round trip:
 * the caller's cached profile, and the caller's live usage (the `hourly` window of the gate and
 * the tenant's logs counter).
 */
import { subjectOf } from '../../http/gate/index.ts'
import { hourlyPolicy, userBucket } from '../../http/gate/policies.ts'
import { tripRead } from '../../http/round-trip.ts'
import { lookupProfile } from '../../services/profiles.ts'
import { logsKey } from '../../services/quotas.ts'

/** The caller's profile-cache lookup. */
export const ownProfileRead = tripRead('own-profile', (c, claim) => lookupProfile(c.var.deps, claim.tenantId, claim.userId))

/** What the caller used this hour (API calls, and the limit the gate applies) and today (log lines). */
export const usageRead = tripRead('usage', (c, claim) => {
  const { backends, config } = c.var.deps
  const now = c.var.deps.now?.() ?? Date.now()
  // Cost 0: reads the user's hourly window without consuming it.
  const hourly = backends.gatekeeper.admit({
    subject: subjectOf(claim),
    charges: [{ bucket: userBucket(claim.userId), policy: hourlyPolicy(config) }],
    cost: 0,
  })
  const logs = backends.counters.get(logsKey(claim.tenantId, now))
  return Promise.all([hourly, logs]).then(([admission, logLines]) => {
    const window = admission.valid ? admission.rate.policies[0] : undefined
    return { apiCalls: window ? window.limit - window.remaining : 0, hourlyLimit: window?.limit, logs: logLines }
  })
})
