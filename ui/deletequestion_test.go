package ui

import (
	"testing"

	"partneryste/data"
	"partneryste/data/boltstore"
)

func TestDeleteQuestion_localOnlyRecord(t *testing.T) {
	env := newRecordsTestEnv(t)
	store := env.Store.(*boltstore.DB)

	shared := validCase("Bendras aprašas")
	if err := store.Save(shared); err != nil {
		t.Fatalf("save case: %v", err)
	}
	local := validCase("Pavyzdinis aprašas")
	if err := store.SaveLocalOnly(local); err != nil {
		t.Fatalf("save local-only case: %v", err)
	}

	got := deleteQuestion(env, data.KindPractice, shared.ID, "practice.delete_question", shared.Title)
	if want := T("practice.delete_question", map[string]any{"Title": shared.Title}); got != want {
		t.Errorf("question for a synced case = %q, want %q", got, want)
	}
	got = deleteQuestion(env, data.KindPractice, local.ID, "practice.delete_question", local.Title)
	if want := T("practice.delete_question_local", map[string]any{"Title": local.Title}); got != want {
		t.Errorf("question for a local-only case = %q, want %q", got, want)
	}
}
