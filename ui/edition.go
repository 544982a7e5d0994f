package ui

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/publication"
)

// editionStore is the part of the store that lists editions.
// *boltstore.DB implements it.
type editionStore interface {
	Editions() ([]data.Edition, error)
}

// editionScreen is the coordinator's publication editor: the edition's
// fields, its chapters and the cases in each, a preview of the table of
// contents, and the PDF export.
type editionScreen struct {
	env *Env

	editions *widget.Select
	list     []data.Edition

	// base is the edition as last loaded or saved, and draft the one being
	// edited; the form's fields are copied into draft on every change.
	base  data.Edition
	draft data.Edition

	title     *widget.Entry
	year      *widget.Entry
	editors   *widget.Entry
	foreword  *widget.Entry
	publisher *widget.Entry
	place     *widget.Entry
	isbn      *widget.Entry
	licence   *widget.Entry

	chapters *widget.List
	chapter  int // selected chapter, or -1
	// chapterTitle is the name that "Pridėti skyrių" gives a new chapter
	// and "Pervadinti skyrių" gives the selected one. Typing alone
	// changes no chapter.
	chapterTitle  *widget.Entry
	renameChapter *widget.Button
	cases         *widget.List
	caseIndex     int // selected case of the chapter, or -1
	addCase       *widget.Select
	// approved are the cases an edition can hold, by id.
	approved map[string]data.CaseSummary
	// addable are the ids behind addCase's options, in the same order.
	addable []string

	preview *widget.Label
	message *widget.Label
	export  *widget.Button
	job     *publishJob
	// loading is set while the form is filled from draft, so that the
	// fields' OnChanged does not copy half-filled values back.
	loading bool

	root fyne.CanvasObject
}

func newEditionScreen(env *Env) *editionScreen {
	s := &editionScreen{env: env, chapter: -1, caseIndex: -1}

	s.editions = widget.NewSelect(nil, s.onEditionSelected)
	s.editions.PlaceHolder = T("edition.choose")
	newButton := widget.NewButton(T("edition.new"), s.onNew)

	changed := func(string) { s.onFormChanged() }
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnChanged = changed
		return e
	}
	s.title, s.year, s.publisher, s.place, s.isbn, s.licence = entry(), entry(), entry(), entry(), entry(), entry()
	s.editors = widget.NewMultiLineEntry()
	s.editors.SetPlaceHolder(T("edition.editors_hint"))
	s.editors.OnChanged = changed
	s.foreword = widget.NewMultiLineEntry()
	s.foreword.Wrapping = fyne.TextWrapWord
	s.foreword.SetMinRowsVisible(5)
	s.foreword.OnChanged = changed

	form := widget.NewForm(
		widget.NewFormItem(FieldName(data.KindEdition, "title"), s.title),
		widget.NewFormItem(FieldName(data.KindEdition, "year"), s.year),
		widget.NewFormItem(FieldName(data.KindEdition, "editors"), s.editors),
		widget.NewFormItem(FieldName(data.KindEdition, "foreword"), s.foreword),
		widget.NewFormItem(FieldName(data.KindEdition, "imprint.publisher"), s.publisher),
		widget.NewFormItem(FieldName(data.KindEdition, "imprint.place"), s.place),
		widget.NewFormItem(FieldName(data.KindEdition, "imprint.isbn"), s.isbn),
		widget.NewFormItem(FieldName(data.KindEdition, "imprint.licence"), s.licence),
	)

	s.chapters = widget.NewList(
		func() int { return len(s.draft.Chapters) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			if id < len(s.draft.Chapters) {
				ch := s.draft.Chapters[id]
				obj.(*widget.Label).SetText(fmt.Sprintf("%d. %s (%d)", id+1, ch.Title, len(ch.CaseIDs)))
			}
		},
	)
	s.chapters.OnSelected = s.onChapterSelected
	s.chapterTitle = widget.NewEntry()
	s.chapterTitle.SetPlaceHolder(T("edition.chapter.title_hint"))
	s.chapterTitle.OnChanged = func(string) { s.updateRenameButton() }
	s.renameChapter = widget.NewButton(T("edition.chapter.rename"), s.onRenameChapter)
	s.renameChapter.Disable()
	// Two buttons a row keep each column narrow enough for half of a
	// 1366-pixel window beside the navigation.
	chapterButtons := container.NewGridWithColumns(2,
		widget.NewButton(T("edition.chapter.add"), s.onAddChapter),
		s.renameChapter,
		widget.NewButton(T("edition.up"), func() { s.moveChapter(-1) }),
		widget.NewButton(T("edition.down"), func() { s.moveChapter(1) }),
		widget.NewButton(T("edition.chapter.remove"), s.onRemoveChapter),
		widget.NewButton(T("edition.chapter.default"), s.onDefaultChapters),
	)

	s.cases = widget.NewList(
		func() int { return len(s.chapterCases()) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			if ids := s.chapterCases(); id < len(ids) {
				obj.(*widget.Label).SetText(fmt.Sprintf("%d. %s", id+1, s.caseTitle(ids[id])))
			}
		},
	)
	s.cases.OnSelected = func(id widget.ListItemID) { s.caseIndex = id }
	s.addCase = widget.NewSelect(nil, nil)
	s.addCase.PlaceHolder = T("edition.case.choose")
	caseButtons := container.NewGridWithColumns(2,
		widget.NewButton(T("edition.case.add"), s.onAddCase),
		widget.NewButton(T("edition.case.remove"), s.onRemoveCase),
		widget.NewButton(T("edition.up"), func() { s.moveCase(-1) }),
		widget.NewButton(T("edition.down"), func() { s.moveCase(1) }),
	)

	s.preview = widget.NewLabel("")
	s.preview.Wrapping = fyne.TextWrapWord
	s.message = newMessageLabel()
	saveButton := widget.NewButton(T("edition.save"), func() { _ = s.save() })
	saveButton.Importance = widget.HighImportance
	s.export = widget.NewButton(T("edition.export"), s.onExport)

	chaptersBox := container.NewBorder(
		widget.NewLabel(T("edition.chapters")),
		container.NewVBox(s.chapterTitle, chapterButtons), nil, nil, listArea(s.chapters))
	casesBox := container.NewBorder(
		widget.NewLabel(T("edition.cases")),
		container.NewVBox(s.addCase, caseButtons), nil, nil, listArea(s.cases))
	// The two columns share the width the window gives them: a fixed
	// width would run past the right edge of a narrow window.
	structure := container.NewGridWithColumns(2, chaptersBox, casesBox)

	body := container.NewVBox(
		container.NewBorder(nil, nil, nil, newButton, s.editions),
		form,
		structure,
		widget.NewLabel(T("edition.preview")),
		s.preview,
		s.message,
		container.NewHBox(saveButton, s.export),
	)
	s.root = container.NewVScroll(body)

	s.refresh()
	return s
}

