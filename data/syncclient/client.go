// Package syncclient is the desktop program's side of the sync protocol
// (data/wire): an HTTP client for the coordinator's server with retries,
// and a Syncer that pushes the local outbox and pulls the server's changes
// into a boltstore file. The protocol as the client uses it is described in
// docs/protocol.md.
package syncclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/go-resty/resty/v2"

	"partneryste/data/wire"
)

// Defaults of Options.
const (
	DefaultConnectTimeout = 10 * time.Second
	// DefaultRequestTimeout bounds one attempt of one request, response
	// body included. A full push batch of long practice cases is a few
	// megabytes, which a slow office connection sends within it.
	DefaultRequestTimeout = 2 * time.Minute
	// MaxResponseBody bounds a response body. A pull page of
	// wire.MaxPullLimit full practice cases stays below it.
	MaxResponseBody = 256 << 20
)

// Options configure a Client.
type Options struct {
	// ServerURL is the server's root, such as https://sync.example.lt.
	ServerURL string
	// Token is the bearer token. It is sent only in the Authorization
	// header and never logged.
	Token string
	// ConnectTimeout bounds the TCP and TLS connection set-up; zero means
	// DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// RequestTimeout bounds each attempt of a request; zero means
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
	// Retry is the retry policy; the zero value gives its defaults.
	Retry RetryPolicy
	// Logger receives retries and failures; nil means slog.Default().
	Logger *slog.Logger
	// UserAgent is sent with every request; empty means "partneryste".
	UserAgent string

	// sleep waits for d or until ctx ends; nil means a timer. Tests
	// replace it to observe the delays without waiting.
	sleep func(ctx context.Context, d time.Duration) error
	// now returns the current time for Retry-After dates.
	now func() time.Time
}

// Client sends the protocol's requests to one server with one token. It is
// safe for concurrent use.
type Client struct {
	http  *resty.Client
	opts  Options
	log   *slog.Logger
	token string
}

// New returns a client for opts.ServerURL. It returns an error wrapping
// ErrSettings for an address that is not http(s), carries a user name or a
// password, or uses plain http to a host other than this computer, and for
// an empty token.
func New(opts Options) (*Client, error) {
	base, err := checkServerURL(opts.ServerURL)
	if err != nil {
		return nil, err
	}
	if err := checkToken(opts.Token); err != nil {
		return nil, err
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	opts.Retry = opts.Retry.withDefaults()
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "partneryste"
	}
	if opts.sleep == nil {
		opts.sleep = sleepContext
	}
	if opts.now == nil {
		opts.now = time.Now
	}

	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.RequestTimeout,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   2,
		ForceAttemptHTTP2:     true,
	}
	log := opts.Logger.With("server", base)
	rc := resty.New().
		SetTransport(transport).
		SetBaseURL(base).
		SetAuthToken(opts.Token).
		SetHeader("User-Agent", opts.UserAgent).
		SetHeader("Accept", "application/json, "+wire.ProblemContentType).
		SetRetryCount(0).
		SetResponseBodyLimit(MaxResponseBody).
		SetLogger(restyLogger{log: log, token: opts.Token})
	return &Client{http: rc, opts: opts, log: log, token: opts.Token}, nil
}

// Close releases the client's idle connections.
func (c *Client) Close() {
	if t, ok := c.http.GetClient().Transport.(*http.Transport); ok {
		t.CloseIdleConnections()
	}
}

// ServerURL returns the server's root address.
func (c *Client) ServerURL() string { return c.http.BaseURL }

func checkServerURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return "", fmt.Errorf("server address %q is not a valid URL: %w", raw, ErrSettings)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return "", fmt.Errorf("server address %q must start with https://: %w", raw, ErrSettings)
	}
	if u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("server address %q must be a plain address such as https://server.example.lt: %w", raw, ErrSettings)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		// The token would cross the network in clear text.
		return "", fmt.Errorf("server address %q uses http; use https, which protects the token: %w", raw, ErrSettings)
	}
	base := u.Scheme + "://" + u.Host + u.EscapedPath()
	for len(base) > 0 && base[len(base)-1] == '/' {
		base = base[:len(base)-1]
	}
	return base, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func checkToken(token string) error {
	if token == "" {
		return fmt.Errorf("the token is empty: %w", ErrSettings)
	}
	for _, r := range token {
		if r <= ' ' || r == 0x7f {
			return fmt.Errorf("the token contains spaces or control characters: %w", ErrSettings)
		}
	}
	return nil
}

// WhoAmI returns the role and association of the client's token. The
// "test connection" button calls it.
func (c *Client) WhoAmI(ctx context.Context) (wire.WhoAmIResponse, error) {
	var resp wire.WhoAmIResponse
	err := c.do(ctx, "whoami", http.MethodGet, wire.PathWhoAmI, nil, nil, &resp)
	return resp, err
}

// Associations returns the network's directory: every association's id
// and name, and the association id of the client's token.
func (c *Client) Associations(ctx context.Context) (wire.AssociationsResponse, error) {
	var resp wire.AssociationsResponse
	err := c.do(ctx, "associations", http.MethodGet, wire.PathAssociations, nil, nil, &resp)
	return resp, err
}

