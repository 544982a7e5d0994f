package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/interop"
	"partneryste/data/interop/ical"
	"partneryste/data/interop/table"
	"partneryste/data/jsonio"
	"partneryste/ui"
)

// The calendar and spreadsheet commands join the headless commands here,
// so that cli.go keeps one list of its own.
func init() {
	commands["export-ics"] = (*cli).runExportICS
	commands["import-ics"] = (*cli).runImportICS
	commands["export-csv"] = func(c *cli) int { return c.runExportTable(false) }
	commands["export-xlsx"] = func(c *cli) int { return c.runExportTable(true) }
	commands["import-csv"] = func(c *cli) int { return c.runImportTable(false) }
	commands["import-xlsx"] = func(c *cli) int { return c.runImportTable(true) }
}

// Values of -what.
const (
	whatEvents        = "events"
	whatCases         = "cases"
	whatConsultations = "consultations"
)

func (c *cli) runExportICS() int {
	var output string
	_, code, ok := c.parse(func(fs *flag.FlagSet) {
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

	events, err := store.Events(data.EventFilter{})
	if err != nil {
		return c.fail(err)
	}
	profile, err := store.Profile()
	if err != nil {
		return c.fail(err)
	}
	write := func(w io.Writer) error {
		return ical.Export(w, events, ical.ExportOptions{Name: profile.Name})
	}
	if err := c.writeOutput(output, false, write); err != nil {
		return c.fail(err)
	}
	if output != "" && output != "-" {
		c.println(ui.T("cli.export.done", map[string]any{"Path": output, "Records": ui.TN("cli.tally.events", len(events))}))
	}
	return exitOK
}

func (c *cli) runImportICS() int {
	args, code, ok := c.parse(nil, 1, 1)
	if !ok {
		return code
	}
	var events []data.Event
	var problems []interop.Problem
	err := readInput(args[0], func(r io.Reader) error {
		var err error
		events, problems, err = ical.ImportICS(r)
		return err
	})
	if err != nil {
		return c.fileFailed(args[0], data.KindEvent, err)
	}
	if len(problems) > 0 {
		c.printInteropProblems(args[0], data.KindEvent, problems)
		return exitFailure
	}
	return c.saveImported(args[0], data.KindEvent, &jsonio.File{Events: events})
}

// runExportTable runs export-csv, or export-xlsx when xlsx is true.
func (c *cli) runExportTable(xlsx bool) int {
	var output, what string
	var personal bool
	_, code, ok := c.parse(func(fs *flag.FlagSet) {
		fs.StringVar(&what, "what", "", "what to export: events, cases or consultations")
		fs.BoolVar(&personal, "personal", false, "include the requesters' personal data (consultations)")
		fs.StringVar(&output, "o", "", "output file (default: standard output)")
	}, 0, 0)
	if !ok {
		return code
	}
	if !c.checkWhat(what, whatEvents, whatCases, whatConsultations) {
		return exitUsage
	}
	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	t, err := buildTable(store, what, personal)
	if err != nil {
		return c.fail(err)
	}
	write := func(w io.Writer) error { return table.WriteCSV(w, t) }
	if xlsx {
		write = func(w io.Writer) error { return table.WriteXLSX(w, t) }
	}
	private := personal && what == whatConsultations
	if err := c.writeOutput(output, private, write); err != nil {
		return c.fail(err)
	}
	if output != "" && output != "-" {
		c.println(ui.T("cli.export.done", map[string]any{"Path": output, "Records": tableTally(what, len(t.Rows))}))
	}
	if private {
		c.errorln(ui.T("cli.export.personal_warning"))
	}
	return exitOK
}

// translate looks table headers and labels up in the catalogs of the
// command's language.
func translate(key string) string { return ui.T(key) }

// buildTable reads the records that -what names into a table.
func buildTable(store *boltstore.DB, what string, personal bool) (table.Table, error) {
	switch what {
	case whatEvents:
		events, err := store.Events(data.EventFilter{})
		if err != nil {
			return table.Table{}, err
		}
		return table.EventsTable(events, translate), nil
	case whatConsultations:
		consultations, err := store.Consultations(data.ConsultationFilter{})
		if err != nil {
			return table.Table{}, err
		}
		return table.ConsultationsTable(consultations, personal, translate), nil
	}
	summaries, err := store.PracticeCases(data.CaseFilter{})
	if err != nil {
		return table.Table{}, err
	}
	cases := make([]data.PracticeCase, 0, len(summaries))
	for _, s := range summaries {
		pc, err := store.PracticeCase(s.ID)
		if err != nil {
			return table.Table{}, fmt.Errorf("read practice case %s: %w", s.ID, err)
		}
		cases = append(cases, pc)
	}
	return table.CasesTable(cases, translate), nil
}

func tableTally(what string, n int) string {
	switch what {
	case whatEvents:
		return ui.TN("cli.tally.events", n)
	case whatCases:
		return ui.TN("cli.tally.practice_cases", n)
	}
	return ui.TN("cli.tally.consultations", n)
}

// runImportTable runs import-csv, or import-xlsx when xlsx is true.
func (c *cli) runImportTable(xlsx bool) int {
	var what string
	var skipBad bool
	args, code, ok := c.parse(func(fs *flag.FlagSet) {
		fs.StringVar(&what, "what", "", "what the file holds: events or consultations")
		fs.BoolVar(&skipBad, "skip-bad", false, "import the good rows and skip the bad ones")
	}, 1, 1)
	if !ok {
		return code
	}
	if !c.checkWhat(what, whatEvents, whatConsultations) {
		return exitUsage
	}

	file := &jsonio.File{}
	var problems []interop.Problem
	kind := data.KindEvent
	if what == whatConsultations {
		kind = data.KindConsultation
	}
	err := readInput(args[0], func(r io.Reader) error {
		var err error
		switch {
		case kind == data.KindEvent && xlsx:
			file.Events, problems, err = table.ImportEventsXLSX(r)
		case kind == data.KindEvent:
			file.Events, problems, err = table.ImportEventsCSV(r)
		case xlsx:
			file.Consultations, problems, err = table.ImportConsultationsXLSX(r)
		default:
			file.Consultations, problems, err = table.ImportConsultationsCSV(r)
		}
		return err
	})
	if err != nil {
		// A bad header is such an error too, so -skip-bad, which skips
		// rows, never imports a file with an unknown or missing column.
		return c.fileFailed(args[0], kind, err)
	}

	good := len(file.Events) + len(file.Consultations)
	if len(problems) > 0 && (!skipBad || good == 0) {
		c.printInteropProblems(args[0], kind, problems)
		if good > 0 {
			fmt.Fprintln(c.stderr, ui.T("interop.cli.skip_hint"))
		}
		return exitFailure
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(c.stderr, "  "+InteropProblemText(kind, p))
		}
		c.errorln(ui.TN("interop.cli.skipped", badRows(problems)))
	}
	return c.saveImported(args[0], kind, file)
}

// badRows counts the rows that have problems.
func badRows(problems []interop.Problem) int {
	var rows []int
	for _, p := range problems {
		if p.Row > 1 && !slices.Contains(rows, p.Row) {
			rows = append(rows, p.Row)
		}
	}
	return len(rows)
}

// checkWhat reports whether -what is one of allowed, after printing a
// usage error when it is not.
func (c *cli) checkWhat(what string, allowed ...string) bool {
	if slices.Contains(allowed, what) {
		return true
	}
	c.usageError(ui.T("interop.cli.bad_what", map[string]any{"What": what, "Allowed": strings.Join(allowed, ", ")}))
	return false
}

// saveImported writes the records of kind through the JSON importer,
// which validates them all first and writes nothing when one is invalid.
func (c *cli) saveImported(name string, kind data.Kind, file *jsonio.File) int {
	store := c.openOrFail(false)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	res, err := jsonio.Import(store, file)
	if err != nil {
		var ierr *jsonio.ImportError
		if errors.As(err, &ierr) {
			c.printProblems(name, ierr)
			return exitFailure
		}
		return c.fail(err)
	}
	c.println(ImportResultText(kind, res))
	return exitOK
}

// ImportResultText returns the summary of a calendar or table import,
// which counts only the records of kind, the one kind such a file holds.
func ImportResultText(kind data.Kind, res jsonio.Result) string {
	tally := func(t jsonio.Tally) string {
		switch kind {
		case data.KindConsultation:
			return ui.TN("cli.tally.consultations", t.Consultations)
		case data.KindPractice:
			return ui.TN("cli.tally.practice_cases", t.PracticeCases)
		}
		return ui.TN("cli.tally.events", t.Events)
	}
	return ui.T("interop.cli.done", map[string]any{
		"Created":   tally(res.Created),
		"Updated":   tally(res.Updated),
		"Unchanged": tally(res.Unchanged),
	})
}

// writeOutput writes to the named file through a temporary file, or to
// standard output when name is "" or "-".
func (c *cli) writeOutput(name string, private bool, write func(io.Writer) error) error {
	if name == "" || name == "-" {
		return write(c.stdout)
	}
	return writeFileAtomic(name, private, write)
}

// fileFailed prints why a file of records of kind could not be read, with
// every column problem of a bad header and the accepted headers, and
// returns exit code 1.
func (c *cli) fileFailed(name string, kind data.Kind, err error) int {
	var ferr *interop.FileError
	if !errors.As(err, &ferr) {
		// The file could not be opened or read at all.
		c.errorln(readFailedText(name, err))
		return exitFailure
	}
	c.errorln(ui.T("interop.cli.file_error", map[string]any{"File": name}))
	fmt.Fprintln(c.stderr, "  "+FileErrorText(ferr))
	for _, p := range ferr.Problems {
		fmt.Fprintln(c.stderr, "  "+InteropProblemText(kind, p))
	}
	if len(ferr.Columns) > 0 {
		c.errorln(ui.AcceptedColumnsText(kind, ferr.Columns))
	}
	return exitFailure
}

// printInteropProblems prints every problem of a rejected file.
func (c *cli) printInteropProblems(name string, kind data.Kind, problems []interop.Problem) {
	c.errorln(ui.TN("interop.cli.rejected", len(problems), map[string]any{"Count": len(problems), "File": name}))
	for _, p := range problems {
		fmt.Fprintln(c.stderr, "  "+InteropProblemText(kind, p))
	}
}

// InteropProblemText returns the translated message for one problem of a
// calendar or spreadsheet import, as the dialogs show it.
func InteropProblemText(kind data.Kind, p interop.Problem) string {
	return ui.InteropProblemText(kind, p)
}

// FileErrorText returns the translated message for a file that cannot be
// read at all.
func FileErrorText(e *interop.FileError) string { return ui.FileErrorText(e) }
