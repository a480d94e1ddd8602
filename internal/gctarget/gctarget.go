// Package gctarget sets the garbage collector's heap target for Vigil's
// processes: `vigil` and the benchmarks that measure it apply the same.
//
// The two kinds of scan want opposite settings:
//
//   - An IaC scan (a repository in CI, a pre-commit hook) is CPU-bound and
//     builds a large, short-lived heap of syntax trees and values: letting
//     the heap grow to three times what is live (Files) halves the time of
//     10,000 resources (`go run ./bench`) against collecting at half that
//     growth, within its 400 MB budget.
//   - A live collection waits on cloud APIs, while its memory is mostly
//     responses in flight and garbage from decoding them. Growth of two or
//     three times would let 100,000 resources take 300 MB and more resident
//     for a collector that holds under 100 MB. Half of what is live
//     (Collection) costs some CPU that the API latency hides, and keeps the
//     resident set proportional to what is live, so a large estate needs no
//     fixed memory limit (`go run ./bench/aws -resources 100000`).
package gctarget

import (
	"os"
	"runtime/debug"
)

// Workload names a kind of scan by the target it wants: the heap growth,
// in percent of the live heap, that starts a collection.
type Workload int

const (
	// Files is an IaC scan.
	Files Workload = 200
	// Collection is a live scan of a cloud.
	Collection Workload = 50
)

// Apply sets the target for the workload unless the user set GOGC, which
// always wins.
func Apply(w Workload) {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(int(w))
	}
}
