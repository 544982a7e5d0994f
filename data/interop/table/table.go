// Package table exports events, practice cases and consultations as CSV
// and XLSX for Excel in a Lithuanian locale, and imports events and
// consultations from such files.
//
// Every column has a stable machine key, such as "start_date". Exports
// write translated headers, taken from a Translate function that the
// caller passes (the desktop program and the headless commands pass the
// catalog lookup of the user's language); imports recognise the machine
// key and the Lithuanian and English headers. Dates are yyyy-mm-dd and
// times HH:MM in Europe/Vilnius.
package table

import (
	"encoding/json"
	"strings"
	"sync"

	"partneryste/assets"
	"partneryste/data"
)

// Translate returns the text of a catalog key, such as
// "interop.column.event.title" or "event.type.seminar". A nil Translate
// means Lithuanian.
type Translate func(key string) string

// Table is a sheet: the machine keys of its columns, the header row as it
// is written, and the rows.
type Table struct {
	// Name is the sheet's name in an XLSX workbook.
	Name    string
	Keys    []string
	Headers []string
	Rows    [][]string
}

// column is one column of a record kind.
type column struct {
	key string
	// required marks a column that an import cannot do without.
	required bool
	// personal marks the requester's personal data, exported only on
	// request.
	personal bool
}

// Columns of each kind, in the order exports write them.
var (
	eventColumns = []column{
		{key: "id"}, {key: "title", required: true}, {key: "type"}, {key: "all_day"},
		{key: "start_date", required: true}, {key: "start_time"}, {key: "end_date"}, {key: "end_time"},
		{key: "place"}, {key: "online_url"}, {key: "registration_url"}, {key: "audience"},
		{key: "public"}, {key: "description"},
	}
	consultationColumns = []column{
		{key: "id"}, {key: "date", required: true}, {key: "duration_min", required: true},
		{key: "format", required: true}, {key: "topic", required: true}, {key: "category"},
		{key: "requester_name", personal: true}, {key: "requester_school", personal: true},
		{key: "requester_contact", personal: true},
		{key: "question"}, {key: "answer"}, {key: "consultant"}, {key: "status"}, {key: "follow_up"},
	}
	practiceColumns = []column{
		{key: "id"}, {key: "title"}, {key: "subject"}, {key: "levels"}, {key: "grades"},
		{key: "keywords"}, {key: "authors"}, {key: "status"}, {key: "updated"}, {key: "summary"},
	}
)

// headerKey returns the catalog key of a column's header.
func headerKey(kind data.Kind, key string) string {
	return "interop.column." + string(kind) + "." + key
}

// Languages whose headers and labels imports recognise.
var languages = []string{"lt", "en"}

var (
	catalogsOnce sync.Once
	catalogs     map[string]map[string]string
)

// catalog returns the flat string entries of the interop and data catalogs
// of one language. Plural entries, which are objects, are left out.
func catalog(lang string) map[string]string {
	catalogsOnce.Do(func() {
		catalogs = map[string]map[string]string{}
		for _, l := range languages {
			merged := map[string]string{}
			for _, area := range []string{"data", "interop"} {
				raw, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + area + "." + l + ".json")
				if err != nil {
					continue
				}
				var entries map[string]any
				if json.Unmarshal(raw, &entries) != nil {
					continue
				}
				for k, v := range entries {
					if s, ok := v.(string); ok {
						merged[k] = s
					}
				}
			}
			catalogs[l] = merged
		}
	})
	return catalogs[lang]
}

// Lithuanian returns the Lithuanian text of a catalog key, or the key when
// the catalogs lack it. It is the Translate that a nil Translate means.
func Lithuanian(key string) string {
	if s, ok := catalog("lt")[key]; ok {
		return s
	}
	return key
}

// English returns the English text of a catalog key, or the key.
func English(key string) string {
	if s, ok := catalog("en")[key]; ok {
		return s
	}
	return key
}

func orLithuanian(t Translate) Translate {
	if t == nil {
		return Lithuanian
	}
	return t
}

// matchKey folds a header or a label for matching: case, diacritics,
// spaces at the ends and the marks of a required column are ignored.
func matchKey(s string) string {
	return data.Fold(strings.Trim(strings.TrimSpace(s), "*"))
}
