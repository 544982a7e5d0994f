package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// maxDayLines is the most event lines a day cell shows. A cell shows as
// many as fit its height, at least one, and a day with more events than
// lines shows one event fewer and a "+N" line that lists them all.
const maxDayLines = 3

// dayCell is one day of the month grid: the day's number and its events.
// Tapping the cell selects the day, and double-tapping it starts a new
// event on that day.
type dayCell struct {
	widget.BaseWidget

	screen  *calendarScreen
	day     data.Date
	events  []data.Event
	inMonth bool
	isToday bool

	background *canvas.Rectangle
	number     *canvas.Text
	chips      [maxDayLines]*eventChip
	more       *eventChip
	// lines is the number of event lines that fit the cell's height, as
	// its last layout found.
	lines int
	// allEvents is the last menu opened from the "+N" line, or nil.
	allEvents *widget.PopUpMenu
	root      *fyne.Container
}

var (
	_ fyne.Tappable       = (*dayCell)(nil)
	_ fyne.DoubleTappable = (*dayCell)(nil)
	_ desktop.Mouseable   = (*dayCell)(nil)
)

func newDayCell(s *calendarScreen) *dayCell {
	c := &dayCell{screen: s, lines: maxDayLines}
	c.ExtendBaseWidget(c)

	c.background = canvas.NewRectangle(color.Transparent)
	c.background.StrokeWidth = 2
	c.number = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	c.number.TextSize = theme.CaptionTextSize()

	lines := container.New(&dayLinesLayout{cell: c})
	for i := range c.chips {
		index := i
		c.chips[i] = newEventChip(func() { c.openChip(index) })
		lines.Add(c.chips[i])
	}
	c.more = newEventChip(c.showAllEvents)
	lines.Add(c.more)

	padded := container.NewPadded(container.NewBorder(c.number, nil, nil, nil, lines))
	c.root = container.NewStack(c.background, padded)
	return c
}

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.root)
}

// MouseDown selects the cell's day as soon as the button goes down.
// Fyne holds back Tapped of a widget that is also DoubleTappable until the
// double-tap delay has passed, so a Ctrl+N typed right after the click
// would otherwise open a new event on the day selected before.
//
// It does not move the grid to a neighbouring month, because the cells
// would then show other days when the held-back Tapped arrives. Tapped
// does that.
func (c *dayCell) MouseDown(*desktop.MouseEvent) {
	c.screen.markSelected(c.day)
}

// MouseUp does nothing. It completes desktop.Mouseable.
func (c *dayCell) MouseUp(*desktop.MouseEvent) {}

// Tapped selects the cell's day, and shows its month when the day belongs
// to a neighbouring one.
func (c *dayCell) Tapped(*fyne.PointEvent) {
	c.screen.onDaySelected(c.day)
}

// DoubleTapped starts a new event on the cell's day.
func (c *dayCell) DoubleTapped(*fyne.PointEvent) {
	c.screen.onDaySelected(c.day)
	c.screen.onNew()
}

// show fills the cell for day. Today gets the primary colour, the selected
// day a frame, and days of the neighbouring months a dimmed number.
func (c *dayCell) show(day data.Date, inMonth, isToday, selected bool, events []data.Event) {
	c.day, c.events, c.inMonth, c.isToday = day, events, inMonth, isToday

	primary := theme.Color(theme.ColorNamePrimary)
	c.number.Text = strconv.Itoa(day.Day)
	c.number.TextStyle.Bold = isToday
	switch {
	case isToday:
		c.number.Color = primary
	case inMonth:
		c.number.Color = theme.Color(theme.ColorNameForeground)
	default:
		c.number.Color = theme.Color(theme.ColorNameDisabled)
	}

	c.background.FillColor = color.Transparent
	if isToday {
		c.background.FillColor = withAlpha(primary, 0x30)
	}
	c.background.StrokeColor = color.Transparent
	if selected {
		c.background.StrokeColor = primary
	}

	c.fillLines()
	c.number.Refresh()
	c.background.Refresh()
}

// fillLines shows the first events in c.lines lines, the last of them a
// "+N" line when the events do not all fit.
func (c *dayCell) fillLines() {
	visible := len(c.events)
	if visible > c.lines {
		visible = c.lines - 1
	}
	for i, chip := range c.chips {
		if i < visible {
			chip.setText(c.events[i].Title)
			chip.Show()
		} else {
			chip.Hide()
		}
	}
	if hidden := len(c.events) - visible; hidden > 0 {
		c.more.setText(moreText(hidden))
		c.more.Show()
	} else {
		c.more.Hide()
	}
}

// dayLinesLayout stacks a day cell's event lines and shows only as many
// as fit. Its minimum height is one line, so a busy day neither makes the
// grid taller nor the window grow.
type dayLinesLayout struct {
	cell *dayCell
}

// lineHeight returns the height of one event line. Every line is an
// eventChip with one line of caption text, so the first one stands for all.
func lineHeight(objects []fyne.CanvasObject) float32 {
	if len(objects) == 0 {
		return 0
	}
	return objects[0].MinSize().Height
}

func (l *dayLinesLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, lineHeight(objects))
}

func (l *dayLinesLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	height, gap := lineHeight(objects), theme.Padding()
	fit := int((size.Height + gap) / (height + gap))
	fit = max(1, min(fit, maxDayLines))
	if fit != l.cell.lines && l.cell.more != nil {
		l.cell.lines = fit
		l.cell.fillLines()
	}

	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, height))
		y += height + gap
	}
}

func (c *dayCell) openChip(index int) {
	if index < len(c.events) {
		c.screen.openEvent(c.events[index].ID)
	}
}

// showAllEvents lists every event of the day in a pop-up menu under the
// "+N" line; choosing one opens it.
func (c *dayCell) showAllEvents() {
	items := make([]*fyne.MenuItem, len(c.events))
	for i, ev := range c.events {
		id := ev.ID
		items[i] = fyne.NewMenuItem(eventMenuText(ev, c.day), func() { c.screen.openEvent(id) })
	}
	canvasOf := fyne.CurrentApp().Driver().CanvasForObject(c)
	if canvasOf == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.more)
	c.allEvents = widget.NewPopUpMenu(fyne.NewMenu("", items...), canvasOf)
	c.allEvents.ShowAtPosition(pos.Add(fyne.NewPos(0, c.more.Size().Height)))
}

// eventChip is one tappable event line in a day cell, cut with an ellipsis
// when the title is longer than the cell is wide.
type eventChip struct {
	widget.BaseWidget

	onTapped   func()
	label      *widget.Label
	background *canvas.Rectangle
}

var _ fyne.Tappable = (*eventChip)(nil)

func newEventChip(onTapped func()) *eventChip {
	chip := &eventChip{onTapped: onTapped}
	chip.ExtendBaseWidget(chip)
	chip.label = widget.NewLabel("")
	chip.label.SizeName = theme.SizeNameCaptionText
	chip.label.Truncation = fyne.TextTruncateEllipsis
	chip.background = canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNamePrimary), 0x40))
	chip.background.CornerRadius = 3
	return chip
}

func (chip *eventChip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(chip.background, chip.label))
}

// Tapped runs the chip's action.
func (chip *eventChip) Tapped(*fyne.PointEvent) {
	if chip.onTapped != nil {
		chip.onTapped()
	}
}

func (chip *eventChip) setText(text string) {
	chip.label.SetText(text)
}

// text returns the chip's line as shown, before truncation.
func (chip *eventChip) text() string {
	return chip.label.Text
}

// withAlpha returns c with its alpha replaced, for tints over the
// background.
func withAlpha(c color.Color, alpha uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = alpha
	return n
}
