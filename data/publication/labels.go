package publication

import "partneryste/data"

// Labels are the texts the document prints besides the records: headings,
// captions of the imprint and of each case's details. The caller passes
// translated texts, so that this package stays free of the UI's catalogs.
type Labels struct {
	Contents           string // "Turinys"
	Foreword           string // "Pratarmė"
	IndexAssociations  string // "Asociacijų rodyklė"
	IndexAuthors       string // "Autorių rodyklė"
	Editors            string // "Sudarytojai"
	Publisher          string // "Leidėjas"
	ISBN               string // "ISBN"
	Licence            string // "Licencija"
	Association        string // "Asociacija"
	Subject            string // "Dalykas"
	Levels             string // "Ugdymo lygmenys"
	Grades             string // "Klasės"
	Keywords           string // "Reikšminiai žodžiai"
	PublicationSubject string // the PDF's subject metadata
	// Sections maps a section's JSON name (see data.PracticeCase.Sections)
	// to its heading.
	Sections map[string]string
	// LevelNames maps an education level to its printed name.
	LevelNames map[data.EducationLevel]string
}

// DefaultLabels returns the Lithuanian labels.
func DefaultLabels() Labels {
	return Labels{
		Contents:           "Turinys",
		Foreword:           "Pratarmė",
		IndexAssociations:  "Asociacijų rodyklė",
		IndexAuthors:       "Autorių rodyklė",
		Editors:            "Sudarytojai",
		Publisher:          "Leidėjas",
		ISBN:               "ISBN",
		Licence:            "Licencija",
		Association:        "Asociacija",
		Subject:            "Dalykas",
		Levels:             "Ugdymo lygmenys",
		Grades:             "Klasės",
		Keywords:           "Reikšminiai žodžiai",
		PublicationSubject: "Gerosios patirties aprašai",
		Sections: map[string]string{
			"summary":         "Santrauka",
			"goals":           "Tikslai ir uždaviniai",
			"activities":      "Veiklos eiga",
			"methods":         "Metodai ir priemonės",
			"results":         "Rezultatai",
			"recommendations": "Rekomendacijos",
			"references":      "Šaltiniai",
		},
		LevelNames: map[data.EducationLevel]string{
			data.LevelPreschool:  "ikimokyklinis",
			data.LevelPrimary:    "pradinis",
			data.LevelBasic:      "pagrindinis",
			data.LevelSecondary:  "vidurinis",
			data.LevelVocational: "profesinis",
		},
	}
}

// withDefaults returns l with every empty text, section heading and level
// name taken from DefaultLabels.
func (l Labels) withDefaults() Labels {
	def := DefaultLabels()
	texts := []struct {
		dst *string
		def string
	}{
		{&l.Contents, def.Contents},
		{&l.Foreword, def.Foreword},
		{&l.IndexAssociations, def.IndexAssociations},
		{&l.IndexAuthors, def.IndexAuthors},
		{&l.Editors, def.Editors},
		{&l.Publisher, def.Publisher},
		{&l.ISBN, def.ISBN},
		{&l.Licence, def.Licence},
		{&l.Association, def.Association},
		{&l.Subject, def.Subject},
		{&l.Levels, def.Levels},
		{&l.Grades, def.Grades},
		{&l.Keywords, def.Keywords},
		{&l.PublicationSubject, def.PublicationSubject},
	}
	for _, t := range texts {
		if *t.dst == "" {
			*t.dst = t.def
		}
	}

	sections := make(map[string]string, len(def.Sections))
	for field, heading := range def.Sections {
		if custom := l.Sections[field]; custom != "" {
			heading = custom
		}
		sections[field] = heading
	}
	l.Sections = sections

	levels := make(map[data.EducationLevel]string, len(def.LevelNames))
	for level, name := range def.LevelNames {
		if custom := l.LevelNames[level]; custom != "" {
			name = custom
		}
		levels[level] = name
	}
	l.LevelNames = levels
	return l
}
