package cli

import (
	"context"
	"fmt"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/demo"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "serve")
	cfg := loadConfig(env, fs)
	cfg.ServeFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	a, err := openWithIndex(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Listen(); err != nil {
		return err
	}
	if cfg.Demo {
		if err := loadDemo(ctx, env, a); err != nil {
			return err
		}
	}
	if err := a.RebuildSearchIfStale(ctx); err != nil {
		return err
	}
	pw, err := a.EnsureAdmin(ctx)
	if err != nil {
		return err
	}
	if pw != "" {
		fmt.Fprintf(env.Stdout, "已创建管理员账号 / created the admin account:\n  用户名 user: admin\n  密码 password: %s\n  （只显示这一次，请登录后修改 / shown once: change it after logging in）\n", pw)
	}
	fmt.Fprintf(env.Stdout, "shuwu 书屋 已启动 / running at %s\n", a.URL())
	if addr := a.SIPAddr(); addr != "" {
		fmt.Fprintf(env.Stdout, "SIP2（自助借还机 / self-service machines）: %s\n", addr)
	}
	if addr := a.Z3950Addr(); addr != "" {
		fmt.Fprintf(env.Stdout, "Z39.50（编目检索 / cataloguing clients）: %s\n", addr)
	}
	log.Info("serving", "config", cfg.String(), "url", a.URL())

	errc := make(chan error, 1)
	go func() { errc <- a.Serve() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	fmt.Fprintln(env.Stdout, "正在停止 / shutting down")
	return a.Shutdown(shutdownCtx)
}

// loadDemo fills an empty data directory with the demo data set and its
// accounts; on a directory that has data it only says so.
func loadDemo(ctx context.Context, env Env, a *app.App) error {
	c, err := a.Counts(ctx)
	if err != nil {
		return err
	}
	if c.Records > 0 {
		fmt.Fprintln(env.Stdout, "数据目录已有数据，未重复加载演示数据 / the data directory has data: demo not loaded again")
		return nil
	}
	fmt.Fprintln(env.Stdout, "正在加载演示数据 / loading the demo data set …")
	// The accounts come first: the demo's duty roster and handovers are
	// the librarian's and the duty staff's.
	if err := a.CreateDemoAccounts(ctx); err != nil {
		return err
	}
	sum, err := demo.Load(audit.WithActor(ctx, audit.System), a.DB, demo.Options{Seed: 2022, Now: time.Now(), TZ: a.Config.Location(), Progress: progressPrinter(env), PhotosDir: a.Config.ActivityPhotosDir()})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "演示数据已加载 / demo loaded in %s: %d 种书目 records, %d 册 items, %d 位读者 readers, %d 个班次 classes\n",
		sum.Elapsed.Round(time.Second), sum.Records, sum.Items, sum.Readers, sum.Classes)
	fmt.Fprintf(env.Stdout, "演示账号 / demo accounts (密码 password %q):\n", app.DemoPassword)
	for _, u := range app.DemoAccounts {
		fmt.Fprintf(env.Stdout, "  %-10s %s\n", u.Username, u.Role.Label())
	}
	fmt.Fprintln(env.Stdout, "  读者以读者证号登录，密码相同 / readers log in with their card number and the same password")
	return nil
}

// progressPrinter reports long work on the terminal, one line per stage.
func progressPrinter(env Env) func(stage string, done, total int) {
	last := ""
	return func(stage string, done, total int) {
		if stage != last {
			last = stage
			fmt.Fprintf(env.Stdout, "  %s …\n", stage)
		}
	}
}
