package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"partneryste/data"
	"partneryste/data/wire"
)

// tokenBytes is the number of random bytes in a bearer token.
const tokenBytes = 32

// HashToken returns the SHA-256 hash under which a token is stored.
func HashToken(token string) [32]byte {
	return sha256.Sum256([]byte(token))
}

// newSecret returns a token: 32 random bytes, base64url without padding
// (43 characters).
func newSecret() string {
	b := make([]byte, tokenBytes)
	// Since Go 1.24 crypto/rand.Read crashes the program rather than return
	// an error, so the error is always nil.
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newTokenID returns a short random public id, "t" and 12 hex digits.
func newTokenID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "t" + hex.EncodeToString(b)
}

// MaxTokenName is the maximum length in runes of a token's display name,
// the limit of a review's reviewer field (data.MaxShort).
const MaxTokenName = data.MaxShort

// IssueToken creates a token without a display name; see IssueNamedToken.
func IssueToken(ctx context.Context, store Store, role wire.Role, association string, now time.Time) (string, Token, error) {
	return IssueNamedToken(ctx, store, role, association, "", now)
}

// IssueNamedToken creates a token for an association (role
// RoleAssociation) or for the coordinator (RoleCoordinator with an empty
// association), stores its hash and returns the token and its metadata.
// name is the holder's display name, which reviews made with the token
// show as their reviewer; it may be empty. The token is shown once: the
// store cannot return it again.
func IssueNamedToken(ctx context.Context, store Store, role wire.Role, association, name string, now time.Time) (string, Token, error) {
	name = strings.TrimSpace(name)
	if err := checkTokenName(name); err != nil {
		return "", Token{}, fmt.Errorf("issue token: %w", err)
	}
	switch role {
	case wire.RoleAssociation:
		if _, err := store.Association(ctx, association); err != nil {
			return "", Token{}, fmt.Errorf("issue token: %w", err)
		}
	case wire.RoleCoordinator:
		if association != "" {
			return "", Token{}, errors.New("issue token: a coordinator token has no association")
		}
	default:
		return "", Token{}, fmt.Errorf("issue token: unknown role %q", role)
	}

	secret := newSecret()
	t := Token{
		ID:          newTokenID(),
		Role:        role,
		Association: association,
		Name:        name,
		Hash:        HashToken(secret),
		Created:     now.UTC(),
	}
	if err := store.AddToken(ctx, t); err != nil {
		return "", Token{}, fmt.Errorf("issue token: %w", err)
	}
	return secret, t, nil
}

// checkTokenName rejects a display name that a review could not store.
func checkTokenName(name string) error {
	switch {
	case !utf8.ValidString(name):
		return errors.New("the token name is not valid UTF-8")
	case utf8.RuneCountInString(name) > MaxTokenName:
		return fmt.Errorf("the token name has %d characters; the maximum is %d", utf8.RuneCountInString(name), MaxTokenName)
	case strings.ContainsFunc(name, unicode.IsControl):
		return errors.New("the token name contains control characters")
	}
	return nil
}

// errUnauthorized is returned by authenticate for every kind of bad
// credentials, so the response never reveals which part was wrong.
var errUnauthorized = errors.New("missing, invalid or revoked bearer token")

// authenticate returns the token named by the request's Authorization
// header.
func authenticate(ctx context.Context, store Store, header string) (Token, error) {
	scheme, secret, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return Token{}, errUnauthorized
	}
	secret = strings.TrimSpace(secret)
	if secret == "" || len(secret) > 256 {
		return Token{}, errUnauthorized
	}

	hash := HashToken(secret)
	t, err := store.TokenByHash(ctx, hash)
	if errors.Is(err, ErrNotFound) {
		return Token{}, errUnauthorized
	}
	if err != nil {
		return Token{}, fmt.Errorf("look up token: %w", err)
	}
	// The store found the token by its hash. Comparing again in constant
	// time keeps this check free of timing differences, whatever the
	// store's lookup does.
	if subtle.ConstantTimeCompare(t.Hash[:], hash[:]) != 1 || !t.Revoked.IsZero() {
		return Token{}, errUnauthorized
	}
	return t, nil
}
