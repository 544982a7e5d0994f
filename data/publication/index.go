package publication

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"partneryste/data"
)

// indexPlan is one index at the end of the book.
type indexPlan struct {
	title   string
	start   target
	entries []indexEntry
}

// indexEntry is a name with the targets of the cases it appears in.
type indexEntry struct {
	name string
	key  []byte // Lithuanian sort key of name
	refs []target
}

// Index layout in millimetres.
const (
	indexColumnGap = 8.0
	indexHang      = 4.0 // indent of an entry's continuation lines
)

// indexKinds returns the titles of the indexes the book has: none without
// cases, else associations and authors.
func (d *document) indexKinds() []string {
	if len(d.chapters) == 0 {
		return nil
	}
	return []string{d.labels.IndexAssociations, d.labels.IndexAuthors}
}

// indexPages writes the index of associations and the index of authors,
// each in two columns, sorted in Lithuanian collation, with the pages
// where the cases start.
func (d *document) indexPages() {
	kinds := d.indexKinds()
	if len(kinds) == 0 {
		return
	}
	associations := map[string][]target{}
	authors := map[string][]target{}
	for _, ch := range d.chapters {
		for _, pc := range ch.cases {
			ref := d.caseRefs[pc.ID]
			name := associationName(d.opts.Associations, pc.Association)
			if strings.TrimSpace(name) != "" {
				associations[name] = append(associations[name], ref)
			}
			for _, a := range pc.Authors {
				inverted := invertName(a.Name)
				authors[inverted] = append(authors[inverted], ref)
			}
		}
	}

	for i, names := range []map[string][]target{associations, authors} {
		plan := indexPlan{title: kinds[i], entries: sortedEntries(names)}
		d.newPage("", true)
		plan.start = d.heading(plan.title, true)
		d.indexColumns(plan)
		d.indexes = append(d.indexes, plan)
	}
}

// sortedEntries returns the names in Lithuanian collation, each with its
// targets in page order and without repeats.
func sortedEntries(names map[string][]target) []indexEntry {
	entries := make([]indexEntry, 0, len(names))
	for name, refs := range names {
		slices.SortFunc(refs, func(a, b target) int { return cmp.Compare(a.page, b.page) })
		refs = slices.CompactFunc(refs, func(a, b target) bool { return a.page == b.page })
		entries = append(entries, indexEntry{name: name, key: data.SortKeyLT(name), refs: refs})
	}
	slices.SortFunc(entries, func(a, b indexEntry) int {
		return cmp.Or(bytes.Compare(a.key, b.key), strings.Compare(a.name, b.name))
	})
	return entries
}

// invertName turns "Vardas Pavardė" into "Pavardė, Vardas" for the index
// of authors. A single word, or a name that already has a comma, is kept.
func invertName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if strings.Contains(name, ",") {
		return name
	}
	i := strings.LastIndex(name, " ")
	if i < 0 {
		return name
	}
	return name[i+1:] + ", " + name[:i]
}

// indexColumns writes the entries in two columns, left column first, with
// a link on every page number.
func (d *document) indexColumns(plan indexPlan) {
	colWidth := (textWidth - indexColumnGap) / 2
	column := 0
	columnTop := d.y
	s := styleIndex

	for _, e := range plan.entries {
		pages := make([]string, len(e.refs))
		for i, ref := range e.refs {
			pages[i] = strconv.Itoa(ref.page)
		}
		text := e.name + "  " + strings.Join(pages, ", ")
		nameWords := len(strings.Fields(e.name))

		d.setStyle(s)
		lines := d.wrap(text, colWidth-indexHang, false)
		if float64(len(lines))*s.lineHeight > d.spaceLeft() {
			if column == 0 {
				column = 1
			} else {
				d.newPage(plan.title, true)
				column = 0
				columnTop = d.y
			}
			d.y = columnTop
			d.setStyle(s)
		}

		x := d.left + float64(column)*(colWidth+indexColumnGap)
		word := 0
		for i, l := range lines {
			lineX := x
			if i > 0 {
				lineX += indexHang
			}
			d.cell(lineX, d.y, colWidth, s.lineHeight, l.text, "L")

			// Link each page number: the words after the name's words.
			words := strings.Split(l.text, " ")
			offset := 0.0
			for _, w := range words {
				if word >= nameWords && w != "" {
					if ref := word - nameWords; ref < len(e.refs) {
						number := strings.TrimSuffix(w, ",")
						d.pdf.Link(lineX+offset, d.y, d.width(number), s.lineHeight, e.refs[ref].link)
					}
				}
				if w != "" {
					word++
				}
				offset += d.width(w + " ")
			}
			d.y += s.lineHeight
		}
	}
}
