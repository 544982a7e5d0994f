package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkGrid is a group of checkboxes laid out in a grid of columns, with
// the selection API of widget.CheckGroup, which lays its checks out in one
// row or one column only.
type checkGrid struct {
	options []string
	checks  []*widget.Check
	// Selected contains the checked options in the order of options.
	Selected []string
	// OnChanged runs after every change of Selected, by the user or by
	// SetSelected, as in widget.CheckGroup.
	OnChanged func([]string)
	// setting is set while SetSelected checks the boxes itself, so that
	// their callbacks do not report each box as a change.
	setting bool

	content *fyne.Container
}

// newCheckGrid returns a grid of one checkbox for each option, filled row
// by row in the given number of columns.
func newCheckGrid(options []string, columns int) *checkGrid {
	g := &checkGrid{options: options}
	objects := make([]fyne.CanvasObject, len(options))
	for i, option := range options {
		check := widget.NewCheck(option, func(bool) { g.checkChanged() })
		g.checks = append(g.checks, check)
		objects[i] = check
	}
	g.content = container.NewGridWithColumns(columns, objects...)
	return g
}

// SetSelected checks exactly the given options and runs OnChanged.
func (g *checkGrid) SetSelected(selected []string) {
	g.setting = true
	for i, check := range g.checks {
		check.SetChecked(slices.Contains(selected, g.options[i]))
	}
	g.setting = false
	g.checkChanged()
}

// checkChanged collects the checked options into Selected and reports
// them to OnChanged.
func (g *checkGrid) checkChanged() {
	if g.setting {
		return
	}
	g.Selected = nil
	for i, check := range g.checks {
		if check.Checked {
			g.Selected = append(g.Selected, g.options[i])
		}
	}
	if g.OnChanged != nil {
		g.OnChanged(g.Selected)
	}
}
