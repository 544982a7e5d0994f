package publication

import (
	"strings"

	"partneryste/data"
)

// Vertical spacing of a case, in millimetres.
const (
	sectionGapBefore = 4.5
	sectionGapAfter  = 1.2
	metaLabelWidth   = 36.0
)

// practiceCase writes case number index of chapter ch. The first case
// opens the chapter on a new page under the chapter's title, and every
// other case starts a page of its own.
func (d *document) practiceCase(ch *chapterPlan, index int, pc *data.PracticeCase) {
	newPage := func() { d.newPage(ch.title, true) }
	if index == 0 {
		d.newPage("", true)
		ch.start = d.heading(ch.title, true)
	} else {
		newPage()
	}

	ref := target{page: d.pdf.PageNo(), link: d.pdf.AddLink()}
	d.pdf.SetLink(ref.link, d.y, ref.page)
	d.caseRefs[pc.ID] = ref
	d.setStyle(styleCaseTitle)
	d.pdf.Bookmark(pc.Title, 1, d.y)
	d.flowLines(d.wrap(pc.Title, textWidth, false), styleCaseTitle, 0, "", newPage)

	d.y += 2
	d.authors(pc.Authors, newPage)
	d.y += 3
	d.details(pc, newPage)

	for _, s := range pc.Sections() {
		if strings.TrimSpace(*s.Text) == "" {
			continue
		}
		d.section(d.labels.Sections[s.Field], *s.Text, newPage)
	}
}

// authors writes one author a line: the name in bold, then the role and
// school in italics, on the same line when they fit.
func (d *document) authors(authors []data.Author, newPage func()) {
	for _, a := range authors {
		var details []string
		for _, text := range []string{a.Role, a.School} {
			if t := strings.TrimSpace(text); t != "" {
				details = append(details, t)
			}
		}
		detail := strings.Join(details, ", ")

		d.setStyle(styleAuthorName)
		nameLines := d.wrap(a.Name, textWidth, false)
		nameWidth := d.width(nameLines[len(nameLines)-1].text + ", ")
		d.setStyle(styleAuthorDetail)
		sameLine := detail != "" && nameWidth+d.width(detail) <= textWidth

		if float64(len(nameLines))*styleAuthorName.lineHeight > d.spaceLeft() {
			newPage()
		}
		d.setStyle(styleAuthorName)
		for i, l := range nameLines {
			text := l.text
			if i == len(nameLines)-1 && sameLine {
				text += ","
			}
			d.cell(d.left, d.y, textWidth, styleAuthorName.lineHeight, text, "L")
			if i < len(nameLines)-1 || !sameLine {
				d.y += styleAuthorName.lineHeight
			}
		}
		switch {
		case sameLine:
			d.setStyle(styleAuthorDetail)
			d.cell(d.left+nameWidth, d.y, textWidth-nameWidth, styleAuthorDetail.lineHeight, detail, "L")
			d.y += styleAuthorDetail.lineHeight
		case detail != "":
			d.setStyle(styleAuthorDetail)
			d.flowLines(d.wrap(detail, textWidth, false), styleAuthorDetail, 0, "", newPage)
		}
	}
}

// details writes the case's association, subject, levels, grades and
// keywords as a two-column list between thin rules.
func (d *document) details(pc *data.PracticeCase, newPage func()) {
	var levels []string
	for _, l := range pc.Levels {
		levels = append(levels, d.labels.LevelNames[l])
	}
	rows := []struct{ label, value string }{
		{d.labels.Association, associationName(d.opts.Associations, pc.Association)},
		{d.labels.Subject, pc.Subject},
		{d.labels.Levels, strings.Join(levels, ", ")},
		{d.labels.Grades, pc.Grades},
		{d.labels.Keywords, strings.Join(pc.Keywords, ", ")},
	}

	valueWidth := textWidth - metaLabelWidth
	d.rule(d.left, d.y, textWidth, 0.2)
	d.y += 1.5
	for _, row := range rows {
		if strings.TrimSpace(row.value) == "" {
			continue
		}
		d.setStyle(styleMetaValue)
		lines := d.wrap(row.value, valueWidth, false)
		if float64(len(lines))*styleMetaValue.lineHeight > d.spaceLeft() {
			newPage()
		}

		d.setStyle(styleMetaLabel)
		d.setTextColour(colourMuted)
		d.cell(d.left, d.y, metaLabelWidth, styleMetaValue.lineHeight, row.label, "L")
		d.setTextColour(colourText)
		d.setStyle(styleMetaValue)
		for _, l := range lines {
			d.cell(d.left+metaLabelWidth, d.y, valueWidth, styleMetaValue.lineHeight, l.text, "L")
			d.y += styleMetaValue.lineHeight
		}
	}
	d.y += 1.5
	d.rule(d.left, d.y, textWidth, 0.2)
	d.y += 2
}

// section writes a heading and its text. The heading moves to the next
// page when fewer than two lines of its text would fit under it.
func (d *document) section(heading, text string, newPage func()) {
	blocks := parseBlocks(text)
	if len(blocks) == 0 {
		return
	}
	d.setStyle(styleBody)
	firstLines := d.wrap(blocks[0].text, textWidth-blockIndent(blocks[0]), true)
	keep := min(2, len(firstLines))

	d.setStyle(styleSection)
	headingLines := d.wrap(heading, textWidth, false)
	need := sectionGapBefore + float64(len(headingLines))*styleSection.lineHeight + sectionGapAfter + float64(keep)*styleBody.lineHeight
	if need > d.spaceLeft() {
		newPage()
	} else {
		d.y += sectionGapBefore
	}
	d.setStyle(styleSection)
	for _, l := range headingLines {
		d.cell(d.left, d.y, textWidth, styleSection.lineHeight, l.text, "L")
		d.y += styleSection.lineHeight
	}
	d.y += sectionGapAfter

	d.flowBlocks(blocks, firstLines, newPage)
}

// flowText writes free text, such as the foreword, as blocks.
func (d *document) flowText(text string, newPage func()) {
	blocks := parseBlocks(text)
	if len(blocks) == 0 {
		return
	}
	d.setStyle(styleBody)
	d.flowBlocks(blocks, d.wrap(blocks[0].text, textWidth-blockIndent(blocks[0]), true), newPage)
}

// flowBlocks writes blocks in the body style; firstLines are the first
// block's lines, already wrapped by the caller.
func (d *document) flowBlocks(blocks []block, firstLines []line, newPage func()) {
	for i, b := range blocks {
		indent := blockIndent(b)
		lines := firstLines
		if i > 0 {
			d.setStyle(styleBody)
			lines = d.wrap(b.text, textWidth-indent, true)
			if d.y > marginTop {
				d.y += b.before
			}
		}
		d.flowLines(lines, styleBody, indent, b.marker, newPage)
	}
}

func blockIndent(b block) float64 {
	if b.marker == "" {
		return 0
	}
	return listIndent
}
