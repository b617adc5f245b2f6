package auth

// HashChecks counts argon2 password checks, for tests outside the package.
func HashChecks() int64 { return hashChecks.Load() }
