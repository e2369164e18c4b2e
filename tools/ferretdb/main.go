// Command ferretdb starts FerretDB v1 (SQLite backend) for gatehouse's tests and local development.
//
// The upstream cmd/ferretdb panics when built with `go install` (its version file is not in the
// module zip), so we embed the library package instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "TCP port (0 picks a free one)")
	dir := flag.String("dir", "", "data directory for the SQLite backend (created if missing)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if *dir == "" {
		fail("--dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err.Error())
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fail(err.Error())
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad --log-level: " + err.Error())
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// Resolve port 0 ourselves so we can print the real address before FerretDB starts.
	p := *port
	if p == 0 {
		l, err := net.Listen("tcp", net.JoinHostPort(*host, "0"))
		if err != nil {
			fail(err.Error())
		}
		p = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: net.JoinHostPort(*host, strconv.Itoa(p))},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    logger,
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	fmt.Printf("ferretdb listening on %s (sqlite data in %s)\n", f.MongoDBURI(), abs)
	<-done
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb: "+msg)
	os.Exit(2)
}
