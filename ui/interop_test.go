package ui

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"partneryste/data"
)

// saveInteropEvents stores a timed event, an all-day event over three days
// and a public event with every text field, and returns them as stored.
func saveInteropEvents(t *testing.T, env *Env) []data.Event {
	t.Helper()
	day := data.Date{Year: 2026, Month: time.December, Day: 8}
	timed := newTimedEvent("Matematikos seminaras „Šaknys“", vilniusTime(day, 15, 0), vilniusTime(day, 16, 30))
	timed.Place = "Vilniaus licėjus, 12 kab."
	timed.Description = "Pirma eilutė\nAntra eilutė; su kabliataškiu, ir kableliu"
	allDay := &data.Event{
		Title: "Žiemos akademija", Type: data.EventCourse, AllDay: true,
		StartDate: day.AddDays(7), EndDate: day.AddDays(9), Place: "Trakai",
	}
	public := newTimedEvent("Nuotolinis susitikimas", vilniusTime(day.AddDays(1), 18, 0), vilniusTime(day.AddDays(1), 19, 0))
	public.OnlineURL = "https://meet.example.lt/abc"
	public.RegistrationURL = "https://forms.example.lt/r"
	public.Audience = "Fizikos mokytojai"
	public.Public = true
	for _, ev := range []*data.Event{timed, allDay, public} {
		saveCalendarEvent(t, env, ev)
	}
	events, err := env.Store.Events(data.EventFilter{})
	if err != nil {
		t.Fatalf("list events: %v", err)
	}
	return events
}

// eventContent returns ev without the bookkeeping the store assigns, with
// times in one zone so that equal instants compare equal.
func eventContent(ev data.Event) data.Event {
	ev.Meta = data.Meta{ID: ev.ID}
	if !ev.AllDay {
		ev.Start = ev.Start.In(time.UTC)
		ev.End = ev.End.In(time.UTC)
	}
	return ev
}

// storedEvents returns the content of every stored event, by id.
func storedEvents(t *testing.T, store data.Store) map[string]data.Event {
	t.Helper()
	events, err := store.Events(data.EventFilter{})
	if err != nil {
		t.Fatalf("list events: %v", err)
	}
	byID := map[string]data.Event{}
	for _, ev := range events {
		byID[ev.ID] = eventContent(ev)
	}
	return byID
}

// waitImport starts importing path and waits until its outcome is on the
// screen.
func waitImport(t *testing.T, a *interopActions, path string, parse parseFunc) {
	t.Helper()
	if !a.importFile(path, parse) {
		t.Fatal("import did not start")
	}
	<-a.parsed
}

func TestInterop_eventsRoundTrip(t *testing.T) {
	formats := []struct {
		format fileFormat
		write  func(*calendarScreen) func(io.Writer) error
		parse  parseFunc
	}{
		{formatICS, func(s *calendarScreen) func(io.Writer) error { return s.writeICS("") }, parseEventsICS},
		{formatCSV, func(s *calendarScreen) func(io.Writer) error { return s.writeEventsTable(formatCSV) }, parseEventsCSV},
		{formatXLSX, func(s *calendarScreen) func(io.Writer) error { return s.writeEventsTable(formatXLSX) }, parseEventsXLSX},
	}
	for _, f := range formats {
		t.Run(string(f.format), func(t *testing.T) {
			source, sourceEnv := newCalendarTestScreen(t)
			want := saveInteropEvents(t, sourceEnv)
			path := filepath.Join(t.TempDir(), "renginiai"+f.format.extension())
			if err := source.interop.export(path, false, f.write(source)); err != nil {
				t.Fatalf("export: %v", err)
			}
			if !strings.Contains(source.interop.message, path) {
				t.Errorf("export message %q does not name %s", source.interop.message, path)
			}

			target, targetEnv := newCalendarTestScreen(t)
			waitImport(t, target.interop, path, f.parse)
			if target.interop.problems != nil {
				t.Fatalf("import found problems: %q", target.interop.problemLines)
			}
			got := storedEvents(t, targetEnv.Store)
			if len(got) != len(want) {
				t.Fatalf("fresh store holds %d events, want %d", len(got), len(want))
			}
			for _, ev := range want {
				if g, ok := got[ev.ID]; !ok {
					t.Errorf("event %q (%s) was not imported", ev.Title, ev.ID)
				} else if g != eventContent(ev) {
					t.Errorf("imported event differs:\n got %+v\nwant %+v", g, eventContent(ev))
				}
			}
			if !slices.Contains(calendarListTitles(target), "Žiemos akademija") {
				t.Errorf("calendar list after import shows %q", calendarListTitles(target))
			}
		})
	}
}

