package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// conflictFields lists, per kind, the fields the conflict view compares,
// in the order the editors show them. Meta is left out because the store
// sets it, and so are the coordinator's review and history of a case,
// which an association never edits, and a consultation's requester, which
// never leaves this computer and is always kept.
var conflictFields = map[data.Kind][]string{
	data.KindEvent: {"title", "type", "all_day", "start", "end", "start_date", "end_date",
		"place", "online_url", "description", "audience", "registration_url", "public"},
	data.KindPractice: {"title", "authors", "subject", "levels", "grades", "keywords",
		"summary", "goals", "activities", "methods", "results", "recommendations", "references",
		"licence", "status"},
	data.KindConsultation: {"date", "duration_min", "format", "topic", "category",
		"question", "answer", "consultant", "status", "follow_up"},
}

// mergeTextFields are the free-text fields whose merged value the user
// may edit by hand; true marks the long ones, edited in several lines.
var mergeTextFields = map[data.Kind]map[string]bool{
	data.KindEvent: {"title": false, "place": false, "online_url": false, "description": true,
		"audience": false, "registration_url": false},
	data.KindPractice: {"title": false, "subject": false, "grades": false, "licence": false,
		"summary": true, "goals": true, "activities": true, "methods": true, "results": true,
		"recommendations": true, "references": true},
	data.KindConsultation: {"topic": false, "category": false, "question": true, "answer": true,
		"consultant": false},
}

// enumGroups maps "<kind>/<field>" to the catalog group of its values.
var enumGroups = map[string]string{
	"event/type":          "event.type",
	"practice/status":     "practice.status",
	"practice/levels":     "level",
	"consultation/format": "consultation.format",
	"consultation/status": "consultation.status",
}

// conflictView shows both versions of a conflicting record field by field
// and lets the user keep the local one, the server's, or a merge made of
// per-field choices and hand-edited text. Nothing changes in the store
// until one of the three buttons succeeds.
type conflictView struct {
	env      *Env
	store    SyncStore
	conflict boltstore.Conflict
	onClose  func(resolved bool)

	local, server map[string]json.RawMessage
	// localDeleted and serverDeleted report a tombstone, or no server copy.
	localDeleted, serverDeleted bool

	rows []*conflictRow

	keepLocal, keepServer, saveMerged, back *widget.Button
	message                                 *widget.Label
	content                                 fyne.CanvasObject
}

// conflictRow is one compared field.
type conflictRow struct {
	field                   string
	localValue, serverValue json.RawMessage
	differs                 bool

	localLabel, serverLabel *widget.Label
	// choice picks the side of a differing field; nil when both agree.
	choice *widget.RadioGroup
	// merged holds the merged text of a differing free-text field, or nil.
	merged *widget.Entry
}

