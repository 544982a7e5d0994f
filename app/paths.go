package app

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// EnvData names the environment variable that overrides the data file's
// path, the same as the --data flag.
const EnvData = "PARTNERYSTE_DATA"

// DefaultProfile is the profile used when --profile is not given.
const DefaultProfile = "default"

var profileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// Paths are the files of one profile.
type Paths struct {
	// Data is the bbolt data file.
	Data string
	// Backups is the folder that holds the data file's backups.
	Backups string
}

// ResolvePaths returns the data file and backup folder. dataFlag (or the
// PARTNERYSTE_DATA variable) names the file directly; otherwise each
// profile has its own folder in the user's config directory, so that one
// machine can hold several associations' profiles side by side.
func ResolvePaths(dataFlag, profile string) (Paths, error) {
	data := dataFlag
	if data == "" {
		data = os.Getenv(EnvData)
	}
	if data == "" {
		if profile == "" {
			profile = DefaultProfile
		}
		if !profileName.MatchString(profile) {
			return Paths{}, fmt.Errorf("invalid profile name %q: use letters, digits, - and _ only", profile)
		}
		config, err := os.UserConfigDir()
		if err != nil {
			return Paths{}, fmt.Errorf("find the user's config directory: %w", err)
		}
		data = filepath.Join(config, "partneryste", profile, "partneryste.db")
	}

	abs, err := filepath.Abs(data)
	if err != nil {
		return Paths{}, fmt.Errorf("resolve data path %q: %w", data, err)
	}
	return Paths{Data: abs, Backups: filepath.Join(filepath.Dir(abs), "backups")}, nil
}
