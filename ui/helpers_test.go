package ui

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/assets"
	"partneryste/data/boltstore"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// useLanguage loads the program's catalogs with tag ("lt" or "en") as the
// user's language, the way LANGUAGE selects it on Linux. When the test
// ends it restores LANGUAGE and loads the catalogs again, so the next test
// starts in the language it had before.
func useLanguage(t testing.TB, tag string) {
	t.Helper()
	old, had := os.LookupEnv("LANGUAGE")
	os.Setenv("LANGUAGE", tag)
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		t.Fatalf("load catalogs: %v", err)
	}
	t.Cleanup(func() {
		if had {
			os.Setenv("LANGUAGE", old)
		} else {
			os.Unsetenv("LANGUAGE")
		}
		_ = lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir)
	})
}

// openTestStore opens a real store in a new file called name in a
// temporary folder, without automatic backups, and closes it when the
// test ends.
func openTestStore(t testing.TB, name string, logger *slog.Logger) *boltstore.DB {
	t.Helper()
	store, err := boltstore.Open(filepath.Join(t.TempDir(), name), boltstore.Options{Logger: logger, AutoBackupEvery: -1})
	if err != nil {
		t.Fatalf("open store %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := store.Close(); err != nil {
			t.Errorf("close store %s: %v", name, err)
		}
	})
	return store
}

// newTestServer starts the real coordinator's server on a loopback port,
// with its bbolt file in a temporary folder, one association and a token
// for it and for the coordinator.
func newTestServer(t *testing.T, associationID, associationName string) *syncTestServer {
	t.Helper()
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{NoSync: true})
	if err != nil {
		t.Fatalf("open server store: %v", err)
	}
	t.Cleanup(func() { store.Close() })

	ctx := context.Background()
	now := time.Now()
	if err := store.AddAssociation(ctx, server.Association{ID: associationID, Name: associationName, Created: now}); err != nil {
		t.Fatalf("add association: %v", err)
	}
	ts := &syncTestServer{Store: store}
	if ts.Token, _, err = server.IssueToken(ctx, store, wire.RoleAssociation, associationID, now); err != nil {
		t.Fatalf("issue association token: %v", err)
	}
	if ts.CoordinatorToken, _, err = server.IssueToken(ctx, store, wire.RoleCoordinator, "", now); err != nil {
		t.Fatalf("issue coordinator token: %v", err)
	}

	h := httptest.NewServer(server.New(store, server.Options{Rate: -1, Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(h.Close)
	ts.URL = h.URL
	return ts
}

// checkFileMode reports an error when the file at path does not have the
// permission bits want.
func checkFileMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("stat %s: %v", path, err)
	}
	if mode := info.Mode().Perm(); mode != want {
		t.Errorf("%s has mode %o, want %o", filepath.Base(path), mode, want)
	}
}

// canvasTexts returns the texts of every label and button in the window's
// overlays, such as an open dialog.
func canvasTexts(c fyne.Canvas) []string {
	var texts []string
	for _, o := range c.Overlays().List() {
		texts = append(texts, objectTexts(o)...)
	}
	return texts
}

// objectTexts returns the texts of every label, button, entry and check
// in the tree under o, read through the widgets' renderers.
func objectTexts(o fyne.CanvasObject) []string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Button:
			texts = append(texts, w.Text)
		case *widget.Entry:
			texts = append(texts, w.Text, w.PlaceHolder)
		case *widget.Check:
			texts = append(texts, w.Text)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		} else if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return texts
}