func TestInterop_exportOpenEventOnly(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	events := saveInteropEvents(t, env)
	if slices.ContainsFunc(s.interopItems(), func(item *fyne.MenuItem) bool {
		return item.Label == T("interopui.export_event_ics") && !item.Disabled
	}) {
		t.Error("open event export is offered with the editor closed")
	}

	s.openEvent(events[0].ID)
	path := filepath.Join(t.TempDir(), "renginys.ics")
	if err := s.interop.export(path, false, s.writeICS(s.openEventID())); err != nil {
		t.Fatalf("export: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read export: %v", err)
	}
	if n := strings.Count(string(raw), "BEGIN:VEVENT"); n != 1 {
		t.Errorf("export holds %d events, want the open one", n)
	}
	if !strings.Contains(string(raw), "SUMMARY:") || !strings.Contains(string(raw), events[0].ID) {
		t.Errorf("export lacks the open event %s:\n%s", events[0].ID, raw)
	}
}

// badEventsCSV is an events table with one good row and one with an
// invalid start date and a missing title.
const badEventsCSV = "Pavadinimas;Tipas;Visą dieną;Pradžios data;Pradžios laikas;Pabaigos data;Pabaigos laikas\n" +
	"Geras seminaras;Seminaras;Ne;2026-12-08;10:00;2026-12-08;12:00\n" +
	";Seminaras;Ne;2026-13-45;10:00;2026-12-08;12:00\n"

func TestInterop_badCSVStoresNothing(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	path := filepath.Join(t.TempDir(), "renginiai.csv")
	if err := os.WriteFile(path, []byte(badEventsCSV), 0o644); err != nil {
		t.Fatal(err)
	}

	waitImport(t, s.interop, path, parseEventsCSV)
	if s.interop.problems == nil {
		t.Fatal("import of a bad row showed no problems")
	}
	lines := strings.Join(s.interop.problemLines, "\n")
	if !strings.Contains(lines, T("interop.where.row", map[string]any{"Row": 3})) {
		t.Errorf("problems do not name row 3:\n%s", lines)
	}
	if !strings.Contains(lines, "„Pradžios data“") {
		t.Errorf("problems do not name the start date field in Lithuanian:\n%s", lines)
	}
	if n := len(storedEvents(t, env.Store)); n != 0 {
		t.Errorf("store holds %d events while the problems show, want 0", n)
	}

	test.Tap(s.interop.cancel)
	if n := len(storedEvents(t, env.Store)); n != 0 {
		t.Errorf("store holds %d events after Import nothing, want 0", n)
	}
	if s.interop.busy {
		t.Error("import stays busy after Import nothing")
	}

	// A second try, skipping the bad row, saves the good one.
	waitImport(t, s.interop, path, parseEventsCSV)
	if s.interop.skip.Text != "Praleisti klaidingas eilutes" {
		t.Errorf("skip button reads %q", s.interop.skip.Text)
	}
	test.Tap(s.interop.skip)
	got := storedEvents(t, env.Store)
	if len(got) != 1 {
		t.Fatalf("store holds %d events after skipping, want 1", len(got))
	}
	for _, ev := range got {
		if ev.Title != "Geras seminaras" {
			t.Errorf("stored %q, want the good row", ev.Title)
		}
	}
}

func TestInterop_allBadOffersNoSkip(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	path := filepath.Join(t.TempDir(), "renginiai.csv")
	header, rest, _ := strings.Cut(badEventsCSV, "\n")
	_, badRow, _ := strings.Cut(rest, "\n")
	if err := os.WriteFile(path, []byte(header+"\n"+badRow), 0o644); err != nil {
		t.Fatal(err)
	}
	waitImport(t, s.interop, path, parseEventsCSV)
	if s.interop.problems == nil {
		t.Fatal("no problems shown")
	}
	if s.interop.skip.Visible() {
		t.Error("skip is offered although no row is good")
	}
}

func TestInterop_unreadableFileMessage(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	// A calendar cut short, as by an interrupted copy.
	path := filepath.Join(t.TempDir(), "nutrukes.ics")
	cut := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Seminaras\r\n"
	if err := os.WriteFile(path, []byte(cut), 0o644); err != nil {
		t.Fatal(err)
	}
	waitImport(t, s.interop, path, parseEventsICS)
	if !strings.Contains(s.interop.message, "3 eilutė: Čia prasidėjęs komponentas VEVENT neuždarytas") {
		t.Errorf("message %q does not name the open component and its line", s.interop.message)
	}
	if !strings.Contains(s.interop.message, path) {
		t.Errorf("message %q does not name the path", s.interop.message)
	}
	if n := len(storedEvents(t, env.Store)); n != 0 {
		t.Errorf("store holds %d events, want 0", n)
	}

	missing := filepath.Join(t.TempDir(), "nera.ics")
	waitImport(t, s.interop, missing, parseEventsICS)
	if !strings.Contains(s.interop.message, "nera.ics") {
		t.Errorf("message %q does not name the missing file", s.interop.message)
	}
}

