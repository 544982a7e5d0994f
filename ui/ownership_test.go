package ui

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/wire"
)

// pullInto stores r in store as a pull from the server would, at the
// given server revision.
func pullInto(t *testing.T, store *boltstore.DB, r data.Record, revision int64) {
	t.Helper()
	r.Header().Revision = revision
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("encode %T: %v", r, err)
	}
	state := wire.RecordState{Kind: r.RecordKind(), RecordID: r.Header().ID, Revision: revision, Record: raw}
	if _, err := store.ApplyPull(wire.PullResponse{Records: []wire.RecordState{state}, NextCursor: "1"}); err != nil {
		t.Fatalf("apply pull: %v", err)
	}
}

// foreignEvent returns a public event of the association lfmd.
func foreignEvent() *data.Event {
	start := time.Date(2026, 4, 2, 10, 0, 0, 0, data.Vilnius)
	return &data.Event{
		Meta:  data.Meta{ID: "lfmd-event", Association: "lfmd"},
		Title: "Fizikos mokytojų forumas", Type: data.EventSeminar,
		Start: start.UTC(), End: start.Add(2 * time.Hour).UTC(), Public: true,
	}
}

func TestEventEditor_foreignEventReadOnly(t *testing.T) {
	env := newRecordsTestEnv(t)
	store := env.Store.(*boltstore.DB)
	if err := store.SaveAssociationNames(map[string]string{"lfmd": "Lietuvos fizikos mokytojų draugija"}, "lkma"); err != nil {
		t.Fatal(err)
	}
	foreign := foreignEvent()
	pullInto(t, store, foreign, 3)
	e := newEventEditor(env)
	showSmall(env, e.root)

	loaded, err := store.Event(foreign.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.load(loaded)
	if !e.readOnly || e.saveButton.Visible() || e.deleteButton.Visible() {
		t.Errorf("foreign event: readOnly %v, save shown %v, delete shown %v; want read-only without both", e.readOnly, e.saveButton.Visible(), e.deleteButton.Visible())
	}
	if !e.title.Disabled() || !e.startDate.Disabled() || !e.public.Disabled() {
		t.Error("foreign event's fields can be edited, want them disabled")
	}
	want := T("syncui.read_only_foreign", map[string]any{"Owner": "Lietuvos fizikos mokytojų draugija"})
	if !e.ownership.note.Visible() || e.ownership.note.Text != want {
		t.Errorf("note = %q (shown %v), want %q", e.ownership.note.Text, e.ownership.note.Visible(), want)
	}
	if err := e.save(); err != nil {
		t.Errorf("save of a read-only event = %v, want nothing done", err)
	}
	if got, _ := store.Event(foreign.ID); got.Revision != 3 {
		t.Errorf("stored event revision = %d after save, want 3 (unchanged)", got.Revision)
	}

	// An own event opened next is editable again.
	e.load(data.Event{})
	if e.readOnly || !e.saveButton.Visible() || e.title.Disabled() || e.ownership.note.Visible() {
		t.Errorf("new event: readOnly %v, save shown %v, title disabled %v, note shown %v; want it editable", e.readOnly, e.saveButton.Visible(), e.title.Disabled(), e.ownership.note.Visible())
	}
}

func TestEditors_coordinatorProfileReadOnly(t *testing.T) {
	env := newRecordsTestEnv(t)
	if _, err := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleCoordinator}); err != nil {
		t.Fatal(err)
	}
	store := env.Store.(*boltstore.DB)
	c := reviewTestCase("Atvejis iš asociacijos")
	c.ID, c.Association = "lkma-case", "lkma"
	pullInto(t, store, c, 2)
	consultation := &data.Consultation{
		Meta: data.Meta{ID: "lkma-consultation", Association: "lkma"},
		Date: data.Date{Year: 2026, Month: 3, Day: 11}, DurationMin: 30, Format: data.FormatPhone,
		Topic: "Vertinimas", Status: data.ConsultationAnswered,
	}
	pullInto(t, store, consultation, 1)

	practice := newPracticeEditor(env)
	stored, _ := store.PracticeCase(c.ID)
	practice.load(stored)
	if !practice.readOnly || practice.saveButton.Visible() || !practice.title.Disabled() || !practice.addAuthor.Disabled() {
		t.Errorf("coordinator's case editor: readOnly %v, save shown %v, title disabled %v; want read-only", practice.readOnly, practice.saveButton.Visible(), practice.title.Disabled())
	}
	if practice.dirty() {
		t.Error("read-only case editor reports unsaved changes")
	}

	consultations := newConsultationEditor(env)
	storedConsultation, _ := store.Consultation(consultation.ID)
	consultations.load(storedConsultation)
	if !consultations.readOnly || consultations.saveButton.Visible() || !consultations.topic.Disabled() {
		t.Errorf("coordinator's consultation editor: readOnly %v, save shown %v, topic disabled %v; want read-only", consultations.readOnly, consultations.saveButton.Visible(), consultations.topic.Disabled())
	}

	// A new record in the coordinator's profile could not be sent either.
	events := newEventEditor(env)
	if !events.readOnly || events.ownership.note.Text != T("syncui.read_only_coordinator") {
		t.Errorf("coordinator's new event: readOnly %v, note %q; want read-only with the coordinator's note", events.readOnly, events.ownership.note.Text)
	}
}