func (s *editionScreen) content() fyne.CanvasObject { return s.root }

// listArea gives a list a minimum height inside the scrolling page,
// because a list's own minimum height is a single row.
func listArea(list *widget.List) fyne.CanvasObject {
	spacer := canvas.NewRectangle(nil)
	spacer.SetMinSize(fyne.NewSize(0, 180))
	return container.NewStack(spacer, list)
}

// refresh reloads the approved cases and the list of editions. The
// edition being edited stays as it is.
func (s *editionScreen) refresh() {
	s.approved = map[string]data.CaseSummary{}
	for _, status := range []data.CaseStatus{data.CaseApproved, data.CasePublished} {
		rows, err := s.env.Store.PracticeCases(data.CaseFilter{Status: status})
		if err != nil {
			s.env.Log.Error("list approved cases for the edition", "err", err)
			setMessage(s.message, T("practice.list_failed"))
			return
		}
		for _, r := range rows {
			s.approved[r.ID] = r
		}
	}

	s.list = nil
	if store, ok := s.env.Store.(editionStore); ok {
		list, err := store.Editions()
		if err != nil {
			s.env.Log.Error("list editions", "err", err)
			setMessage(s.message, T("edition.error.list"))
		}
		s.list = list
	}
	options := make([]string, len(s.list))
	for i, ed := range s.list {
		options[i] = fmt.Sprintf("%d · %s", ed.Year, ed.Title)
	}
	s.editions.SetOptions(options)

	if s.draft.Title == "" && s.draft.Year == 0 && s.draft.ID == "" {
		if len(s.list) > 0 {
			s.load(s.list[0])
		} else {
			s.load(s.newEdition())
		}
		return
	}
	s.showStructure()
}

// newEdition returns an unsaved edition of the current year with one
// chapter per subject of the approved cases.
func (s *editionScreen) newEdition() data.Edition {
	var cases []data.PracticeCase
	for _, r := range s.approved {
		cases = append(cases, data.PracticeCase{Meta: data.Meta{ID: r.ID}, Title: r.Title, Subject: r.Subject})
	}
	return data.NewEdition(time.Now().In(data.Vilnius).Year(), cases)
}

