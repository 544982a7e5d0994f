package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/publication"
)

// publicationLabels returns the translated texts that the PDF prints. The
// headless publish command builds the same labels in package app, which ui
// cannot import.
func publicationLabels() publication.Labels {
	l := publication.Labels{
		Contents:           T("publication.contents"),
		Foreword:           T("publication.foreword"),
		IndexAssociations:  T("publication.index_associations"),
		IndexAuthors:       T("publication.index_authors"),
		Editors:            T("publication.editors"),
		Publisher:          T("publication.publisher"),
		ISBN:               "ISBN",
		Licence:            T("publication.licence"),
		Association:        T("publication.association"),
		Subject:            FieldName(data.KindPractice, "subject"),
		Levels:             FieldName(data.KindPractice, "levels"),
		Grades:             FieldName(data.KindPractice, "grades"),
		Keywords:           FieldName(data.KindPractice, "keywords"),
		PublicationSubject: T("publication.subject"),
		Sections:           map[string]string{},
		LevelNames:         map[data.EducationLevel]string{},
	}
	for _, s := range (&data.PracticeCase{}).Sections() {
		l.Sections[s.Field] = FieldName(data.KindPractice, s.Field)
	}
	for _, level := range data.EducationLevels {
		l.LevelNames[level] = EnumLabel("level", string(level))
	}
	return l
}

// publicationErrorText returns the translated message for an export that
// stopped: which case (by title when titles has it) or edition field to
// fix, and how.
func publicationErrorText(e *publication.Error, titles map[string]string) string {
	kind := data.KindPractice
	if e.CaseID == "" {
		kind = data.KindEdition
	}
	field := e.Field
	if field != "" {
		field = FieldName(kind, e.Field)
	}

	var message string
	switch e.Code {
	case publication.CodeUnsupportedChar:
		message = T("publication.error.unsupported_character", map[string]any{"Char": string(e.Char), "Code": fmt.Sprintf("U+%04X", e.Char)})
	case publication.CodeCaseNotFound:
		message = T("publication.error.case_not_found")
	case publication.CodeInternal:
		message = T("publication.error.internal", map[string]any{"Error": fmt.Sprint(e.Err)})
	default:
		message = T("error."+e.Code, map[string]any{"Field": field, "Limit": e.Limit})
	}

	name := e.CaseID
	if title := titles[e.CaseID]; title != "" {
		name = title
	}
	values := map[string]any{"Case": name, "Field": field, "Message": message}
	if e.CaseID == "" {
		return T("publication.error.edition", values)
	}
	return T("publication.error.case", values)
}

// writePublication writes the edition's PDF to path through a temporary
// file in the same folder, renamed over path only when the whole document
// was written and synced. A failed or cancelled export leaves path as it
// was and removes the temporary file. The PDF is the published book,
// meant for printers and readers, so it gets the usual 0644 mode, as the
// headless publish command gives it.
func writePublication(ctx context.Context, path string, ed data.Edition, cases map[string]data.PracticeCase, opts publication.Options) error {
	opts.Context = ctx
	return writeFileAtomic(path, 0o644, func(w io.Writer) error {
		return publication.Write(w, ed, cases, opts)
	})
}

// publishJob is one PDF export running off the UI goroutine, with its
// progress dialog. The job owns its goroutine; the dialog's Cancel button
// cancels the context, which publication.Write checks between cases.
type publishJob struct {
	env     *Env
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan struct{}
	path    string
	edition data.Edition
	cases   map[string]data.PracticeCase
	opts    publication.Options

	progress *widget.ProgressBar
	status   *widget.Label
	cancelBt *widget.Button
	dialog   dialog.Dialog

	mu  sync.Mutex
	err error
}

// newPublishJob prepares the export of ed with cases to path and its
// progress dialog with a Cancel button. associations maps association ids
// to the names the PDF prints; nil takes the directory stored by the last
// sync. Ending parent cancels the export too. Nothing runs until start.
func newPublishJob(parent context.Context, env *Env, path string, ed data.Edition, cases map[string]data.PracticeCase, associations map[string]string) *publishJob {
	if associations == nil {
		associations = associationNames(env)
	}
	ctx, cancel := context.WithCancel(parent)
	j := &publishJob{
		env:      env,
		ctx:      ctx,
		cancel:   cancel,
		done:     make(chan struct{}),
		path:     path,
		edition:  ed,
		cases:    cases,
		progress: widget.NewProgressBar(),
		status:   widget.NewLabel(T("edition.export.running")),
	}
	j.opts = publication.Options{
		Labels:       publicationLabels(),
		Associations: associations,
		Progress: func(done, total int) {
			value := 1.0
			if total > 0 {
				value = float64(done) / float64(total)
			}
			fyne.Do(func() { j.progress.SetValue(value) })
		},
	}
	j.cancelBt = widget.NewButton(T("edition.export.cancel"), j.onCancel)
	content := container.NewVBox(j.status, j.progress, j.cancelBt)
	j.dialog = dialog.NewCustomWithoutButtons(T("edition.export.title"), content, env.Window)
	return j
}

// start shows the progress dialog and runs the export in the background.
// finished runs on the UI goroutine with nil, an error wrapping
// context.Canceled, or the export's error.
func (j *publishJob) start(finished func(error)) {
	j.dialog.Show()
	go func() {
		defer close(j.done)
		defer j.cancel()
		err := writePublication(j.ctx, j.path, j.edition, j.cases, j.opts)
		switch {
		case err == nil:
			j.env.Log.Info("publication exported", "path", j.path, "edition", j.edition.ID, "cases", len(j.edition.CaseIDs()))
		case errors.Is(err, context.Canceled):
			j.env.Log.Info("publication export cancelled", "path", j.path, "edition", j.edition.ID)
		default:
			j.env.Log.Error("export publication", "path", j.path, "edition", j.edition.ID, "err", err)
		}
		j.mu.Lock()
		j.err = err
		j.mu.Unlock()
		fyne.Do(func() {
			j.dialog.Hide()
			finished(err)
		})
	}()
}

func (j *publishJob) onCancel() {
	j.cancelBt.Disable()
	j.status.SetText(T("edition.export.cancelling"))
	j.cancel()
}

// wait blocks until the export's goroutine has ended and returns its
// error. Tests use it in place of sleeping.
func (j *publishJob) wait() error {
	<-j.done
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}