func TestInterop_consultationsPersonalData(t *testing.T) {
	env := newRecordsTestEnv(t)
	c := validConsultation("2026-03-02", "Olimpiados užduotys", "Olimpiados")
	c.Requester = data.Requester{Name: "Jonas Jonaitis", School: "Kauno gimnazija", Contact: "jonas@example.lt"}
	saveConsultation(t, env, c)
	s := newConsultationsScreen(env)
	showScreen(env, s.content())

	dir := t.TempDir()
	var path string
	s.interop.saveAs = func(title, fileName string, format fileFormat, private bool, write func(io.Writer) error) {
		path = filepath.Join(dir, fileName+format.extension())
		if err := s.interop.export(path, private, write); err != nil {
			t.Errorf("export: %v", err)
		}
	}

	s.onExport(formatCSV, T("interopui.export_csv"))
	prompt := s.interop.personal
	if prompt == nil {
		t.Fatal("export did not ask about personal data")
	}
	if prompt.include.Checked {
		t.Error("personal data is ticked by default")
	}
	test.Tap(prompt.proceed)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read export: %v", err)
	}
	if !strings.Contains(string(raw), "Olimpiados užduotys") {
		t.Errorf("export lacks the topic:\n%s", raw)
	}
	for _, personal := range []string{"Jonas Jonaitis", "Kauno gimnazija", "jonas@example.lt"} {
		if strings.Contains(string(raw), personal) {
			t.Errorf("export without personal data contains %q", personal)
		}
	}

	s.onExport(formatXLSX, T("interopui.export_xlsx"))
	s.interop.personal.include.SetChecked(true)
	test.Tap(s.interop.personal.proceed)
	checkFileMode(t, path, 0o600)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	back, problems, err := parseConsultationsXLSX(f)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read the export back: %v %v", err, problems)
	}
	if len(back.Consultations) != 1 || back.Consultations[0].Requester.Name != "Jonas Jonaitis" {
		t.Errorf("export with personal data read back as %+v", back.Consultations)
	}
}

func TestInterop_consultationsImport(t *testing.T) {
	source := newRecordsTestEnv(t)
	saveConsultation(t, source, validConsultation("2026-03-02", "Olimpiados užduotys", "Olimpiados"))
	saveConsultation(t, source, validConsultation("2026-03-09", "Projektinė veikla", "Projektai"))
	exporter := newConsultationsScreen(source)
	path := filepath.Join(t.TempDir(), "konsultacijos.csv")
	if err := exporter.interop.export(path, false, exporter.writeConsultationsTable(formatCSV, false)); err != nil {
		t.Fatalf("export: %v", err)
	}

	target := newRecordsTestEnv(t)
	s := newConsultationsScreen(target)
	showScreen(target, s.content())
	waitImport(t, s.interop, path, parseConsultationsCSV)
	if s.interop.problems != nil {
		t.Fatalf("problems: %q", s.interop.problemLines)
	}
	if got := consultationTopics(s); !slices.Equal(got, []string{"Projektinė veikla", "Olimpiados užduotys"}) {
		t.Errorf("list after import shows %q", got)
	}
	if want := T("interopui.import_done", map[string]any{"Read": 2, "Created": 2, "Updated": 0, "Unchanged": 0}); s.interop.message != want {
		t.Errorf("message = %q, want %q", s.interop.message, want)
	}

	// The same file again changes nothing, and the message says so.
	waitImport(t, s.interop, path, parseConsultationsCSV)
	if want := T("interopui.import_done", map[string]any{"Read": 2, "Created": 0, "Updated": 0, "Unchanged": 2}); s.interop.message != want {
		t.Errorf("message after a second import = %q, want %q", s.interop.message, want)
	}
}

func TestInterop_practiceExport(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveCase(t, env, validCase("Statistika iš tikrų duomenų"))
	s := newPracticeScreen(env)
	path := filepath.Join(t.TempDir(), "aprasai.csv")
	if err := s.interop.export(path, false, s.writeCasesTable(formatCSV)); err != nil {
		t.Fatalf("export: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Statistika iš tikrų duomenų", "Rūta Petrauskienė", T("interop.column.practice.title")} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("export lacks %q:\n%s", want, raw)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("export left %d files in its folder, want 1", len(entries))
	}
}

func TestInterop_exportFailureKeepsFile(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	path := filepath.Join(t.TempDir(), "nera", "renginiai.csv")
	if err := s.interop.export(path, false, s.writeEventsTable(formatCSV)); err == nil {
		t.Fatal("export into a missing folder succeeded")
	}
	if s.interop.message != T("interopui.export_failed", map[string]any{"Path": path}) {
		t.Errorf("message = %q", s.interop.message)
	}
}

