package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partneryste/data"
)

func validConsultation(date, topic, category string) *data.Consultation {
	d, err := data.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return &data.Consultation{
		Date:        d,
		DurationMin: 30,
		Format:      data.FormatPhone,
		Topic:       topic,
		Category:    category,
		Status:      data.ConsultationNew,
	}
}

func saveConsultation(t *testing.T, env *Env, c *data.Consultation) {
	t.Helper()
	if err := env.Store.Save(c); err != nil {
		t.Fatalf("save consultation %q: %v", c.Topic, err)
	}
}

func consultationTopics(s *consultationsScreen) []string {
	var topics []string
	for _, r := range s.rows {
		topics = append(topics, r.Topic)
	}
	return topics
}

// textInput is an entry that a test can clear and type into.
type textInput interface {
	fyne.Focusable
	SetText(string)
}

// replaceText clears an entry and types text into it, as a user does after
// selecting the old text.
func replaceText(entry textInput, text string) {
	entry.SetText("")
	test.Type(entry, text)
}

func TestConsultationsScreen_createByTyping(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newConsultationsScreen(env)
	showScreen(env, s.content())
	e := s.editor

	if got := e.date.Text; got != data.Today().String() {
		t.Errorf("new consultation date = %q, want today %q", got, data.Today())
	}
	replaceText(e.date, "2026-03-11")
	test.Type(e.duration, "45")
	e.format.setValue(string(data.FormatRemote))
	test.Type(e.topic, "Vertinimo kriterijai")
	test.Type(e.category, "Vertinimas")
	test.Type(e.requesterName, "Asta Astaitė")
	test.Type(e.requesterSchool, "Alytaus gimnazija")
	test.Type(e.requesterContact, "asta@example.lt")
	test.Type(e.question.entry, "Kaip vertinti projektus?")
	test.Type(e.answer.entry, "Pagal iš anksto aptartus kriterijus.")
	test.Type(e.consultant, "Metodininkė")
	e.status.setValue(string(data.ConsultationAnswered))
	test.Type(e.followUp, "2026-04-01")

	if err := s.save(); err != nil {
		t.Fatalf("save: %v (date %q)", err, e.messages.text("date"))
	}
	if len(s.rows) != 1 {
		t.Fatalf("list shows %d rows, want 1", len(s.rows))
	}
	stored, err := env.Store.Consultation(s.rows[0].ID)
	if err != nil {
		t.Fatalf("read stored consultation: %v", err)
	}
	want := data.Consultation{
		Meta:        stored.Meta,
		Date:        data.Date{Year: 2026, Month: time.March, Day: 11},
		DurationMin: 45,
		Format:      data.FormatRemote,
		Topic:       "Vertinimo kriterijai",
		Category:    "Vertinimas",
		Requester:   data.Requester{Name: "Asta Astaitė", School: "Alytaus gimnazija", Contact: "asta@example.lt"},
		Question:    "Kaip vertinti projektus?",
		Answer:      "Pagal iš anksto aptartus kriterijus.",
		Consultant:  "Metodininkė",
		Status:      data.ConsultationAnswered,
		FollowUp:    data.Date{Year: 2026, Month: time.April, Day: 1},
	}
	if stored != want {
		t.Errorf("stored = %+v\nwant     %+v", stored, want)
	}
	if s.dirty() {
		t.Error("dirty() = true after save")
	}
	if got := s.count.Text; got != "1 konsultacija" {
		t.Errorf("count = %q", got)
	}
	if !slices.Contains(s.categoryFilter.Options, "Vertinimas") {
		t.Errorf("category filter options %q lack the new category", s.categoryFilter.Options)
	}
}

