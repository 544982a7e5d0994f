package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// showSmall shows content in a window too short for any editor's form, so
// that the form has to scroll.
func showSmall(env *Env, content fyne.CanvasObject) {
	env.Window.SetContent(content)
	env.Window.Resize(fyne.NewSize(900, 480))
}

// assertInView fails unless obj lies inside the part of the scrolled
// content that the scroller shows.
func assertInView(t *testing.T, scroll *container.Scroll, obj fyne.CanvasObject) {
	t.Helper()
	driver := fyne.CurrentApp().Driver()
	y := driver.AbsolutePositionForObject(obj).Y - driver.AbsolutePositionForObject(scroll.Content).Y
	top, bottom := scroll.Offset.Y, scroll.Offset.Y+scroll.Size().Height
	if y < top || y >= bottom {
		t.Errorf("object at y=%v is outside the view %v–%v", y, top, bottom)
	}
}

// showPracticeEditor returns a new practice editor shown by showSmall.
func showPracticeEditor(t *testing.T) (*Env, *practiceEditor) {
	t.Helper()
	env := newRecordsTestEnv(t)
	e := newPracticeEditor(env)
	showSmall(env, e.content)
	return env, e
}

// showConsultationEditor returns a new consultation editor shown by
// showSmall.
func showConsultationEditor(t *testing.T) (*Env, *consultationEditor) {
	t.Helper()
	env := newRecordsTestEnv(t)
	e := newConsultationEditor(env)
	showSmall(env, e.content)
	return env, e
}

// checkRejected calls save, which must fail, and checks the line at the
// top of the editor. action names the save in the failure message.
func checkRejected(t *testing.T, action string, save func() error, status *editorStatus, want string) {
	t.Helper()
	if err := save(); err == nil {
		t.Fatalf("%s returned nil", action)
	}
	if got := status.text(); got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
}

// checkSaved calls save, which must succeed, and checks that the line at
// the top of the editor reports the save.
func checkSaved(t *testing.T, action string, save func() error, status *editorStatus) {
	t.Helper()
	if err := save(); err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	if got := status.text(); got != "Išsaugota." {
		t.Errorf("status = %q after a save, want %q", got, "Išsaugota.")
	}
}

func TestPracticeEditor_failedSaveScrollsToAuthors(t *testing.T) {
	_, e := showPracticeEditor(t)

	test.Type(e.title, "Projektinė savaitė")
	test.Type(e.subject, "Istorija")
	e.levels.SetSelected([]string{EnumLabel("level", string(data.LevelBasic))})
	// The only author row stays blank, so the case has no author.

	checkRejected(t, "save without an author", e.save, e.saveStatus, "Įrašas neišsaugotas: pataisykite 1 lauką.")
	if e.scroll.Offset.Y <= 0 {
		t.Errorf("scroll offset = %v, want the form scrolled down to the authors", e.scroll.Offset.Y)
	}
	assertInView(t, e.scroll, e.messages.label("authors"))
}

func TestPracticeEditor_savedStatus(t *testing.T) {
	_, e := showPracticeEditor(t)

	test.Type(e.title, "Projektinė savaitė")
	test.Type(e.subject, "Istorija")
	test.Type(e.authors[0].name, "Ona Onaitė")
	e.levels.SetSelected([]string{EnumLabel("level", string(data.LevelBasic))})
	checkSaved(t, "save", e.save, e.saveStatus)
}

func TestConsultationEditor_failedSaveScrollsToContact(t *testing.T) {
	_, e := showConsultationEditor(t)

	test.Type(e.duration, "45")
	test.Type(e.topic, "Vertinimo tvarka")
	test.Type(e.requesterContact, "jonas@@mokykla")
	test.Type(e.consultant, "Jonas Jonaitis")
	e.scroll.ScrollToTop()

	checkRejected(t, "save with an invalid contact", e.save, e.saveStatus, "Įrašas neišsaugotas: pataisykite 1 lauką.")
	if e.messages.text("requester.contact") == "" {
		t.Error("no message beside the contact")
	}
	assertInView(t, e.scroll, e.requesterContact)
}

func TestConsultationEditor_statusCountsFields(t *testing.T) {
	_, e := showConsultationEditor(t)

	// No duration, no topic and a contact with two @ signs.
	test.Type(e.requesterContact, "jonas@@mokykla")
	checkRejected(t, "save of an incomplete consultation", e.save, e.saveStatus, "Įrašas neišsaugotas: pataisykite 3 laukus.")
	assertInView(t, e.scroll, e.duration)

	replaceText(e.requesterContact, "jonas@mokykla.lt")
	test.Type(e.duration, "30")
	test.Type(e.topic, "Vertinimas")
	checkSaved(t, "save after fixing", e.save, e.saveStatus)
}

