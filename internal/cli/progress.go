package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progressBar draws a bar on a terminal and stays silent otherwise, so
// logs and pipes get only the final summary.
type progressBar struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	total int
	tty   bool
	last  time.Time
}

func newProgressBar(env Env, label string, total int) *progressBar {
	tty := false
	if f, ok := env.Stderr.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progressBar{w: env.Stderr, label: label, total: total, tty: tty}
}

// Set reports done units; it redraws at most ten times a second.
func (p *progressBar) Set(done int) {
	if !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond && done < p.total {
		return
	}
	p.last = time.Now()
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = min(1, float64(done)/float64(p.total))
	}
	n := int(frac * width)
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d %3.0f%%", p.label, strings.Repeat("█", n), strings.Repeat("░", width-n), done, p.total, frac*100)
}

// Done ends the bar's line.
func (p *progressBar) Done() {
	if p.tty {
		p.Set(p.total)
		fmt.Fprintln(p.w)
	}
}
