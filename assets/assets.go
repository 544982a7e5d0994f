// Package assets embeds the files the desktop program ships: the icon and
// the translation catalogs.
package assets

import (
	"embed"
	_ "embed"
)

// Translations holds the catalogs, one pair per area of the program:
// translations/<area>.lt.json and translations/<area>.en.json.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the folder inside Translations that holds the catalogs.
const TranslationsDir = "translations"

// Icon is the program's icon as PNG.
//
//go:embed icon.png
var Icon []byte
