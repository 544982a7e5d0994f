package ui

import (
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// conflictFixture is a practice case edited on two computers of one
// association: this screen's store ("mano") and a second copy of the file
// ("serverio") whose edit reached the server first.
type conflictFixture struct {
	ts     *syncTestServer
	env    *Env
	screen *syncScreen
	other  *boltstore.DB
	id     string
}

func newConflictFixture(t *testing.T) *conflictFixture {
	t.Helper()
	f := &conflictFixture{ts: newSyncTestServer(t), env: newSyncTestEnv(t)}
	saveSyncSettings(t, f.env, f.ts.URL, f.ts.Token)
	c := validCase("Trupmenos")
	c.Summary = "Bendra santrauka."
	saveCase(t, f.env, c)
	f.id = c.ID
	f.screen = newSyncTestScreen(t, f.env)
	tapSyncNow(t, f.screen)

	other, err := boltstore.Open(filepath.Join(t.TempDir(), "other.db"), boltstore.Options{Logger: slog.New(slog.DiscardHandler), AutoBackupEvery: -1})
	if err != nil {
		t.Fatalf("open second copy: %v", err)
	}
	t.Cleanup(func() { other.Close() })
	f.other = other
	syncStoreDirectly(t, other, f.ts.URL, f.ts.Token)
	return f
}

// editBoth edits the case on the second copy and syncs it, then edits it
// here and syncs, which makes the conflict.
func (f *conflictFixture) editBoth(t *testing.T) {
	t.Helper()
	theirs, err := f.other.PracticeCase(f.id)
	if err != nil {
		t.Fatalf("second copy lacks the case: %v", err)
	}
	theirs.Title = "Trupmenos (serverio)"
	theirs.Grades = "5–6 kl."
	if err := f.other.Save(&theirs); err != nil {
		t.Fatal(err)
	}
	syncStoreDirectly(t, f.other, f.ts.URL, f.ts.Token)

	mine, err := f.env.Store.PracticeCase(f.id)
	if err != nil {
		t.Fatal(err)
	}
	mine.Title = "Trupmenos (mano)"
	mine.Summary = "Mano santrauka."
	if err := f.env.Store.Save(&mine); err != nil {
		t.Fatal(err)
	}
	tapSyncNow(t, f.screen)
	if len(f.screen.conflicts) != 1 {
		t.Fatalf("conflicts after both edits = %d, want 1", len(f.screen.conflicts))
	}
}

// open taps the conflict's "Spręsti" button and returns the view.
func (f *conflictFixture) open(t *testing.T) *conflictView {
	t.Helper()
	row := f.screen.conflictBox.Objects[0].(*fyne.Container)
	for _, obj := range row.Objects {
		if b, ok := obj.(*widget.Button); ok {
			test.Tap(b)
		}
	}
	if f.screen.resolver == nil {
		t.Fatal("the conflict view did not open")
	}
	return f.screen.resolver
}

func (f *conflictFixture) localCase(t *testing.T) data.PracticeCase {
	t.Helper()
	c, err := f.env.Store.PracticeCase(f.id)
	if err != nil {
		t.Fatalf("read local case: %v", err)
	}
	return c
}

func (f *conflictFixture) openConflicts(t *testing.T) int {
	t.Helper()
	list, err := f.env.Store.(SyncStore).Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// serverBody returns the server's JSON of the case.
func (f *conflictFixture) serverBody(t *testing.T) string {
	t.Helper()
	rec, found := f.ts.serverRecord(t, data.KindPractice, f.id)
	if !found {
		t.Fatal("the server lacks the case")
	}
	return string(rec.Body)
}

func conflictRowOf(t *testing.T, v *conflictView, field string) *conflictRow {
	t.Helper()
	for _, r := range v.rows {
		if r.field == field {
			return r
		}
	}
	t.Fatalf("no row for %s", field)
	return nil
}

func TestConflictView_listsAndHighlights(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)

	s := f.screen
	if !strings.Contains(s.conflictCount.Text, "1 įrašas pakeistas ir čia, ir serveryje.") {
		t.Errorf("conflict count = %q", s.conflictCount.Text)
	}
	if got := conflictRowText(s.conflicts[0]); !strings.Contains(got, "Aprašas „Trupmenos (mano)“ · aptikta ") {
		t.Errorf("conflict row = %q", got)
	}
	if s.conflictCountNow() != 1 {
		t.Errorf("badge count = %d, want 1", s.conflictCountNow())
	}
	if !strings.Contains(s.syncStatus.Text, "1 įrašas pakeistas ir serveryje") {
		t.Errorf("sync status %q does not report the conflict", s.syncStatus.Text)
	}

	v := f.open(t)
	for field, want := range map[string]bool{"title": true, "summary": true, "grades": true, "subject": false, "levels": false, "authors": false} {
		r := conflictRowOf(t, v, field)
		if r.differs != want {
			t.Errorf("%s differs = %v, want %v", field, r.differs, want)
		}
		if want && (r.choice == nil || r.localLabel.Importance != widget.WarningImportance) {
			t.Errorf("%s is not highlighted with a choice", field)
		}
		if !want && r.choice != nil {
			t.Errorf("%s offers a choice although both versions agree", field)
		}
	}
	title := conflictRowOf(t, v, "title")
	if title.localLabel.Text != "Trupmenos (mano)" || title.serverLabel.Text != "Trupmenos (serverio)" {
		t.Errorf("title columns = %q | %q", title.localLabel.Text, title.serverLabel.Text)
	}
	if got := conflictRowOf(t, v, "grades").localLabel.Text; got != T("conflict.empty_value") {
		t.Errorf("empty local grades shown as %q", got)
	}
	if got := conflictRowOf(t, v, "levels").localLabel.Text; got != EnumLabel("level", "basic") {
		t.Errorf("levels shown as %q, want the translated level", got)
	}

	test.Tap(v.back)
	if s.resolver != nil {
		t.Error("back left the conflict view open")
	}
	if f.openConflicts(t) != 1 {
		t.Error("going back resolved the conflict")
	}
}

func TestSyncScreen_conflictListShownAfterSync(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)

	box := f.screen.conflictBox
	if len(box.Objects) != 1 {
		t.Fatalf("conflict list has %d rows, want 1", len(box.Objects))
	}
	// The rows are drawn only when the list is laid out again: a list
	// that kept its size from before the sync shows the header alone.
	if got, want := box.Size().Height, box.MinSize().Height; got < want {
		t.Errorf("conflict list height after the sync = %v, want at least %v", got, want)
	}
	var resolve *widget.Button
	walk(box, func(obj fyne.CanvasObject) {
		if b, ok := obj.(*widget.Button); ok && b.Text == T("syncui.resolve") {
			resolve = b
		}
	})
	if resolve == nil {
		t.Fatal("the conflict row has no resolve button")
	}
	if resolve.Size().Height <= 0 || resolve.Size().Width <= 0 {
		t.Errorf("resolve button size = %v, want it laid out", resolve.Size())
	}
	canvasSize := f.env.Window.Canvas().Size()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(resolve)
	if pos.X+resolve.Size().Width > canvasSize.Width {
		t.Errorf("resolve button ends at x=%v, past the window width %v", pos.X+resolve.Size().Width, canvasSize.Width)
	}
}

