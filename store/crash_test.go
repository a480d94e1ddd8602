package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/store"
	"github.com/vigil-sec/vigil/store/storetest"
)

// envCrashChild makes the test binary the child of TestKilledWriter: it
// writes a big snapshot to the DSN in the variable, reporting progress,
// until it is killed.
const envCrashChild = "VIGIL_STORE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if dsn := os.Getenv(envCrashChild); dsn != "" {
		os.Exit(crashChild(dsn))
	}
	os.Exit(m.Run())
}

func crashChild(dsn string) int {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	w, err := st.Begin(ctx, store.SnapshotMeta{Scope: scope, Started: time.Now()})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	estate := storetest.Estate(200000, 5)
	for i := 0; i < len(estate); i += 1000 {
		storetest.Change(estate[i], 2)
		if err := w.PutResources(ctx, estate[i:i+1000]...); err != nil {
			fmt.Println("error:", err)
			return 1
		}
		fmt.Println("written", i+1000)
	}
	// Never commits: the parent kills it before. Should it get here, it
	// waits to be killed.
	fmt.Println("done")
	time.Sleep(time.Minute)
	return 0
}

func TestKilledWriterLeavesPreviousSnapshotIntact(t *testing.T) {
	each(t, func(t *testing.T, dsn string, st store.Store) {
		ctx := context.Background()
		prev := save(t, st, 0, scan{resources: storetest.Estate(3000, 1)})
		st.Close()

		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envCrashChild+"="+dsn)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it mid-write: after 30,000 resources went to the database.
		sc := bufio.NewScanner(out)
		killed := false
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "error:") || line == "done" {
				break
			}
			if line == "written 30000" {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		}
		cmd.Wait()
		if !killed {
			t.Fatal("the child never got mid-write")
		}

		st2, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatalf("reopening after a killed writer: %v", err)
		}
		defer st2.Close()
		latest, err := st2.Latest(ctx, scope)
		if err != nil || latest.ID != prev.ID {
			t.Fatalf("latest after the crash: %+v %v, want snapshot %d", latest, err, prev.ID)
		}
		inv := inventory(t, st2, store.ResourceFilter{})
		if len(inv) != 3000 {
			t.Fatalf("previous snapshot after the crash: %d resources, want 3000", len(inv))
		}
		for _, r := range inv {
			if r.Resource.Tags["revision"] != "" {
				t.Fatal("a version of the killed snapshot is visible")
			}
		}
		if st2.Dialect() == "sqlite" {
			db, err := sql.Open("sqlite", dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var ok string
			if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
				t.Fatalf("integrity check: %q %v", ok, err)
			}
		}
		// And the store takes the next snapshot normally.
		next := save(t, st2, 1, scan{resources: storetest.Estate(3000, 1)})
		if next.Stats.VersionsAdded != 0 || next.Stats.Resources != 3000 {
			t.Fatalf("snapshot after the crash: %+v", next.Stats)
		}
	})
}
