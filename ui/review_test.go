package ui

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// reviewTestServer is a real coordinator's server on a loopback port with
// one association's token and the coordinator's token.
type reviewTestServer struct {
	URL              string
	AssociationToken string
	CoordinatorToken string
}

func newReviewTestServer(t *testing.T) reviewTestServer {
	t.Helper()
	ts := newTestServer(t, "lkma", "Lietuvos kalbos mokytojų asociacija")
	return reviewTestServer{URL: ts.URL, AssociationToken: ts.Token, CoordinatorToken: ts.CoordinatorToken}
}

// openAssociationStore opens the association's own data file.
func openAssociationStore(t *testing.T) *boltstore.DB {
	t.Helper()
	return openTestStore(t, "association.db", slog.New(slog.DiscardHandler))
}

// syncWith runs one whole sync of store with the server and token.
func syncWith(t *testing.T, store syncclient.Store, url, token string) syncclient.Report {
	t.Helper()
	client, err := syncclient.New(syncclient.Options{ServerURL: url, Token: token, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	defer client.Close()
	report, err := syncclient.NewSyncer(client, store, syncclient.SyncOptions{Logger: slog.New(slog.DiscardHandler)}).Sync(context.Background(), nil)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return report
}

// newCoordinatorEnv returns a test Env whose profile is the coordinator's,
// with sync settings pointing at url with token.
func newCoordinatorEnv(t *testing.T, url, token string) *Env {
	t.Helper()
	env := newTestEnv(t)
	store := env.Store.(SyncStore)
	env.Sync = NewSyncService(SyncOptions{Store: func() SyncStore { return store }, Log: env.Log})
	t.Cleanup(env.Sync.Close)
	if err := env.Sync.SaveSettings(syncclient.Settings{ServerURL: url, Token: token}); err != nil {
		t.Fatalf("save sync settings: %v", err)
	}
	changed, err := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleCoordinator})
	if err != nil || !changed {
		t.Fatalf("RecordRole(coordinator) = %v, %v; want a change", changed, err)
	}
	return env
}

// newReviewTestScreen builds the review section in the test window and
// closes its reviewer at the end of the test.
func newReviewTestScreen(t *testing.T, env *Env) *reviewScreen {
	t.Helper()
	s := newReviewScreen(env)
	t.Cleanup(s.reviewer.Close)
	env.Window.SetContent(s.content())
	return s
}

// openRow selects the queue row of the case titled title.
func openRow(t *testing.T, s *reviewScreen, title string) {
	t.Helper()
	for i, row := range s.rows {
		if row.Title == title {
			s.list.Select(i)
			return
		}
	}
	t.Fatalf("review queue has no case %q; rows %+v", title, s.rows)
}

func reviewTestCase(title string) *data.PracticeCase {
	return &data.PracticeCase{
		Title:   title,
		Authors: []data.Author{{Name: "Rūta Žemaitė", School: "Kauno Jono Jablonskio gimnazija"}},
		Subject: "Lietuvių kalba",
		Levels:  []data.EducationLevel{data.LevelBasic},
		Summary: "Mokiniai kuria skaitmeninį pasakojimą apie savo kraštą.",
		Goals:   "Ugdyti rišlų rašymą.",
		Licence: "CC BY 4.0",
		Status:  data.CaseSubmitted,
	}
}

