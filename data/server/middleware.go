package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"partneryste/data/wire"
)

// requestInfo collects what the access log line reports about one request.
// The handlers fill in the token id and the error.
type requestInfo struct {
	id      string
	tokenID string
	err     *apiError
}

type requestInfoKey struct{}

func requestInfoFrom(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return info
}

// validRequestID accepts a client's X-Request-Id only when it is short and
// plain, so that it is safe to log and echo.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

func newRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests assigns each request an id (the client's X-Request-Id when it
// is plain, else a new one), echoes it, recovers panics as 500 problems and
// logs one line per request. The line holds the token id, never the token
// or any other header.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{id: r.Header.Get("X-Request-Id")}
		if !validRequestID.MatchString(info.id) {
			info.id = newRequestID()
		}
		w.Header().Set("X-Request-Id", info.id)
		rec := &statusRecorder{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info))

		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panicked", "request_id", info.id, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeProblem(rec, r, internal(fmt.Errorf("panic: %v", v)))
				}
			}
			s.logLine(r, rec, info, time.Since(start))
		}()

		next.ServeHTTP(rec, r)
	})
}

func (s *Server) logLine(r *http.Request, rec *statusRecorder, info *requestInfo, elapsed time.Duration) {
	attrs := []slog.Attr{
		slog.String("request_id", info.id),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", rec.status),
		slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
		slog.Int64("bytes", rec.bytes),
		slog.String("remote", r.RemoteAddr),
	}
	if info.tokenID != "" {
		attrs = append(attrs, slog.String("token_id", info.tokenID))
	}
	level := slog.LevelInfo
	if info.err != nil {
		attrs = append(attrs, slog.String("detail", info.err.detail))
		if info.err.status >= 500 {
			level = slog.LevelError
			attrs = append(attrs, slog.Any("error", info.err.cause))
		}
	}
	s.log.LogAttrs(r.Context(), level, "request", attrs...)
}

// authorized wraps a handler that needs a bearer token: it authenticates
// the request, applies the token's rate limit and passes the token on.
func (s *Server) authorized(next func(w http.ResponseWriter, r *http.Request, t Token) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, err := authenticate(r.Context(), s.store, r.Header.Get("Authorization"))
		if err == errUnauthorized {
			writeProblem(w, r, &apiError{status: http.StatusUnauthorized, typ: wire.ProblemUnauthorized, detail: err.Error()})
			return
		}
		if err != nil {
			writeProblem(w, r, internal(err))
			return
		}
		if info := requestInfoFrom(r.Context()); info != nil {
			info.tokenID = t.ID
		}

		if ok, retry := s.limiter.allow(t.ID); !ok {
			writeProblem(w, r, &apiError{
				status:     http.StatusTooManyRequests,
				typ:        wire.ProblemRateLimited,
				detail:     fmt.Sprintf("more than %g requests per second for this token; retry after %d s", s.opts.Rate, retry),
				retryAfter: retry,
			})
			return
		}

		if err := next(w, r, t); err != nil {
			writeProblem(w, r, asAPIError(err))
		}
	})
}
