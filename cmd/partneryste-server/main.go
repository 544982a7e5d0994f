// Command partneryste-server is the coordinator's server of the Partnerystė
// network: associations push their records to it and pull what the network
// shares, and the coordinator reviews practice cases through it.
//
// Usage:
//
//	partneryste-server [serve] [-addr 127.0.0.1:8470] [-data FILE] [-tls-cert F -tls-key F] ...
//	partneryste-server add-association -id ID -name NAME [-data FILE]
//	partneryste-server issue-token -association ID [-name NAME] [-data FILE]
//	partneryste-server issue-coordinator-token [-name NAME] [-data FILE]
//	partneryste-server revoke-token -id TOKENID [-data FILE]
//	partneryste-server list-associations [-data FILE]
//
// The admin subcommands open the data file directly, so they run while the
// server is stopped. Against a running server they fail after one second
// and ask to stop it first.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // events live in Europe/Vilnius, also on hosts without a zone database

	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// defaultData is the data file used when neither -data nor the environment
// variable names one.
const defaultData = "partneryste-server.db"

// envData names the environment variable that overrides the default data
// file.
const envData = "PARTNERYSTE_SERVER_DATA"

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "partneryste-server:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	command := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		command, args = args[0], args[1:]
	}

	switch command {
	case "serve":
		return serve(args, stderr)
	case "add-association":
		return addAssociation(args, stdout, stderr)
	case "issue-token":
		return issueToken(args, stdout, stderr, wire.RoleAssociation)
	case "issue-coordinator-token":
		return issueToken(args, stdout, stderr, wire.RoleCoordinator)
	case "revoke-token":
		return revokeToken(args, stdout, stderr)
	case "list-associations":
		return listAssociations(args, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, "commands: serve (default), add-association, issue-token, issue-coordinator-token, revoke-token, list-associations; add -h to one for its flags")
		return nil
	}
	return fmt.Errorf("unknown command %q; run with help for the list", command)
}

// newFlags returns a flag set with the -data flag every command takes.
func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := os.Getenv(envData)
	if def == "" {
		def = defaultData
	}
	data := fs.String("data", def, "bbolt data `file` of the server (default from "+envData+")")
	return fs, data
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

func serve(args []string, stderr io.Writer) error {
	fs, dataFile := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8470", "`host:port` to listen on")
	certFile := fs.String("tls-cert", "", "TLS certificate `file` (PEM); serve HTTPS with -tls-key")
	keyFile := fs.String("tls-key", "", "TLS private key `file` (PEM)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "maximum request body in `bytes`")
	rate := fs.Float64("rate", server.DefaultRate, "requests per second allowed per token; negative turns limiting off")
	burst := fs.Int("burst", server.DefaultBurst, "requests a token may make at once above the rate")
	shutdown := fs.Duration("shutdown-timeout", 30*time.Second, "how long in-flight requests may run after SIGTERM or SIGINT")
	logFormat := fs.String("log-format", "json", "log format: json or text")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*certFile == "") != (*keyFile == "") {
		return errors.New("serve: give both -tls-cert and -tls-key, or neither")
	}

	var handler slog.Handler
	switch *logFormat {
	case "json":
		handler = slog.NewJSONHandler(stderr, nil)
	case "text":
		handler = slog.NewTextHandler(stderr, nil)
	default:
		return fmt.Errorf("serve: -log-format %q must be json or text", *logFormat)
	}
	logger := slog.New(handler)

	store, err := serverstore.Open(*dataFile, serverstore.Options{})
	if err != nil {
		return err
	}
	defer store.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	srv := server.New(store, server.Options{
		Logger:  logger,
		Version: version,
		MaxBody: *maxBody,
		Rate:    *rate,
		Burst:   *burst,
	})
	logger.Info("data file opened", "path", *dataFile)
	return srv.Serve(ctx, ln, server.ServeConfig{CertFile: *certFile, KeyFile: *keyFile, ShutdownTimeout: *shutdown})
}

// openForAdmin opens the data file for an admin command.
func openForAdmin(path string) (*serverstore.Store, error) {
	return serverstore.Open(path, serverstore.Options{Timeout: serverstore.DefaultOpenTimeout})
}

