package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"partneryste/data/wire"
)

// apiError is an error that a handler returns to be sent as a problem
// document (RFC 9457).
type apiError struct {
	status int
	typ    string
	detail string
	// retryAfter is the Retry-After value in seconds for 429, or 0.
	retryAfter int
	// current is the server's record for a review conflict.
	current json.RawMessage
	// cause is an internal error, logged but never sent.
	cause error
}

func (e *apiError) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%d %s: %v", e.status, e.detail, e.cause)
	}
	return fmt.Sprintf("%d %s", e.status, e.detail)
}

func (e *apiError) Unwrap() error { return e.cause }

func badRequest(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, typ: wire.ProblemBadRequest, detail: fmt.Sprintf(format, args...)}
}

func forbidden(format string, args ...any) *apiError {
	return &apiError{status: http.StatusForbidden, typ: wire.ProblemForbidden, detail: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) *apiError {
	return &apiError{status: http.StatusNotFound, typ: wire.ProblemNotFound, detail: fmt.Sprintf(format, args...)}
}

func invalid(format string, args ...any) *apiError {
	return &apiError{status: http.StatusUnprocessableEntity, typ: wire.ProblemInvalid, detail: fmt.Sprintf(format, args...)}
}

// internal wraps an unexpected error; the client sees only a generic detail
// and the request id, and the log gets the cause.
func internal(cause error) *apiError {
	return &apiError{
		status: http.StatusInternalServerError,
		typ:    wire.ProblemInternal,
		detail: "the server failed to handle the request; quote the request id when reporting it",
		cause:  cause,
	}
}

// asAPIError turns any handler error into an apiError.
func asAPIError(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	return internal(err)
}

// writeProblem sends err as a problem document.
func writeProblem(w http.ResponseWriter, r *http.Request, err *apiError) {
	info := requestInfoFrom(r.Context())
	if info != nil {
		info.err = err
	}

	h := w.Header()
	h.Set("Content-Type", wire.ProblemContentType)
	h.Set("Cache-Control", "no-store")
	if err.status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="partneryste"`)
	}
	if err.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(err.retryAfter))
	}

	p := wire.Problem{
		Type:    err.typ,
		Title:   http.StatusText(err.status),
		Status:  err.status,
		Detail:  err.detail,
		Current: err.current,
	}
	if info != nil {
		p.RequestID = info.id
	}
	w.WriteHeader(err.status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON sends v as a 200 JSON body.
func writeJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Every response type marshals; a failure here is a programming
		// error, reported as a 500 by the recovery middleware.
		panic(fmt.Sprintf("encode response: %v", err))
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(append(body, '\n'))
}
