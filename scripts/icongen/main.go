// Command icongen draws the program's icon, a pair of linked rings over an
// open book on a blue-green rounded square, and writes it as a PNG.
//
// Usage:
//
//	go run ./scripts/icongen -o assets/icon.png
//
// The drawing uses only the standard library, so the same source gives the
// same bytes on every machine.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"math"
	"os"
)

// samples is the number of subsamples per pixel along each axis. Edges are
// smoothed by averaging samples*samples points per pixel.
const samples = 4

type rgba struct{ r, g, b, a float64 }

var (
	backgroundTop    = rgba{0.118, 0.435, 0.659, 1} // #1E6FA8
	backgroundBottom = rgba{0.165, 0.616, 0.561, 1} // #2A9D8F
	pageLeft         = rgba{1, 1, 1, 1}
	pageRight        = rgba{0.890, 0.949, 0.945, 1} // #E3F2F1
	pageLine         = rgba{0.725, 0.843, 0.918, 1} // #B9D7EA
	cover            = rgba{0.561, 0.827, 0.714, 1} // #8FD3B6
	ringLeft         = rgba{1, 1, 1, 1}
	ringRight        = rgba{0.659, 0.902, 0.812, 1} // #A8E6CF
)

func main() {
	output := flag.String("o", "assets/icon.png", "output PNG `file`")
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()

	if err := writeIcon(*output, *size); err != nil {
		slog.Error("write icon failed", "file", *output, "err", err)
		os.Exit(1)
	}
}

func writeIcon(path string, size int) error {
	if size < 16 || size > 4096 {
		return fmt.Errorf("invalid size %d: use 16 to 4096 pixels", size)
	}
	img := drawIcon(size)

	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create icon: %w", err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode icon: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close icon: %w", err)
	}
	return nil
}

// drawIcon renders the icon at size x size pixels. The shapes are defined on
// a 512-unit canvas and scaled.
func drawIcon(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 512 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var sum rgba
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/samples) * scale
					y := (float64(py) + (float64(sy)+0.5)/samples) * scale
					c := colorAt(x, y)
					// Sum premultiplied colour so that transparent corners
					// do not darken the edge.
					sum.r += c.r * c.a
					sum.g += c.g * c.a
					sum.b += c.b * c.a
					sum.a += c.a
				}
			}
			n := float64(samples * samples)
			img.SetNRGBA(px, py, toNRGBA(sum, n))
		}
	}
	return img
}

func toNRGBA(sum rgba, n float64) color.NRGBA {
	if sum.a == 0 {
		return color.NRGBA{}
	}
	channel := func(v float64) uint8 { return uint8(math.Round(math.Min(1, v) * 255)) }
	return color.NRGBA{
		R: channel(sum.r / sum.a),
		G: channel(sum.g / sum.a),
		B: channel(sum.b / sum.a),
		A: channel(sum.a / n),
	}
}

// colorAt returns the colour of the point (x, y) on the 512-unit canvas,
// painting the layers from back to front.
func colorAt(x, y float64) rgba {
	if !inRoundedSquare(x, y, 16, 496, 96) {
		return rgba{}
	}
	// A diagonal gradient from the top-left corner to the bottom-right one.
	t := math.Max(0, math.Min(1, (x+y-32)/928))
	c := mix(backgroundTop, backgroundBottom, t)

	if inCover(x, y) {
		c = cover
	}
	if page, ok := bookPage(x, y); ok {
		c = page
	}

	// The rings interlock: the left ring passes over the right one at the
	// upper crossing and under it at the lower one. The ring on top cuts a
	// thin gap in the background colour into the ring below it.
	const ringY, ringRadius, ringWidth, gap = 168.0, 62.0, 20.0, 5.0
	const leftX, rightX = 212.0, 300.0
	belowX, aboveX := rightX, leftX
	belowColor, aboveColor := ringRight, ringLeft
	if y >= ringY {
		belowX, aboveX = leftX, rightX
		belowColor, aboveColor = ringLeft, ringRight
	}
	if inRing(x, y, belowX, ringY, ringRadius, ringWidth) {
		c = belowColor
		if inRing(x, y, aboveX, ringY, ringRadius, ringWidth+2*gap) {
			c = mix(backgroundTop, backgroundBottom, t)
		}
	}
	if inRing(x, y, aboveX, ringY, ringRadius, ringWidth) {
		c = aboveColor
	}
	return c
}

func mix(a, b rgba, t float64) rgba {
	return rgba{
		r: a.r + (b.r-a.r)*t,
		g: a.g + (b.g-a.g)*t,
		b: a.b + (b.b-a.b)*t,
		a: a.a + (b.a-a.a)*t,
	}
}

func inRoundedSquare(x, y, lo, hi, radius float64) bool {
	if x < lo || x > hi || y < lo || y > hi {
		return false
	}
	cx := math.Max(lo+radius, math.Min(hi-radius, x))
	cy := math.Max(lo+radius, math.Min(hi-radius, y))
	return math.Hypot(x-cx, y-cy) <= radius
}

func inRing(x, y, cx, cy, radius, width float64) bool {
	d := math.Hypot(x-cx, y-cy)
	return math.Abs(d-radius) <= width/2
}

// The open book: each page spans from the spine at x=256 to an outer edge
// 168 units away, and its top edge rises from the spine like a page that
// curves open.
const (
	spineX      = 256.0
	pageWidth   = 168.0
	pageHeight  = 124.0
	spineTop    = 288.0
	pageRise    = 36.0
	spineMargin = 3.0
)

// pageTop returns the y of a page's top edge at distance d from the spine.
func pageTop(d float64) float64 {
	return spineTop - pageRise*math.Sqrt(d/pageWidth)
}

func bookPage(x, y float64) (rgba, bool) {
	d := math.Abs(x - spineX)
	if d < spineMargin || d > pageWidth {
		return rgba{}, false
	}
	top := pageTop(d)
	if y < top || y > top+pageHeight {
		return rgba{}, false
	}
	page := pageLeft
	if x > spineX {
		page = pageRight
	}

	// Three text lines per page follow the curve of the top edge.
	const lineStart, lineEnd, lineWidth = 22.0, 146.0, 7.0
	if d >= lineStart && d <= lineEnd {
		for i := 1; i <= 3; i++ {
			lineY := top + float64(i)*pageHeight/4.5
			if math.Abs(y-lineY) <= lineWidth/2 {
				return pageLine, true
			}
		}
	}
	return page, true
}

// inCover reports whether (x, y) lies on the cover that shows a little
// beyond the pages at their outer and bottom edges.
func inCover(x, y float64) bool {
	const overhang = 10.0
	d := math.Abs(x - spineX)
	if d > pageWidth+overhang {
		return false
	}
	top := pageTop(math.Min(d, pageWidth)) + overhang
	return y >= top && y <= top+pageHeight+overhang-2
}
