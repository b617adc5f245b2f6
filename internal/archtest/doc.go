// Package archtest holds the test that keeps shuwu's package boundaries:
// which packages may depend on which (README, "Architecture"). It has no
// code of its own.
package archtest
