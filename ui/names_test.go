package ui

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
)

func TestReviewScreen_showsAssociationNames(t *testing.T) {
	ts := newReviewTestServer(t)
	association := openAssociationStore(t)
	submitted := reviewTestCase("Kalbos žaidimai")
	if err := association.Save(submitted); err != nil {
		t.Fatalf("save case: %v", err)
	}
	syncWith(t, association, ts.URL, ts.AssociationToken)

	env := newCoordinatorEnv(t, ts.URL, ts.CoordinatorToken)
	syncWith(t, env.Store.(*boltstore.DB), ts.URL, ts.CoordinatorToken)
	s := newReviewTestScreen(t, env)

	const name = "Lietuvos kalbos mokytojų asociacija"
	if got := s.associationFilter.Options; !slices.Equal(got, []string{T("review.filter.any_association"), name}) {
		t.Errorf("association filter options = %q, want any and %q", got, name)
	}
	s.associationFilter.SetSelected(name)
	if len(s.rows) != 1 {
		t.Fatalf("queue filtered by %q has %d rows, want 1", name, len(s.rows))
	}
	item := newTwoLineRow()
	s.showRow(item, s.rows[0])
	if texts := objectTexts(item); !strings.Contains(strings.Join(texts, "\n"), name) {
		t.Errorf("queue row shows %q, want the association's name", texts)
	}
	openRow(t, s, submitted.Title)
	if !strings.Contains(s.details.Text, name) || strings.Contains(s.details.Text, ": lkma") {
		t.Errorf("case facts = %q, want the association's name instead of its id", s.details.Text)
	}
}

func TestReviewerLabel(t *testing.T) {
	useLanguage(t, "lt")
	for reviewer, want := range map[string]string{
		"t3f5e0238f719":     T("practice.reviewer_coordinator"),
		"":                  T("practice.reviewer_coordinator"),
		"Rasa Kazlauskienė": "Rasa Kazlauskienė",
		"t3f5e0238f71":      "t3f5e0238f71",
	} {
		if got := reviewerLabel(reviewer); got != want {
			t.Errorf("reviewerLabel(%q) = %q, want %q", reviewer, got, want)
		}
	}
	text := reviewText(&data.Review{Status: data.CaseApproved, Reviewer: "t3f5e0238f719", At: time.Now()})
	if strings.Contains(text, "t3f5e0238f719") || !strings.Contains(text, "Koordinatorius") {
		t.Errorf("review text = %q, want the role's label instead of the token id", text)
	}
}

func TestPublishJob_namesFromDirectory(t *testing.T) {
	env := newTestEnv(t)
	names := map[string]string{"lkma": "Lietuvos kalbos mokytojų asociacija", "lfmd": "Lietuvos fizikos mokytojų draugija"}
	if err := env.Store.(*boltstore.DB).SaveAssociationNames(names, ""); err != nil {
		t.Fatal(err)
	}
	j := newPublishJob(context.Background(), env, filepath.Join(t.TempDir(), "leidinys.pdf"), data.Edition{}, nil, nil)
	defer j.cancel()
	for id, name := range names {
		if got := j.opts.Associations[id]; got != name {
			t.Errorf("publication name of %s = %q, want %q", id, got, name)
		}
	}

	given := map[string]string{"lkma": "Pateiktas pavadinimas"}
	j = newPublishJob(context.Background(), env, filepath.Join(t.TempDir(), "leidinys.pdf"), data.Edition{}, nil, given)
	defer j.cancel()
	if !maps.Equal(j.opts.Associations, given) {
		t.Errorf("publication names = %v, want the given %v", j.opts.Associations, given)
	}
}
