// Command shuwu is the 书屋 library system: server, command line and
// maintenance tools in one binary.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"shuwu/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}
