// Package gctarget sets the garbage collector's heap target for Vigil's
// processes.
//
// A scan spends its time waiting on cloud APIs, while its memory is mostly
// responses in flight and garbage from decoding them. Go's default target
// (GOGC=100) lets the heap grow to twice what is live before collecting,
// which at 100,000 resources is about 300 MB resident for a collector that
// holds about 100 MB. Half that growth costs some CPU that the API latency
// hides, and keeps the resident set proportional to what is live, so a
// large estate still needs no fixed memory limit.
package gctarget

import (
	"os"
	"runtime/debug"
)

// Percent is the heap growth, in percent of the live heap, that starts a
// collection.
const Percent = 50

// Apply sets the target unless the user set GOGC, which always wins.
func Apply() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(Percent)
	}
}
