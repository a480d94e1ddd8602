// Command store measures Vigil's store: a first snapshot of a generated
// estate, then a second one in which a fraction of the resources changed,
// on SQLite and (with -postgres) on PostgreSQL. It prints, for each, the
// time to store the snapshot, the rows written and how much the database
// grew.
//
//	go run ./bench/store                                   # 100,000 resources, 1 % changed, SQLite
//	go run ./bench/store -postgres postgres://user@127.0.0.1:5432/postgres?sslmode=disable
//
// Every resource carries two verdicts (one rule failing on about a third
// of them); in the second snapshot half the changed resources also flip
// that verdict, so findings are opened and resolved too. A third snapshot
// has one of the two accounts unreadable (its units failed): what it costs
// to keep half the estate, and its findings, stale.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
	"github.com/vigil-sec/vigil/store/storetest"
)

func main() {
	n := flag.Int("resources", 100000, "resources in the estate")
	changed := flag.Float64("changed", 0.01, "fraction of resources changed in the second snapshot")
	pg := flag.String("postgres", "", "also measure PostgreSQL at this DSN (a scratch schema is created and dropped)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of one SQLite snapshot to this file")
	flag.IntVar(&profileAt, "profile-snapshot", 2, "the snapshot -cpuprofile profiles (1, 2 or 3)")
	flag.Parse()
	profile = *cpuprofile
	profileAt--
	if err := run(*n, *changed, *pg); err != nil {
		fmt.Fprintln(os.Stderr, "bench/store:", err)
		os.Exit(1)
	}
}

type sizer func() (int64, error)

var (
	profile   string
	profileAt = 1
)

func run(n int, changed float64, pg string) error {
	ctx := context.Background()
	first := storetest.Estate(n, 1)
	second := storetest.Estate(n, 1)
	step := int(1 / changed)
	flipped := map[string]bool{}
	for i := 0; i < n; i += step {
		storetest.Change(second[i], 2)
		if (i/step)%2 == 0 {
			flipped[second[i].ID] = true
		}
	}
	f1, f2 := verdicts(first, nil), verdicts(second, flipped)
	// The third: account 222222222222 could not be read at all (its
	// units failed); its resources and findings must stay, stale.
	var third []*model.Resource
	for _, r := range second {
		if r.Account != "222222222222" {
			third = append(third, r)
		}
	}
	f3 := verdicts(third, flipped)
	failed := []model.UnitOutcome{{Unit: model.Unit{Provider: "aws", Account: "222222222222", Service: "all"}, Status: model.UnitFailed,
		Kinds: []string{"aws.ec2.security_group", "aws.ec2.instance", "aws.s3.bucket", "aws.iam.role", "aws.ec2.volume"}}}
	runs := []snapshotRun{{"1", first, f1, nil}, {"2", second, f2, nil}, {"3", third, f3, failed}}
	fmt.Printf("estate: %d resources, %d verdicts per snapshot; second snapshot: %d resources changed, %d verdicts flipped\n\n",
		n, len(f1), (n+step-1)/step, len(flipped))
	fmt.Printf("%-10s %-8s %10s %10s %10s %12s %14s\n", "backend", "snapshot", "time", "cpu", "rows", "growth", "versions +/-")

	dir, err := os.MkdirTemp("", "vigil-bench-store")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "vigil.db")
	if err := measure(ctx, "sqlite", path, sqliteSize(path), runs); err != nil {
		return err
	}
	if pg == "" {
		fmt.Println("\n(PostgreSQL not measured: -postgres DSN)")
		return nil
	}
	dsn, size, drop, err := pgSchema(ctx, pg)
	if err != nil {
		return err
	}
	defer drop()
	return measure(ctx, "postgres", dsn, size, runs)
}

