package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"partneryste/assets"
	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/jsonio"
	"partneryste/data/sample"
	"partneryste/ui"
)

// commands are the headless subcommands, by name.
var commands = map[string]func(*cli) int{
	"import":  (*cli).runImport,
	"export":  (*cli).runExport,
	"backup":  (*cli).runBackup,
	"backups": (*cli).runBackups,
	"restore": (*cli).runRestore,
	"counts":  (*cli).runCounts,
	"sample":  (*cli).runSample,
	"help":    (*cli).runHelp,
}

// RunCommand runs a headless subcommand when args[0] names one, and
// returns handled=true with the exit code: 0 on success, 1 on failure, 2
// for a usage error. Results go to stdout, and messages about failures to
// stderr, translated. It returns handled=false when args is empty or
// args[0] is not a command, so that the caller starts the UI instead.
func RunCommand(args []string, stdout, stderr io.Writer) (handled bool, code int) {
	if len(args) == 0 {
		return false, 0
	}
	run, ok := commands[args[0]]
	if !ok {
		return false, 0
	}
	c := &cli{name: args[0], args: args[1:], stdout: stdout, stderr: stderr}
	return true, run(c)
}

// unknownCommandError is the first argument that is neither a flag nor a
// command, which the desktop program does not take.
type unknownCommandError struct {
	name string
}

func (e unknownCommandError) Error() string {
	return fmt.Sprintf("unknown command %q: the desktop program takes only flags", e.name)
}

// reportUnknownCommand prints the translated message for an unknown
// command, with the closest command name when one is near, and the hint to
// run help. It returns the exit code for a usage error.
func reportUnknownCommand(stderr io.Writer, name, language string) int {
	if err := LoadTranslations(language); err != nil {
		_ = LoadTranslations("")
	}
	values := map[string]any{"Command": name}
	key := "cli.usage.unknown_command"
	if suggestion := closestCommand(name); suggestion != "" {
		values["Suggestion"] = suggestion
		key = "cli.usage.unknown_command_suggest"
	}
	fmt.Fprintln(stderr, "partneryste: "+ui.T(key, values))
	fmt.Fprintln(stderr, ui.T("cli.usage.hint"))
	return exitUsage
}

