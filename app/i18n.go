package app

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2/lang"

	"partneryste/assets"
)

// envLanguage is the variable that selects the language on Linux and the
// BSDs. Fyne v2.8.1 reads the locale through github.com/jeandeaual/go-locale,
// which takes LANGUAGE over LC_ALL, LC_MESSAGES and LANG unless the first
// of those that is set is "C" or "POSIX".
const envLanguage = "LANGUAGE"

// LoadTranslations selects the language of the messages and registers the
// program's catalogs with Fyne's lang package. language is "lt", "en" or
// "" for the system's choice; when the system's language is neither
// Lithuanian nor English, Lithuanian is used. It may be called again to
// switch language while the program runs.
//
// Fyne has no call to force a language, so LoadTranslations sets LANGUAGE
// for this process, and turns a "C" or "POSIX" locale into "C.UTF-8" so
// that LANGUAGE is not ignored. NOTE: on Windows and macOS go-locale queries
// the operating system and reads no variable, so there the messages follow
// the system's language and fall back to English.
func LoadTranslations(language string) error {
	switch language {
	case "lt", "en":
	case "":
		if system := systemLanguage(); system != "lt" && system != "en" {
			language = "lt"
		}
	default:
		return fmt.Errorf("unsupported language %q: use lt or en", language)
	}

	if language != "" {
		if err := forceLanguage(language); err != nil {
			return err
		}
	}
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		return fmt.Errorf("load translation catalogs: %w", err)
	}
	return nil
}

// systemLanguage returns the language code of the user's locale, or "" when
// the locale names no language. On Linux and the BSDs that is the case when
// LANGUAGE is empty and the locale is unset, "C" or "POSIX" (as on many
// servers and CI machines), where Fyne would otherwise choose English.
func systemLanguage() string {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" && os.Getenv(envLanguage) == "" {
		locale := ""
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if locale = os.Getenv(name); locale != "" {
				break
			}
		}
		if base, _, _ := strings.Cut(locale, "."); base == "" || base == "C" || base == "POSIX" {
			return ""
		}
	}
	// A locale such as "en-GB" or "lt-LT" starts with the language code.
	language, _, _ := strings.Cut(lang.SystemLocale().String(), "-")
	return language
}

// forceLanguage sets LANGUAGE, first replacing a "C" or "POSIX" locale
// that would make go-locale ignore it.
func forceLanguage(language string) error {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue
		}
		if value == "C" || value == "POSIX" {
			if err := os.Setenv(name, "C.UTF-8"); err != nil {
				return fmt.Errorf("set %s: %w", name, err)
			}
		}
		break
	}
	if err := os.Setenv(envLanguage, language); err != nil {
		return fmt.Errorf("set %s: %w", envLanguage, err)
	}
	return nil
}
