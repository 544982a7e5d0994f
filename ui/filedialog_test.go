package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// useHomeWithPlaces points HOME at a new folder that has every folder the
// file dialog lists as a place.
func useHomeWithPlaces(t *testing.T) {
	t.Helper()
	home := t.TempDir()
	for _, name := range []string{"Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"} {
		if err := os.Mkdir(filepath.Join(home, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
}

// placesTexts returns the labels of the rows that the open file dialog's
// places list shows. The folder view beside it may list folders with the
// same English names, so the check reads the places list alone.
func placesTexts(t *testing.T, c fyne.Canvas) []string {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	list := findPlacesList(top)
	if list == nil {
		t.Fatal("the open dialog has no places list")
	}
	return objectTexts(list)
}

func TestFileDialog_placesInLithuanian(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	useHomeWithPlaces(t)

	s.interop.chooseExport(T("interopui.export_ics"), T("interopui.file.calendar"), formatICS, false, s.writeICS(""))
	texts := placesTexts(t, env.Window.Canvas())
	for _, want := range []string{"Namai", "Kompiuteris", "Darbalaukis", "Dokumentai", "Atsisiuntimai", "Muzika", "Paveikslėliai", "Vaizdo įrašai"} {
		if !slices.Contains(texts, want) {
			t.Errorf("save dialog lacks the place %q; it shows %q", want, texts)
		}
	}
	for english := range filePlaceKeys {
		if slices.Contains(texts, english) {
			t.Errorf("save dialog shows the English place %q", english)
		}
	}
}

func TestFileDialog_placesInEnglish(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	useLanguage(t, "en")
	useHomeWithPlaces(t)

	s.interop.chooseImport(T("interopui.import_csv"), formatCSV, parseEventsCSV)
	texts := placesTexts(t, env.Window.Canvas())
	for _, want := range []string{"Home", "Computer", "Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"} {
		if !slices.Contains(texts, want) {
			t.Errorf("open dialog lacks the place %q; it shows %q", want, texts)
		}
	}
}

func TestFileDialog_translatePlaceLabel(t *testing.T) {
	useLanguage(t, "lt")
	cases := map[string]string{
		"App Files": "Programos failai",
		"Movies":    "Filmai",
		`C:\`:       `C:\`,
		"":          "",
	}
	for english, want := range cases {
		label := widget.NewLabel(english)
		translatePlaceLabel(container.NewHBox(widget.NewIcon(nil), label))
		if label.Text != want {
			t.Errorf("place %q shows %q, want %q", english, label.Text, want)
		}
	}
}

func TestFileDialog_noDialogNoChange(t *testing.T) {
	env := newRecordsTestEnv(t)
	if translateFilePlaces(env.Window.Canvas()) {
		t.Error("translateFilePlaces found a places list with no dialog open")
	}
}

func TestFileDialog_pdfExportPlaces(t *testing.T) {
	s, env, _ := newEditionTestScreen(t)
	useHomeWithPlaces(t)

	s.onExport()
	texts := placesTexts(t, env.Window.Canvas())
	if !slices.Contains(texts, "Namai") || slices.Contains(texts, "Home") {
		t.Errorf("PDF save dialog places = %q, want Namai and no Home", texts)
	}
}
