package cli

import (
	"context"
	"fmt"
	"time"
)

func runReindex(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "reindex")
	cfg := loadConfig(env, fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openWithIndex(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Counts(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgressBar(env, "重建检索索引 / reindexing", c.Records)
	if err := a.Search.Rebuild(ctx, bar.Set); err != nil {
		return err
	}
	bar.Done()
	fmt.Fprintf(env.Stdout, "检索索引已重建：%d 种书目，用时 %s / index rebuilt\n", c.Records, time.Since(start).Round(time.Millisecond))
	return nil
}