func TestConsultationsScreen_editSavesNewRevision(t *testing.T) {
	env := newRecordsTestEnv(t)
	c := validConsultation("2026-02-02", "Skaitmeninės priemonės", "IT")
	saveConsultation(t, env, c)
	s := newConsultationsScreen(env)
	showScreen(env, s.content())

	s.list.Select(0)
	e := s.editor
	if got := e.topic.Text; got != "Skaitmeninės priemonės" {
		t.Fatalf("editor topic = %q after selecting the row", got)
	}
	replaceText(e.duration, "90")
	e.status.setValue(string(data.ConsultationClosed))
	if !s.dirty() {
		t.Fatal("dirty() = false after editing")
	}
	if err := s.save(); err != nil {
		t.Fatalf("save: %v", err)
	}

	stored, err := env.Store.Consultation(c.ID)
	if err != nil {
		t.Fatalf("read stored consultation: %v", err)
	}
	if stored.DurationMin != 90 {
		t.Errorf("duration = %d, want 90", stored.DurationMin)
	}
	if stored.Status != data.ConsultationClosed {
		t.Errorf("status = %q, want closed", stored.Status)
	}
	if stored.Revision <= c.Revision {
		t.Errorf("revision = %d, want more than %d", stored.Revision, c.Revision)
	}
	if counts, _ := env.Store.Counts(); counts.Consultations != 1 {
		t.Errorf("store has %d consultations after an edit, want 1", counts.Consultations)
	}
}

func TestConsultationEditor_invalidInputKeepsText(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newConsultationsScreen(env)
	showScreen(env, s.content())
	e := s.editor

	replaceText(e.date, "2026-02-30")
	test.Type(e.duration, "pusvalandis")
	test.Type(e.question.entry, "Klausimas be temos")
	test.Type(e.requesterName, "Petras")

	if err := s.save(); err == nil {
		t.Fatal("save returned nil for invalid input")
	}
	if got := e.messages.text("date"); !strings.Contains(got, FieldName(data.KindConsultation, "date")) {
		t.Errorf("date message %q does not name the field", got)
	}
	if e.date.ErrorText() == "" {
		t.Error("date entry not marked invalid")
	}
	if got := e.messages.text("duration_min"); !strings.Contains(got, FieldName(data.KindConsultation, "duration_min")) {
		t.Errorf("duration message %q does not name the field", got)
	}
	if got := e.messages.text("topic"); !strings.Contains(got, FieldName(data.KindConsultation, "topic")) {
		t.Errorf("topic message %q does not name the field", got)
	}
	if got := e.messages.text("question"); got != "" {
		t.Errorf("question message = %q, want none", got)
	}

	kept := []struct{ field, got, want string }{
		{"date", e.date.Text, "2026-02-30"},
		{"duration", e.duration.Text, "pusvalandis"},
		{"question", e.question.text(), "Klausimas be temos"},
		{"requester name", e.requesterName.Text, "Petras"},
	}
	for _, k := range kept {
		if k.got != k.want {
			t.Errorf("%s = %q after the failed save, want %q", k.field, k.got, k.want)
		}
	}
	if counts, _ := env.Store.Counts(); counts.Consultations != 0 {
		t.Errorf("store has %d consultations, want 0", counts.Consultations)
	}
}

func TestConsultationEditor_durationOutOfRange(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newConsultationsScreen(env).editor

	test.Type(e.topic, "Ilga konsultacija")
	limit := data.Limit(data.KindConsultation, "duration_min")
	test.Type(e.duration, strconv.Itoa(limit+1))
	if err := e.save(); err == nil {
		t.Fatal("save accepted a duration over the limit")
	}
	if got := e.messages.text("duration_min"); !strings.Contains(got, strconv.Itoa(limit)) {
		t.Errorf("duration message %q does not give the limit %d", got, limit)
	}

	replaceText(e.duration, "60")
	if err := e.save(); err != nil {
		t.Fatalf("save with 60 minutes: %v", err)
	}
	if got := e.messages.text("duration_min"); got != "" {
		t.Errorf("duration message = %q after a valid save", got)
	}
}

func TestConsultationsScreen_listNewestFirst(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveConsultation(t, env, validConsultation("2026-01-15", "Sausio", ""))
	saveConsultation(t, env, validConsultation("2026-03-01", "Kovo", ""))
	saveConsultation(t, env, validConsultation("2026-02-10", "Vasario", ""))
	s := newConsultationsScreen(env)

	if got := consultationTopics(s); !slices.Equal(got, []string{"Kovo", "Vasario", "Sausio"}) {
		t.Errorf("list order = %q, want newest first", got)
	}
}