// closestCommand returns the nearest command within two edits of name, or
// "" when none is that near. Of equally near commands it returns the one
// that sorts first.
func closestCommand(name string) string {
	best, bestDistance := "", 3
	for command := range commands {
		d := editDistance(name, command)
		if d < bestDistance || (d == bestDistance && command < best) {
			best, bestDistance = command, d
		}
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	previous := make([]int, len(rb)+1)
	current := make([]int, len(rb)+1)
	for j := range previous {
		previous[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		current[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			current[j] = min(previous[j]+1, current[j-1]+1, previous[j-1]+cost)
		}
		previous, current = current, previous
	}
	return previous[len(rb)]
}

// cli is one run of a headless command.
type cli struct {
	name           string
	args           []string
	stdout, stderr io.Writer

	flags    *flag.FlagSet
	dataPath string
	profile  string
	language string

	paths Paths
	log   *slog.Logger
}

// parse parses the command's flags, wherever they stand among the
// arguments, loads the translations and resolves the data paths. It
// returns the positional arguments, or ok=false with the exit code after
// printing the problem (0 for -h, which prints the help).
func (c *cli) parse(setup func(*flag.FlagSet), minArgs, maxArgs int) (positional []string, code int, ok bool) {
	c.flags = flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags.SetOutput(io.Discard)
	c.flags.StringVar(&c.dataPath, "data", "", "path of the data file")
	c.flags.StringVar(&c.profile, "profile", DefaultProfile, "profile name")
	c.flags.StringVar(&c.language, "lang", "", "language of the messages: lt or en")
	if setup != nil {
		setup(c.flags)
	}

	positional, parseErr := parseInterspersed(c.flags, c.args)
	if err := LoadTranslations(c.language); err != nil {
		_ = LoadTranslations("")
		c.usageError(ui.T("cli.usage.bad_language", map[string]any{"Language": c.language}))
		return nil, exitUsage, false
	}
	c.log = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	switch {
	case errors.Is(parseErr, flag.ErrHelp):
		c.printHelp()
		return nil, exitOK, false
	case parseErr != nil:
		c.usageError(ui.T("cli.usage.bad_flag", map[string]any{"Error": parseErr.Error()}))
		return nil, exitUsage, false
	case len(positional) < minArgs || len(positional) > maxArgs:
		c.usageError(ui.T("cli.usage.arguments", map[string]any{"Usage": ui.T("cli.usage." + c.name)}))
		return nil, exitUsage, false
	}

	paths, err := ResolvePaths(c.dataPath, c.profile)
	if err != nil {
		c.usageError(ui.T("cli.usage.bad_profile", map[string]any{"Profile": c.profile}))
		return nil, exitUsage, false
	}
	c.paths = paths
	return positional, exitOK, true
}

// parseInterspersed parses flags placed before, between or after the
// positional arguments, as in "import file.json -data x.db".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// println writes one result line to stdout.
func (c *cli) println(text string) {
	fmt.Fprintln(c.stdout, text)
}

// errorln writes one message to stderr, prefixed with the program's name.
func (c *cli) errorln(text string) {
	fmt.Fprintln(c.stderr, "partneryste: "+text)
}

func (c *cli) usageError(text string) {
	c.errorln(text)
	fmt.Fprintln(c.stderr, ui.T("cli.usage.hint"))
}

// fail prints the translated message for err and returns exit code 1.
// Errors without a message of their own are shown in English as a cause.
func (c *cli) fail(err error) int {
	path := map[string]any{"Path": c.paths.Data}
	switch {
	case errors.Is(err, data.ErrNotDataFile):
		c.errorln(exportFileText(err))
	case errors.Is(err, data.ErrLocked):
		c.errorln(ui.T("cli.error.locked", path))
	case errors.Is(err, data.ErrDamaged):
		c.errorln(ui.T("cli.error.damaged", path))
	case errors.Is(err, data.ErrTooNew):
		c.errorln(ui.T("cli.error.too_new", path))
	default:
		c.errorln(ui.T("cli.error.failed", map[string]any{"Error": err.Error()}))
	}
	return exitFailure
}

// exportFileText returns the translated message for err when it is about
// an export file given in place of a data file, and "" otherwise. The
// message names the command that imports the file.
func exportFileText(err error) string {
	var notData *boltstore.NotDataFileError
	if !errors.As(err, &notData) {
		return ""
	}
	return ui.T("cli.error.export_file."+notData.Format, map[string]any{"Path": notData.Path})
}

// openStore opens the data file. Commands that only read pass mustExist, so
// that a mistyped -data path is reported instead of creating an empty file.
func (c *cli) openStore(mustExist bool) (*boltstore.DB, error) {
	opts := boltstore.Options{Logger: c.log, BackupDir: c.paths.Backups}
	if mustExist {
		if _, err := os.Stat(c.paths.Data); errors.Is(err, fs.ErrNotExist) {
			return nil, errNoDataFile
		}
		// Reading never needs the automatic backup a writing command gets.
		opts.AutoBackupEvery = -1
	}
	return boltstore.Open(c.paths.Data, opts)
}

var errNoDataFile = errors.New("data file does not exist")

// openOrFail opens the store, or prints the failure and returns nil.
func (c *cli) openOrFail(mustExist bool) *boltstore.DB {
	store, err := c.openStore(mustExist)
	switch {
	case errors.Is(err, errNoDataFile):
		c.errorln(ui.T("cli.error.no_data_file", map[string]any{"Path": c.paths.Data}))
		return nil
	case err != nil:
		c.fail(err)
		return nil
	}
	return store
}

func (c *cli) closeStore(store *boltstore.DB) {
	if err := store.Close(); err != nil {
		c.log.Error("close data file", "data_file", c.paths.Data, "err", err)
	}
}

func (c *cli) runImport() int {
	args, code, ok := c.parse(nil, 1, 1)
	if !ok {
		return code
	}

	file, err := readImportFile(args[0])
	if err != nil {
		var ierr *jsonio.ImportError
		if errors.As(err, &ierr) {
			c.printProblems(args[0], ierr)
			return exitFailure
		}
		c.errorln(readFailedText(args[0], err))
		return exitFailure
	}

	store := c.openOrFail(false)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	res, err := jsonio.Import(store, file)
	if err != nil {
		var ierr *jsonio.ImportError
		if errors.As(err, &ierr) {
			c.printProblems(args[0], ierr)
			return exitFailure
		}
		return c.fail(err)
	}
	c.printResult(res)
	if res.ProfileNamed {
		profile, err := store.Profile()
		if err == nil {
			c.println(ui.T("cli.import.profile_named", map[string]any{"Name": profile.Name}))
		}
	}
	return exitOK
}

// readInput calls read with the named file, or standard input for "-".
func readInput(name string, read func(io.Reader) error) error {
	if name == "-" {
		return read(os.Stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// Opening a folder succeeds on Linux and macOS, and only the read fails.
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return fmt.Errorf("read %s: %w", name, errIsDirectory)
	}
	return read(f)
}

// readImportFile decodes the named file, or standard input for "-".
func readImportFile(name string) (*jsonio.File, error) {
	var file *jsonio.File
	err := readInput(name, func(r io.Reader) error {
		var err error
		file, err = jsonio.Decode(r)
		return err
	})
	return file, err
}

var errIsDirectory = errors.New("is a directory")

// readFailedText returns the translated message for a file that could not
// be read. A missing file, a missing permission and a folder have messages
// of their own. Other errors are shown in English as the cause.
func readFailedText(name string, err error) string {
	values := map[string]any{"File": name, "Error": err.Error()}
	switch {
	case name == "-":
		return ui.T("cli.import.read_failed_stdin", values)
	case errors.Is(err, fs.ErrNotExist):
		return ui.T("cli.file.not_found", values)
	case errors.Is(err, fs.ErrPermission):
		return ui.T("cli.file.permission_denied", values)
	case errors.Is(err, errIsDirectory):
		return ui.T("cli.file.is_directory", values)
	}
	return ui.T("cli.import.read_failed", values)
}

func (c *cli) printResult(res jsonio.Result) {
	c.println(ui.T("cli.import.done", map[string]any{
		"Created":   tallyText(res.Created),
		"Updated":   tallyText(res.Updated),
		"Unchanged": tallyText(res.Unchanged),
	}))
	if res.Skipped > 0 {
		c.println(ui.T("cli.import.skipped", map[string]any{"Count": res.Skipped}))
	}
}

// tallyText returns counts such as "2 renginiai, 1 gerosios patirties
// aprašas, 0 konsultacijų" with the plural form of each number.
func tallyText(t jsonio.Tally) string {
	return strings.Join([]string{
		ui.TN("cli.tally.events", t.Events),
		ui.TN("cli.tally.practice_cases", t.PracticeCases),
		ui.TN("cli.tally.consultations", t.Consultations),
	}, ", ")
}

// printProblems prints every problem of a rejected import file, each with
// its line, record and translated field.
func (c *cli) printProblems(file string, ierr *jsonio.ImportError) {
	key := "cli.import.rejected"
	if file == "-" {
		key = "cli.import.rejected_stdin"
	}
	c.errorln(ui.TN(key, len(ierr.Problems), map[string]any{"Count": len(ierr.Problems), "File": file}))
	for _, p := range ierr.Problems {
		fmt.Fprintln(c.stderr, "  "+ProblemText(p))
	}
}

// ProblemText returns the translated message for one problem of an import
// file: where it is (line, record number) and what to fix.
func ProblemText(p jsonio.Problem) string {
	message := problemMessage(p)
	if p.Section == "" {
		if p.Line == 0 {
			return message
		}
		return ui.T("import.problem.file", map[string]any{"Line": p.Line, "Message": message})
	}
	record := ui.T("import.record."+p.Section, map[string]any{"Number": p.Index + 1})
	return ui.T("import.problem.record", map[string]any{"Line": p.Line, "Record": record, "Message": message})
}

func problemMessage(p jsonio.Problem) string {
	values := map[string]any{"Field": p.Field, "Limit": p.Limit, "Line": p.Line, "Column": p.Column}
	switch {
	case p.Section == "":
		if key := "field.file." + p.Field; hasMessage(key) {
			values["Field"] = ui.T(key)
		}
		// File problems have messages of their own where the record
		// message would not fit, such as a syntax error with its column.
		if key := "import.error." + p.Code; hasMessage(key) {
			return ui.T(key, values)
		}
	case p.Field == "" && p.Code == data.CodeInvalidValue:
		return ui.T("import.error.record_not_object")
	case p.Code != data.CodeUnknownField:
		values["Field"] = ui.FieldName(p.Kind(), p.Field)
	}
	return ui.T("error."+p.Code, values)
}

var (
	dataKeysOnce sync.Once
	dataKeys     map[string]json.RawMessage
)

// hasMessage reports whether the data catalogs have key. Looking a missing
// key up through lang would log a translation failure.
func hasMessage(key string) bool {
	dataKeysOnce.Do(func() {
		raw, err := assets.Translations.ReadFile(assets.TranslationsDir + "/data.en.json")
		if err == nil {
			err = json.Unmarshal(raw, &dataKeys)
		}
		if err != nil {
			slog.Error("read data catalog", "err", err)
		}
	})
	_, ok := dataKeys[key]
	return ok
}

func (c *cli) runExport() int {
	var personal bool
	var output string
	_, code, ok := c.parse(func(fs *flag.FlagSet) {
		fs.BoolVar(&personal, "personal", false, "include the requesters' personal data")
		fs.StringVar(&output, "o", "", "output file (default: standard output)")
	}, 0, 0)
	if !ok {
		return code
	}

	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	opts := jsonio.ExportOptions{IncludePersonal: personal}
	if output == "" || output == "-" {
		if err := jsonio.Export(c.stdout, store, opts); err != nil {
			return c.fail(err)
		}
	} else {
		f, err := jsonio.Collect(store, opts)
		if err != nil {
			return c.fail(err)
		}
		if err := writeFileAtomic(output, personal, func(w io.Writer) error { return jsonio.Write(w, f) }); err != nil {
			return c.fail(err)
		}
		c.println(ui.T("cli.export.done", map[string]any{
			"Path":    output,
			"Records": tallyText(jsonio.Tally{Events: len(f.Events), PracticeCases: len(f.PracticeCases), Consultations: len(f.Consultations)}),
		}))
	}
	if personal {
		c.errorln(ui.T("cli.export.personal_warning"))
	}
	return exitOK
}

// writeFileAtomic writes a file through a temporary file in the same
// folder and a rename, so that a failed export never leaves half a file.
// A file with personal data is readable by its owner only.
func writeFileAtomic(path string, private bool, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create export file: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename

	mode := os.FileMode(0o644)
	if private {
		mode = 0o600
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("set export file mode: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write export file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write export file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write export file: %w", err)
	}
	return nil
}

func (c *cli) runBackup() int {
	if _, code, ok := c.parse(nil, 0, 0); !ok {
		return code
	}
	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	info, err := store.Backup()
	if err != nil {
		return c.fail(err)
	}
	c.println(info.Path)
	return exitOK
}

func (c *cli) runBackups() int {
	if _, code, ok := c.parse(nil, 0, 0); !ok {
		return code
	}
	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	backups, err := store.Backups()
	if err != nil {
		return c.fail(err)
	}
	if len(backups) == 0 {
		c.errorln(ui.T("cli.backups.none", map[string]any{"Path": c.paths.Data, "Folder": c.paths.Backups}))
		return exitOK
	}
	for _, b := range backups {
		kib := (b.Size + 1023) / 1024
		// The zone name (EET or EEST) sets the time apart from the UTC
		// time in the file name.
		fmt.Fprintf(c.stdout, "%s  %8d KiB  %s\n", b.Created.In(data.Vilnius).Format("2006-01-02 15:04:05 MST"), kib, b.Path)
	}
	return exitOK
}

func (c *cli) runRestore() int {
	args, code, ok := c.parse(nil, 1, 1)
	if !ok {
		return code
	}
	backup := c.findBackup(args[0])
	if _, err := os.Stat(backup); err != nil {
		c.errorln(ui.T("cli.restore.no_backup", map[string]any{"Path": backup}))
		return exitFailure
	}

	result, err := boltstore.RestoreBackup(backup, c.paths.Data, boltstore.Options{Logger: c.log, BackupDir: c.paths.Backups})
	switch {
	case err == nil && result.KeptPath == "":
		c.println(ui.T("cli.restore.done_new", map[string]any{"Backup": backup, "Path": c.paths.Data}))
		return exitOK
	case err == nil:
		c.println(ui.T("cli.restore.done", map[string]any{"Backup": backup, "Kept": result.KeptPath}))
		return exitOK
	case errors.Is(err, data.ErrLocked):
		c.errorln(ui.T("cli.restore.locked", map[string]any{"Path": c.paths.Data}))
	case errors.Is(err, data.ErrNotDataFile):
		c.errorln(exportFileText(err))
	case errors.Is(err, data.ErrDamaged):
		c.errorln(ui.T("cli.restore.bad_backup", map[string]any{"Backup": backup}))
	case errors.Is(err, data.ErrTooNew):
		c.errorln(ui.T("cli.restore.too_new", map[string]any{"Backup": backup}))
	default:
		return c.fail(err)
	}
	return exitFailure
}

// findBackup returns name as given when it exists, else the file of that
// name in the profile's backup folder, so that a name from "backups" works
// on its own.
func (c *cli) findBackup(name string) string {
	if _, err := os.Stat(name); err == nil || filepath.Base(name) != name {
		return name
	}
	return filepath.Join(c.paths.Backups, name)
}

func (c *cli) runCounts() int {
	var asJSON bool
	if _, code, ok := c.parse(func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print the counts as JSON")
	}, 0, 0); !ok {
		return code
	}
	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	counts, err := store.Counts()
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		if err := json.NewEncoder(c.stdout).Encode(counts); err != nil {
			return c.fail(err)
		}
		return exitOK
	}
	for _, line := range []struct {
		key   string
		count int
	}{
		{"cli.counts.events", counts.Events},
		{"cli.counts.practice_cases", counts.PracticeCases},
		{"cli.counts.consultations", counts.Consultations},
		{"cli.counts.outbox", counts.Outbox},
	} {
		c.println(ui.T(line.key, map[string]any{"Count": line.count}))
	}
	return exitOK
}

func (c *cli) runSample() int {
	if _, code, ok := c.parse(nil, 0, 0); !ok {
		return code
	}
	store := c.openOrFail(false)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	res, err := sample.Load(store)
	if err != nil {
		return c.fail(err)
	}
	c.printResult(res)
	return exitOK
}

func (c *cli) runHelp() int {
	if _, code, ok := c.parse(nil, 0, 1); !ok {
		return code
	}
	c.printHelp()
	return exitOK
}

func (c *cli) printHelp() {
	fmt.Fprintln(c.stdout, ui.T("cli.help", map[string]any{"EnvData": EnvData, "DefaultProfile": DefaultProfile}))
}
