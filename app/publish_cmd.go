package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/publication"
	"partneryste/ui"
)

// The publish command registers itself with the other headless commands.
func init() {
	commands["publish"] = (*cli).runPublish
}

// runPublish exports the yearly publication as a PDF:
//
//	partneryste publish -data FILE.db -o FILE.pdf [-edition ID|EDITION.json | -all-approved] [-date yyyy-mm-dd]
//
// -edition names an edition stored in the data file (as the Leidinys
// screen saves it) by its id, or else a JSON file holding a data.Edition.
// Without it, the edition holds every approved and published case of the
// data file, one chapter per subject.
// An edition without any case is not written: the command fails and
// leaves no file.
func (c *cli) runPublish() int {
	var output, editionFile, date string
	var allApproved bool
	_, code, ok := c.parse(func(fs *flag.FlagSet) {
		fs.StringVar(&output, "o", "", "output PDF file")
		fs.StringVar(&editionFile, "edition", "", "id of a stored edition, or an edition JSON file")
		fs.BoolVar(&allApproved, "all-approved", false, "publish every approved and published case, by subject (the default)")
		fs.StringVar(&date, "date", "", "creation date yyyy-mm-dd written into the PDF (default: today)")
	}, 0, 0)
	if !ok {
		return code
	}
	switch {
	case output == "":
		c.usageError(ui.T("publication.usage.no_output"))
		return exitUsage
	case editionFile != "" && allApproved:
		c.usageError(ui.T("publication.usage.both_sources"))
		return exitUsage
	}

	created := time.Now().In(data.Vilnius)
	if date != "" {
		day, err := data.ParseDate(date)
		if err != nil {
			c.usageError(ui.T("publication.usage.bad_date", map[string]any{"Date": date}))
			return exitUsage
		}
		created = day.In(data.Vilnius)
	}

	store := c.openOrFail(true)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	profile, err := store.Profile()
	if err != nil {
		return c.fail(err)
	}
	ed, cases, err := c.publishInput(store, editionFile, created.Year(), profile)
	if err != nil {
		return c.fail(err)
	}
	if len(ed.CaseIDs()) == 0 {
		// A book of a cover and a contents page with nothing in it is
		// never what the user wants, so no file is written.
		if editionFile != "" {
			c.errorln(ui.T("publication.error.empty_edition", map[string]any{"Path": editionFile}))
		} else {
			c.errorln(ui.T("publication.error.no_approved_cases"))
		}
		return exitFailure
	}

	// The directory that sync stores names every association; this
	// profile's own name is the one typed in Settings.
	associations, err := store.AssociationNames()
	if err != nil {
		return c.fail(err)
	}
	if profile.Name != "" {
		associations[profile.AssociationID] = profile.Name
	}
	opts := publication.Options{
		CreationDate: created,
		Labels:       PublicationLabels(),
		Associations: associations,
	}
	err = writeFileAtomic(output, false, func(w io.Writer) error {
		return publication.Write(w, ed, cases, opts)
	})
	var perr *publication.Error
	if errors.As(err, &perr) {
		c.errorln(PublicationErrorText(perr))
		return exitFailure
	}
	if err != nil {
		return c.fail(err)
	}

	count := len(ed.CaseIDs())
	c.println(ui.TN("publication.done", count, map[string]any{"Count": count, "Path": output}))
	return exitOK
}

