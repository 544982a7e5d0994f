package jsonio

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"partneryste/assets"
	"partneryste/data"
)

// readCatalog reads one translation file and returns its entries.
func readCatalog(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var entries map[string]any
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatalf("%s is not valid JSON: %v", name, err)
	}
	return entries
}

func TestCatalogs_sameKeysAndForms(t *testing.T) {
	for _, area := range []string{"data", "cli"} {
		lt := readCatalog(t, area+".lt.json")
		en := readCatalog(t, area+".en.json")
		for key := range lt {
			if _, ok := en[key]; !ok {
				t.Errorf("%s.en.json lacks %q", area, key)
			}
		}
		for key := range en {
			if _, ok := lt[key]; !ok {
				t.Errorf("%s.lt.json lacks %q", area, key)
			}
		}
		checkEntries(t, area+".lt.json", lt, []string{"one", "few", "many", "other"})
		checkEntries(t, area+".en.json", en, []string{"one", "other"})
	}
}

// checkEntries checks that every entry is a parsable template, and that
// plural entries give exactly the forms of their language.
func checkEntries(t *testing.T, file string, entries map[string]any, forms []string) {
	t.Helper()
	for key, value := range entries {
		var texts []string
		switch v := value.(type) {
		case string:
			texts = []string{v}
		case map[string]any:
			got := make([]string, 0, len(v))
			for form, text := range v {
				got = append(got, form)
				s, ok := text.(string)
				if !ok {
					t.Errorf("%s: %q form %q is not a string", file, key, form)
				}
				texts = append(texts, s)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(forms))
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q has plural forms %v, want %v", file, key, got, want)
			}
		default:
			t.Errorf("%s: %q is neither a string nor plural forms", file, key)
		}

		for _, text := range texts {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: %q is empty", file, key)
			}
			if _, err := template.New(key).Parse(text); err != nil {
				t.Errorf("%s: %q is not a valid template: %v", file, key, err)
			}
			if strings.HasSuffix(file, ".lt.json") && strings.ContainsAny(text, "”\"") {
				t.Errorf("%s: %q uses English quotes; Lithuanian writes „…“ (U+201E, U+201C)", file, key)
			}
		}
	}
}

// codeConstants returns the values of every exported Code constant
// declared in the named Go files, so that a new code cannot be added
// without its message.
func codeConstants(t *testing.T, files ...string) []string {
	t.Helper()
	var codes []string
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, ident := range spec.Names {
				if !strings.HasPrefix(ident.Name, "Code") || i >= len(spec.Values) {
					continue
				}
				lit, ok := spec.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				value, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: constant %s: %v", name, ident.Name, err)
				}
				codes = append(codes, value)
			}
			return true
		})
	}
	return codes
}

func TestCatalogs_everyErrorCode(t *testing.T) {
	lt := readCatalog(t, "data.lt.json")
	codes := codeConstants(t, filepath.Join("..", "errors.go"), filepath.Join("..", "limits.go"), "file.go")
	if len(codes) < 12 {
		t.Fatalf("found only %d Code constants: %v", len(codes), codes)
	}
	for _, code := range codes {
		if _, ok := lt["error."+code]; !ok {
			t.Errorf("data catalogs lack error.%s", code)
		}
	}
}

func TestCatalogs_everyEnumValue(t *testing.T) {
	lt := readCatalog(t, "data.lt.json")
	var keys []string
	for _, v := range data.EventTypes {
		keys = append(keys, "event.type."+string(v))
	}
	for _, v := range data.CaseStatuses {
		keys = append(keys, "practice.status."+string(v))
	}
	for _, v := range data.EducationLevels {
		keys = append(keys, "level."+string(v))
	}
	for _, v := range data.ConsultationFormats {
		keys = append(keys, "consultation.format."+string(v))
	}
	for _, v := range data.ConsultationStatuses {
		keys = append(keys, "consultation.status."+string(v))
	}
	for _, key := range keys {
		if _, ok := lt[key]; !ok {
			t.Errorf("data catalogs lack %s", key)
		}
	}
}

func TestCatalogs_everyModelField(t *testing.T) {
	lt := readCatalog(t, "data.lt.json")
	records := map[data.Kind]any{
		data.KindEvent:        data.Event{},
		data.KindPractice:     data.PracticeCase{},
		data.KindConsultation: data.Consultation{},
	}
	for kind, record := range records {
		for _, field := range fieldPaths(schemaOf(reflect.TypeOf(record)), "") {
			key := "field." + string(kind) + "." + field
			if _, ok := lt[key]; !ok {
				t.Errorf("data catalogs lack %s", key)
			}
		}
	}
	for _, field := range fieldPaths(schemas(), "") {
		if _, ok := lt["field.file."+field]; !ok {
			t.Errorf("data catalogs lack field.file.%s", field)
		}
	}
}

// fieldPaths lists the JSON paths of every field, with list indexes left
// out as the UI's field names do ("authors.name"). Record lists of the
// file are not entered.
func fieldPaths(s *schema, prefix string) []string {
	var paths []string
	for name, child := range s.fields {
		path := joinPath(prefix, name)
		paths = append(paths, path)
		for child.elem != nil && !child.freeKeys {
			child = child.elem
		}
		if child.fields != nil && child.typ.PkgPath() == reflect.TypeFor[data.Author]().PkgPath() && !isRecordType(child.typ) {
			paths = append(paths, fieldPaths(child, path)...)
		}
	}
	return paths
}

func isRecordType(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(reflect.TypeFor[data.Record]())
}