func TestConflictView_keepLocal(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)
	v := f.open(t)

	test.Tap(v.keepLocal)
	if f.screen.resolver != nil {
		t.Error("the view stays open after keeping the local version")
	}
	if n := f.openConflicts(t); n != 0 {
		t.Fatalf("open conflicts = %d, want 0", n)
	}
	if got := f.localCase(t); got.Title != "Trupmenos (mano)" || got.Summary != "Mano santrauka." {
		t.Errorf("local case = %q / %q", got.Title, got.Summary)
	}

	tapSyncNow(t, f.screen)
	body := f.serverBody(t)
	if !strings.Contains(body, "Trupmenos (mano)") || !strings.Contains(body, "Mano santrauka.") {
		t.Errorf("server body after keeping local = %s", body)
	}
	if f.screen.waiting.Text != "0 pakeitimų laukia" {
		t.Errorf("waiting = %q", f.screen.waiting.Text)
	}
}

func TestConflictView_keepServer(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)
	v := f.open(t)

	test.Tap(v.keepServer)
	if n := f.openConflicts(t); n != 0 {
		t.Fatalf("open conflicts = %d, want 0", n)
	}
	got := f.localCase(t)
	if got.Title != "Trupmenos (serverio)" || got.Grades != "5–6 kl." || got.Summary != "Bendra santrauka." {
		t.Errorf("local case = %q, %q, %q; want the server's", got.Title, got.Grades, got.Summary)
	}
	if c, _ := f.env.Store.Counts(); c.Outbox != 0 {
		t.Errorf("outbox = %d after taking the server's version, want 0", c.Outbox)
	}
	if !strings.Contains(f.screen.conflictCount.Text, T("syncui.no_conflicts")) {
		t.Errorf("conflict count = %q", f.screen.conflictCount.Text)
	}
}

