package gatehouse_test

// The Go SDK against a live gatehouse at GATEHOUSE_URL, as the repository's test suite runs it
// (tests/sdk-go.test.ts starts the server): register + sign in, profile, an upload registered with
// an Idempotency-Key and listed, an API key made by the admin and used by a second client (X-API-Key;
// a mistyped key is a 401), one refresh on a 401, a 429 as *RateLimitedError, and a refused
// refresh (spent token).

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	gatehouse "gatehouse/sdk/go"
	"gatehouse/sdk/go/api"
)

const password = "correct horse battery staple"

// recorder keeps the requests that went out (after the SDK's transport added its headers).
type recorder struct {
	mu   sync.Mutex
	sent []*http.Request
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.sent = append(r.sent, req)
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

func (r *recorder) paths() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := []string{}
	for _, req := range r.sent {
		out = append(out, req.URL.Path)
	}
	return out
}

func (r *recorder) last() *http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent[len(r.sent)-1]
}

func TestLiveScenario(t *testing.T) {
	url := os.Getenv("GATEHOUSE_URL")
	if url == "" {
		t.Fatal("GATEHOUSE_URL is not set: this test drives a live gatehouse (npm test starts one; or `npm start` and GATEHOUSE_URL=http://127.0.0.1:8787)")
	}
	ctx := context.Background()
	rec := &recorder{}
	c, err := gatehouse.New(url, gatehouse.WithHTTPClient(&http.Client{Transport: rec, Timeout: 10 * time.Second}))
	must(t, err)

	suffix := strconv.FormatInt(time.Now().UnixNano(), 36)
	email := "go-" + suffix + "@sdk.example"
	reg, err := c.PostApiV1AuthRegisterWithResponse(ctx, nil, api.RegisterRequest{Email: openapi_types.Email(email), Password: password, Organization: "Go " + suffix})
	must(t, err)
	check(t, reg.JSON201 != nil && reg.JSON201.Role == api.RoleAdmin, "register (admin of a new organisation): %d %s", reg.StatusCode(), reg.Body)
	var refusedLogin *gatehouse.ProblemError
	_, err = c.Login(ctx, email, "not the password")
	check(t, errors.As(err, &refusedLogin) && refusedLogin.Problem.Status == 401, "a wrong password is a *ProblemError (401): %v", err)
	pair, err := c.Login(ctx, email, password)
	must(t, err)
	check(t, c.Tokens() == gatehouse.Tokens{Access: pair.AccessToken, Refresh: pair.RefreshToken}, "login keeps the token pair")

	me, err := c.GetApiV1AuthMeWithResponse(ctx)
	must(t, err)
	check(t, me.JSON200 != nil && me.JSON200.Email != nil && *me.JSON200.Email == email, "me: %s", me.Body)
	profile, err := c.GetApiV1UsersProfileWithResponse(ctx)
	must(t, err)
	check(t, profile.JSON200 != nil && profile.JSON200.UserId == me.JSON200.UserId, "profile: %s", profile.Body)

	key := "go-" + suffix
	logCount := 12
	created, err := c.PostApiV1LogsMetadataWithResponse(ctx, nil, api.RegisterUploadRequest{
		Source: "sdk", Environment: "test", FileName: "go.log", FileSize: 2048, FormatType: api.FormatTypeJson, LogCount: &logCount,
	}, gatehouse.IdempotencyKey(key))
	must(t, err)
	check(t, created.JSON201 != nil && created.JSON201.FileName == "go.log", "upload registered: %s", created.Body)
	check(t, rec.last().Method == http.MethodPost && rec.last().Header.Get("Idempotency-Key") == key, "Idempotency-Key sent on the create")
	list, err := c.GetApiV1LogsMetadataWithResponse(ctx, &api.GetApiV1LogsMetadataParams{})
	must(t, err)
	check(t, list.JSON200 != nil && len(list.JSON200.Metadata) == 1 && list.JSON200.Metadata[0].UploadId == created.JSON201.UploadId, "uploads listed: %s", list.Body)
	check(t, rec.last().Header.Get("Idempotency-Key") == "", "the header stays on its own call")

	// A server-to-server client: an API key made by the admin, sent as X-API-Key.
	issued, err := c.PostApiV1ApiKeysWithResponse(ctx, nil, api.ApiKeyCreate{Name: "sdk job", Role: api.RoleViewer})
	must(t, err)
	check(t, issued.JSON201 != nil && strings.HasPrefix(issued.JSON201.ApiKey, "gh_live_"), "API key issued (shown once): %d %s", issued.StatusCode(), issued.Body)
	recKey := &recorder{}
	job, err := gatehouse.New(url, gatehouse.WithAPIKey(issued.JSON201.ApiKey), gatehouse.WithHTTPClient(&http.Client{Transport: recKey}))
	must(t, err)
	byKey, err := job.GetApiV1LogsMetadataWithResponse(ctx, &api.GetApiV1LogsMetadataParams{})
	must(t, err)
	check(t, byKey.JSON200 != nil && len(byKey.JSON200.Metadata) == 1 && byKey.JSON200.Metadata[0].UploadId == created.JSON201.UploadId, "the key reads its tenant's uploads: %s", byKey.Body)
	check(t, recKey.last().Header.Get("X-API-Key") == issued.JSON201.ApiKey && recKey.last().Header.Get("Authorization") == "", "sent as X-API-Key")
	adminOnly, err := job.GetApiV1ApiKeysWithResponse(ctx, nil)
	must(t, err)
	check(t, adminOnly.StatusCode() == 403 && adminOnly.ApplicationproblemJSON403 != nil, "a viewer key cannot manage keys (the key's role): %d", adminOnly.StatusCode())
	// One character changed (not the last one, whose low bits may be padding).
	k := issued.JSON201.ApiKey
	typo := "A"
	if k[len(k)-2] == 'A' {
		typo = "B"
	}
	mistyped, err := gatehouse.New(url, gatehouse.WithAPIKey(k[:len(k)-2]+typo+k[len(k)-1:]))
	must(t, err)
	refusedKey, err := mistyped.GetApiV1LogsMetadataWithResponse(ctx, &api.GetApiV1LogsMetadataParams{})
	must(t, err)
	check(t, refusedKey.StatusCode() == 401 && refusedKey.ApplicationproblemJSON401 != nil, "a mistyped key is a 401 problem: %d", refusedKey.StatusCode())

	// A dead access token with a live refresh token: one refresh, then the call goes through.
	var seen []gatehouse.Tokens
	rec2 := &recorder{}
	stale, err := gatehouse.New(url,
		gatehouse.WithTokens(gatehouse.Tokens{Access: "not-a-token", Refresh: c.Tokens().Refresh}),
		gatehouse.WithOnTokens(func(tk gatehouse.Tokens) { seen = append(seen, tk) }),
		gatehouse.WithHTTPClient(&http.Client{Transport: rec2}))
	must(t, err)
	again, err := stale.GetApiV1AuthMeWithResponse(ctx)
	must(t, err)
	check(t, again.JSON200 != nil && *again.JSON200.Email == email, "401 -> refresh -> retried call succeeds: %d %s", again.StatusCode(), again.Body)
	check(t, len(seen) == 1 && seen[0].Access != "" && seen[0].Refresh != c.Tokens().Refresh, "exactly one refresh, tokens rotated (%d changes)", len(seen))
	check(t, fmt.Sprint(rec2.paths()) == "[/api/v1/auth/me /api/v1/auth/refresh /api/v1/auth/me]", "me, refresh, me: %v", rec2.paths())

	// Spend the burst budget: the 429 comes back as *RateLimitedError with retry_after.
	budget, _ := strconv.Atoi(os.Getenv("GATEHOUSE_RATE_LIMIT"))
	var limited *gatehouse.RateLimitedError
	for i := 0; i < budget+5 && limited == nil; i++ {
		if _, err := stale.GetApiV1UsersProfileWithResponse(ctx); err != nil && !errors.As(err, &limited) {
			t.Fatalf("unexpected error: %v", err)
		}
	}
	check(t, limited != nil, "a 429 returned *RateLimitedError")
	check(t, limited.Problem.Status == 429 && strings.HasSuffix(limited.Problem.Type, "/quota-exceeded"), "typed problem+json 429: %+v", limited.Problem)
	check(t, limited.RetryAfter > 0, "RetryAfter = %v", limited.RetryAfter)
	check(t, strconv.Itoa(int(limited.RetryAfter/time.Second)) == limited.Header.Get("Retry-After"), "RetryAfter matches Retry-After (%v vs %s)", limited.RetryAfter, limited.Header.Get("Retry-After"))

	// The first refresh token was used up: refusing it leaves the 401 answer and no tokens.
	spent, err := gatehouse.New(url, gatehouse.WithTokens(gatehouse.Tokens{Access: "not-a-token", Refresh: pair.RefreshToken}))
	must(t, err)
	refused, err := spent.GetApiV1AuthMeWithResponse(ctx)
	must(t, err)
	check(t, refused.StatusCode() == 401 && refused.ApplicationproblemJSON401 != nil, "a refused refresh leaves the 401: %d %s", refused.StatusCode(), refused.Body)
	check(t, spent.Tokens() == gatehouse.Tokens{}, "and clears the tokens")
	t.Log("go scenario passed")
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func check(t *testing.T, ok bool, what string, args ...any) {
	t.Helper()
	if !ok {
		t.Fatalf("FAILED: "+what, args...)
	}
	t.Logf("ok - "+what, args...)
}