var associationID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

func addAssociation(args []string, stdout, stderr io.Writer) error {
	fs, dataFile := newFlags("add-association", stderr)
	id := fs.String("id", "", "association `id`: letters, digits, '.', '_' or '-', at most 64")
	name := fs.String("name", "", "association `name` as users see it")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !associationID.MatchString(*id) {
		return fmt.Errorf("add-association: -id %q must be 1 to 64 letters, digits, '.', '_' or '-'", *id)
	}
	if strings.TrimSpace(*name) == "" {
		return errors.New("add-association: -name is required")
	}

	store, err := openForAdmin(*dataFile)
	if err != nil {
		return err
	}
	defer store.Close()
	a := server.Association{ID: *id, Name: strings.TrimSpace(*name), Created: time.Now().UTC()}
	if err := store.AddAssociation(context.Background(), a); err != nil {
		return fmt.Errorf("add-association: %w", err)
	}
	fmt.Fprintf(stdout, "added association %s (%s)\n", a.ID, a.Name)
	return nil
}

// defaultCoordinatorName is the display name of a coordinator token issued
// without -name; reviews show it as their reviewer.
const defaultCoordinatorName = "Koordinatorius"

func issueToken(args []string, stdout, stderr io.Writer, role wire.Role) error {
	name := "issue-coordinator-token"
	defaultHolder := defaultCoordinatorName
	if role == wire.RoleAssociation {
		name, defaultHolder = "issue-token", ""
	}
	fs, dataFile := newFlags(name, stderr)
	var association *string
	if role == wire.RoleAssociation {
		association = fs.String("association", "", "`id` of the association the token acts for")
	}
	holder := fs.String("name", defaultHolder, fmt.Sprintf("display `name` of the token's holder, shown as the reviewer of its reviews (at most %d characters)", server.MaxTokenName))
	if err := parse(fs, args); err != nil {
		return err
	}
	assoc := ""
	if association != nil {
		if *association == "" {
			return fmt.Errorf("%s: -association is required", name)
		}
		assoc = *association
	}

	store, err := openForAdmin(*dataFile)
	if err != nil {
		return err
	}
	defer store.Close()
	secret, t, err := server.IssueNamedToken(context.Background(), store, role, assoc, *holder, time.Now())
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(stderr, "issued %s token %s; it is shown once below and cannot be shown again\n", role, t.ID)
	fmt.Fprintln(stdout, secret)
	return nil
}

func revokeToken(args []string, stdout, stderr io.Writer) error {
	fs, dataFile := newFlags("revoke-token", stderr)
	id := fs.String("id", "", "token `id` as list-associations shows it")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id == "" {
		return errors.New("revoke-token: -id is required")
	}

	store, err := openForAdmin(*dataFile)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.RevokeToken(context.Background(), *id, time.Now()); err != nil {
		return fmt.Errorf("revoke-token: %w", err)
	}
	fmt.Fprintf(stdout, "revoked token %s\n", *id)
	return nil
}

func listAssociations(args []string, stdout, stderr io.Writer) error {
	fs, dataFile := newFlags("list-associations", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}

	store, err := openForAdmin(*dataFile)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	associations, err := store.Associations(ctx)
	if err != nil {
		return fmt.Errorf("list-associations: %w", err)
	}
	tokens, err := store.Tokens(ctx)
	if err != nil {
		return fmt.Errorf("list-associations: %w", err)
	}

	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tTOKENS")
	for _, a := range associations {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.ID, a.Name, tokenList(tokens, a.ID))
	}
	fmt.Fprintf(tw, "(coordinator)\t\t%s\n", tokenList(tokens, ""))
	return tw.Flush()
}

// tokenList describes the tokens of one association ("" for the
// coordinator's) by id, marking revoked ones.
func tokenList(tokens []server.Token, association string) string {
	var ids []string
	for _, t := range tokens {
		if t.Association != association {
			continue
		}
		id := t.ID
		if t.Name != "" {
			id += " " + strconv.Quote(t.Name)
		}
		if !t.Revoked.IsZero() {
			id += " (revoked " + t.Revoked.Format("2006-01-02") + ")"
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ", ")
}