func TestInterop_fileDialogsInLithuanian(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	t.Setenv("HOME", t.TempDir())

	s.interop.chooseExport(T("interopui.export_ics"), T("interopui.file.calendar"), formatICS, false, s.writeICS(""))
	texts := canvasTexts(env.Window.Canvas())
	for _, want := range []string{"Eksportuoti .ics", "Išsaugoti", "Atšaukti", "kalendorius.ics"} {
		if !slices.Contains(texts, want) {
			t.Errorf("save dialog lacks %q; it shows %q", want, texts)
		}
	}
	for _, english := range []string{"Save", "Cancel", "Save File", "Enter filename"} {
		if slices.Contains(texts, english) {
			t.Errorf("save dialog shows English %q", english)
		}
	}
	for env.Window.Canvas().Overlays().Top() != nil {
		env.Window.Canvas().Overlays().Remove(env.Window.Canvas().Overlays().Top())
	}

	s.interop.chooseImport(T("interopui.import_csv"), formatCSV, parseEventsCSV)
	texts = canvasTexts(env.Window.Canvas())
	for _, want := range []string{"Importuoti CSV", "Atverti", "Atšaukti"} {
		if !slices.Contains(texts, want) {
			t.Errorf("open dialog lacks %q; it shows %q", want, texts)
		}
	}
	for _, english := range []string{"Open", "Cancel", "Open File"} {
		if slices.Contains(texts, english) {
			t.Errorf("open dialog shows English %q", english)
		}
	}
}

func TestInterop_exportDialogErrorNamesPath(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	// The writer for a path in a missing folder fails, as it does when
	// a typed name names a folder that does not exist.
	joined := filepath.Join(t.TempDir(), "nera", "ui-export.ics")
	w, err := storage.Writer(storage.NewFileURI(joined))
	if err == nil {
		w.Close()
		t.Fatalf("the writer for %s was created", joined)
	}
	s.interop.onExportChosen(w, err, false, s.writeICS(""))
	if !strings.Contains(s.interop.message, joined) {
		t.Errorf("message %q does not name %s", s.interop.message, joined)
	}
	if s.interop.message != T("interopui.create_failed", map[string]any{"Path": joined}) {
		t.Errorf("message = %q, want the translated create failure", s.interop.message)
	}
}

func TestInterop_exportDialogWritesChosenFile(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	saveInteropEvents(t, env)
	path := filepath.Join(t.TempDir(), "renginiai.ics")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	s.interop.onExportChosen(w, nil, false, s.writeICS(""))
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "BEGIN:VCALENDAR") {
		t.Errorf("file is not a calendar: %.200s", raw)
	}
	if s.interop.message != T("interopui.export_done", map[string]any{"Path": path}) {
		t.Errorf("message = %q", s.interop.message)
	}
}

func TestInterop_badHeaderListsColumns(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	path := filepath.Join(t.TempDir(), "stulpeliai.csv")
	text := "Pavadinimas;Pradžios data;Renginio rūšis\nPosėdis;2026-04-01;seminaras\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	waitImport(t, s.interop, path, parseEventsCSV)
	for _, want := range []string{path, "1 eilutė: Nežinomas stulpelis „Renginio rūšis“.", "Tinkamos antraštės", "Pavadinimas, Tipas, Visą dieną"} {
		if !strings.Contains(s.interop.message, want) {
			t.Errorf("message %q does not contain %q", s.interop.message, want)
		}
	}
	if s.interop.problems != nil {
		t.Error("a bad header offers to skip rows")
	}
	if n := len(storedEvents(t, env.Store)); n != 0 {
		t.Errorf("store holds %d events, want 0", n)
	}
}

func TestInterop_exportTypedFullPath(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	saveInteropEvents(t, env)
	// The dialog shows folder and the user types target, a full path;
	// Fyne joins the two into a path whose folder does not exist.
	folder, target := t.TempDir(), filepath.Join(t.TempDir(), "ui-export.ics")
	joined := folder + target
	w, err := storage.Writer(storage.NewFileURI(joined))
	if err == nil {
		w.Close()
		t.Fatalf("the writer for %s was created", joined)
	}
	s.interop.onExportChosen(w, err, false, s.writeICS(""))
	if s.interop.typedPathAnswer == nil {
		t.Fatalf("no question about the typed path; message %q", s.interop.message)
	}
	if !strings.Contains(s.interop.message, target) {
		t.Errorf("question %q does not name %s", s.interop.message, target)
	}
	s.interop.typedPathAnswer(true)
	raw, err := os.ReadFile(target)
	if err != nil {
		t.Fatalf("the typed path was not written: %v", err)
	}
	if !strings.Contains(string(raw), "BEGIN:VCALENDAR") {
		t.Errorf("file is not a calendar: %.200s", raw)
	}
}
