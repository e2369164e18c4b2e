package gatehouse

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// endpoint resolves an API path against the base URL, keeping any path prefix the base has.
func endpoint(baseURL, path string) (string, error) {
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	base, err := url.Parse(baseURL)
	if err != nil {
		return "", err
	}
	u, err := base.Parse("." + path)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// answer is a raw API answer.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// postJSON sends in as JSON (nil: no body) and decodes a 2xx answer into out. The conveniences
// call the few routes they need this way, with the generated types but not the generated methods,
// whose signatures change when the API document gives an operation parameters.
func postJSON(ctx context.Context, doer *http.Client, baseURL, path string, in, out any) (*answer, error) {
	target, err := endpoint(baseURL, path)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, body)
	if err != nil {
		return nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := doer.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	a := &answer{status: resp.StatusCode, header: resp.Header, body: raw}
	if out != nil && resp.StatusCode/100 == 2 {
		if err := json.Unmarshal(raw, out); err != nil {
			return nil, err
		}
	}
	return a, nil
}