func (s *editionScreen) onNew() {
	s.load(s.newEdition())
}

func (s *editionScreen) onFind() {}

func (s *editionScreen) onEditionSelected(string) {
	if i := s.editions.SelectedIndex(); i >= 0 && i < len(s.list) {
		if s.list[i].ID != s.draft.ID {
			s.load(s.list[i])
		}
	}
}

// load fills the form with ed and makes it the unchanged state.
func (s *editionScreen) load(ed data.Edition) {
	s.base = cloneEdition(ed)
	s.draft = cloneEdition(ed)

	s.loading = true
	s.title.SetText(ed.Title)
	s.year.SetText("")
	if ed.Year != 0 {
		s.year.SetText(strconv.Itoa(ed.Year))
	}
	s.editors.SetText(strings.Join(ed.Editors, "\n"))
	s.foreword.SetText(ed.Foreword)
	s.publisher.SetText(ed.Imprint.Publisher)
	s.place.SetText(ed.Imprint.Place)
	s.isbn.SetText(ed.Imprint.ISBN)
	s.licence.SetText(ed.Imprint.Licence)
	s.loading = false

	s.chapter, s.caseIndex = -1, -1
	s.chapters.UnselectAll()
	s.chapterTitle.SetText("")
	setMessage(s.message, "")
	s.showStructure()
}

func cloneEdition(ed data.Edition) data.Edition {
	ed.Editors = slices.Clone(ed.Editors)
	chapters := make([]data.Chapter, len(ed.Chapters))
	for i, ch := range ed.Chapters {
		chapters[i] = data.Chapter{Title: ch.Title, CaseIDs: slices.Clone(ch.CaseIDs)}
	}
	ed.Chapters = chapters
	return ed
}

// onFormChanged copies the form's fields into the draft.
func (s *editionScreen) onFormChanged() {
	if s.loading {
		return
	}
	s.draft.Title = s.title.Text
	s.draft.Year, _ = strconv.Atoi(strings.TrimSpace(s.year.Text))
	s.draft.Editors = nil
	for _, line := range strings.Split(s.editors.Text, "\n") {
		if name := strings.TrimSpace(line); name != "" {
			s.draft.Editors = append(s.draft.Editors, name)
		}
	}
	s.draft.Foreword = s.foreword.Text
	s.draft.Imprint = data.Imprint{
		Publisher: s.publisher.Text,
		Place:     s.place.Text,
		ISBN:      strings.TrimSpace(s.isbn.Text),
		Licence:   s.licence.Text,
	}
	s.updatePreview()
}

// showStructure redraws the chapters, the cases of the selected chapter,
// the cases that can be added and the preview.
func (s *editionScreen) showStructure() {
	s.chapters.Refresh()
	s.cases.Refresh()

	used := map[string]bool{}
	for _, id := range s.draft.CaseIDs() {
		used[id] = true
	}
	s.addable = s.addable[:0]
	for id := range s.approved {
		if !used[id] {
			s.addable = append(s.addable, id)
		}
	}
	slices.SortFunc(s.addable, func(a, b string) int { return data.CompareLT(s.approved[a].Title, s.approved[b].Title) })
	options := make([]string, len(s.addable))
	for i, id := range s.addable {
		options[i] = s.approved[id].Title
	}
	s.addCase.ClearSelected()
	s.addCase.SetOptions(options)
	s.updatePreview()
}

// caseTitle returns the title of an approved case, or its id when the
// store has no such approved case.
func (s *editionScreen) caseTitle(id string) string {
	if r, ok := s.approved[id]; ok {
		return r.Title
	}
	if c, err := s.env.Store.PracticeCase(id); err == nil {
		return c.Title
	}
	return id
}

// tableOfContents returns the chapter and case titles in print order, as
// the preview shows them.
func (s *editionScreen) tableOfContents() string {
	var lines []string
	for i, ch := range s.draft.Chapters {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, ch.Title))
		for j, id := range ch.CaseIDs {
			lines = append(lines, fmt.Sprintf("    %d.%d. %s", i+1, j+1, s.caseTitle(id)))
		}
	}
	if len(lines) == 0 {
		return T("edition.preview_empty")
	}
	return strings.Join(lines, "\n")
}

func (s *editionScreen) updatePreview() {
	s.preview.SetText(s.tableOfContents())
}

