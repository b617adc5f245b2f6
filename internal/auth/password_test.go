package auth

import (
	"testing"

	"shuwu/internal/errs"
)

// TestWeakPasswordsAreRefusedNamingTheRule: aaaaaaaa and password were
// accepted as new passwords. Each weak kind is refused with the code of
// its rule; ordinary passphrases still pass.
func TestWeakPasswordsAreRefusedNamingTheRule(t *testing.T) {
	for pw, code := range map[string]errs.Code{
		"short":      CodePasswordTooShort,
		"aaaaaaaa":   CodePasswordOneCharacter,
		"88888888":   CodePasswordOneCharacter,
		"书书书书书书书书":   CodePasswordOneCharacter,
		"12345678":   CodePasswordSequence,
		"87654321":   CodePasswordSequence,
		"abcdefgh":   CodePasswordSequence,
		"4567890123": CodePasswordSequence,
		"password":   CodePasswordCommon,
		"PASSWORD":   CodePasswordCommon,
		"qwertyui":   CodePasswordCommon,
		"woaini1314": CodePasswordCommon,
		"iloveyou":   CodePasswordCommon,
		"1qaz2wsx":   CodePasswordCommon,
		"admin123":   CodePasswordCommon,
	} {
		err := ValidatePassword(pw)
		if !errs.Is(err, code) {
			t.Errorf("%q: %v, want %s", pw, err, code)
		}
	}
	for _, pw := range []string{"password-123", "shuwu-demo", "long-password-1", "qian-2026-pw", "密码：书屋2024", "12345679", "abcdefgi"} {
		if err := ValidatePassword(pw); err != nil {
			t.Errorf("%q refused: %v", pw, err)
		}
	}
	if err := validatePasswordFor("R0000123", "r0000123"); !errs.Is(err, CodePasswordIsName) {
		t.Errorf("the card number as password: %v", err)
	}
}
