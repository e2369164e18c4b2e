/**
 * Reads the users routes declare on their definitions, so they leave in the gate's round trip:
 * the caller's cached profile, and the caller's live usage (the `hourly` window of the gate and
 * the tenant's logs counter).
 */
import { payerOf, subjectOf } from '../../http/gate/index.ts'
import { callerCharges } from '../../http/gate/policies.ts'
import { tripRead } from '../../http/round-trip.ts'
import { lookupProfile } from '../../services/profiles.ts'
import { logsKey } from '../../services/quotas.ts'

/** The caller's profile-cache lookup. */
export const ownProfileRead = tripRead('own-profile', (c, claim) => lookupProfile(c.var.deps, claim.tenantId, claim.userId))

/**
 * What the caller used this hour (API calls, and the limit the gate applies), today (log lines),
 * and every rate-limit policy the caller is charged (a key's own, the tenant budget...).
 */
export const usageRead = tripRead('usage', (c, claim) => {
  const { backends, config } = c.var.deps
  const now = c.var.deps.now?.() ?? Date.now()
  // Cost 0: reads the caller's windows (a user's or a key's, and the tenant's) without consuming them.
  const admission = backends.gatekeeper.admit({ subject: subjectOf(claim), charges: callerCharges(config, payerOf(claim)), cost: 0 })
  const logs = backends.counters.get(logsKey(claim.tenantId, now))
  return Promise.all([admission, logs]).then(([admitted, logLines]) => {
    const policies = admitted.valid ? admitted.rate.policies : []
    const window = policies.find((p) => p.name === 'hourly')
    return { apiCalls: window ? window.limit - window.remaining : 0, hourlyLimit: window?.limit, logs: logLines, policies }
  })
})