func (s *editionScreen) chapterCases() []string {
	if s.chapter < 0 || s.chapter >= len(s.draft.Chapters) {
		return nil
	}
	return s.draft.Chapters[s.chapter].CaseIDs
}

func (s *editionScreen) onChapterSelected(id widget.ListItemID) {
	if id >= len(s.draft.Chapters) {
		return
	}
	s.chapter = id
	s.caseIndex = -1
	s.cases.UnselectAll()
	s.chapterTitle.SetText(s.draft.Chapters[id].Title)
	s.updateRenameButton()
	s.cases.Refresh()
}

// typedChapterTitle returns the trimmed text of the chapter name field.
func (s *editionScreen) typedChapterTitle() string {
	return strings.TrimSpace(s.chapterTitle.Text)
}

// updateRenameButton enables "Pervadinti skyrių" while a chapter is
// selected and the typed name is new for it.
func (s *editionScreen) updateRenameButton() {
	title := s.typedChapterTitle()
	if s.chapter >= 0 && s.chapter < len(s.draft.Chapters) && title != "" && title != s.draft.Chapters[s.chapter].Title {
		s.renameChapter.Enable()
		return
	}
	s.renameChapter.Disable()
}

// onRenameChapter gives the selected chapter the typed name.
func (s *editionScreen) onRenameChapter() {
	title := s.typedChapterTitle()
	if s.chapter < 0 || s.chapter >= len(s.draft.Chapters) || title == "" {
		return
	}
	s.draft.Chapters[s.chapter].Title = title
	s.chapters.RefreshItem(s.chapter)
	s.updateRenameButton()
	s.updatePreview()
}

// onAddChapter adds a chapter at the end with the typed name. While the
// field still shows the selected chapter's own name, or is empty, the new
// chapter is called "Naujas skyrius", so that it never copies that name.
func (s *editionScreen) onAddChapter() {
	title := s.typedChapterTitle()
	if title == "" || (s.chapter >= 0 && s.chapter < len(s.draft.Chapters) && title == s.draft.Chapters[s.chapter].Title) {
		title = T("edition.chapter.new_title")
	}
	s.draft.Chapters = append(s.draft.Chapters, data.Chapter{Title: title})
	s.showStructure()
	s.chapters.Select(len(s.draft.Chapters) - 1)
}

func (s *editionScreen) onRemoveChapter() {
	if s.chapter < 0 || s.chapter >= len(s.draft.Chapters) {
		return
	}
	s.draft.Chapters = slices.Delete(s.draft.Chapters, s.chapter, s.chapter+1)
	s.chapter, s.caseIndex = -1, -1
	s.chapters.UnselectAll()
	s.chapterTitle.SetText("")
	s.showStructure()
}

func (s *editionScreen) moveChapter(step int) {
	to := s.chapter + step
	if s.chapter < 0 || to < 0 || to >= len(s.draft.Chapters) {
		return
	}
	chapters := s.draft.Chapters
	chapters[s.chapter], chapters[to] = chapters[to], chapters[s.chapter]
	s.showStructure()
	s.chapters.Select(to)
}

// onDefaultChapters replaces the chapters with one per subject of the
// approved cases.
func (s *editionScreen) onDefaultChapters() {
	s.draft.Chapters = s.newEdition().Chapters
	s.chapter, s.caseIndex = -1, -1
	s.chapters.UnselectAll()
	s.updateRenameButton()
	s.showStructure()
}

func (s *editionScreen) onAddCase() {
	i := s.addCase.SelectedIndex()
	if s.chapter < 0 || s.chapter >= len(s.draft.Chapters) || i < 0 || i >= len(s.addable) {
		return
	}
	ch := &s.draft.Chapters[s.chapter]
	ch.CaseIDs = append(ch.CaseIDs, s.addable[i])
	s.showStructure()
}

func (s *editionScreen) onRemoveCase() {
	ids := s.chapterCases()
	if s.caseIndex < 0 || s.caseIndex >= len(ids) {
		return
	}
	ch := &s.draft.Chapters[s.chapter]
	ch.CaseIDs = slices.Delete(ch.CaseIDs, s.caseIndex, s.caseIndex+1)
	s.caseIndex = -1
	s.cases.UnselectAll()
	s.showStructure()
}

