package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// longParagraph returns one paragraph of n runes with no line breaks, the
// worst case for a wrapped Entry because every key re-wraps all of it.
func longParagraph(n int) string {
	const words = "mokytojų asociacija dalijasi gerąja patirtimi su kolegomis ir mokiniais "
	var b strings.Builder
	for b.Len() < n*2 {
		b.WriteString(words)
	}
	return string([]rune(b.String())[:n])
}

// benchmarkTyping types one key per iteration at the end of a wrapped
// multi-line Entry that contains text, with the entry laid out in a window so
// that the renderer wraps the text as a real window does.
func benchmarkTyping(b *testing.B, entry fyne.Focusable, text string, set func(string), size fyne.Size) {
	test.NewTempApp(b)
	set(text)
	w := test.NewTempWindow(b, entry.(fyne.CanvasObject))
	w.Resize(size)
	w.Canvas().Focus(entry)

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		entry.TypedRune('a')
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/key")
}

func BenchmarkWrappedEntry_typing20000Paragraph(b *testing.B) {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	benchmarkTyping(b, entry, longParagraph(20000), entry.SetText, fyne.NewSize(600, 300))
}

func BenchmarkWrappedEntry_typing20000Lines(b *testing.B) {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	text := longParagraph(20000)
	// Break the text into paragraphs of about 600 runes, as typical cases are written.
	runes := []rune(text)
	for i := 600; i < len(runes); i += 600 {
		runes[i] = '\n'
	}
	benchmarkTyping(b, entry, string(runes), entry.SetText, fyne.NewSize(600, 300))
}

func BenchmarkLongTextField_typing20000Paragraph(b *testing.B) {
	field := newLongTextField(30000, newMessageLabel())
	test.NewTempApp(b)
	field.setText(longParagraph(20000))
	w := test.NewTempWindow(b, field.content)
	w.Resize(fyne.NewSize(600, 400))
	w.Canvas().Focus(field.entry)

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		field.entry.TypedRune('a')
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/key")
}
