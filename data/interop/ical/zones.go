package ical

import (
	"strings"
	"time"

	"partneryste/data"
)

// windowsZones maps the Windows time zone names that Outlook writes as
// TZID to IANA names. Each entry follows the territory-001 mapping of
// CLDR's windowsZones.xml, except "FLE Standard Time", which covers
// Helsinki, Kyiv, Riga, Sofia, Tallinn and Vilnius (one set of rules) and
// maps to Vilnius here.
var windowsZones = map[string]string{
	"FLE Standard Time":              "Europe/Vilnius",
	"GTB Standard Time":              "Europe/Bucharest",
	"E. Europe Standard Time":        "Europe/Chisinau",
	"Kaliningrad Standard Time":      "Europe/Kaliningrad",
	"Belarus Standard Time":          "Europe/Minsk",
	"Russian Standard Time":          "Europe/Moscow",
	"Turkey Standard Time":           "Europe/Istanbul",
	"Israel Standard Time":           "Asia/Jerusalem",
	"Central European Standard Time": "Europe/Warsaw",
	"Central Europe Standard Time":   "Europe/Budapest",
	"W. Europe Standard Time":        "Europe/Berlin",
	"Romance Standard Time":          "Europe/Paris",
	"GMT Standard Time":              "Europe/London",
	"Greenwich Standard Time":        "Atlantic/Reykjavik",
	"UTC":                            "UTC",
	"Coordinated Universal Time":     "UTC",
	"Eastern Standard Time":          "America/New_York",
	"Central Standard Time":          "America/Chicago",
	"Mountain Standard Time":         "America/Denver",
	"Pacific Standard Time":          "America/Los_Angeles",
	"China Standard Time":            "Asia/Shanghai",
	"Tokyo Standard Time":            "Asia/Tokyo",
	"AUS Eastern Standard Time":      "Australia/Sydney",
}

// zoneResolver turns TZID values into locations, caching each result.
type zoneResolver struct {
	// declared maps a VTIMEZONE's TZID to its X-LIC-LOCATION, an IANA
	// name that Thunderbird and Google write beside a custom TZID.
	declared map[string]string
	cache    map[string]*time.Location
}

func newZoneResolver(calendars []*component) *zoneResolver {
	z := &zoneResolver{declared: map[string]string{}, cache: map[string]*time.Location{}}
	for _, cal := range calendars {
		for _, c := range cal.children {
			if c.name != "VTIMEZONE" {
				continue
			}
			if loc := c.text("X-LIC-LOCATION"); loc != "" {
				z.declared[c.text("TZID")] = loc
			}
		}
	}
	return z
}

// resolve returns the location of a TZID, or nil when no rule knows it.
// It accepts IANA names, UTC, the Windows names in windowsZones, a
// VTIMEZONE's X-LIC-LOCATION, IANA names behind a prefix (old Mozilla
// calendars write "/mozilla.org/20070129_1/Europe/Vilnius"), and the
// display names of old Outlook versions when they name Vilnius.
func (z *zoneResolver) resolve(tzid string) *time.Location {
	if loc, ok := z.cache[tzid]; ok {
		return loc
	}
	loc := z.lookup(strings.TrimSpace(tzid))
	z.cache[tzid] = loc
	return loc
}

func (z *zoneResolver) lookup(tzid string) *time.Location {
	if tzid == "" {
		return nil
	}
	if name, ok := windowsZones[tzid]; ok {
		return loadIANA(name)
	}
	if loc := loadIANA(tzid); loc != nil {
		return loc
	}
	if name, ok := z.declared[tzid]; ok {
		if loc := loadIANA(name); loc != nil {
			return loc
		}
	}
	for i := 0; i < len(tzid); i++ {
		if tzid[i] == '/' {
			if loc := loadIANA(tzid[i+1:]); loc != nil && strings.Contains(tzid[i+1:], "/") {
				return loc
			}
		}
	}
	if strings.Contains(tzid, "Vilnius") {
		return data.Vilnius
	}
	return nil
}

// loadIANA loads an IANA zone name, or returns nil. "Local" is refused
// because it would read the importing machine's own zone, and names with
// characters outside IANA names never reach the zone database.
func loadIANA(name string) *time.Location {
	switch strings.ToUpper(name) {
	case "UTC", "GMT", "Z", "ETC/UTC", "ETC/GMT":
		return time.UTC
	case "", "LOCAL":
		return nil
	}
	if name == "Europe/Vilnius" {
		return data.Vilnius
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_-+", r)
		if !ok {
			return nil
		}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}