func verdicts(rs []*model.Resource, flipped map[string]bool) []model.Finding {
	out := make([]model.Finding, 0, 2*len(rs))
	for i, r := range rs {
		a := model.StatusPass
		if (i%3 == 0) != flipped[r.ID] {
			a = model.StatusFail
		}
		out = append(out,
			model.Finding{RuleID: "BENCH-001", Title: "a rule failing on a third", Severity: model.SeverityHigh, Status: a,
				Message: "setting x of " + r.Name + " is off", Resource: r.Ref(), Evidence: []model.Evidence{{Path: "x", Value: false}}},
			model.Finding{RuleID: "BENCH-002", Title: "a rule that passes", Severity: model.SeverityLow, Status: model.StatusPass, Resource: r.Ref()})
	}
	return out
}

type snapshotRun struct {
	name  string
	rs    []*model.Resource
	fs    []model.Finding
	units []model.UnitOutcome
}

func measure(ctx context.Context, name, dsn string, size sizer, runs []snapshotRun) error {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	var t1, c1 time.Duration
	var g1 int64
	for i, in := range runs {
		before, err := size()
		if err != nil {
			return err
		}
		if i == profileAt && name == "sqlite" && profile != "" {
			f, err := os.Create(profile)
			if err != nil {
				return err
			}
			pprof.StartCPUProfile(f)
		}
		start := time.Now()
		cpu0 := cpuTime()
		snap, err := store.SaveScan(ctx, st, store.SnapshotMeta{Scope: "aws:bench", Source: "live", Started: start}, in.rs, in.fs, in.units, time.Time{})
		if err != nil {
			return err
		}
		took := time.Since(start)
		cpu := cpuTime() - cpu0
		if i == profileAt && name == "sqlite" && profile != "" {
			pprof.StopCPUProfile()
		}
		after, err := size()
		if err != nil {
			return err
		}
		growth := after - before
		note := ""
		if i == 0 {
			t1, c1, g1 = took, cpu, growth
		} else if i == 1 {
			note = fmt.Sprintf("   (of the first: %.1f %% time, %.1f %% cpu, %.1f %% size)", 100*took.Seconds()/t1.Seconds(),
				100*cpu.Seconds()/max(c1.Seconds(), 1e-9), 100*float64(growth)/float64(max(g1, 1)))
		}
		if i == 2 {
			note = fmt.Sprintf("   (account 222222222222 unreadable: %d resources and %d findings kept, stale)", snap.Stats.StaleResources, snap.Stats.FindingsStale)
		}
		fmt.Printf("%-10s %-8d %10s %10s %10d %12s %7d/%-6d%s\n", name, i+1, took.Round(time.Millisecond), cpu.Round(time.Millisecond), snap.Stats.RowsWritten,
			mib(growth), snap.Stats.VersionsAdded, snap.Stats.VersionsClosed, note)
	}
	return nil
}

// cpuTime is the CPU this process used (user + system): on a shared
// machine it is steadier than wall time. PostgreSQL's own CPU is not in it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func mib(b int64) string { return fmt.Sprintf("%.2f MiB", float64(b)/(1<<20)) }

// sqliteSize is the file's size once the WAL is checkpointed into it.
func sqliteSize(path string) sizer {
	return func() (int64, error) {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			return 0, nil
		}
		db, err := sql.Open("sqlite", path)
		if err != nil {
			return 0, err
		}
		defer db.Close()
		if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return 0, err
		}
		var total int64
		for _, p := range []string{path, path + "-wal"} {
			if fi, err := os.Stat(p); err == nil {
				total += fi.Size()
			}
		}
		return total, nil
	}
}

// pgSchema makes a scratch schema; size is the on-disk size of its tables
// with their indexes and TOAST.
func pgSchema(ctx context.Context, base string) (string, sizer, func(), error) {
	b := make([]byte, 6)
	rand.Read(b)
	schema := "vigil_bench_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, nil, err
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		return "", nil, nil, err
	}
	drop := func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	}
	u, err := url.Parse(base)
	if err != nil {
		drop()
		return "", nil, nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	size := func() (int64, error) {
		var n sql.NullInt64
		err := admin.QueryRowContext(ctx, `SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c
			JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = $1 AND c.relkind = 'r'`, schema).Scan(&n)
		return n.Int64, err
	}
	return u.String(), size, drop, nil
}
