package ui

import (
	"fyne.io/fyne/v2/lang"

	"partneryste/data"
)

// T returns the translation of key. Missing keys show the key itself, and
// a test checks that both catalogs have every key the UI uses.
func T(key string, args ...any) string {
	return lang.X(key, key, args...)
}

// TN returns the plural form of key for count n. Catalog entries give
// "one", "few", "many" and "other" for Lithuanian, and the template data
// gets {{.Count}} set to n unless args already supply data.
func TN(key string, n int, args ...any) string {
	if len(args) == 0 {
		args = []any{map[string]any{"Count": n}}
	}
	return lang.XN(key, key, n, args...)
}

// FieldName returns the translated name of a record field, such as
// "Pavadinimas" for (KindEvent, "title").
func FieldName(kind data.Kind, field string) string {
	return T("field." + string(kind) + "." + baseField(field))
}

// baseField strips list indexes and sub-fields ("authors.0.name" becomes
// "authors.name") so that one catalog key covers every list item.
func baseField(field string) string {
	out := make([]byte, 0, len(field))
	skip := false
	for i := 0; i < len(field); i++ {
		c := field[i]
		switch {
		case c == '.' && i+1 < len(field) && field[i+1] >= '0' && field[i+1] <= '9':
			skip = true
		case skip && c >= '0' && c <= '9':
		case skip && c == '.':
			skip = false
			out = append(out, '.')
		default:
			skip = false
			out = append(out, c)
		}
	}
	return string(out)
}

// FieldErrorText returns a translated message for one invalid field that
// names the field and says how to fix it.
func FieldErrorText(kind data.Kind, fe data.FieldError) string {
	return T("error."+fe.Code, map[string]any{
		"Field": FieldName(kind, fe.Field),
		"Limit": fe.Limit,
		"Line":  fe.Line,
	})
}

// EnumLabel returns the translated label of an enumerated value, looked up
// as "<group>.<value>", for example EnumLabel("event.type", "seminar").
func EnumLabel(group, value string) string {
	return T(group + "." + value)
}
