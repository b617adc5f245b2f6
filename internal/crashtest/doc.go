// Package crashtest holds the durability test: shuwu serving 50 desks is
// killed with SIGKILL at random moments and restarted, and after every
// kill the database must hold exactly what the desks were told. It has
// no code of its own, only the test (run with SHUWU_LONG=1 for 100 kills).
package crashtest