func TestEventEditor_failedSaveScrollsToField(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newEventEditor(env)
	showSmall(env, e.root)

	e.loadNew(calendarToday)
	test.Type(e.title, "Metodinė diena")
	e.eventType.SetSelectedIndex(0)
	test.Type(e.startTime, "09:00")
	test.Type(e.endTime, "12:00")
	test.Type(e.registrationURL, "mokykla.lt/registracija")

	checkRejected(t, "save with an address without a scheme", e.save, e.saveStatus, "Įrašas neišsaugotas: pataisykite 1 lauką.")
	if e.scroll.Offset.Y <= 0 {
		t.Errorf("scroll offset = %v, want the form scrolled down", e.scroll.Offset.Y)
	}
	assertInView(t, e.scroll, e.registrationURL)

	replaceText(e.registrationURL, "https://mokykla.lt/registracija")
	checkSaved(t, "save after fixing", e.save, e.saveStatus)
}

func TestPracticeEditor_editClearsMessage(t *testing.T) {
	_, e := showPracticeEditor(t)

	test.Type(e.subject, "Istorija")
	e.levels.SetSelected([]string{EnumLabel("level", string(data.LevelBasic))})
	if err := e.save(); err == nil {
		t.Fatal("save without a title and an author returned nil")
	}
	if e.messages.text("title") == "" || e.messages.text("authors") == "" {
		t.Fatalf("messages: title %q, authors %q, want both", e.messages.text("title"), e.messages.text("authors"))
	}
	if got, want := e.saveStatus.text(), "Įrašas neišsaugotas: pataisykite 2 laukus."; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}

	test.Type(e.title, "P")
	if got := e.messages.text("title"); got != "" {
		t.Errorf("title message = %q after typing a title, want none", got)
	}
	if got := e.messages.text("authors"); got == "" {
		t.Error("authors message went when the title changed")
	}
	if got, want := e.saveStatus.text(), "Įrašas neišsaugotas: pataisykite 1 lauką."; got != want {
		t.Errorf("status = %q after fixing one field, want %q", got, want)
	}

	test.Type(e.authors[0].name, "Ona")
	if got := e.messages.text("authors"); got != "" {
		t.Errorf("authors message = %q after typing an author, want none", got)
	}
	if got := e.saveStatus.text(); got != "" {
		t.Errorf("status = %q with every field fixed, want none", got)
	}
}

func TestConsultationEditor_editClearsDateError(t *testing.T) {
	_, e := showConsultationEditor(t)

	replaceText(e.date, "2026-02-30")
	test.Type(e.duration, "30")
	test.Type(e.topic, "Vertinimas")
	test.Type(e.requesterContact, "jonas@@mokykla")
	if err := e.save(); err == nil {
		t.Fatal("save with a day that does not exist returned nil")
	}
	if e.date.ErrorText() == "" {
		t.Fatal("date entry not marked after the failed save")
	}

	replaceText(e.date, "2026-02-27")
	if got := e.date.ErrorText(); got != "" {
		t.Errorf("date entry error = %q after a new date, want none", got)
	}
	if got := e.messages.text("date"); got != "" {
		t.Errorf("date message = %q after a new date, want none", got)
	}
	if got := e.messages.text("requester.contact"); got == "" {
		t.Error("contact message went when the date changed")
	}

	test.Type(e.requesterContact, "x")
	if got := e.messages.text("requester.contact"); got != "" {
		t.Errorf("contact message = %q after typing, want none", got)
	}
}

func TestEventEditor_editClearsRowMessage(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newEventEditor(env)
	showSmall(env, e.root)

	e.loadNew(calendarToday)
	test.Type(e.title, "Metodinė diena")
	e.eventType.SetSelectedIndex(0)
	// The start time is missing.
	test.Type(e.endTime, "12:00")
	if err := e.save(); err == nil {
		t.Fatal("save without a start time returned nil")
	}
	if e.message(rowStart) == "" || e.startDate.ErrorText() == "" {
		t.Fatalf("start row message %q, date mark %q, want both", e.message(rowStart), e.startDate.ErrorText())
	}

	test.Type(e.startTime, "9")
	if got := e.message(rowStart); got != "" {
		t.Errorf("start message = %q after typing a time, want none", got)
	}
	if got := e.startDate.ErrorText(); got != "" {
		t.Errorf("start date mark = %q after typing a time, want none", got)
	}
	if got := e.saveStatus.text(); got != "" {
		t.Errorf("status = %q with no message left, want none", got)
	}
}

