package scan

import (
	"sync"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// EventKind names a step of a scan.
type EventKind string

// The steps of a scan, in the order they happen. A source emits
// ReadStarted, then File events (IaC) or UnitDone events (live), then
// ReadDone; Judge emits Evaluating and ScanDone.
const (
	// EventReadStarted: the source starts reading Targets (paths, or the
	// live provider's name before accounts are known).
	EventReadStarted EventKind = "read_started"
	// EventFile: an IaC file is being read.
	EventFile EventKind = "file"
	// EventKinds: the source knows kinds of resource it is about to
	// produce (Kinds), before it has produced them: a hint, so that the
	// rules of those kinds compile while the reading goes on. It may come
	// more than once, and may miss kinds the resources then have.
	EventKinds EventKind = "kinds"
	// EventUnitDone: a live unit (account x region x service) ended with
	// Resources read and Errors; Done of Total units have ended.
	EventUnitDone EventKind = "unit_done"
	// EventReadDone: the source has read Resources with Errors; a live
	// source adds Accounts, Regions, Calls and Duration.
	EventReadDone EventKind = "read_done"
	// EventEvaluating: the rules start judging Resources.
	EventEvaluating EventKind = "evaluating"
	// EventScanDone: the result is assembled; Summary counts it.
	EventScanDone EventKind = "scan_done"
)

// Event is one step of a scan's progress, typed so that a terminal, a log
// and a server render it each their own way. Fields not meaningful for a
// kind are zero.
type Event struct {
	Kind EventKind `json:"kind"`
	Time time.Time `json:"time"`
	// Source is the source reading: "iac" or a live provider ("aws").
	Source  string      `json:"source,omitempty"`
	Targets []string    `json:"targets,omitempty"`
	File    string      `json:"file,omitempty"`
	Kinds   []string    `json:"kinds,omitempty"`
	Unit    *model.Unit `json:"unit,omitempty"`
	// Resources and Errors count what a unit read (UnitDone) or what the
	// whole source read (ReadDone, Evaluating).
	Resources int `json:"resources,omitempty"`
	Errors    int `json:"errors,omitempty"`
	// Done and Total count units of live work.
	Done  int `json:"done,omitempty"`
	Total int `json:"total,omitempty"`
	// Accounts, Regions, Calls (API operations sent) and Duration of a
	// live collection (ReadDone).
	Accounts int            `json:"accounts,omitempty"`
	Regions  int            `json:"regions,omitempty"`
	Calls    int64          `json:"calls,omitempty"`
	Duration time.Duration  `json:"duration,omitempty"`
	Summary  *model.Summary `json:"summary,omitempty"`
}

// emitter returns the function sources and Judge report through: it
// stamps the time and calls fn one event at a time (live collectors report
// from many goroutines), or does nothing when fn is nil.
func emitter(fn func(Event), now func() time.Time) func(Event) {
	if fn == nil {
		return func(Event) {}
	}
	var mu sync.Mutex
	return func(ev Event) {
		mu.Lock()
		defer mu.Unlock()
		if ev.Time.IsZero() {
			ev.Time = now()
		}
		fn(ev)
	}
}
