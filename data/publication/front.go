package publication

import (
	"strconv"
	"strings"
)

// cover writes page 1: the title, the year and the publisher, with no
// running header or page number.
func (d *document) cover() {
	d.newPage("", false)

	d.pdf.SetFillColor(colourAccent[0], colourAccent[1], colourAccent[2])
	d.pdf.Rect(d.left, 62, 40, 2, "F")
	d.pdf.SetFillColor(0, 0, 0)

	d.y = 72
	d.setStyle(styleCoverTitle)
	for _, l := range d.wrap(d.ed.Title, textWidth, false) {
		d.cell(d.left, d.y, textWidth, styleCoverTitle.lineHeight, l.text, "L")
		d.y += styleCoverTitle.lineHeight
	}

	d.y += 6
	d.setStyle(styleCoverYear)
	d.setTextColour(colourAccent)
	d.cell(d.left, d.y, textWidth, styleCoverYear.lineHeight, strconv.Itoa(d.ed.Year), "L")
	d.setTextColour(colourText)

	var bottom []string
	if p := strings.TrimSpace(d.ed.Imprint.Publisher); p != "" {
		bottom = append(bottom, p)
	}
	if p := strings.TrimSpace(d.ed.Imprint.Place); p != "" {
		bottom = append(bottom, p)
	}
	d.setStyle(styleCoverSmall)
	var lines []line
	for _, text := range bottom {
		lines = append(lines, d.wrap(text, textWidth, false)...)
	}
	d.y = textBottom - float64(len(lines))*styleCoverSmall.lineHeight
	for _, l := range lines {
		d.cell(d.left, d.y, textWidth, styleCoverSmall.lineHeight, l.text, "L")
		d.y += styleCoverSmall.lineHeight
	}
}

// imprint writes page 2, the back of the cover: title, editors,
// publisher, place and year, licence and ISBN, set at the foot of the page
// as publishers do. The page carries no number, as is usual for it.
func (d *document) imprint() {
	d.newPage("", false)
	ed := d.ed

	type entry struct {
		text string
		s    style
		gap  float64
	}
	entries := []entry{{text: ed.Title, s: styleImprintTitle}}
	if len(ed.Editors) > 0 {
		entries = append(entries, entry{text: d.labels.Editors + ": " + strings.Join(ed.Editors, ", "), s: styleImprint})
	}
	if ed.Imprint.Publisher != "" {
		entries = append(entries, entry{text: d.labels.Publisher + ": " + ed.Imprint.Publisher, s: styleImprint, gap: 3})
	}
	placeYear := strconv.Itoa(ed.Year)
	if ed.Imprint.Place != "" {
		placeYear = ed.Imprint.Place + ", " + placeYear
	}
	entries = append(entries, entry{text: placeYear, s: styleImprint})
	if ed.Imprint.Licence != "" {
		entries = append(entries, entry{text: d.labels.Licence + ": " + ed.Imprint.Licence, s: styleImprint, gap: 3})
	}
	if ed.Imprint.ISBN != "" {
		entries = append(entries, entry{text: d.labels.ISBN + " " + ed.Imprint.ISBN, s: styleImprint, gap: 3})
	}

	type placed struct {
		lines []line
		entry
	}
	var blocks []placed
	height := 0.0
	for _, e := range entries {
		d.setStyle(e.s)
		lines := d.wrap(e.text, textWidth, false)
		blocks = append(blocks, placed{lines, e})
		height += e.gap + float64(len(lines))*e.s.lineHeight
	}

	d.y = textBottom - height
	for _, b := range blocks {
		d.y += b.gap
		d.setStyle(b.s)
		for _, l := range b.lines {
			d.cell(d.left, d.y, textWidth, b.s.lineHeight, l.text, "L")
			d.y += b.s.lineHeight
		}
	}
}

// heading writes a chapter-sized heading with a rule under it at the top
// of the current page, adds its outline entry when bookmark is set, and
// returns its target.
func (d *document) heading(title string, bookmark bool) target {
	t := target{page: d.pdf.PageNo(), link: d.pdf.AddLink()}
	d.pdf.SetLink(t.link, d.y, t.page)
	d.setStyle(styleChapterTitle)
	if bookmark {
		d.pdf.Bookmark(title, 0, d.y)
	}
	for _, l := range d.wrap(title, textWidth, false) {
		d.cell(d.left, d.y, textWidth, styleChapterTitle.lineHeight, l.text, "L")
		d.y += styleChapterTitle.lineHeight
	}
	d.y += 2
	d.pdf.SetFillColor(colourAccent[0], colourAccent[1], colourAccent[2])
	d.pdf.Rect(d.left, d.y, 30, 1.2, "F")
	d.pdf.SetFillColor(0, 0, 0)
	d.y += 9
	return t
}