// Push sends one batch of changes. The body is encoded once and the same
// bytes are sent on every attempt, so a retry is the identical request
// and the server's change ids make it harmless.
func (c *Client) Push(ctx context.Context, changes []wire.Change) (wire.PushResponse, error) {
	body, err := json.Marshal(wire.PushRequest{Changes: changes})
	if err != nil {
		return wire.PushResponse{}, fmt.Errorf("push: encode request: %w", err)
	}
	var resp wire.PushResponse
	if err := c.do(ctx, "push", http.MethodPost, wire.PathChanges, nil, body, &resp); err != nil {
		return wire.PushResponse{}, err
	}
	if len(resp.Results) != len(changes) {
		return wire.PushResponse{}, &RequestError{Op: "push", Kind: ErrProtocol, Status: http.StatusOK,
			Cause: fmt.Errorf("%d results for %d changes", len(resp.Results), len(changes))}
	}
	return resp, nil
}

// Pull fetches one page of changes after cursor ("" for the beginning).
// limit 0 leaves the page size to the server.
func (c *Client) Pull(ctx context.Context, cursor string, limit int) (wire.PullResponse, error) {
	query := url.Values{}
	if cursor != "" {
		query.Set("cursor", cursor)
	}
	if limit > 0 {
		query.Set("limit", strconv.Itoa(limit))
	}
	var resp wire.PullResponse
	err := c.do(ctx, "pull", http.MethodGet, wire.PathChanges, query, nil, &resp)
	return resp, err
}

// do sends one request, repeating it on network errors and on retryable
// statuses as the retry policy allows, and decodes a 2xx body into out.
func (c *Client) do(ctx context.Context, op, method, path string, query url.Values, body []byte, out any) error {
	policy := c.opts.Retry
	var last *RequestError
	for attempt := 1; ; attempt++ {
		status, header, respBody, err := c.attempt(ctx, method, path, query, body)
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("%s: %w", op, ctxErr)
		}

		retryAfter := ""
		switch {
		case err != nil:
			last = &RequestError{Op: op, Kind: ErrUnreachable, Attempts: attempt, Cause: redact(err, c.token)}
		case status >= 200 && status < 300:
			if out != nil {
				if err := json.Unmarshal(respBody, out); err != nil {
					return &RequestError{Op: op, Kind: ErrProtocol, Status: status, Attempts: attempt, Cause: fmt.Errorf("decode response: %w", err)}
				}
			}
			return nil
		default:
			last = &RequestError{Op: op, Kind: kindOfStatus(status), Status: status, Attempts: attempt, Problem: decodeProblem(header, respBody)}
			if !RetryableStatus(status) {
				c.log.Warn("request failed", "op", op, "status", status, "attempts", attempt)
				return last
			}
			retryAfter = header.Get("Retry-After")
		}

		if attempt >= policy.MaxAttempts {
			c.log.Warn("request failed after retries", "op", op, "attempts", attempt, "err", last)
			return last
		}
		delay, ok := policy.Delay(attempt, retryAfter, c.opts.now())
		if !ok {
			c.log.Warn("Retry-After exceeds the maximum wait; not retrying", "op", op, "retry_after", retryAfter)
			return last
		}
		c.log.Info("retrying request", "op", op, "attempt", attempt, "status", last.Status, "delay", delay.String(), "err", last.Cause)
		if err := c.opts.sleep(ctx, delay); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
}

// attempt sends the request once, with its own timeout.
func (c *Client) attempt(ctx context.Context, method, path string, query url.Values, body []byte) (int, http.Header, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.RequestTimeout)
	defer cancel()
	req := c.http.R().SetContext(ctx).SetQueryParamsFromValues(query)
	if body != nil {
		// resty sends a []byte body as it is, so every attempt carries the
		// same bytes.
		req.SetHeader("Content-Type", "application/json").SetBody(body)
	}
	resp, err := req.Execute(method, path)
	if err != nil {
		return 0, nil, nil, err
	}
	return resp.StatusCode(), resp.Header(), resp.Body(), nil
}

// decodeProblem returns the problem document of an error response, or nil.
func decodeProblem(header http.Header, body []byte) *wire.Problem {
	media, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	if media != wire.ProblemContentType && media != "application/json" {
		return nil
	}
	var p wire.Problem
	if json.Unmarshal(body, &p) != nil || (p.Title == "" && p.Type == "") {
		return nil
	}
	return &p
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// restyLogger passes resty's own messages to slog with the token
// redacted.
type restyLogger struct {
	log   *slog.Logger
	token string
}

func (l restyLogger) line(level slog.Level, format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	l.log.Log(context.Background(), level, redact(errors.New(msg), l.token).Error(), "component", "resty")
}

func (l restyLogger) Errorf(format string, v ...any) { l.line(slog.LevelError, format, v...) }
func (l restyLogger) Warnf(format string, v ...any)  { l.line(slog.LevelWarn, format, v...) }
func (l restyLogger) Debugf(format string, v ...any) { l.line(slog.LevelDebug, format, v...) }
