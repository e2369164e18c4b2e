/**
 * Gatekeeper on node:sqlite — the twin of the Upstash admission script: in ONE transaction, the
 * subject is checked (a token's session, revocations and cutoff; an API key's record, hash and
 * expiry — always read from the file, so another process's change applies at once), and only then every policy is charged (applyPolicies, the arithmetic of rate-lua.ts),
 * each with its own limit from the records just read (ownPolicy: the session's plan, the key's
 * rate limit, the tenant's plan).
 */
import type { Admission, ApiKeyRecord, Gatekeeper, Session } from '../../ports.ts'
import { costOf, keyAccepts, ownPolicy, policyKeys, resolvePolicy, SESSION_ID_PATTERN, sessionHandle } from '../upstash/common.ts'
import { keyRecord, tenantPlan } from './kv-api-keys.ts'
import { applyPolicies } from './kv-rate.ts'
import { revokedBeforeKey, revokedTokenKey } from './kv-revocations.ts'
import { liveSession } from './kv-sessions.ts'
import { type KvDb, values } from './kv-store.ts'

export function createEmbeddedGatekeeper(kv: KvDb): Gatekeeper {
  const vals = values(kv)
  const refused: Admission = { valid: false, reason: 'revoked' }
  return {
    async admit({ subject, charges, cost }) {
      const units = costOf(cost)
      for (const c of charges) resolvePolicy(c.policy) // refuses a bad policy before anything is read
      if (subject.kind !== 'key' && subject.sessionId !== undefined && !SESSION_ID_PATTERN.test(subject.sessionId)) return refused
      return kv.atomic((): Admission => {
        const now = Date.now()
        const t = subject.tenantId
        let session: Session | null = null
        let key: ApiKeyRecord | null = null
        if (subject.kind === 'key') {
          key = keyRecord(kv, t, subject.keyId)
          if (!key || !keyAccepts(key, subject.keyHash, now)) return refused
        } else {
          session = subject.sessionId !== undefined ? liveSession(kv, t, sessionHandle(subject.sessionId), now) : null
          if (subject.sessionId !== undefined && (!session || session.userId !== subject.userId)) return refused
          if (subject.tokenIds.some((id) => vals.get(revokedTokenKey(t, id), now) !== null)) return refused
          const cutoff = Number(vals.get(revokedBeforeKey(t, subject.userId), now)?.value ?? 0)
          if (Math.floor(subject.issuedAt) < cutoff) return refused
        }
        const own = { session: session?.hourlyLimit, key: key?.rateLimit, tenant: tenantPlan(kv, t, now) }
        const keyed = charges.map(({ policy, bucket }) => {
          const p = resolvePolicy(ownPolicy(policy, own))
          return { p, keys: policyKeys(p, `${JSON.stringify(t)}:${bucket}`, now).map((k) => `gk:${k}`) }
        })
        const rate = applyPolicies(vals, keyed, now, units)
        return { valid: true, session, key, rate: { ...rate, pending: Promise.resolve() } }
      })
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
