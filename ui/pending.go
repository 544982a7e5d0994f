package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pendingScreen stands in for a section whose screen is not built yet.
type pendingScreen struct{ root fyne.CanvasObject }

func newPendingScreen(titleKey string) *pendingScreen {
	return &pendingScreen{root: widget.NewLabel(T(titleKey))}
}

func (p *pendingScreen) content() fyne.CanvasObject { return p.root }
func (p *pendingScreen) refresh()                   {}
func (p *pendingScreen) dirty() bool                { return false }
func (p *pendingScreen) save() error                { return nil }
func (p *pendingScreen) discard()                   {}
func (p *pendingScreen) onNew()                     {}
func (p *pendingScreen) onFind()                    {}