func TestReviewScreen_wholeRound(t *testing.T) {
	ts := newReviewTestServer(t)
	association := openAssociationStore(t)
	submitted := reviewTestCase("Skaitmeninis pasakojimas")
	if err := association.Save(submitted); err != nil {
		t.Fatalf("save case: %v", err)
	}
	syncWith(t, association, ts.URL, ts.AssociationToken)

	env := newCoordinatorEnv(t, ts.URL, ts.CoordinatorToken)
	coordinator := env.Store.(*boltstore.DB)
	syncWith(t, coordinator, ts.URL, ts.CoordinatorToken)
	s := newReviewTestScreen(t, env)

	if len(s.rows) != 1 || s.rows[0].ID != submitted.ID {
		t.Fatalf("review queue = %+v, want the submitted case", s.rows)
	}
	if got := s.associationFilter.Options; len(got) != 2 || got[1] != "Lietuvos kalbos mokytojų asociacija" {
		t.Errorf("association filter options = %q, want any and the association's name", got)
	}
	openRow(t, s, submitted.Title)
	if s.sectionText["summary"].Text != submitted.Summary || s.publish.Disabled() == false {
		t.Errorf("opened case shows summary %q, publish enabled %v; want the summary and publish disabled", s.sectionText["summary"].Text, !s.publish.Disabled())
	}

	// Returning needs a general comment.
	test.Tap(s.returnCase)
	if !s.message.Visible() || s.message.Text != T("review.error.comment_required") {
		t.Errorf("return without a comment shows %q, want the comment_required message", s.message.Text)
	}

	test.Type(s.comment, "Papildykite tikslus ir rezultatus.")
	test.Type(s.sectionComment["goals"], "Tikslai per bendri.")
	test.Tap(s.returnCase)
	s.reviewer.wait()
	if s.message.Text != T("review.done") {
		t.Fatalf("message after returning = %q, want %q", s.message.Text, T("review.done"))
	}
	local, err := coordinator.PracticeCase(submitted.ID)
	if err != nil {
		t.Fatalf("coordinator's copy: %v", err)
	}
	if local.Status != data.CaseReturned || local.Review == nil || local.Review.Comment != "Papildykite tikslus ir rezultatus." {
		t.Errorf("coordinator's copy after return: status %q review %+v, want returned with the comment", local.Status, local.Review)
	}
	if s.comment.Text != "" || s.sectionComment["goals"].Text != "" {
		t.Errorf("comments after a stored review = %q and %q, want them cleared", s.comment.Text, s.sectionComment["goals"].Text)
	}

	// The association pulls the return, revises and submits again.
	syncWith(t, association, ts.URL, ts.AssociationToken)
	returned, err := association.PracticeCase(submitted.ID)
	if err != nil {
		t.Fatalf("association's copy: %v", err)
	}
	if returned.Status != data.CaseReturned || returned.Review == nil || returned.Review.SectionComments["goals"] != "Tikslai per bendri." {
		t.Fatalf("association's copy after sync: status %q review %+v, want returned with the goals comment", returned.Status, returned.Review)
	}
	returned.Goals = "Mokiniai parašo 300 žodžių pasakojimą ir jį pristato klasei."
	returned.Status = data.CaseSubmitted
	if err := association.Save(&returned); err != nil {
		t.Fatalf("save revised case: %v", err)
	}
	if report := syncWith(t, association, ts.URL, ts.AssociationToken); report.Pushed != 1 || report.Rejected != 0 {
		t.Fatalf("resubmitting sync = %+v, want one change pushed", report)
	}

	syncWith(t, coordinator, ts.URL, ts.CoordinatorToken)
	s.refresh()
	openRow(t, s, submitted.Title)
	if s.sectionText["goals"].Text != returned.Goals {
		t.Errorf("coordinator sees goals %q, want the revision", s.sectionText["goals"].Text)
	}
	test.Tap(s.approve)
	s.reviewer.wait()
	approved, _ := coordinator.PracticeCase(submitted.ID)
	if approved.Status != data.CaseApproved || len(approved.History) != 1 || approved.History[0].Status != data.CaseReturned {
		t.Errorf("after approval: status %q history %+v, want approved with the return in history", approved.Status, approved.History)
	}
	if !strings.Contains(s.history.Text, "Papildykite tikslus ir rezultatus.") {
		t.Errorf("history shows %q, want the returned round's comment", s.history.Text)
	}
	if len(s.rows) != 0 {
		t.Errorf("queue of submitted cases after approval has %d rows, want 0", len(s.rows))
	}

	// An approved case is published, and the association may then no
	// longer change it.
	s.statusFilter.setValue(string(data.CaseApproved))
	openRow(t, s, submitted.Title)
	if s.publish.Disabled() {
		t.Fatal("publish is disabled for an approved case")
	}
	test.Tap(s.publish)
	s.reviewer.wait()
	if c, _ := coordinator.PracticeCase(submitted.ID); c.Status != data.CasePublished {
		t.Errorf("status after publishing = %q, want published", c.Status)
	}

	syncWith(t, association, ts.URL, ts.AssociationToken)
	published, _ := association.PracticeCase(submitted.ID)
	published.Title = "Pakeistas po paskelbimo"
	if err := association.Save(&published); err != nil {
		t.Fatalf("save edit of published case: %v", err)
	}
	if report := syncWith(t, association, ts.URL, ts.AssociationToken); report.Rejected != 1 || report.Pushed != 0 {
		t.Errorf("push of an edited published case = %+v, want it rejected", report)
	}
	rejections, _ := association.Rejections()
	if len(rejections) != 1 || rejections[0].RecordID != submitted.ID {
		t.Errorf("association's rejections = %+v, want the published case parked", rejections)
	}
	syncWith(t, coordinator, ts.URL, ts.CoordinatorToken)
	if c, _ := coordinator.PracticeCase(submitted.ID); c.Title != submitted.Title {
		t.Errorf("server kept title %q, want the published %q", c.Title, submitted.Title)
	}
}