func (s *editionScreen) moveCase(step int) {
	ids := s.chapterCases()
	to := s.caseIndex + step
	if s.caseIndex < 0 || to < 0 || to >= len(ids) {
		return
	}
	ids[s.caseIndex], ids[to] = ids[to], ids[s.caseIndex]
	s.showStructure()
	s.cases.Select(to)
}

func (s *editionScreen) dirty() bool {
	return !reflect.DeepEqual(normalEdition(s.base), normalEdition(s.draft))
}

// normalEdition makes nil and empty lists compare equal.
func normalEdition(ed data.Edition) data.Edition {
	ed = cloneEdition(ed)
	if len(ed.Editors) == 0 {
		ed.Editors = nil
	}
	for i := range ed.Chapters {
		if len(ed.Chapters[i].CaseIDs) == 0 {
			ed.Chapters[i].CaseIDs = nil
		}
	}
	if len(ed.Chapters) == 0 {
		ed.Chapters = nil
	}
	return ed
}

// save stores the draft. Invalid input is listed in the message label with
// each field named.
func (s *editionScreen) save() error {
	s.message.Importance = widget.DangerImportance
	ed := cloneEdition(s.draft)
	if err := s.env.Store.Save(&ed); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			var lines []string
			for _, fe := range ve.Fields {
				lines = append(lines, FieldErrorText(data.KindEdition, fe))
			}
			setMessage(s.message, strings.Join(lines, "\n"))
			return err
		}
		s.env.Log.Error("save edition", "edition", ed.ID, "err", err)
		setMessage(s.message, T("edition.error.save"))
		return err
	}
	s.env.Log.Info("edition saved", "edition", ed.ID, "revision", ed.Revision)
	s.load(ed)
	s.refresh()
	s.editions.SetSelectedIndex(slices.IndexFunc(s.list, func(e data.Edition) bool { return e.ID == ed.ID }))
	return nil
}

func (s *editionScreen) discard() {
	s.load(s.base)
}

// onExport opens a save dialog for the PDF file and exports the edition
// being edited to the chosen path.
func (s *editionScreen) onExport() {
	if len(s.draft.CaseIDs()) == 0 {
		// Checked before the file dialog, which would create the file.
		s.message.Importance = widget.DangerImportance
		setMessage(s.message, T("edition.export.no_cases"))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.env.Log.Error("choose the PDF file", "err", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The file dialog has created the file; the export replaces it
		// through a temporary file, so this handle is not written to.
		w.Close()
		s.exportTo(path)
	}, s.env.Window)
	d.SetFileName(fmt.Sprintf("leidinys-%d.pdf", s.draft.Year))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	showFileDialog(d, s.env.Window.Canvas())
}

// exportTo writes the edition being edited as a PDF to path in the
// background, with the cases as the store holds them now. It returns the
// export's job, or nil when an export is already running.
func (s *editionScreen) exportTo(path string) *publishJob {
	return s.exportWithContext(context.Background(), path)
}

// exportWithContext starts the export and returns its job, or nil when an
// export is already running.
func (s *editionScreen) exportWithContext(ctx context.Context, path string) *publishJob {
	if s.job != nil {
		return nil
	}
	ed := cloneEdition(s.draft)
	cases := map[string]data.PracticeCase{}
	titles := map[string]string{}
	for _, id := range ed.CaseIDs() {
		c, err := s.env.Store.PracticeCase(id)
		if err != nil {
			// publication.Write names a case it cannot find.
			if !errors.Is(err, data.ErrNotFound) {
				s.env.Log.Error("read case for the publication", "case", id, "err", err)
			}
			continue
		}
		cases[id] = c
		titles[id] = c.Title
	}

	setMessage(s.message, "")
	s.export.Disable()
	job := newPublishJob(ctx, s.env, path, ed, cases, nil)
	s.job = job
	job.start(func(err error) {
		if s.job == job {
			s.job = nil
		}
		s.export.Enable()
		s.onExported(path, err, titles)
	})
	return job
}

func (s *editionScreen) onExported(path string, err error, titles map[string]string) {
	var pubErr *publication.Error
	s.message.Importance = widget.DangerImportance
	switch {
	case err == nil:
		s.message.Importance = widget.SuccessImportance
		setMessage(s.message, T("edition.export.done", map[string]any{"Path": path}))
	case errors.Is(err, context.Canceled):
		setMessage(s.message, T("edition.export.cancelled"))
	case errors.As(err, &pubErr):
		setMessage(s.message, publicationErrorText(pubErr, titles))
	default:
		setMessage(s.message, T("edition.export.failed", map[string]any{"Path": path}))
	}
}