func TestEditors_openAtTop(t *testing.T) {
	env := newRecordsTestEnv(t)

	event := newEventEditor(env)
	showSmall(env, event.root)
	event.scroll.ScrollToBottom()
	if event.scroll.Offset.Y <= 0 {
		t.Fatal("event form did not scroll, the test window is too tall")
	}
	event.loadNew(calendarToday)
	if got := event.scroll.Offset.Y; got != 0 {
		t.Errorf("new event opens at offset %v, want 0", got)
	}

	practice := newPracticeEditor(env)
	showSmall(env, practice.content)
	practice.scroll.ScrollToBottom()
	practice.load(*validCase("Antras aprašas"))
	if got := practice.scroll.Offset.Y; got != 0 {
		t.Errorf("practice case opens at offset %v, want 0", got)
	}

	consultation := newConsultationEditor(env)
	showSmall(env, consultation.content)
	consultation.scroll.ScrollToBottom()
	consultation.load(newConsultation())
	if got := consultation.scroll.Offset.Y; got != 0 {
		t.Errorf("new consultation opens at offset %v, want 0", got)
	}
}

func TestSuggestEntry_tapOpensList(t *testing.T) {
	env, e := showPracticeEditor(t)
	e.subject.SetOptions([]string{"Istorija", "Matematika"})

	if got := e.subject.PlaceHolder; got != "Pasirinkite arba įrašykite dalyką" {
		t.Errorf("subject placeholder = %q", got)
	}
	if got := e.licence.PlaceHolder; got != "Pasirinkite arba įrašykite licenciją" {
		t.Errorf("licence placeholder = %q", got)
	}

	test.Tap(e.subject)
	overlay := env.Window.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("tapping the empty subject opened no list")
	}
	overlay.Hide()
	env.Window.Canvas().Overlays().Remove(overlay)

	e.subject.SetText("Fizika")
	test.Tap(e.subject)
	if env.Window.Canvas().Overlays().Top() != nil {
		t.Error("tapping a filled subject opened the list, want only the cursor")
	}
}

func TestTimeEntry_fitsPlaceholder(t *testing.T) {
	useLanguage(t, "lt")
	e := NewTimeEntry()
	placeholder := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width
	if got := e.MinSize().Width; got < placeholder+theme.IconInlineSize()+2*theme.InnerPadding() {
		t.Errorf("min width %v leaves no room for %q (%v) beside the icon", got, e.PlaceHolder, placeholder)
	}
}

func TestEditors_deleteDialogTitled(t *testing.T) {
	env, e := showPracticeEditor(t)
	c := validCase("Trinamas aprašas")
	saveCase(t, env, c)
	e.load(*c)

	test.Tap(e.deleteButton)
	if e.confirm == nil {
		t.Fatal("delete did not ask for confirmation")
	}
	body := e.confirm.popUp.Content.(*fyne.Container)
	var texts []string
	for _, o := range body.Objects {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if !slices.Contains(texts, "Ištrinti aprašą?") {
		t.Errorf("dialog labels %q lack the title %q", texts, "Ištrinti aprašą?")
	}
	test.Tap(e.confirm.cancel)
}

func TestPracticeEditor_levelsWrap(t *testing.T) {
	_, e := showPracticeEditor(t)
	oneRow := widget.NewCheckGroup(e.levelLabels(), nil)
	oneRow.Horizontal = true

	if got, row := e.levels.content.MinSize().Width, oneRow.MinSize().Width; got >= row/2 {
		t.Errorf("levels min width %v, want under half of one row's %v", got, row)
	}
	if got, row := e.content.MinSize().Width, oneRow.MinSize().Width; got >= row {
		t.Errorf("editor min width %v, want under one row of levels %v", got, row)
	}
}

func TestCheckGrid_selection(t *testing.T) {
	test.NewTempApp(t)
	g := newCheckGrid([]string{"a", "b", "c"}, 2)
	var reported [][]string
	g.OnChanged = func(selected []string) { reported = append(reported, selected) }

	test.Tap(g.checks[2])
	test.Tap(g.checks[0])
	if !slices.Equal(g.Selected, []string{"a", "c"}) {
		t.Errorf("selected after taps = %q, want [a c]", g.Selected)
	}
	if len(reported) != 2 {
		t.Fatalf("OnChanged ran %d times for two taps, want 2", len(reported))
	}

	g.SetSelected([]string{"b"})
	if !slices.Equal(g.Selected, []string{"b"}) {
		t.Errorf("selected after SetSelected = %q, want [b]", g.Selected)
	}
	if g.checks[0].Checked || !g.checks[1].Checked || g.checks[2].Checked {
		t.Errorf("checks = %v %v %v, want only b", g.checks[0].Checked, g.checks[1].Checked, g.checks[2].Checked)
	}
	if len(reported) != 3 || !slices.Equal(reported[2], []string{"b"}) {
		t.Errorf("OnChanged reports = %q, want one more with [b]", reported)
	}

	g.SetSelected(nil)
	if len(g.Selected) != 0 {
		t.Errorf("selected after clearing = %q, want none", g.Selected)
	}
}
