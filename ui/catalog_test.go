package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"partneryste/assets"
)

// catalogLanguages are the languages every catalog area must provide.
var catalogLanguages = []string{"lt", "en"}

// pluralForms lists the plural categories each language's entries give:
// Lithuanian has one (1, 21), few (2–9, 22), many (fractions) and other
// (0, 10–20), and English has one and other.
var pluralForms = map[string][]string{
	"lt": {"few", "many", "one", "other"},
	"en": {"one", "other"},
}

// readCatalog parses one embedded catalog file into its entries.
func readCatalog(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var entries map[string]any
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return entries
}

// catalogAreas returns the area prefixes of the embedded catalogs, such as
// "app" for app.lt.json.
func catalogAreas(t *testing.T) []string {
	t.Helper()
	files, err := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	if err != nil {
		t.Fatalf("list catalogs: %v", err)
	}
	var areas []string
	for _, f := range files {
		name := f.Name()
		for _, language := range catalogLanguages {
			if area, ok := strings.CutSuffix(name, "."+language+".json"); ok && !slices.Contains(areas, area) {
				areas = append(areas, area)
			}
		}
	}
	return areas
}

// mergedCatalog returns the entries of every area for one language.
func mergedCatalog(t *testing.T, language string) map[string]any {
	t.Helper()
	merged := map[string]any{}
	for _, area := range catalogAreas(t) {
		for key, value := range readCatalog(t, area+"."+language+".json") {
			merged[key] = value
		}
	}
	return merged
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestCatalogs_pairsHaveSameKeys(t *testing.T) {
	areas := catalogAreas(t)
	if !slices.Contains(areas, "app") || !slices.Contains(areas, "fyne") {
		t.Fatalf("catalog areas %v lack app or fyne", areas)
	}
	for _, area := range areas {
		lt := readCatalog(t, area+".lt.json")
		en := readCatalog(t, area+".en.json")
		for _, key := range sortedKeys(lt) {
			if _, ok := en[key]; !ok {
				t.Errorf("%s.en.json lacks %q", area, key)
			}
		}
		for _, key := range sortedKeys(en) {
			if _, ok := lt[key]; !ok {
				t.Errorf("%s.lt.json lacks %q", area, key)
			}
		}
	}
}

func TestCatalogs_pluralForms(t *testing.T) {
	for _, area := range catalogAreas(t) {
		for _, language := range catalogLanguages {
			name := area + "." + language + ".json"
			entries := readCatalog(t, name)
			for _, key := range sortedKeys(entries) {
				forms, ok := entries[key].(map[string]any)
				if !ok {
					continue
				}
				if got := sortedKeys(forms); !slices.Equal(got, pluralForms[language]) {
					t.Errorf("%s %q has plural forms %v, want %v", name, key, got, pluralForms[language])
				}
			}
		}
	}
}

func TestCatalogs_keysAreUnique(t *testing.T) {
	for _, language := range catalogLanguages {
		seen := map[string]string{}
		for _, area := range catalogAreas(t) {
			for key := range readCatalog(t, area+"."+language+".json") {
				if other, ok := seen[key]; ok {
					t.Errorf("key %q is in both %s and %s catalogs (%s)", key, other, area, language)
				}
				seen[key] = area
			}
		}
	}
}

// fyneBaseCatalog reads Fyne's own English catalog from the module that
// the build uses, so that the test follows a Fyne upgrade.
func fyneBaseCatalog(t *testing.T) map[string]any {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("find the Fyne module: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "lang", "translations", "base.en.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read Fyne's catalog: %v", err)
	}
	var entries map[string]any
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return entries
}

func TestCatalogs_fyneLithuanianComplete(t *testing.T) {
	base := fyneBaseCatalog(t)
	lt := readCatalog(t, "fyne.lt.json")
	for _, key := range sortedKeys(base) {
		value, ok := lt[key]
		if !ok {
			t.Errorf("fyne.lt.json lacks Fyne's key %q", key)
			continue
		}
		if s, isText := value.(string); isText && s == "" {
			t.Errorf("fyne.lt.json has an empty %q", key)
		}
	}
	if len(base) < 39 {
		t.Errorf("Fyne's catalog has %d keys; the module path may be wrong", len(base))
	}
}

// translationCall reports whether call is T or TN from this package, or
// ui.T or ui.TN from another one.
func translationCall(call *ast.CallExpr) bool {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "T" || fn.Name == "TN"
	case *ast.SelectorExpr:
		pkg, ok := fn.X.(*ast.Ident)
		return ok && pkg.Name == "ui" && (fn.Sel.Name == "T" || fn.Sel.Name == "TN")
	}
	return false
}

// literalKeys returns the string literal keys passed as the first argument
// of T and TN in the non-test Go files of the ui package, and of ui.T and
// ui.TN in the app package, which prints translated messages too.
func literalKeys(t *testing.T) map[string]token.Position {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.go", filepath.Join("..", "app", "*.go")} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatalf("list %s: %v", pattern, err)
		}
		files = append(files, matches...)
	}
	fset := token.NewFileSet()
	keys := map[string]token.Position{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !translationCall(call) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: unquote %s: %v", fset.Position(lit.Pos()), lit.Value, err)
				return true
			}
			keys[key] = fset.Position(lit.Pos())
			return true
		})
	}
	return keys
}

func TestCatalogs_haveEveryLiteralKey(t *testing.T) {
	keys := literalKeys(t)
	if len(keys) < 20 {
		t.Fatalf("found only %d literal keys, so the parser missed the calls", len(keys))
	}
	if _, ok := keys["console.locked"]; !ok {
		t.Error("the parser missed the app package's ui.T calls")
	}
	for _, language := range catalogLanguages {
		catalog := mergedCatalog(t, language)
		for key, pos := range keys {
			if _, ok := catalog[key]; !ok {
				t.Errorf("%s: key %q is in no %s catalog", pos, key, language)
			}
		}
	}
}
