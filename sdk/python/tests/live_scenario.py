"""The Python SDK against a live gatehouse (GATEHOUSE_URL), as the test suite runs it.

register + sign in, profile, an upload registered with an Idempotency-Key and listed, an API key
made by the admin and used by a second client (X-API-Key; a mistyped key is a 401), a refresh
on a 401 (bad access token + valid refresh token: exactly one refresh, then the call succeeds),
a 429 raised as RateLimited with retry_after, and a refused refresh (spent token). Exits non-zero
with the failed check.
"""

import os
import uuid

import httpx

from gatehouse_client.api.api_keys import get_api_v1_api_keys, post_api_v1_api_keys
from gatehouse_client.api.auth import get_api_v1_auth_me, post_api_v1_auth_register
from gatehouse_client.api.upload_metadata import get_api_v1_logs_metadata, post_api_v1_logs_metadata
from gatehouse_client.api.users import get_api_v1_users_profile
from gatehouse_client.models import (
    ApiKeyCreate,
    FormatType,
    IssuedApiKey,
    Me,
    Problem,
    Registered,
    RegisterRequest,
    RegisterUploadRequest,
    Role,
    UploadMetadata,
    UploadMetadataPage,
    UserProfile,
)
from gatehouse_sdk import Gatehouse, ProblemError, RateLimited, Tokens

URL = os.environ["GATEHOUSE_URL"]
PASSWORD = "correct horse battery staple"


def check(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"FAILED: {what}")
    print(f"ok - {what}")


sent: list[httpx.Request] = []
gh = Gatehouse(URL, httpx_args={"event_hooks": {"request": [sent.append]}})

email = f"py-{uuid.uuid4().hex[:10]}@sdk.example"
registered = post_api_v1_auth_register.sync(
    client=gh.client, body=RegisterRequest(email=email, password=PASSWORD, organization=f"Py {uuid.uuid4().hex[:8]}")
)
check(isinstance(registered, Registered) and registered.role == Role.ADMIN, "register (admin of a new organisation)")
try:
    gh.login(email, "not the password")
    check(False, "a wrong password is refused")
except ProblemError as err:
    check(err.status == 401 and gh.tokens == Tokens(None, None), "a wrong password raises ProblemError (401)")
pair = gh.login(email, PASSWORD, device="python sdk test")
check(gh.tokens == Tokens(pair.access_token, pair.refresh_token), "login keeps the token pair")

me = get_api_v1_auth_me.sync(client=gh.client)
check(isinstance(me, Me) and me.email == email, "me")
profile = get_api_v1_users_profile.sync(client=gh.client)
check(isinstance(profile, UserProfile) and profile.user_id == me.user_id, "profile")

key = str(uuid.uuid4())
with gh.headers({"Idempotency-Key": key}):
    created = post_api_v1_logs_metadata.sync(
        client=gh.client,
        body=RegisterUploadRequest(
            source="sdk", environment="test", file_name="py.log", file_size=2048, format_type=FormatType.JSON, log_count=12
        ),
    )
check(isinstance(created, UploadMetadata) and created.file_name == "py.log", "upload registered")
check(sent[-1].method == "POST" and sent[-1].headers.get("idempotency-key") == key, "Idempotency-Key sent on the create")
page = get_api_v1_logs_metadata.sync(client=gh.client)
check(isinstance(page, UploadMetadataPage) and [u.upload_id for u in page.metadata] == [created.upload_id], "uploads listed")
check("idempotency-key" not in sent[-1].headers, "the header stays on its own request")

# A server-to-server client: an API key made by the admin, sent as X-API-Key.
issued = post_api_v1_api_keys.sync(client=gh.client, body=ApiKeyCreate(name="sdk job", role=Role.VIEWER))
check(isinstance(issued, IssuedApiKey) and issued.api_key.startswith("gh_live_"), "API key issued (shown once)")
assert isinstance(issued, IssuedApiKey)
sent.clear()
job = Gatehouse(URL, api_key=issued.api_key, httpx_args={"event_hooks": {"request": [sent.append]}})
by_key = get_api_v1_logs_metadata.sync(client=job.client)
check(
    isinstance(by_key, UploadMetadataPage) and [u.upload_id for u in by_key.metadata] == [created.upload_id],
    "the key reads its tenant's uploads",
)
check(sent[-1].headers.get("x-api-key") == issued.api_key and "authorization" not in sent[-1].headers, "sent as X-API-Key")
admin_only = get_api_v1_api_keys.sync(client=job.client)
check(isinstance(admin_only, Problem) and admin_only.status == 403, "a viewer key cannot manage keys (the key's role)")
# One character changed (not the last one, whose low bits may be padding).
k = issued.api_key
mistyped = Gatehouse(URL, api_key=k[:-2] + ("B" if k[-2] == "A" else "A") + k[-1])
refused_key = get_api_v1_logs_metadata.sync(client=mistyped.client)
check(isinstance(refused_key, Problem) and refused_key.status == 401, "a mistyped key is a 401 problem")

# A dead access token with a live refresh token: one refresh, then the call goes through.
seen: list[Tokens] = []
sent.clear()
stale = Gatehouse(
    URL,
    access_token="not-a-token",
    refresh_token=gh.tokens.refresh,
    on_tokens=seen.append,
    httpx_args={"event_hooks": {"request": [sent.append]}},
)
again = get_api_v1_auth_me.sync(client=stale.client)
check(isinstance(again, Me) and again.email == email, "401 -> refresh -> retried call succeeds")
check(len(seen) == 1 and seen[0].access and seen[0].refresh != gh.tokens.refresh, "exactly one refresh, tokens rotated")
check([r.url.path for r in sent] == ["/api/v1/auth/me", "/api/v1/auth/refresh", "/api/v1/auth/me"], "me, refresh, me")

# Spend the burst budget: the 429 surfaces as RateLimited with retry_after from the problem body.
limited = None
for _ in range(int(os.environ.get("GATEHOUSE_RATE_LIMIT", "20")) + 5):
    try:
        get_api_v1_users_profile.sync(client=stale.client)
    except RateLimited as err:
        limited = err
        break
check(limited is not None, "a 429 raised RateLimited")
assert limited is not None
check(limited.status == 429 and limited.problem.type_.endswith("/quota-exceeded"), "typed problem+json 429")
check(isinstance(limited.retry_after, int) and limited.retry_after > 0, f"retry_after = {limited.retry_after}")
check(str(limited.retry_after) == limited.headers.get("retry-after"), "retry_after matches Retry-After")

# The first refresh token was used up: refusing it leaves a typed 401 and no tokens.
spent = Gatehouse(URL, access_token="not-a-token", refresh_token=gh.tokens.refresh)
refused = get_api_v1_auth_me.sync(client=spent.client)
check(isinstance(refused, Problem) and refused.status == 401, "a refused refresh leaves the 401")
check(spent.tokens == Tokens(None, None), "and clears the tokens")
print("python scenario passed")