func TestConflictView_merge(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)
	v := f.open(t)

	conflictRowOf(t, v, "title").choice.SetSelected(T("conflict.use_server"))
	conflictRowOf(t, v, "grades").choice.SetSelected(T("conflict.use_server"))
	summary := conflictRowOf(t, v, "summary")
	if summary.merged == nil || summary.merged.Text != "Mano santrauka." {
		t.Fatalf("merged summary starts as %v", summary.merged)
	}
	replaceText(summary.merged, "Sujungta santrauka.")
	if got := conflictRowOf(t, v, "title").merged.Text; got != "Trupmenos (serverio)" {
		t.Errorf("merged title after choosing the server = %q", got)
	}

	test.Tap(v.saveMerged)
	if n := f.openConflicts(t); n != 0 {
		t.Fatalf("open conflicts = %d, want 0; message %q", n, v.message.Text)
	}
	got := f.localCase(t)
	if got.Title != "Trupmenos (serverio)" || got.Grades != "5–6 kl." || got.Summary != "Sujungta santrauka." {
		t.Errorf("merged case = %q, %q, %q", got.Title, got.Grades, got.Summary)
	}
	if got.Subject != "Matematika" || len(got.Authors) != 1 {
		t.Errorf("unchanged fields lost: subject %q, authors %v", got.Subject, got.Authors)
	}

	tapSyncNow(t, f.screen)
	body := f.serverBody(t)
	if !strings.Contains(body, "Sujungta santrauka.") || !strings.Contains(body, "Trupmenos (serverio)") {
		t.Errorf("server body after merge = %s", body)
	}
	if n := f.openConflicts(t); n != 0 {
		t.Errorf("the merged push made %d new conflicts", n)
	}
}

func TestConflictView_invalidMergeKeepsBoth(t *testing.T) {
	f := newConflictFixture(t)
	f.editBoth(t)
	v := f.open(t)

	replaceText(conflictRowOf(t, v, "title").merged, "")
	test.Tap(v.saveMerged)
	if !v.message.Visible() || !strings.Contains(v.message.Text, FieldName(data.KindPractice, "title")) {
		t.Errorf("message = %q (visible %v), want the title's problem", v.message.Text, v.message.Visible())
	}
	if f.screen.resolver != v {
		t.Error("the view closed after an invalid merge")
	}
	if n := f.openConflicts(t); n != 1 {
		t.Errorf("open conflicts = %d, want 1", n)
	}
	if got := f.localCase(t); got.Title != "Trupmenos (mano)" {
		t.Errorf("local title changed to %q", got.Title)
	}
}

func TestConflictView_serverDeleted(t *testing.T) {
	f := newConflictFixture(t)
	if err := f.other.Delete(data.KindPractice, f.id); err != nil {
		t.Fatal(err)
	}
	syncStoreDirectly(t, f.other, f.ts.URL, f.ts.Token)
	mine := f.localCase(t)
	mine.Title = "Trupmenos (mano)"
	if err := f.env.Store.Save(&mine); err != nil {
		t.Fatal(err)
	}
	tapSyncNow(t, f.screen)
	if len(f.screen.conflicts) != 1 {
		t.Fatalf("conflicts = %d, want 1", len(f.screen.conflicts))
	}

	v := f.open(t)
	if !v.saveMerged.Disabled() {
		t.Error("merge is offered although the server deleted the record")
	}
	if got := conflictRowOf(t, v, "title").serverLabel.Text; got != T("conflict.deleted_value") {
		t.Errorf("server title shown as %q", got)
	}
	test.Tap(v.keepLocal)
	tapSyncNow(t, f.screen)
	rec, found := f.ts.serverRecord(t, data.KindPractice, f.id)
	if !found || rec.Deleted || !strings.Contains(string(rec.Body), "Trupmenos (mano)") {
		t.Errorf("server record after keeping local: found %v deleted %v body %s", found, rec.Deleted, rec.Body)
	}
}

func TestSameJSON_zeroValues(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{`""`, ``, true},
		{`false`, ``, true},
		{`[]`, `null`, true},
		{`"a"`, `"a"`, true},
		{`"a"`, `"b"`, false},
		{`["x","y"]`, `["y","x"]`, false},
		{`{"name":"A"}`, `{"name":"A"}`, true},
		{`1`, `0`, false},
	}
	for _, c := range cases {
		if got := sameJSON([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("sameJSON(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
