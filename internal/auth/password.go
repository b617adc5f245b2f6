// Package auth is accounts and access: staff users with roles, readers who
// log in with their card, password hashing, sessions and API tokens, and
// the login rate limit.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"shuwu/internal/errs"
)

// argon2id parameters: OWASP's minimum (19 MiB, 2 passes), which keeps a
// login near 30 ms on the 2-core office PC this runs on.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// dummyHash is a hash of a random password, checked when a login names no
// account, so that an unknown name takes as long as a known one.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword(RandomPassword())
	if err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return h
})

// hashChecks counts the argon2 checks done, for the tests that make sure
// an unknown name costs one as well.
var hashChecks atomic.Int64

func checkDummy(pw string) { CheckPassword(dummyHash(), pw) }

// CheckPassword reports whether pw matches the encoded hash.
func CheckPassword(encoded, pw string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<20 || t == 0 || t > 10 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	hashChecks.Add(1)
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// ValidatePassword enforces the password rules for new passwords: at
// least 8 characters, at most 128 bytes, not one character repeated, not a
// run like 12345678 or abcdefgh, and not one of the passwords guessed first
// (commonPasswords). Each refusal names its rule.
func ValidatePassword(pw string) error {
	if utf8.RuneCountInString(pw) < 8 {
		return errs.Invalid(CodePasswordTooShort, "password", "密码至少 8 位", "the password must be at least 8 characters")
	}
	if len(pw) > 128 {
		return errs.Invalid(CodePasswordTooLong, "password", "密码最多 128 位", "the password must be at most 128 bytes")
	}
	if oneCharacter(pw) {
		return errs.Invalid(CodePasswordOneCharacter, "password", "密码不能全是同一个字符（如 aaaaaaaa），请混用不同的字母、数字或符号", "the password must not be one character repeated (like aaaaaaaa)")
	}
	if sequence(pw) {
		return errs.Invalid(CodePasswordSequence, "password", "密码不能是连续的数字或字母（如 12345678、abcdefgh）", "the password must not be a run of digits or letters (like 12345678 or abcdefgh)")
	}
	if commonPasswords[strings.ToLower(pw)] {
		return errs.Invalid(CodePasswordCommon, "password", "密码太常见（如 password、qwertyui），很容易被猜到，请换一个", "the password is one of the most common ones (like password or qwertyui) and easily guessed; choose another")
	}
	return nil
}

// validatePasswordFor adds to ValidatePassword that the password is not
// the account's own user name or card number.
func validatePasswordFor(name, pw string) error {
	if err := ValidatePassword(pw); err != nil {
		return err
	}
	if name != "" && strings.EqualFold(strings.TrimSpace(pw), strings.TrimSpace(name)) {
		return errs.Invalid(CodePasswordIsName, "password", "密码不能与用户名或读者证号相同", "the password must not be the user name or card number")
	}
	return nil
}

func oneCharacter(pw string) bool {
	first, _ := utf8.DecodeRuneInString(pw)
	for _, r := range pw {
		if r != first {
			return false
		}
	}
	return true
}

// sequence reports a password that is one run up or down the digits or
// the alphabet: 12345678, 87654321, abcdefgh.
func sequence(pw string) bool {
	s := strings.ToLower(pw)
	step := 0
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if !(isAlnum(a) && isAlnum(b)) || (a <= '9') != (b <= '9') {
			return false
		}
		d := int(b) - int(a)
		if d != 1 && d != -1 && !(a == '9' && b == '0') && !(a == '0' && b == '9') {
			return false
		}
		if a == '9' && b == '0' {
			d = 1
		} else if a == '0' && b == '9' {
			d = -1
		}
		if step != 0 && d != step {
			return false
		}
		step = d
	}
	return true
}

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' }

// RandomPassword returns a readable random password for a new account.
func RandomPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 14)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
