// Package gatehouse is the Go SDK of the gatehouse API: the client generated from its OpenAPI 3.0
// document (package api, oapi-codegen) with sign-in, Bearer auth, one refresh and resend when a
// call answers 401 — or an API key on every call (WithAPIKey) — and 429 answers returned as
// *RateLimitedError.
//
//	c, _ := gatehouse.New("https://api.example.com")
//	_, err := c.Login(ctx, "ada@acme.example", "…")
//	profile, err := c.GetApiV1UsersProfileWithResponse(ctx)
package gatehouse

import (
	"context"
	"net/http"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"gatehouse/sdk/go/api"
)

// Tokens are what the client sends (Access) and trades for a new pair on a 401 (Refresh).
type Tokens struct {
	Access  string
	Refresh string
}

// Client is the generated client (every operation as a method) with the tokens it sends.
type Client struct {
	*api.ClientWithResponses
	session *session
	http    *http.Client // with the auth transport
}

type options struct {
	apiKey   string
	tokens   Tokens
	onTokens func(Tokens)
	http     *http.Client
}

// Option configures New.
type Option func(*options)

// WithAPIKey makes a server-to-server client: every call carries X-API-Key instead of tokens (a 401 is final).
func WithAPIKey(key string) Option { return func(o *options) { o.apiKey = key } }

// WithTokens restores saved tokens.
func WithTokens(t Tokens) Option { return func(o *options) { o.tokens = t } }

// WithOnTokens is told of every token change (refresh tokens are single use: persist the new pair).
func WithOnTokens(f func(Tokens)) Option { return func(o *options) { o.onTokens = f } }

// WithHTTPClient sends through this client (its Transport, Timeout…) instead of a default one.
func WithHTTPClient(c *http.Client) Option { return func(o *options) { o.http = c } }

// New returns a client for the API at baseURL (e.g. https://api.example.com).
func New(baseURL string, opts ...Option) (*Client, error) {
	o := options{http: &http.Client{}}
	for _, opt := range opts {
		opt(&o)
	}
	base := o.http.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	plain := *o.http
	plain.Transport = rateLimitOnly{base}
	s := &session{apiKey: o.apiKey, tokens: o.tokens, onTokens: o.onTokens, baseURL: baseURL, plain: &plain}
	authed := *o.http
	authed.Transport = &transport{base: base, session: s}
	c, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&authed))
	if err != nil {
		return nil, err
	}
	return &Client{ClientWithResponses: c, session: s, http: &authed}, nil
}

// Login signs in and keeps the token pair; a refusal is a *ProblemError (*RateLimitedError for 429).
func (c *Client) Login(ctx context.Context, email, password string) (*api.TokenPair, error) {
	var pair api.TokenPair
	a, err := postJSON(ctx, c.http, c.session.baseURL, "/api/v1/auth/login", api.LoginRequest{Email: openapi_types.Email(email), Password: password}, &pair)
	if err != nil {
		return nil, err
	}
	if a.status != http.StatusOK {
		return nil, ProblemFrom(a.status, a.header, a.body)
	}
	c.session.set(Tokens{Access: pair.AccessToken, Refresh: pair.RefreshToken})
	return &pair, nil
}

// Logout ends the server-side session and forgets the tokens.
func (c *Client) Logout(ctx context.Context) error {
	defer c.session.set(Tokens{})
	a, err := postJSON(ctx, c.http, c.session.baseURL, "/api/v1/auth/logout", nil, nil)
	if err == nil && a.status/100 != 2 {
		err = ProblemFrom(a.status, a.header, a.body)
	}
	return err
}

// Tokens returns the current tokens.
func (c *Client) Tokens() Tokens { return c.session.get() }

// SetTokens replaces the tokens (e.g. restored from storage).
func (c *Client) SetTokens(t Tokens) { c.session.set(t) }

// Header sets a header on one call, e.g. c.PostApiV1LogsMetadataWithResponse(ctx, nil, body, gatehouse.Header("X-Trace", id)).
func Header(name, value string) api.RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set(name, value)
		return nil
	}
}

// IdempotencyKey sends an Idempotency-Key header with one call (a write that may be retried).
func IdempotencyKey(key string) api.RequestEditorFn { return Header("Idempotency-Key", key) }

// rateLimitOnly turns 429 answers into *RateLimitedError (for the refresh call: no auth there).
type rateLimitOnly struct{ base http.RoundTripper }

func (t rateLimitOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	return rateLimited(resp)
}