func TestPracticeEditor_associationStatuses(t *testing.T) {
	env, e := showPracticeEditor(t)
	want := []string{EnumLabel("practice.status", "draft"), EnumLabel("practice.status", "ready"), EnumLabel("practice.status", "submitted")}
	if !slices.Equal(e.status.Options, want) || e.status.Disabled() {
		t.Errorf("status options = %q (disabled %v), want %q enabled", e.status.Options, e.status.Disabled(), want)
	}

	p, err := env.Store.Profile()
	if err != nil {
		t.Fatal(err)
	}
	approved := reviewTestCase("Patvirtintas atvejis")
	approved.ID, approved.Association, approved.Status = "own-case", p.AssociationID, data.CaseApproved
	pullInto(t, env.Store.(*boltstore.DB), approved, 4)
	stored, _ := env.Store.PracticeCase(approved.ID)
	e.load(stored)
	if !slices.Equal(e.status.Options, []string{EnumLabel("practice.status", "approved")}) || !e.status.Disabled() {
		t.Errorf("approved case's status options = %q (disabled %v), want only approved, disabled", e.status.Options, e.status.Disabled())
	}
	if e.readOnly || e.title.Disabled() {
		t.Error("the association's approved case is read-only, want its text editable")
	}

	e.load(newPracticeCase())
	if !slices.Equal(e.status.Options, want) || e.status.Disabled() {
		t.Errorf("new case after an approved one: status options = %q (disabled %v), want %q enabled", e.status.Options, e.status.Disabled(), want)
	}
}

func TestPracticeEditor_restoreRejectedChange(t *testing.T) {
	ts := newReviewTestServer(t)
	association := openAssociationStore(t)
	submitted := reviewTestCase("Kūrybinis rašymas")
	if err := association.Save(submitted); err != nil {
		t.Fatalf("save case: %v", err)
	}
	syncWith(t, association, ts.URL, ts.AssociationToken)

	env := newCoordinatorEnv(t, ts.URL, ts.CoordinatorToken)
	coordinator := env.Store.(*boltstore.DB)
	syncWith(t, coordinator, ts.URL, ts.CoordinatorToken)

	// A copy saved past the editor, as an older program version allowed.
	pulled, err := coordinator.PracticeCase(submitted.ID)
	if err != nil {
		t.Fatal(err)
	}
	pulled.Title = "Koordinatoriaus pakeitimas"
	if err := coordinator.Save(&pulled); err != nil {
		t.Fatal(err)
	}
	if report := syncWith(t, coordinator, ts.URL, ts.CoordinatorToken); report.Rejected != 1 {
		t.Fatalf("sync of the coordinator's edit = %+v, want it rejected", report)
	}

	e := newPracticeEditor(env)
	showSmall(env, e.content)
	changed, _ := coordinator.PracticeCase(submitted.ID)
	e.load(changed)
	want := T("syncui.rejected_change", map[string]any{"Reason": T("syncui.reason.kind_not_allowed")})
	if e.ownership.rejected.Text != want || !e.ownership.restore.Visible() || e.ownership.restore.Disabled() {
		t.Fatalf("rejection line %q, restore shown %v; want %q with an enabled restore button", e.ownership.rejected.Text, e.ownership.restore.Visible(), want)
	}

	test.Tap(e.ownership.restore)
	if e.base.Title != submitted.Title || e.title.Text != submitted.Title {
		t.Errorf("editor after restore shows %q, want the server's %q", e.title.Text, submitted.Title)
	}
	if rejections, _ := coordinator.Rejections(); len(rejections) != 0 {
		t.Errorf("rejections after restore = %+v, want none", rejections)
	}
	if e.ownership.restore.Visible() {
		t.Error("restore button still shown after the restore")
	}
	if report := syncWith(t, coordinator, ts.URL, ts.CoordinatorToken); report.Pushed != 0 || report.Rejected != 0 {
		t.Errorf("sync after restore = %+v, want nothing sent", report)
	}
}

func TestRejectionReasonText_everyReason(t *testing.T) {
	useLanguage(t, "lt")
	seen := map[string]string{}
	for _, r := range []boltstore.Rejection{
		{Status: wire.StatusForbidden, Reason: wire.ReasonForeignRecord},
		{Status: wire.StatusForbidden, Reason: wire.ReasonCoordinatorStatus},
		{Status: wire.StatusForbidden, Reason: wire.ReasonPublishedFrozen},
		{Status: wire.StatusForbidden, Reason: wire.ReasonKindNotAllowed},
		{Status: wire.StatusForbidden},
		{Status: wire.StatusInvalid},
		{Status: 413},
	} {
		text := rejectionReasonText(r)
		if text == "" || strings.HasPrefix(text, "syncui.") {
			t.Errorf("rejectionReasonText(%d %q) = %q, want a translation", r.Status, r.Reason, text)
		}
		if other, ok := seen[text]; ok {
			t.Errorf("rejections %q and %d %q read the same: %q", other, r.Status, r.Reason, text)
		}
		seen[text] = r.Reason
	}
}
