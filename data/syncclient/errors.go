package syncclient

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"partneryste/data/wire"
)

// Errors that the UI translates. Every RequestError wraps exactly one of
// them, so callers match with errors.Is.
var (
	// ErrUnauthorized: the server returned 401 because the token is wrong,
	// revoked or missing. The user must enter a new token.
	ErrUnauthorized = errors.New("the server rejected the token")
	// ErrForbidden: the server returned 403 for a whole request, for
	// example a push with a coordinator's token.
	ErrForbidden = errors.New("the token has no right to do this")
	// ErrUnreachable: no response after every retry, because the network
	// or the server is down or the request timed out.
	ErrUnreachable = errors.New("the server cannot be reached")
	// ErrServer: the server returned 5xx or 429 on every attempt.
	ErrServer = errors.New("the server failed to handle the request")
	// ErrRejected: the server rejected the request itself (400, 404, 413,
	// 422 and other 4xx statuses); retrying the same request cannot help.
	ErrRejected = errors.New("the server rejected the request")
	// ErrProtocol: the response does not follow the protocol, for example
	// JSON that does not decode or a push with the wrong number of results.
	ErrProtocol = errors.New("unexpected response from the server")
	// ErrSettings: the server address or the token is missing or invalid.
	ErrSettings = errors.New("invalid sync settings")
)

// RequestError is a failed request. It wraps one of the Err values above
// and, when there is one, the underlying cause.
type RequestError struct {
	// Op names the operation: "push", "pull", "whoami" or "review".
	Op string
	// Kind is one of the Err values above.
	Kind error
	// Status is the last HTTP status, or 0 when no response arrived.
	Status int
	// Attempts is the number of requests sent.
	Attempts int
	// Problem is the server's problem document, when it sent one.
	Problem *wire.Problem
	// Cause is the transport or decoding error, already redacted.
	Cause error
}

func (e *RequestError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %v", e.Op, e.Kind)
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	if e.Problem != nil {
		fmt.Fprintf(&b, ": %s", e.Problem.Error())
	}
	if e.Cause != nil {
		fmt.Fprintf(&b, ": %v", e.Cause)
	}
	return b.String()
}

// Unwrap returns the Err value and the cause, so errors.Is finds both.
func (e *RequestError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// redactedError replaces a secret in a wrapped error's message, so that a
// token that slipped into a transport error never reaches a log or the
// screen.
type redactedError struct {
	message string
	err     error
}

func (e *redactedError) Error() string { return e.message }
func (e *redactedError) Unwrap() error { return e.err }

// redactedText is what replaces a token in messages.
const redactedText = "[REDACTED]"

func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redactedError{message: strings.ReplaceAll(err.Error(), secret, redactedText), err: err}
}

// kindOfStatus returns the Err value for a final HTTP status.
func kindOfStatus(status int) error {
	switch {
	case status == http.StatusUnauthorized:
		return ErrUnauthorized
	case status == http.StatusForbidden:
		return ErrForbidden
	case status == http.StatusTooManyRequests || status >= 500:
		return ErrServer
	default:
		return ErrRejected
	}
}
