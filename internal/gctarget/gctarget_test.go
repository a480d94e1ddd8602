package gctarget

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestApplySetsTheTargetUnlessGOGCIsSet(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	Apply(Collection)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set (even empty), Apply changed the target to %d", got)
	}

	unsetenv(t, "GOGC")
	for _, w := range []Workload{Files, Collection} {
		Apply(w)
		if got := debug.SetGCPercent(100); got != int(w) {
			t.Errorf("without GOGC, the target is %d, want %d", got, w)
		}
	}
}

func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "") // registers the restore
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
