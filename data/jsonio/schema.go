package jsonio

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"time"

	"partneryste/data"
)

// schema describes which object keys a JSON value may have, derived from
// the Go type it decodes into, so that unknown fields are found with their
// paths and lines before any decoding.
type schema struct {
	// fields maps each key of an object to the schema of its value; nil
	// for values that are not structs.
	fields map[string]*schema
	// index maps each key to its struct field, for decoding one field at a
	// time.
	index map[string][]int
	// elem is the schema of an array's items or a map's values.
	elem *schema
	// freeKeys is set for maps, whose keys are data.
	freeKeys bool
	// typ is the Go type the value decodes into.
	typ reflect.Type
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
	dateType        = reflect.TypeFor[data.Date]()
)

var (
	schemasOnce sync.Once
	fileSchema  *schema
)

// schemas returns the schema of File, built once.
func schemas() *schema {
	schemasOnce.Do(func() { fileSchema = schemaOf(reflect.TypeFor[File]()) })
	return fileSchema
}

func schemaOf(t reflect.Type) *schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := &schema{typ: t}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return s
	}

	switch t.Kind() {
	case reflect.Struct:
		s.fields = map[string]*schema{}
		s.index = map[string][]int{}
		addStructFields(s, t, nil)
	case reflect.Slice, reflect.Array:
		s.elem = schemaOf(t.Elem())
	case reflect.Map:
		s.freeKeys = true
		s.elem = schemaOf(t.Elem())
	}
	return s
}

// addStructFields adds the JSON keys of t's fields, flattening embedded
// structs such as data.Meta the way encoding/json does.
func addStructFields(s *schema, t reflect.Type, prefix []int) {
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addStructFields(s, f.Type, index)
			continue
		}
		if name == "" {
			name = f.Name
		}
		s.fields[name] = schemaOf(f.Type)
		s.index[name] = index
	}
}

// isDateType reports whether t holds a date or time, whose decoding errors
// are reported as CodeInvalidDate.
func isDateType(t reflect.Type) bool {
	return t == timeType || t == dateType
}