// publishInput returns the edition to print and its cases: the stored
// edition or edition file that editionFile names, else one built from the
// approved and published cases.
func (c *cli) publishInput(store *boltstore.DB, editionFile string, year int, profile data.Profile) (data.Edition, map[string]data.PracticeCase, error) {
	cases := map[string]data.PracticeCase{}
	if editionFile != "" {
		ed, err := store.Edition(editionFile)
		if errors.Is(err, data.ErrNotFound) {
			ed, err = readEdition(editionFile)
		}
		if err != nil {
			return data.Edition{}, nil, err
		}
		// A listed id missing from the store is left out of cases, and
		// publication.Write reports it with the chapter that lists it.
		for _, id := range ed.CaseIDs() {
			pc, err := store.PracticeCase(id)
			switch {
			case errors.Is(err, data.ErrNotFound):
				continue
			case err != nil:
				return data.Edition{}, nil, fmt.Errorf("read practice case %s: %w", id, err)
			}
			cases[id] = pc
		}
		return ed, cases, nil
	}

	summaries, err := store.PracticeCases(data.CaseFilter{})
	if err != nil {
		return data.Edition{}, nil, fmt.Errorf("list practice cases: %w", err)
	}
	var list []data.PracticeCase
	for _, s := range summaries {
		if !slices.Contains([]data.CaseStatus{data.CaseApproved, data.CasePublished}, s.Status) {
			continue
		}
		pc, err := store.PracticeCase(s.ID)
		if err != nil {
			return data.Edition{}, nil, fmt.Errorf("read practice case %s: %w", s.ID, err)
		}
		list = append(list, pc)
		cases[pc.ID] = pc
	}
	ed := data.NewEdition(year, list)
	ed.Imprint.Publisher = profile.Name
	return ed, cases, nil
}

// readEdition decodes an edition JSON file, rejecting unknown fields so
// that a misspelt field is not silently dropped.
func readEdition(path string) (data.Edition, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.Edition{}, fmt.Errorf("open edition file: %w", err)
	}
	defer f.Close()

	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	var ed data.Edition
	if err := dec.Decode(&ed); err != nil {
		return data.Edition{}, fmt.Errorf("read edition file %s: %w", path, err)
	}
	return ed, nil
}

// PublicationLabels returns the publication's headings and captions in
// the current language. Section headings and level names come from the
// data catalogs' field and enum labels.
func PublicationLabels() publication.Labels {
	l := publication.Labels{
		Contents:           ui.T("publication.contents"),
		Foreword:           ui.T("publication.foreword"),
		IndexAssociations:  ui.T("publication.index_associations"),
		IndexAuthors:       ui.T("publication.index_authors"),
		Editors:            ui.T("publication.editors"),
		Publisher:          ui.T("publication.publisher"),
		ISBN:               "ISBN",
		Licence:            ui.T("publication.licence"),
		Association:        ui.T("publication.association"),
		Subject:            ui.FieldName(data.KindPractice, "subject"),
		Levels:             ui.FieldName(data.KindPractice, "levels"),
		Grades:             ui.FieldName(data.KindPractice, "grades"),
		Keywords:           ui.FieldName(data.KindPractice, "keywords"),
		PublicationSubject: ui.T("publication.subject"),
		Sections:           map[string]string{},
		LevelNames:         map[data.EducationLevel]string{},
	}
	for _, s := range (&data.PracticeCase{}).Sections() {
		l.Sections[s.Field] = ui.FieldName(data.KindPractice, s.Field)
	}
	for _, level := range data.EducationLevels {
		l.LevelNames[level] = ui.EnumLabel("level", string(level))
	}
	return l
}

// PublicationErrorText returns the translated message for an export that
// stopped: which case (or the edition) and field to fix, and how.
func PublicationErrorText(e *publication.Error) string {
	kind := data.KindPractice
	if e.CaseID == "" {
		kind = data.KindEdition
	}
	field := e.Field
	if kind == data.KindPractice && field != "" {
		field = ui.FieldName(kind, e.Field)
	}

	var message string
	switch e.Code {
	case publication.CodeUnsupportedChar:
		message = ui.T("publication.error.unsupported_character", map[string]any{"Char": string(e.Char), "Code": fmt.Sprintf("U+%04X", e.Char)})
	case publication.CodeCaseNotFound:
		message = ui.T("publication.error.case_not_found")
	case publication.CodeInternal:
		message = ui.T("publication.error.internal", map[string]any{"Error": fmt.Sprint(e.Err)})
	default:
		message = ui.T("error."+e.Code, map[string]any{"Field": field, "Limit": e.Limit})
	}

	values := map[string]any{"Case": e.CaseID, "Field": field, "Message": message}
	if e.CaseID == "" {
		return ui.T("publication.error.edition", values)
	}
	return ui.T("publication.error.case", values)
}
