"""schemathesis hooks for tools/fuzz/run.sh (loaded through SCHEMATHESIS_HOOKS=hooks).

The fuzzing account is a tenant admin, and an admin may lower their own role and plan quota. One
generated PATCH doing so would spoil the rest of the run: every later request a 403 or a 429. So
in VALID (positive) profile PATCHes a lowered role stays admin and plan quotas stay high; the
fields are still sent and checked. Invalid (negative) cases are left alone: the API refuses them
whole, so they change nothing.
"""
import re

import schemathesis
from schemathesis import GenerationMode

PROFILE_PATCH = re.compile(r"^/api/v1/users/(profile|admin/profile/\{user_id\})/?$")
HIGH = 1_000_000


@schemathesis.hook
def before_call(ctx, case, kwargs):
    if case.method.upper() != "PATCH" or not PROFILE_PATCH.match(case.operation.path):
        return
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE or not isinstance(case.body, dict):
        return
    if case.body.get("role") == "viewer":
        case.body["role"] = "admin"
    quota = case.body.get("api_quota")
    if isinstance(quota, dict):
        for name in ("api_calls_per_hour", "logs_per_day"):
            # JSON numbers: 0.0 is as valid an integer as 0
            if isinstance(quota.get(name), (int, float)) and not isinstance(quota[name], bool):
                quota[name] = max(quota[name], HIGH)
