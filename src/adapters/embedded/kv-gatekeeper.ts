/**
 * Gatekeeper on node:sqlite — the twin of the Upstash admission script: in ONE transaction, the
 * subject's session, revocations and cutoff are checked, and only then every policy is charged
 * (applyPolicies, the arithmetic of rate-lua.ts).
 */
import type { Admission, Gatekeeper } from '../../ports.ts'
import { costOf, policyKeys, resolvePolicy, SESSION_ID_PATTERN, sessionHandle } from '../upstash/common.ts'
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
      const resolved = charges.map((c) => ({ p: resolvePolicy(c.policy), bucket: c.bucket }))
      if (subject.sessionId !== undefined && !SESSION_ID_PATTERN.test(subject.sessionId)) return refused
      return kv.atomic((): Admission => {
        const now = Date.now()
        const t = subject.tenantId
        const session = subject.sessionId !== undefined ? liveSession(kv, t, sessionHandle(subject.sessionId), now) : null
        if (subject.sessionId !== undefined && (!session || session.userId !== subject.userId)) return refused
        if (subject.tokenIds.some((id) => vals.get(revokedTokenKey(t, id), now) !== null)) return refused
        const cutoff = Number(vals.get(revokedBeforeKey(t, subject.userId), now)?.value ?? 0)
        if (Math.floor(subject.issuedAt) < cutoff) return refused
        const keyed = resolved.map(({ p, bucket }) => ({ p, keys: policyKeys(p, `${JSON.stringify(t)}:${bucket}`, now).map((k) => `gk:${k}`) }))
        const limits = resolved.map(({ p }) => (p.fromSession ? session?.hourlyLimit : undefined))
        const rate = applyPolicies(vals, keyed, now, units, limits)
        return { valid: true, session, rate: { ...rate, pending: Promise.resolve() } }
      })
    },
    async ping() {
      kv.sql('SELECT 1').get()
    },
  }
}