func TestConsultationsScreen_filters(t *testing.T) {
	env := newRecordsTestEnv(t)
	a := validConsultation("2026-01-15", "Žinių patikrinimas", "Vertinimas")
	b := validConsultation("2026-02-10", "Pamokos planas", "Planavimas")
	b.Status = data.ConsultationClosed
	c := validConsultation("2026-02-20", "Vertinimo aplankas", "Vertinimas")
	for _, x := range []*data.Consultation{a, b, c} {
		saveConsultation(t, env, x)
	}
	s := newConsultationsScreen(env)
	showScreen(env, s.content())

	if want := []string{s.categoryFilter.anyLabel, "Planavimas", "Vertinimas"}; !slices.Equal(s.categoryFilter.Options, want) {
		t.Errorf("category options = %q, want %q", s.categoryFilter.Options, want)
	}

	s.statusFilter.setValue(string(data.ConsultationClosed))
	if got := consultationTopics(s); !slices.Equal(got, []string{"Pamokos planas"}) {
		t.Errorf("status closed lists %q", got)
	}
	s.statusFilter.setValue("")

	s.categoryFilter.SetSelected("Vertinimas")
	if got := consultationTopics(s); !slices.Equal(got, []string{"Vertinimo aplankas", "Žinių patikrinimas"}) {
		t.Errorf("category Vertinimas lists %q", got)
	}
	if got := s.count.Text; got != "2 konsultacijos" {
		t.Errorf("count = %q, want %q", got, "2 konsultacijos")
	}
	s.categoryFilter.SetSelectedIndex(0)

	test.Type(s.from, "2026-02-01")
	test.Type(s.to, "2026-02-15")
	if got := consultationTopics(s); !slices.Equal(got, []string{"Pamokos planas"}) {
		t.Errorf("period 2026-02-01..15 lists %q", got)
	}

	test.Type(s.search, "zin")
	if got := len(s.rows); got != 0 {
		t.Errorf("search %q inside February lists %d rows, want 0", "zin", got)
	}
	s.setPeriod(data.Date{}, data.Date{})
	if got := consultationTopics(s); !slices.Equal(got, []string{"Žinių patikrinimas"}) {
		t.Errorf("search %q lists %q", "zin", got)
	}
}

func TestConsultationsScreen_invalidPeriodIgnored(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveConsultation(t, env, validConsultation("2026-01-15", "Sausio", ""))
	s := newConsultationsScreen(env)

	test.Type(s.from, "2026-13-")
	if got := len(s.rows); got != 1 {
		t.Errorf("unparsable from date lists %d rows, want 1 (bound ignored)", got)
	}
}

func TestThisWeekAndMonth(t *testing.T) {
	// 2026-12-04 is a Friday.
	day := data.Date{Year: 2026, Month: time.December, Day: 4}
	from, to := thisWeek(day)
	if from.String() != "2026-11-30" || to.String() != "2026-12-06" {
		t.Errorf("thisWeek = %s..%s, want 2026-11-30..2026-12-06", from, to)
	}
	sunday := data.Date{Year: 2026, Month: time.December, Day: 6}
	if from, _ := thisWeek(sunday); from.String() != "2026-11-30" {
		t.Errorf("thisWeek(Sunday) starts %s, want Monday 2026-11-30", from)
	}
	from, to = thisMonth(data.Date{Year: 2028, Month: time.February, Day: 10})
	if from.String() != "2028-02-01" || to.String() != "2028-02-29" {
		t.Errorf("thisMonth(leap February) = %s..%s", from, to)
	}
	from, to = thisMonth(data.Date{Year: 2026, Month: time.December, Day: 31})
	if from.String() != "2026-12-01" || to.String() != "2026-12-31" {
		t.Errorf("thisMonth(December) = %s..%s", from, to)
	}
}

