// Package server is the coordinator's HTTP server: associations push their
// records and pull what the network shares, and the coordinator reviews
// practice cases. The protocol's types are in data/wire and its document in
// api/openapi.yaml.
//
// The handlers contain the protocol's rules: who may read and write which
// records, idempotent changes and revision conflicts. They reach storage
// only through the Store interface, which data/serverstore implements on
// bbolt.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"partneryste/data/wire"
)

// Defaults of Options.
const (
	// DefaultMaxBody is the default request body limit. A push of
	// MaxChanges events fits many times over, and so does one practice
	// case with every section full (about 630 KB of UTF-8). The client
	// splits batches whose size passes the limit.
	DefaultMaxBody = 32 << 20
	// DefaultRate and DefaultBurst are the default per-token rate limit:
	// a desktop client syncing a full outbox sends a few requests a
	// second at most.
	DefaultRate  = 10
	DefaultBurst = 40
)

// Options configure a Server. The zero value gives the defaults.
type Options struct {
	// Logger receives one line per request and every internal error;
	// nil discards them.
	Logger *slog.Logger
	// Version is reported by the health operation.
	Version string
	// MaxBody is the request body limit in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Rate is the number of requests per second each token may make on
	// average, and Burst how many at once. Rate 0 means DefaultRate and a
	// negative Rate turns limiting off.
	Rate  float64
	Burst int
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Server serves the protocol over HTTP.
type Server struct {
	store   Store
	opts    Options
	log     *slog.Logger
	limiter *limiter
	handler http.Handler
}

// New returns a server that keeps its data in store.
func New(store Store, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Rate == 0 {
		opts.Rate = DefaultRate
	}
	if opts.Burst <= 0 {
		opts.Burst = DefaultBurst
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Version == "" {
		opts.Version = "dev"
	}

	s := &Server{store: store, opts: opts, log: opts.Logger}
	s.limiter = newLimiter(opts.Rate, opts.Burst, opts.Now)

	mux := http.NewServeMux()
	mux.HandleFunc(wire.PathHealth, s.handleHealth)
	mux.Handle(wire.PathWhoAmI, s.authorized(s.handleWhoAmI))
	mux.Handle(wire.PathChanges, s.authorized(s.handleChanges))
	mux.Handle(wire.PathReview+"{id}", s.authorized(s.handleReview))
	mux.Handle(wire.PathAssociations, s.authorized(s.handleAssociations))

	// The public calendar feeds need no token (feed.go).
	mux.HandleFunc(PathFeed+"{file}", s.handleFeed)

	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, notFound("no operation at %s", r.URL.Path))
	})
	s.handler = s.logRequests(mux)
	return s
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// methodNotAllowed rejects a request whose method the path does not take.
func methodNotAllowed(w http.ResponseWriter, r *http.Request, allowed string) error {
	w.Header().Set("Allow", allowed)
	return &apiError{
		status: http.StatusMethodNotAllowed,
		typ:    wire.ProblemMethodNotAllowed,
		detail: fmt.Sprintf("%s does not take %s; use %s", r.URL.Path, r.Method, allowed),
	}
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeProblem(w, r, asAPIError(methodNotAllowed(w, r, "GET")))
		return
	}
	writeJSON(w, wire.HealthResponse{Status: "ok", Version: s.opts.Version})
}

func (s *Server) handleWhoAmI(w http.ResponseWriter, r *http.Request, t Token) error {
	if r.Method != http.MethodGet {
		return methodNotAllowed(w, r, "GET")
	}
	resp := wire.WhoAmIResponse{Role: t.Role}
	if t.Role == wire.RoleAssociation {
		a, err := s.store.Association(r.Context(), t.Association)
		if err != nil {
			return internal(fmt.Errorf("association of token %s: %w", t.ID, err))
		}
		resp.AssociationID = a.ID
		resp.AssociationName = a.Name
	}
	writeJSON(w, resp)
	return nil
}

// handleAssociations returns the directory of associations to any valid
// token: membership of the network is public, and the names are what
// clients show in place of ids.
func (s *Server) handleAssociations(w http.ResponseWriter, r *http.Request, t Token) error {
	if r.Method != http.MethodGet {
		return methodNotAllowed(w, r, "GET")
	}
	all, err := s.store.Associations(r.Context())
	if err != nil {
		return internal(fmt.Errorf("list associations for token %s: %w", t.ID, err))
	}
	resp := wire.AssociationsResponse{Associations: make([]wire.Association, len(all)), Caller: t.Association}
	for i, a := range all {
		resp.Associations[i] = wire.Association{ID: a.ID, Name: a.Name}
	}
	writeJSON(w, resp)
	return nil
}

func (s *Server) handleChanges(w http.ResponseWriter, r *http.Request, t Token) error {
	switch r.Method {
	case http.MethodGet:
		return s.handlePull(w, r, t)
	case http.MethodPost:
		return s.handlePush(w, r, t)
	default:
		return methodNotAllowed(w, r, "GET, POST")
	}
}

// Timeouts of the HTTP server. ReadTimeout and WriteTimeout cover a whole
// request and response, so they leave room for a push near the body limit
// on a slow connection.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 2 * time.Minute
	WriteTimeout      = 2 * time.Minute
	IdleTimeout       = 2 * time.Minute
)

// ServeConfig configures Serve.
type ServeConfig struct {
	// CertFile and KeyFile, when both are set, make Serve speak TLS.
	CertFile, KeyFile string
	// ShutdownTimeout bounds how long in-flight requests may run after ctx
	// ends; 0 means 30 seconds.
	ShutdownTimeout time.Duration
}

// Serve serves on ln until ctx ends, then stops accepting connections and
// waits for in-flight requests to finish, at most cfg.ShutdownTimeout. It
// returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener, cfg ServeConfig) error {
	if cfg.ShutdownTimeout == 0 {
		cfg.ShutdownTimeout = 30 * time.Second
	}
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		return errors.New("serve: give both the TLS certificate and the key, or neither")
	}

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}

	served := make(chan error, 1)
	go func() {
		if cfg.CertFile != "" {
			served <- srv.ServeTLS(ln, cfg.CertFile, cfg.KeyFile)
		} else {
			served <- srv.Serve(ln)
		}
	}()
	s.log.Info("server started", "addr", ln.Addr().String(), "tls", cfg.CertFile != "", "version", s.opts.Version)

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	s.log.Info("shutting down", "timeout", cfg.ShutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		s.log.Error("shutdown did not finish in time; closing connections", "error", err)
		_ = srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.log.Info("server stopped")
	return nil
}