func newConflictView(env *Env, store SyncStore, c boltstore.Conflict, onClose func(resolved bool)) *conflictView {
	v := &conflictView{env: env, store: store, conflict: c, onClose: onClose}
	v.local, v.localDeleted = decodeFields(c.Local)
	v.server, v.serverDeleted = decodeFields(c.Server)

	v.keepLocal = widget.NewButtonWithIcon(T("conflict.keep_local"), theme.ComputerIcon(), v.onKeepLocal)
	v.keepServer = widget.NewButtonWithIcon(T("conflict.keep_server"), theme.StorageIcon(), v.onKeepServer)
	v.saveMerged = widget.NewButtonWithIcon(T("conflict.save_merged"), theme.DocumentSaveIcon(), v.onSaveMerged)
	v.saveMerged.Importance = widget.HighImportance
	v.back = widget.NewButtonWithIcon(T("conflict.back"), theme.NavigateBackIcon(), func() { v.onClose(false) })
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	v.message.Hide()

	title := conflictRowText(c)
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	explain := widget.NewLabel(v.explanation())
	explain.Wrapping = fyne.TextWrapWord

	columns := container.NewGridWithColumns(2,
		widget.NewLabelWithStyle(T("conflict.local_column"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("conflict.server_column", map[string]any{"Revision": c.ServerRevision}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	top := container.NewVBox(
		container.NewBorder(nil, nil, v.back, nil, heading),
		explain,
		container.NewHBox(v.keepLocal, v.keepServer, v.saveMerged),
		v.message,
		columns,
	)
	v.content = container.NewBorder(top, nil, nil, nil, scrollForm(v.buildRows()))
	if v.localDeleted || v.serverDeleted {
		v.saveMerged.Disable()
	}
	return v
}

// decodeFields returns the top-level fields of a record's JSON and
// whether it is a tombstone or missing.
func decodeFields(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	if len(raw) == 0 {
		return map[string]json.RawMessage{}, true
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return map[string]json.RawMessage{}, true
	}
	var deleted bool
	if d, ok := fields["deleted"]; ok {
		_ = json.Unmarshal(d, &deleted)
	}
	return fields, deleted
}

// explanation returns what happened and what the buttons do.
func (v *conflictView) explanation() string {
	switch {
	case v.serverDeleted && len(v.conflict.Server) == 0:
		return T("conflict.explain_server_missing")
	case v.serverDeleted:
		return T("conflict.explain_server_deleted")
	case v.localDeleted:
		return T("conflict.explain_local_deleted")
	}
	return T("conflict.explain")
}

// buildRows lays out one block per compared field.
func (v *conflictView) buildRows() fyne.CanvasObject {
	box := container.NewVBox()
	kind := v.conflict.Kind
	for _, field := range conflictFields[kind] {
		row := &conflictRow{field: field, localValue: v.local[field], serverValue: v.server[field]}
		if !v.localDeleted && !v.serverDeleted {
			row.differs = !sameJSON(row.localValue, row.serverValue)
		}
		row.localLabel = newValueLabel(displayValue(kind, field, row.localValue, v.localDeleted))
		row.serverLabel = newValueLabel(displayValue(kind, field, row.serverValue, v.serverDeleted))

		caption := FieldName(kind, field)
		if row.differs {
			caption = T("conflict.differs", map[string]any{"Field": caption})
		}
		name := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		block := container.NewVBox(name, container.NewGridWithColumns(2,
			highlighted(row.localLabel, row.differs), highlighted(row.serverLabel, row.differs)))

		if row.differs {
			row.localLabel.Importance = widget.WarningImportance
			row.serverLabel.Importance = widget.WarningImportance
			v.addChoice(row, block)
		}
		v.rows = append(v.rows, row)
		box.Add(block)
		box.Add(widget.NewSeparator())
	}
	return box
}

// addChoice adds the side choice of a differing field and, for free text,
// the merged value the user may edit.
func (v *conflictView) addChoice(row *conflictRow, block *fyne.Container) {
	row.choice = widget.NewRadioGroup([]string{T("conflict.use_local"), T("conflict.use_server")}, nil)
	row.choice.Horizontal = true
	row.choice.Required = true
	row.choice.SetSelected(T("conflict.use_local"))

	long, editable := mergeTextFields[v.conflict.Kind][row.field]
	if editable {
		if long {
			row.merged = widget.NewMultiLineEntry()
			row.merged.Wrapping = fyne.TextWrapWord
			row.merged.SetMinRowsVisible(4)
		} else {
			row.merged = widget.NewEntry()
		}
		row.merged.SetText(jsonString(row.localValue))
	}
	row.choice.OnChanged = func(string) {
		if row.merged != nil {
			row.merged.SetText(jsonString(row.chosenValue()))
		}
	}
	block.Add(container.NewBorder(nil, nil, widget.NewLabel(T("conflict.merge_use")), nil, row.choice))
	if row.merged != nil {
		block.Add(fieldBlock(T("conflict.merged_value"), row.merged, nil))
	}
}

// chosenValue returns the JSON of the side the row's choice names.
func (r *conflictRow) chosenValue() json.RawMessage {
	if r.choice != nil && r.choice.Selected == T("conflict.use_server") {
		return r.serverValue
	}
	return r.localValue
}

// mergedValue returns the row's value in the merged record: the typed
// text when the user edited it, else the chosen side.
func (r *conflictRow) mergedValue() (json.RawMessage, error) {
	chosen := r.chosenValue()
	if r.merged == nil || r.merged.Text == jsonString(chosen) {
		return chosen, nil
	}
	return json.Marshal(r.merged.Text)
}

func newValueLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// highlighted puts a tinted background behind a differing value.
func highlighted(obj fyne.CanvasObject, on bool) fyne.CanvasObject {
	if !on {
		return obj
	}
	bg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameWarning), 0x30))
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	return container.NewStack(bg, obj)
}

// sameJSON compares two JSON values by meaning. A missing value equals
// null, an empty string, false, zero and an empty list, because the
// record types omit some zero values and not others.
func sameJSON(a, b json.RawMessage) bool {
	return reflect.DeepEqual(normalJSON(a), normalJSON(b))
}

func normalJSON(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case bool:
		if !x {
			return nil
		}
	case float64:
		if x == 0 {
			return nil
		}
	case []any:
		if len(x) == 0 {
			return nil
		}
	}
	return v
}

