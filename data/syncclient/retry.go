package syncclient

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy decides which failed attempts are repeated and how long the
// client waits before each repetition.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts of one request, the first
	// included. Zero means 5.
	MaxAttempts int
	// BaseDelay is the backoff cap of the first retry, doubled for each
	// later one up to MaxDelay. Zero means 500 ms and 30 s.
	BaseDelay time.Duration
	MaxDelay  time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits for. A
	// longer Retry-After ends the request with its error, so the user sees
	// the failure instead of a sync that seems stuck. Zero means 2 minutes.
	MaxRetryAfter time.Duration

	// random returns a number in [0, 1); nil means math/rand/v2.
	random func() float64
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 5
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 500 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 30 * time.Second
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = 2 * time.Minute
	}
	if p.random == nil {
		p.random = rand.Float64
	}
	return p
}

// RetryableStatus reports whether a response status is worth repeating the
// identical request for: 429 and the 5xx statuses that describe a passing
// state (500, 502, 503, 504). 400, 401, 403, 409, 413, 422 and every other
// status are final.
func RetryableStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests,
		http.StatusInternalServerError,
		http.StatusBadGateway,
		http.StatusServiceUnavailable,
		http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Backoff returns the wait before retry number retry (1 for the first
// retry): "full jitter", a uniform random duration in [0, cap) where cap
// is BaseDelay·2^(retry-1) limited to MaxDelay. Full jitter spreads the
// retries of many clients that failed at the same moment.
func (p RetryPolicy) Backoff(retry int) time.Duration {
	p = p.withDefaults()
	limit := p.MaxDelay
	if retry < 1 {
		retry = 1
	}
	if shift := retry - 1; shift < 32 {
		if d := p.BaseDelay << shift; d > 0 && d < limit {
			limit = d
		}
	}
	return time.Duration(p.random() * float64(limit))
}

// Delay returns the wait before retry number retry after a response with
// the given Retry-After header value (empty when absent): the jittered
// backoff, but never less than Retry-After. ok is false when Retry-After
// exceeds MaxRetryAfter, and the client then stops retrying.
func (p RetryPolicy) Delay(retry int, retryAfter string, now time.Time) (d time.Duration, ok bool) {
	p = p.withDefaults()
	d = p.Backoff(retry)
	wait, found := parseRetryAfter(retryAfter, now)
	if !found {
		return d, true
	}
	if wait > p.MaxRetryAfter {
		return 0, false
	}
	return max(d, wait), true
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date
// (RFC 9110, section 10.2.3).
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}
