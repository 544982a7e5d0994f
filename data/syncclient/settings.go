package syncclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
)

// SettingsFile is the name of the settings file, kept in the folder of the
// data file.
const SettingsFile = "sync.json"

// ErrNoSettings is returned by LoadSettings when no settings were saved.
var ErrNoSettings = errors.New("sync is not set up: no server address and token saved")

// Settings are the server address and the association's token.
type Settings struct {
	ServerURL string `json:"server_url"`
	// Token is secret: String and LogValue never show it.
	Token string `json:"token"`
}

// Validate returns an error wrapping ErrSettings when the address or the
// token would be rejected by New.
func (s Settings) Validate() error {
	if _, err := checkServerURL(s.ServerURL); err != nil {
		return err
	}
	return checkToken(s.Token)
}

// String shows the address and whether a token is set, never the token.
func (s Settings) String() string {
	return fmt.Sprintf("server %s, token %s", s.ServerURL, tokenState(s.Token))
}

// LogValue keeps the token out of slog output.
func (s Settings) LogValue() slog.Value {
	return slog.GroupValue(slog.String("server", s.ServerURL), slog.String("token", tokenState(s.Token)))
}

func tokenState(token string) string {
	if token == "" {
		return "not set"
	}
	return redactedText
}

// SettingsPath returns the path of the settings file beside dataPath.
func SettingsPath(dataPath string) string {
	return filepath.Join(filepath.Dir(dataPath), SettingsFile)
}

// LoadSettings reads the settings file at path. It returns an error
// wrapping ErrNoSettings when the file does not exist.
func LoadSettings(path string) (Settings, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Settings{}, fmt.Errorf("read %s: %w", path, ErrNoSettings)
	}
	if err != nil {
		return Settings{}, fmt.Errorf("read sync settings: %w", err)
	}
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		// A syntax error message quotes a character of the file, which
		// may be part of the token, so only the offset is kept.
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return Settings{}, fmt.Errorf("decode sync settings %s: invalid JSON at byte %d: %w", path, syntax.Offset, ErrSettings)
		}
		return Settings{}, fmt.Errorf("decode sync settings %s: %w", path, errors.Join(err, ErrSettings))
	}
	return s, nil
}

// SaveSettings validates s and writes it to path with permissions 0600,
// through a temporary file renamed into place, so a crash leaves either the
// old or the new settings.
func SaveSettings(path string, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode sync settings: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create settings folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sync-*.json")
	if err != nil {
		return fmt.Errorf("save sync settings: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp already uses 0600; Chmod states it for systems where the
	// umask or the file system might differ.
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("save sync settings: %w", err)
	}
	if _, err := tmp.Write(append(raw, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("save sync settings: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save sync settings: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save sync settings: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save sync settings: %w", err)
	}
	return nil
}
