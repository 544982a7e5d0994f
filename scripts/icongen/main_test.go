package main

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestDrawIcon_cornersTransparentCentreOpaque(t *testing.T) {
	img := drawIcon(64)

	if got := img.Bounds().Dx(); got != 64 {
		t.Errorf("width = %d, want 64", got)
	}
	if got := img.NRGBAAt(0, 0).A; got != 0 {
		t.Errorf("top-left corner alpha = %d, want 0 (outside the rounded square)", got)
	}
	if got := img.NRGBAAt(63, 63).A; got != 0 {
		t.Errorf("bottom-right corner alpha = %d, want 0", got)
	}
	if got := img.NRGBAAt(32, 32).A; got != 255 {
		t.Errorf("centre alpha = %d, want 255", got)
	}
}

func TestDrawIcon_bookPageIsWhite(t *testing.T) {
	// (150, 370) on the 512-unit canvas lies on the left page, below its
	// third text line and above the cover.
	img := drawIcon(512)
	got := img.NRGBAAt(150, 370)
	if got.R != 255 || got.G != 255 || got.B != 255 || got.A != 255 {
		t.Errorf("left page pixel = %v, want opaque white", got)
	}
}

func TestWriteIcon_sameBytesTwice(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.png")
	second := filepath.Join(dir, "second.png")
	if err := writeIcon(first, 48); err != nil {
		t.Fatalf("writeIcon: %v", err)
	}
	if err := writeIcon(second, 48); err != nil {
		t.Fatalf("writeIcon: %v", err)
	}

	a, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(second)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two runs wrote different bytes")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("decode written icon: %v", err)
	}
	if cfg.Width != 48 || cfg.Height != 48 {
		t.Errorf("written icon is %dx%d, want 48x48", cfg.Width, cfg.Height)
	}
}

func TestWriteIcon_invalidSize(t *testing.T) {
	for _, size := range []int{0, 15, 4097} {
		path := filepath.Join(t.TempDir(), "icon.png")
		if err := writeIcon(path, size); err == nil {
			t.Errorf("writeIcon(size %d) returned no error", size)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("writeIcon(size %d) created %s", size, path)
		}
	}
}

// The committed icon is compared pixel by pixel, not byte by byte, because
// another Go release may compress the same pixels differently.
func TestCommittedIcon_matchesGenerator(t *testing.T) {
	f, err := os.Open("../../assets/icon.png")
	if err != nil {
		t.Fatalf("open assets/icon.png: %v", err)
	}
	defer f.Close()
	committed, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode assets/icon.png: %v", err)
	}

	generated := drawIcon(512)
	if committed.Bounds() != generated.Bounds() {
		t.Fatalf("assets/icon.png is %v, want %v", committed.Bounds(), generated.Bounds())
	}
	differing := 0
	for y := 0; y < 512; y++ {
		for x := 0; x < 512; x++ {
			if color.NRGBAModel.Convert(committed.At(x, y)) != generated.NRGBAAt(x, y) {
				differing++
			}
		}
	}
	if differing > 0 {
		t.Errorf("assets/icon.png differs from the generator's output in %d pixels: run make icon and commit the result", differing)
	}
}
