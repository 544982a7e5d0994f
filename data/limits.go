package data

// CodeTooMany marks a list with more items than its limit (Limit is the
// maximum number of items), such as more than 30 keywords. It is translated
// as "error.too_many" like the codes in errors.go.
const CodeTooMany = "too_many"

// Length limits in runes. They are generous for real texts and keep one
// record small enough to sync and print: a practice case with every section
// full is about 210,000 runes.
const (
	MaxTitle     = 300   // titles and topics
	MaxShort     = 200   // names, places, subjects and other one-line fields
	MaxURL       = 2000  // web addresses
	MaxGrades    = 100   // the free-text grades of a practice case ("5–8 kl.")
	MaxKeyword   = 60    // one keyword
	MaxKeywords  = 30    // keywords per practice case
	MaxAuthors   = 20    // authors per practice case
	MaxEventText = 10000 // an event's description
	MaxSection   = 30000 // each long section of a practice case
	MaxQA        = 20000 // a consultation's question and answer
	MaxComment   = 10000 // a review comment, general or on one section
	MaxDuration  = 1440  // a consultation's duration in minutes (one day)
)

// limits maps "kind/field" to its limit. List item fields use the JSON path
// without indexes, as in "authors.name".
var limits = map[string]int{
	"event/title":            MaxTitle,
	"event/place":            MaxShort,
	"event/online_url":       MaxURL,
	"event/description":      MaxEventText,
	"event/audience":         MaxShort,
	"event/registration_url": MaxURL,

	"practice/title":           MaxTitle,
	"practice/authors.name":    MaxShort,
	"practice/authors.school":  MaxShort,
	"practice/authors.role":    MaxShort,
	"practice/subject":         MaxShort,
	"practice/grades":          MaxGrades,
	"practice/keywords":        MaxKeyword,
	"practice/summary":         MaxSection,
	"practice/goals":           MaxSection,
	"practice/activities":      MaxSection,
	"practice/methods":         MaxSection,
	"practice/results":         MaxSection,
	"practice/recommendations": MaxSection,
	"practice/references":      MaxSection,
	"practice/licence":         MaxShort,

	"practice/review.comment":           MaxComment,
	"practice/review.section_comments":  MaxComment,
	"practice/review.reviewer":          MaxShort,
	"practice/history.comment":          MaxComment,
	"practice/history.section_comments": MaxComment,
	"practice/history.reviewer":         MaxShort,

	"consultation/duration_min":      MaxDuration,
	"consultation/topic":             MaxTitle,
	"consultation/category":          MaxShort,
	"consultation/requester.name":    MaxShort,
	"consultation/requester.school":  MaxShort,
	"consultation/requester.contact": MaxShort,
	"consultation/question":          MaxQA,
	"consultation/answer":            MaxQA,
	"consultation/consultant":        MaxShort,
}

// itemLimits maps "kind/field" of a list to its maximum number of items.
var itemLimits = map[string]int{
	"practice/authors":  MaxAuthors,
	"practice/keywords": MaxKeywords,
}

// Limit returns the maximum length in runes of a text field, or the maximum
// value of a number field, so that editors can show a counter. For a list
// of texts it returns the limit of each item ("keywords" gives 60), and for
// a field inside list items the field is named without the index
// ("authors.name"). It returns 0 for fields without a limit.
func Limit(kind Kind, field string) int {
	return limits[string(kind)+"/"+field]
}

// MaxItems returns the maximum number of items in a list field, such as 20
// for (KindPractice, "authors"), or 0 for fields that are not limited lists.
func MaxItems(kind Kind, field string) int {
	return itemLimits[string(kind)+"/"+field]
}