func TestReviewScreen_offlineKeepsCase(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	url := closed.URL
	closed.Close()

	env := newCoordinatorEnv(t, url, "tcoordinator-token")
	c := reviewTestCase("Neprisijungus vertinamas")
	if err := env.Store.Save(c); err != nil {
		t.Fatalf("save case: %v", err)
	}
	s := newReviewTestScreen(t, env)
	s.reviewer.newClient = func() (*syncclient.Client, error) {
		return syncclient.New(syncclient.Options{ServerURL: url, Token: "tcoordinator-token",
			Logger: env.Log, Retry: syncclient.RetryPolicy{MaxAttempts: 1}})
	}
	openRow(t, s, c.Title)
	test.Type(s.comment, "Pastaba, kuri turi likti.")
	test.Tap(s.approve)
	s.reviewer.wait()

	if s.message.Text != T("review.error.offline") {
		t.Errorf("message offline = %q, want %q", s.message.Text, T("review.error.offline"))
	}
	if s.comment.Text != "Pastaba, kuri turi likti." {
		t.Errorf("comment after a failed review = %q, want it kept", s.comment.Text)
	}
	if s.approve.Disabled() {
		t.Error("approve stays disabled after a failed review")
	}
	stored, _ := env.Store.PracticeCase(c.ID)
	if stored.Status != data.CaseSubmitted || stored.Review != nil {
		t.Errorf("case after a failed review: status %q review %+v, want it unchanged", stored.Status, stored.Review)
	}
}

func TestReviewErrorText_statuses(t *testing.T) {
	useLanguage(t, "lt")
	cases := []struct {
		err  error
		want string
	}{
		{&syncclient.RequestError{Op: "review", Kind: syncclient.ErrRejected, Status: http.StatusConflict}, "review.error.conflict"},
		{&syncclient.RequestError{Op: "review", Kind: syncclient.ErrRejected, Status: http.StatusNotFound}, "review.error.not_found"},
		{&syncclient.RequestError{Op: "review", Kind: syncclient.ErrRejected, Status: http.StatusUnprocessableEntity}, "review.error.invalid"},
		{&syncclient.RequestError{Op: "review", Kind: syncclient.ErrForbidden, Status: http.StatusForbidden}, "review.error.forbidden"},
		{&syncclient.RequestError{Op: "review", Kind: syncclient.ErrServer, Status: http.StatusInternalServerError}, "review.error.server"},
		{syncclient.ErrNoSettings, "review.error.no_settings"},
	}
	for _, c := range cases {
		if got := reviewErrorText(c.err); got != T(c.want) || got == c.want {
			t.Errorf("reviewErrorText(%v) = %q, want the text of %s", c.err, got, c.want)
		}
	}
}

func TestRecordRole_changes(t *testing.T) {
	env := newTestEnv(t)
	if isCoordinator(env) {
		t.Fatal("a new profile is the coordinator's")
	}
	if changed, err := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleCoordinator}); err != nil || !changed {
		t.Errorf("RecordRole(coordinator) = %v, %v; want a change", changed, err)
	}
	if changed, _ := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleCoordinator}); changed {
		t.Error("RecordRole(coordinator) twice reports a second change")
	}
	if !isCoordinator(env) {
		t.Error("profile is not the coordinator's after RecordRole")
	}
	if changed, _ := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleAssociation, AssociationID: "lkma"}); !changed || isCoordinator(env) {
		t.Error("RecordRole(association) left the coordinator's role")
	}
}

func TestMainWindow_coordinatorSections(t *testing.T) {
	env := newTestEnv(t)
	saveEvent(t, env.Store, "Metinė konferencija")
	w := NewMainWindow(env, WindowOptions{Language: "lt", SetLanguage: testLanguageSetter(t)})
	if len(w.sections) != sectionReview {
		t.Fatalf("association's window has %d sections, want %d", len(w.sections), sectionReview)
	}

	w.show(sectionSync)
	w.onRoleChanged(wire.WhoAmIResponse{Role: wire.RoleCoordinator})
	if len(w.sections) != sectionReview {
		t.Errorf("rebuild before the role was stored shows %d sections, want %d", len(w.sections), sectionReview)
	}
	if _, err := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleCoordinator}); err != nil {
		t.Fatal(err)
	}
	w.onRoleChanged(wire.WhoAmIResponse{Role: wire.RoleCoordinator})
	if len(w.sections) != sectionEdition+1 {
		t.Fatalf("coordinator's window has %d sections, want %d", len(w.sections), sectionEdition+1)
	}
	if _, ok := w.sections[sectionReview].screen.(*reviewScreen); !ok {
		t.Errorf("section %d is %T, want the review screen", sectionReview, w.sections[sectionReview].screen)
	}
	if _, ok := w.sections[sectionEdition].screen.(*editionScreen); !ok {
		t.Errorf("section %d is %T, want the edition screen", sectionEdition, w.sections[sectionEdition].screen)
	}
	if w.current != sectionSync || !w.sync.settingsStatus.Visible() {
		t.Errorf("after the role change the window shows section %d with status visible %v, want the Sync section with the test result", w.current, w.sync.settingsStatus.Visible())
	}

	w.show(sectionEdition)
	if _, err := RecordRole(env.Store, wire.WhoAmIResponse{Role: wire.RoleAssociation}); err != nil {
		t.Fatal(err)
	}
	w.onRoleChanged(wire.WhoAmIResponse{Role: wire.RoleAssociation, AssociationID: "lkma"})
	if len(w.sections) != sectionReview || w.current != sectionSync {
		t.Errorf("after going back to an association's token: %d sections, section %d on show; want %d and the Sync section", len(w.sections), w.current, sectionReview)
	}
}