func TestConsultationsScreen_periodButtons(t *testing.T) {
	env := newRecordsTestEnv(t)
	today := data.Today()
	saveConsultation(t, env, validConsultation(today.String(), "Šiandien", ""))
	saveConsultation(t, env, validConsultation(today.AddDays(-40).String(), "Seniau", ""))
	s := newConsultationsScreen(env)

	s.setPeriod(thisMonth(today))
	if got := consultationTopics(s); !slices.Equal(got, []string{"Šiandien"}) {
		t.Errorf("this month lists %q", got)
	}
	from, _ := thisMonth(today)
	if s.from.Text != from.String() {
		t.Errorf("from field = %q, want %q", s.from.Text, from)
	}
	s.setPeriod(data.Date{}, data.Date{})
	if got := len(s.rows); got != 2 {
		t.Errorf("all time lists %d rows, want 2", got)
	}
}

func TestSummarizeConsultations(t *testing.T) {
	list := []data.Consultation{
		*validConsultation("2026-03-02", "a", "Vertinimas"),
		*validConsultation("2026-01-20", "b", "Planavimas"),
		*validConsultation("2026-03-15", "c", "Vertinimas"),
		*validConsultation("2026-03-30", "d", ""),
		*validConsultation("2025-12-31", "e", "Vertinimas"),
	}
	s := summarizeConsultations(list)
	if s.Total != 5 {
		t.Errorf("Total = %d, want 5", s.Total)
	}
	wantMonths := []summaryLine{{"2025-12", 1}, {"2026-01", 1}, {"2026-03", 3}}
	if !slices.Equal(s.ByMonth, wantMonths) {
		t.Errorf("ByMonth = %v, want %v", s.ByMonth, wantMonths)
	}
	wantCategories := []summaryLine{{"Vertinimas", 3}, {"", 1}, {"Planavimas", 1}}
	if !slices.Equal(s.ByCategory, wantCategories) {
		t.Errorf("ByCategory = %v, want %v", s.ByCategory, wantCategories)
	}
}

func TestConsultationsScreen_summaryPlurals(t *testing.T) {
	env := newRecordsTestEnv(t)
	for i := 1; i <= 10; i++ {
		saveConsultation(t, env, validConsultation("2026-03-"+strconv.Itoa(10+i), "Kovo "+strconv.Itoa(i), "Vertinimas"))
	}
	saveConsultation(t, env, validConsultation("2026-04-01", "Balandžio", "Planavimas"))
	saveConsultation(t, env, validConsultation("2026-04-02", "Balandžio 2", "Planavimas"))
	s := newConsultationsScreen(env)

	want := []string{
		"2026-03 (kovas): 10 konsultacijų",
		"2026-04 (balandis): 2 konsultacijos",
		"Vertinimas: 10 konsultacijų",
		"Planavimas: 2 konsultacijos",
	}
	if !slices.Equal(s.summary.lines, want) {
		t.Errorf("summary lines = %q\nwant %q", s.summary.lines, want)
	}
	if got := s.summary.total.Text; got != "Iš viso: 12 konsultacijų" {
		t.Errorf("total = %q", got)
	}

	s.categoryFilter.SetSelected("Planavimas")
	s.setPeriod(data.Date{Year: 2026, Month: time.April, Day: 1}, data.Date{Year: 2026, Month: time.April, Day: 1})
	if got := s.summary.total.Text; got != "Iš viso: 1 konsultacija" {
		t.Errorf("total for one day = %q", got)
	}
}

func TestConsultationsScreen_newAndFind(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveConsultation(t, env, validConsultation("2026-01-15", "Esama", ""))
	s := newConsultationsScreen(env)
	showScreen(env, s.content())
	s.list.Select(0)

	s.onNew()
	if got := s.editor.base.ID; got != "" {
		t.Errorf("onNew kept record %q open", got)
	}
	if env.Window.Canvas().Focused() != s.editor.topic {
		t.Error("onNew did not focus the topic")
	}
	s.onFind()
	if env.Window.Canvas().Focused() != s.search {
		t.Error("onFind did not focus the search field")
	}
}
