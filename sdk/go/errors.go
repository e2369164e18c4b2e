package gatehouse

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"gatehouse/sdk/go/api"
)

// ProblemError is an error answer of the API: its application/problem+json body (RFC 9457).
type ProblemError struct {
	Problem api.Problem
	Header  http.Header
}

func (e *ProblemError) Error() string {
	detail := e.Problem.Type
	if e.Problem.Detail != nil {
		detail = *e.Problem.Detail
	}
	return fmt.Sprintf("gatehouse: %d %s: %s", e.Problem.Status, e.Problem.Title, detail)
}

// RateLimitedError is a 429 answer. RetryAfter comes from the problem's retry_after (seconds),
// else from the Retry-After header. Calls return it wrapped (use errors.As).
type RateLimitedError struct {
	ProblemError
	RetryAfter time.Duration
}

// ProblemFrom parses an error answer's body; a body that is not problem+json gives a minimal one.
func ProblemFrom(status int, header http.Header, body []byte) *ProblemError {
	e := &ProblemError{Header: header}
	if json.Unmarshal(body, &e.Problem) != nil || e.Problem.Type == "" {
		e.Problem = api.Problem{Type: "about:blank", Title: http.StatusText(status), Status: status}
	}
	return e
}

// rateLimited turns a 429 answer into a *RateLimitedError (any other answer passes through).
func rateLimited(resp *http.Response) (*http.Response, error) {
	if resp.StatusCode != http.StatusTooManyRequests {
		return resp, nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	p := ProblemFrom(resp.StatusCode, resp.Header, body)
	return nil, &RateLimitedError{ProblemError: *p, RetryAfter: retryAfter(p)}
}

func retryAfter(p *ProblemError) time.Duration {
	if v, ok := p.Problem.AdditionalProperties["retry_after"].(float64); ok {
		return time.Duration(v * float64(time.Second))
	}
	h := p.Header.Get("Retry-After")
	if s, err := strconv.Atoi(h); err == nil {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return time.Until(t).Round(time.Second)
	}
	return 0
}