// forewordPages writes the foreword and signs it with the editors' names.
func (d *document) forewordPages() {
	d.newPage("", true)
	d.foreword = d.heading(d.labels.Foreword, true)
	d.flowText(d.ed.Foreword, func() { d.newPage(d.labels.Foreword, true) })

	if len(d.ed.Editors) > 0 {
		d.y += 4
		d.setStyle(styleAuthorDetail)
		var lines []line
		for _, name := range d.ed.Editors {
			lines = append(lines, d.wrap(name, textWidth, false)...)
		}
		if float64(len(lines))*styleAuthorDetail.lineHeight > d.spaceLeft() {
			d.newPage(d.labels.Foreword, true)
		}
		for _, l := range lines {
			d.cell(d.left, d.y, textWidth, styleAuthorDetail.lineHeight, l.text, "R")
			d.y += styleAuthorDetail.lineHeight
		}
	}
}

// tocEntry is one line of the table of contents.
type tocEntry struct {
	level int // 0 for chapters, the foreword and indexes; 1 for cases
	title string
	ref   target
}

// tocEntries lists the contents with the targets known so far.
func (d *document) tocEntries() []tocEntry {
	var entries []tocEntry
	if strings.TrimSpace(d.ed.Foreword) != "" {
		entries = append(entries, tocEntry{0, d.labels.Foreword, d.foreword})
	}
	for _, ch := range d.chapters {
		entries = append(entries, tocEntry{0, ch.title, ch.start})
		for _, pc := range ch.cases {
			entries = append(entries, tocEntry{1, pc.Title, d.caseRefs[pc.ID]})
		}
	}
	for _, kind := range d.indexKinds() {
		ref := target{}
		for _, ix := range d.indexes {
			if ix.title == kind {
				ref = ix.start
			}
		}
		entries = append(entries, tocEntry{0, kind, ref})
	}
	return entries
}

// TOC layout in millimetres.
const (
	tocNumberWidth = 12.0
	tocCaseIndent  = 6.0
	tocGap         = 2.0 // between a title and its page number
)

// layoutTOC lays out the table of contents and returns the number of
// pages it takes. With firstPage 0 it only measures; otherwise it writes
// into the pages reserved from firstPage on, with links to each entry.
func (d *document) layoutTOC(entries []tocEntry, firstPage int) int {
	if len(entries) == 0 {
		return 0
	}
	draw := firstPage > 0
	page := firstPage
	startPage := func() {
		d.y = marginTop
		if draw {
			d.pdf.SetPage(page)
			d.left = pageLeft(page)
			d.resetFont()
		}
	}

	startPage()
	if draw {
		// The outline entry was added with the reserved pages, so that
		// it is in page order.
		d.heading(d.labels.Contents, false)
	} else {
		d.setStyle(styleChapterTitle)
		d.y += float64(len(d.wrap(d.labels.Contents, textWidth, false)))*styleChapterTitle.lineHeight + 11
	}

	pages := 1
	for i, e := range entries {
		s, indent, before := styleTOCCase, tocCaseIndent, 0.8
		if e.level == 0 {
			s, indent, before = styleTOCChapter, 0, 4.0
			if i == 0 {
				before = 0
			}
		}
		d.setStyle(s)
		lines := d.wrap(e.title, textWidth-indent-tocNumberWidth-tocGap, false)
		height := before + float64(len(lines))*s.lineHeight
		if height > d.spaceLeft() {
			pages++
			page++
			startPage()
			d.setStyle(s)
			before = 0
		}
		d.y += before
		if !draw {
			d.y += float64(len(lines)) * s.lineHeight
			continue
		}

		top := d.y
		x := d.left + indent
		for j, l := range lines {
			d.cell(x, d.y, textWidth-indent, s.lineHeight, l.text, "L")
			if j == len(lines)-1 {
				d.leader(x+d.width(l.text)+tocGap, d.left+textWidth-tocNumberWidth, d.y, s)
				d.cell(d.left+textWidth-tocNumberWidth, d.y, tocNumberWidth, s.lineHeight, strconv.Itoa(e.ref.page), "R")
			}
			d.y += s.lineHeight
		}
		if e.ref.link > 0 {
			d.pdf.Link(x, top, textWidth-indent, d.y-top, e.ref.link)
		}
	}
	return pages
}

// leader writes dots between x0 and x1 on the line at y.
func (d *document) leader(x0, x1, y float64, s style) {
	dot := d.width(" .")
	n := int((x1 - x0) / dot)
	if n < 2 {
		return
	}
	d.setTextColour(colourMuted)
	d.cell(x1-float64(n)*dot, y, float64(n)*dot, s.lineHeight, strings.Repeat(" .", n), "L")
	d.setTextColour(colourText)
}
