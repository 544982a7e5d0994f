package assets

import _ "embed"

// The DejaVu fonts that the publication PDF embeds; fonts/README.md names
// their source and licence. Each is a complete TrueType file.
var (
	//go:embed fonts/DejaVuSerif.ttf
	SerifRegular []byte
	//go:embed fonts/DejaVuSerif-Bold.ttf
	SerifBold []byte
	//go:embed fonts/DejaVuSerif-Italic.ttf
	SerifItalic []byte
	//go:embed fonts/DejaVuSans.ttf
	SansRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	SansBold []byte
)