// jsonString returns the string a JSON value holds, or "".
func jsonString(raw json.RawMessage) string {
	var s string
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// displayValue formats one field's JSON value for reading: translated
// enum labels, yes or no, times in Vilnius, lists joined.
func displayValue(kind data.Kind, field string, raw json.RawMessage, deleted bool) string {
	if deleted {
		return T("conflict.deleted_value")
	}
	empty := T("conflict.empty_value")
	value := normalJSON(raw)
	if value == nil {
		if _, isBool := mergeBoolFields[field]; isBool {
			return T("conflict.no")
		}
		return empty
	}
	group := enumGroups[string(kind)+"/"+field]
	switch x := value.(type) {
	case bool:
		return T("conflict.yes")
	case string:
		if group != "" {
			return EnumLabel(group, x)
		}
		if field == "start" || field == "end" {
			if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
				return formatSyncTime(t)
			}
		}
		return x
	case float64:
		return fmt.Sprintf("%g", x)
	case []any:
		return displayList(kind, field, group, raw)
	}
	return string(raw)
}

// mergeBoolFields are the yes-or-no fields, shown as "no" when absent.
var mergeBoolFields = map[string]struct{}{"all_day": {}, "public": {}}

// displayList formats a list field: authors one per line, other lists
// joined by commas.
func displayList(kind data.Kind, field, group string, raw json.RawMessage) string {
	if kind == data.KindPractice && field == "authors" {
		var authors []data.Author
		if json.Unmarshal(raw, &authors) != nil {
			return string(raw)
		}
		lines := make([]string, 0, len(authors))
		for _, a := range authors {
			var parts []string
			for _, p := range []string{a.Name, a.School, a.Role} {
				if strings.TrimSpace(p) != "" {
					parts = append(parts, p)
				}
			}
			lines = append(lines, strings.Join(parts, ", "))
		}
		return strings.Join(lines, "\n")
	}
	var items []string
	if json.Unmarshal(raw, &items) != nil {
		return string(raw)
	}
	if group != "" {
		for i, item := range items {
			items[i] = EnumLabel(group, item)
		}
	}
	return strings.Join(items, ", ")
}

// newRecordOf returns an empty record of kind.
func newRecordOf(kind data.Kind) (data.Record, error) {
	switch kind {
	case data.KindEvent:
		return &data.Event{}, nil
	case data.KindPractice:
		return &data.PracticeCase{}, nil
	case data.KindConsultation:
		return &data.Consultation{}, nil
	}
	return nil, fmt.Errorf("unknown record kind %q", kind)
}

// mergedRecord builds the record from the server's version, the choices
// and the edited text. Fields the view does not compare come from the
// server's copy, except a consultation's requester, which is local.
func (v *conflictView) mergedRecord() (data.Record, error) {
	fields := map[string]json.RawMessage{}
	for k, val := range v.server {
		fields[k] = val
	}
	for _, row := range v.rows {
		val, err := row.mergedValue()
		if err != nil {
			return nil, fmt.Errorf("encode merged %s: %w", row.field, err)
		}
		if len(val) == 0 {
			delete(fields, row.field)
			continue
		}
		fields[row.field] = val
	}
	if requester, ok := v.local["requester"]; ok {
		fields["requester"] = requester
	}
	delete(fields, "deleted")

	raw, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("encode merged record: %w", err)
	}
	r, err := newRecordOf(v.conflict.Kind)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, r); err != nil {
		return nil, fmt.Errorf("decode merged record: %w", err)
	}
	return r, nil
}

// onKeepLocal saves the local version over the server's; a local delete
// stays a delete.
func (v *conflictView) onKeepLocal() {
	r, err := v.conflict.LocalRecord()
	if err != nil {
		v.fail("decode local version", err)
		return
	}
	v.resolve(r)
}

// onKeepServer replaces the local version with the server's.
func (v *conflictView) onKeepServer() {
	c := v.conflict
	if err := v.store.AcceptServerVersion(c.Kind, c.RecordID); err != nil {
		v.fail("accept server version", err)
		return
	}
	v.onClose(true)
}

// onSaveMerged saves the merge of the chosen and edited fields.
func (v *conflictView) onSaveMerged() {
	r, err := v.mergedRecord()
	if err != nil {
		v.fail("build merged version", err)
		return
	}
	v.resolve(r)
}

// resolve saves chosen as the resolution. An invalid merge keeps the view
// open with a message per field.
func (v *conflictView) resolve(chosen data.Record) {
	c := v.conflict
	err := v.store.ResolveConflict(c.Kind, c.RecordID, chosen)
	var invalid *data.ValidationError
	if errors.As(err, &invalid) {
		lines := []string{T("conflict.invalid")}
		for _, fe := range invalid.Fields {
			lines = append(lines, "• "+FieldErrorText(c.Kind, fe))
		}
		v.message.SetText(strings.Join(lines, "\n"))
		v.message.Show()
		return
	}
	if err != nil {
		v.fail("resolve conflict", err)
		return
	}
	v.onClose(true)
}

// fail logs err and shows that nothing was changed.
func (v *conflictView) fail(step string, err error) {
	v.env.Log.Error(step, "kind", v.conflict.Kind, "record", v.conflict.RecordID, "err", err)
	v.message.SetText(T("conflict.failed"))
	v.message.Show()
}
