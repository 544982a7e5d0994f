package publication

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// block is one line of the source text: a paragraph, or an item of a list
// when marker is set. Source line breaks are kept, so each source line is
// its own block.
type block struct {
	text   string
	marker string  // "•" for a bulleted item, or the item's own "1." or "a)"
	before float64 // extra space above, for a blank line in the source
}

// Layout of blocks, in millimetres.
const (
	paragraphGap = 2.2 // a blank line in the source
	listIndent   = 6.0 // the text of a list item, right of its marker
	minLooseFill = 0.25
)

// parseBlocks splits a section's text into blocks. Blank lines become
// space above the next block, and lines that start with "-", "–", "•",
// "*", "1." or "a)" become list items.
func parseBlocks(text string) []block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\t", " ")

	var blocks []block
	gap := 0.0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(blocks) > 0 {
				gap = paragraphGap
			}
			continue
		}
		b := block{text: line, before: gap}
		gap = 0
		b.marker, b.text = listMarker(line)
		blocks = append(blocks, b)
	}
	return blocks
}

// listMarker splits a list item's marker from its text. It returns an
// empty marker and the line for a plain paragraph.
func listMarker(line string) (marker, text string) {
	for _, bullet := range []string{"- ", "– ", "— ", "• ", "* ", "· "} {
		if rest, ok := strings.CutPrefix(line, bullet); ok && strings.TrimSpace(rest) != "" {
			return "•", strings.TrimSpace(rest)
		}
	}

	// "1." "12)" "a)" followed by a space; a year such as "2024." is not
	// a list number, so numbers have at most two digits.
	head, rest, ok := strings.Cut(line, " ")
	if !ok || strings.TrimSpace(rest) == "" || len(head) < 2 {
		return "", line
	}
	body, last := head[:len(head)-1], head[len(head)-1]
	if last != '.' && last != ')' {
		return "", line
	}
	switch {
	case len(body) <= 2 && isDigits(body):
		return head, strings.TrimSpace(rest)
	case last == ')' && utf8.RuneCountInString(body) == 1:
		r, _ := utf8.DecodeRuneInString(body)
		if unicode.IsLower(r) {
			return head, strings.TrimSpace(rest)
		}
	}
	return "", line
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// line is one laid-out line of text.
type line struct {
	text    string
	justify bool
}

// wrap breaks one paragraph into lines no wider than maxWidth in the
// current font. Words are split at spaces only. A word wider than the
// line, or a long address that would leave a loose line, is broken inside
// (see splitToken). When justify is set, every line but the last is
// marked for justification unless it has a single word or would need
// spaces over four times their width.
func (d *document) wrap(text string, maxWidth float64, justify bool) []line {
	space := d.width(" ")
	var lines []line
	var words []string
	used := 0.0

	flush := func() {
		if len(words) == 0 {
			return
		}
		lines = append(lines, line{text: strings.Join(words, " ")})
		if justify && len(words) > 1 {
			stretch := (maxWidth - used) / float64(len(words)-1)
			lines[len(lines)-1].justify = stretch <= 4*space
		}
		words = words[:0]
		used = 0
	}

	pending := strings.Fields(text)
	for len(pending) > 0 {
		word := pending[0]
		pending = pending[1:]
		w := d.width(word)

		if len(words) == 0 && w <= maxWidth {
			words = append(words, word)
			used = w
			continue
		}
		if len(words) > 0 && used+space+w <= maxWidth {
			words = append(words, word)
			used += space + w
			continue
		}

		room := maxWidth
		if len(words) > 0 {
			room = maxWidth - used - space
		}
		splittable := w > maxWidth || (isAddress(word) && w > 0.3*maxWidth)
		if splittable && (len(words) == 0 || room >= minLooseFill*maxWidth) {
			head, tail := d.splitToken(word, room)
			if head == "" && len(words) == 0 {
				// Not one character fits a whole line: print it anyway
				// rather than loop forever.
				_, size := utf8.DecodeRuneInString(word)
				head, tail = word[:size], word[size:]
			}
			if head != "" {
				words = append(words, head)
				used += d.width(head)
				if len(words) > 1 {
					used += space
				}
				flush()
				if tail != "" {
					pending = append([]string{tail}, pending...)
				}
				continue
			}
		}
		flush()
		pending = append([]string{word}, pending...)
	}

	flush()
	if len(lines) > 0 {
		lines[len(lines)-1].justify = false
	}
	return lines
}

// isAddress reports whether a word looks like a URL, an e-mail address or
// a file path, which may break after its punctuation.
func isAddress(word string) bool {
	return strings.Contains(word, "/") || strings.Contains(word, "@") || strings.HasPrefix(word, "www.")
}

// splitToken returns the longest head of word that fits room in the
// current font, and the rest. An address breaks after "/", ".", "-", "@"
// and similar marks when one is near enough the end, and no hyphen is
// added, because a hyphen would change the address. Any other word breaks
// between letters and its head ends with a hyphen. The head holds at least
// one character, so a caller that loops always advances, and is empty only
// when not even that fits in room.
func (d *document) splitToken(word string, room float64) (head, tail string) {
	address := isAddress(word)
	hyphen := 0.0
	if !address {
		hyphen = d.width("-")
	}

	used := 0.0
	fit := 0        // byte length of the longest head that fits
	lastBreak := 0  // byte length of the head up to the last break mark
	fitRunes := 0   // runes in the fitting head
	breakRunes := 0 // runes in the head up to the last break mark
	for i, r := range word {
		used += d.width(string(r))
		if used+hyphen > room {
			break
		}
		fit = i + utf8.RuneLen(r)
		fitRunes++
		if address && strings.ContainsRune("/.-_@?&=#:", r) && fit < len(word) {
			lastBreak = fit
			breakRunes = fitRunes
		}
	}

	switch {
	case fit == 0:
		return "", word
	case fit == len(word):
		return word, ""
	case address && breakRunes*3 >= fitRunes*2:
		return word[:lastBreak], word[lastBreak:]
	case address:
		return word[:fit], word[fit:]
	}
	// Keep at least two letters on each side when the word allows it.
	for fitRunes > 2 && utf8.RuneCountInString(word[fit:]) < 2 {
		_, size := utf8.DecodeLastRuneInString(word[:fit])
		fit -= size
		fitRunes--
	}
	return word[:fit] + "-", word[fit:]
}

// flowLines writes lines in style s from the current position, starting
// new pages as needed. The first line of the text is never the only one
// at the bottom of a page, nor the last line alone at the top of the next
// (with three or more lines, where moving one line keeps two behind). The
// lines start at indent from the left text edge, and a list marker, when
// given, hangs left of the first line.
func (d *document) flowLines(lines []line, s style, indent float64, marker string, newPage func()) {
	d.setStyle(s)
	width := textWidth - indent
	first := true
	for len(lines) > 0 {
		fit := int(d.spaceLeft() / s.lineHeight)
		n := len(lines)
		switch {
		case n <= fit:
			fit = n
		case fit < 2:
			newPage()
			d.setStyle(s)
			continue
		case n-fit == 1 && fit >= 3:
			fit--
		}

		for _, l := range lines[:fit] {
			if first && marker != "" {
				d.cell(d.left+indent-listIndent, d.y, listIndent, s.lineHeight, marker, "L")
			}
			first = false
			align := "L"
			if l.justify {
				align = "J"
			}
			d.cell(d.left+indent, d.y, width, s.lineHeight, l.text, align)
			d.y += s.lineHeight
		}
		lines = lines[fit:]
		if len(lines) > 0 {
			newPage()
			d.setStyle(s)
		}
	}
}
