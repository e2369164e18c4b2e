package gatehouse

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"

	"gatehouse/sdk/go/api"
)

// Routes that exchange credentials: they carry no Bearer token and a 401 there is final.
var credentialPaths = []string{"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"}

func isCredentialPath(path string) bool {
	path = strings.TrimRight(path, "/")
	for _, p := range credentialPaths {
		if strings.HasSuffix(path, p) {
			return true
		}
	}
	return false
}

// session holds the tokens; refreshes are serialised (a refresh token is good once).
type session struct {
	apiKey   string // set: sent as X-API-Key instead of tokens
	mu       sync.Mutex
	tokens   Tokens
	onTokens func(Tokens)
	baseURL  string
	plain    *http.Client // no auth: for the refresh call itself
}

func (s *session) get() Tokens {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokens
}

func (s *session) set(t Tokens) {
	s.mu.Lock()
	s.tokens = t
	s.mu.Unlock()
	if s.onTokens != nil {
		s.onTokens(t)
	}
}

// refresh trades the refresh token for a new pair unless another call already replaced the access
// token that was sent; reports whether there is a new access token to retry with.
func (s *session) refresh(ctx context.Context, sent string) (bool, error) {
	s.mu.Lock()
	current := s.tokens
	if current.Access != sent || current.Refresh == "" {
		s.mu.Unlock()
		return current.Access != sent && current.Access != "", nil
	}
	var pair api.TokenPair
	a, err := postJSON(ctx, s.plain, s.baseURL, "/api/v1/auth/refresh", api.RefreshRequest{RefreshToken: current.Refresh}, &pair)
	s.mu.Unlock()
	switch {
	case err != nil:
		return false, err
	case a.status == http.StatusOK:
		s.set(Tokens{Access: pair.AccessToken, Refresh: pair.RefreshToken})
		return true, nil
	case a.status == http.StatusUnauthorized:
		s.set(Tokens{}) // refused: stop sending dead tokens
	}
	return false, nil
}

// transport adds the API key, or the Bearer token, refreshes once and resends on a 401, and turns a 429 into a
// *RateLimitedError.
type transport struct {
	base    http.RoundTripper
	session *session
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if isCredentialPath(req.URL.Path) {
		return t.send(req, "", "")
	}
	if t.session.apiKey != "" {
		return t.send(req, "X-API-Key", t.session.apiKey)
	}
	sent := t.session.get().Access
	resp, err := t.send(req, "Authorization", bearer(sent))
	if err != nil || resp.StatusCode != http.StatusUnauthorized || t.session.get().Refresh == "" {
		return resp, err
	}
	if req.Body != nil && req.GetBody == nil {
		return resp, nil // the body cannot be sent twice
	}
	ok, err := t.session.refresh(req.Context(), sent)
	if err != nil {
		_ = resp.Body.Close()
		return nil, err
	}
	if !ok {
		return resp, nil // refused: the 401 stands
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return t.send(req, "Authorization", bearer(t.session.get().Access))
}

func bearer(access string) string {
	if access == "" {
		return ""
	}
	return "Bearer " + access
}

// send sends a copy of req with its credential header (value "": none, and no Authorization on a
// credential route).
func (t *transport) send(req *http.Request, header, value string) (*http.Response, error) {
	r := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = body
	}
	if value != "" {
		r.Header.Set(header, value)
	} else if isCredentialPath(req.URL.Path) {
		r.Header.Del("Authorization")
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	return rateLimited(resp)
}
