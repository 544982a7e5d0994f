package ui

import (
	"cmp"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// summaryLine is one row of the consultation summary: a month or a
// category and how many consultations it has.
type summaryLine struct {
	// Key is "yyyy-mm" for a month, or the category as stored ("" for
	// consultations without one).
	Key   string
	Count int
}

// consultationSummary counts consultations per month and per category.
type consultationSummary struct {
	Total int
	// ByMonth is in calendar order, oldest month first.
	ByMonth []summaryLine
	// ByCategory has the largest count first, then categories in
	// Lithuanian order.
	ByCategory []summaryLine
}

// summarizeConsultations counts the given consultations.
func summarizeConsultations(list []data.Consultation) consultationSummary {
	months := map[string]int{}
	categories := map[string]int{}
	for _, c := range list {
		months[fmt.Sprintf("%04d-%02d", c.Date.Year, c.Date.Month)]++
		categories[c.Category]++
	}

	s := consultationSummary{Total: len(list)}
	for key, n := range months {
		s.ByMonth = append(s.ByMonth, summaryLine{Key: key, Count: n})
	}
	slices.SortFunc(s.ByMonth, func(a, b summaryLine) int { return cmp.Compare(a.Key, b.Key) })

	for key, n := range categories {
		s.ByCategory = append(s.ByCategory, summaryLine{Key: key, Count: n})
	}
	slices.SortFunc(s.ByCategory, func(a, b summaryLine) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return data.CompareLT(a.Key, b.Key)
	})
	return s
}

// monthLabel returns "2026-03 kovas" for the key "2026-03".
func monthLabel(key string) string {
	var year, month int
	if n, _ := fmt.Sscanf(key, "%d-%d", &year, &month); n != 2 || month < 1 || month > 12 {
		return key
	}
	return T("consultations.summary.month", map[string]any{"Key": key, "Month": T("calendar.month." + fmt.Sprint(month))})
}

// categoryLabel names a category, with a label for consultations without one.
func categoryLabel(key string) string {
	if key == "" {
		return T("consultations.summary.no_category")
	}
	return key
}

// summaryView shows a consultationSummary as two short tables.
type summaryView struct {
	total *widget.Label
	rows  *fyne.Container
	// lines holds the texts shown, in order, for tests and screen readers.
	lines   []string
	content fyne.CanvasObject
}

func newSummaryView() *summaryView {
	v := &summaryView{total: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), rows: container.NewVBox()}
	v.total.Truncation = fyne.TextTruncateEllipsis
	v.content = container.NewVScroll(container.NewVBox(v.total, v.rows))
	return v
}

// show replaces the tables with the summary of list.
func (v *summaryView) show(list []data.Consultation) {
	s := summarizeConsultations(list)
	v.total.SetText(T("consultations.summary.total", map[string]any{"Count": TN("consultations.count", s.Total)}))
	v.rows.RemoveAll()
	v.lines = nil

	v.addTable(T("consultations.summary.by_month"), s.ByMonth, monthLabel)
	v.addTable(T("consultations.summary.by_category"), s.ByCategory, categoryLabel)
}

func (v *summaryView) addTable(heading string, lines []summaryLine, label func(string) string) {
	v.rows.Add(sectionHeading(heading))
	for _, l := range lines {
		name := label(l.Key)
		count := TN("consultations.count", l.Count)
		v.lines = append(v.lines, name+": "+count)
		// A long category is cut with an ellipsis so that the summary
		// tab does not widen the list beside it.
		nameLabel := widget.NewLabel(name)
		nameLabel.Truncation = fyne.TextTruncateEllipsis
		countLabel := widget.NewLabel(count)
		countLabel.Alignment = fyne.TextAlignTrailing
		v.rows.Add(container.NewBorder(nil, nil, nil, countLabel, nameLabel))
	}
}
