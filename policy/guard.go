package policy

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"
)

// boundError is a custom rule exceeding the sandbox's time or memory
// bound. The rule is stopped for the rest of the evaluation: a rule that
// loops would otherwise cost every batch the full time bound.
type boundError struct {
	msg    string
	memory bool
	// alone is set when the rule was the only sandboxed evaluation running
	// when the heap outgrew the bound, so the growth was its own.
	alone bool
}

func (e *boundError) Error() string { return e.msg }

// Tuning of the guard; none of it is a user setting.
const (
	// watchEvery is how often the watchdog samples the heap. Allocation
	// between two samples is bounded by the per-call limits (bounded.go).
	watchEvery = 5 * time.Millisecond
	// minGCGap spaces the collections the watchdog forces, so a large heap
	// of legitimate garbage costs a few extra collections at most.
	minGCGap = 20 * time.Millisecond
	// abandonAfter is how long an evaluation gets to notice its
	// cancellation. OPA checks between evaluation steps; a rule stuck
	// inside one step (comparing two huge values) is abandoned: the scan
	// goes on, and the stuck goroutine ends with its step or the process.
	abandonAfter = 250 * time.Millisecond
)

// guard runs sandboxed evaluations under the time and memory bounds, for
// the length of one Evaluate call.
type guard struct {
	timeout time.Duration
	memory  uint64

	// exclusive lets an evaluation cancelled for memory while others ran
	// be retried alone: then the growth it causes is its own.
	exclusive sync.RWMutex

	mu      sync.Mutex
	running map[*running]struct{}
	stopped map[*Rule]*boundError

	done chan struct{}
	wg   sync.WaitGroup
}

type running struct {
	cancel context.CancelCauseFunc
	// heap in use when it started, garbage included, so the bound errs on
	// the rule's side.
	heap uint64
}

func newGuard(sb Sandbox) *guard {
	g := &guard{timeout: sb.timeout(), memory: sb.memory(), running: map[*running]struct{}{},
		stopped: map[*Rule]*boundError{}, done: make(chan struct{})}
	g.wg.Add(1)
	go g.watch()
	return g
}

func (g *guard) close() {
	close(g.done)
	g.wg.Wait()
}

func (g *guard) timeBound() *boundError {
	return &boundError{msg: fmt.Sprintf("its evaluation on a batch of resources took longer than %s, "+
		"the sandbox's time bound (sandbox.timeout in vigil.yaml)", g.timeout)}
}

func (g *guard) memoryBound(alone bool) *boundError {
	return &boundError{memory: true, alone: alone, msg: fmt.Sprintf("the heap grew by more than %d MiB while it ran, "+
		"the sandbox's memory bound (sandbox.memory_mb in vigil.yaml)", g.memory>>20)}
}

// evalFunc is one evaluation; it must stop soon after ctx is done.
type evalFunc func(ctx context.Context) (rego.ResultSet, error)

// eval runs one evaluation of a sandboxed rule. A bound exceeded stops the
// rule: this and every later call for it return the bound's error.
func (g *guard) eval(ctx context.Context, cr *compiledRule, run evalFunc) (rego.ResultSet, error) {
	g.mu.Lock()
	be := g.stopped[cr.Rule]
	g.mu.Unlock()
	if be != nil {
		return nil, be
	}
	rs, err := g.try(ctx, run, false)
	if errors.As(err, &be) && be.memory && !be.alone {
		rs, err = g.try(ctx, run, true)
	}
	if errors.As(err, &be) {
		g.mu.Lock()
		if g.stopped[cr.Rule] == nil {
			g.stopped[cr.Rule] = be
		}
		be = g.stopped[cr.Rule]
		g.mu.Unlock()
		return nil, be
	}
	return rs, err
}

func (g *guard) try(ctx context.Context, run evalFunc, alone bool) (rego.ResultSet, error) {
	if alone {
		g.exclusive.Lock()
		defer g.exclusive.Unlock()
	} else {
		g.exclusive.RLock()
		defer g.exclusive.RUnlock()
	}
	mctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	tctx, stop := context.WithTimeoutCause(mctx, g.timeout, g.timeBound())
	defer stop()
	r := &running{cancel: cancel, heap: heapInUse()}
	g.mu.Lock()
	g.running[r] = struct{}{}
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		delete(g.running, r)
		g.mu.Unlock()
	}()

	type result struct {
		rs  rego.ResultSet
		err error
	}
	done := make(chan result, 1)
	go func() {
		rs, err := run(tctx)
		done <- result{rs, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-tctx.Done():
		select {
		case res = <-done:
		case <-time.After(abandonAfter):
			res.err = context.Cause(tctx)
		}
	}
	if res.err != nil {
		var be *boundError
		if errors.As(context.Cause(tctx), &be) {
			return nil, be
		}
	}
	return res.rs, res.err
}

// watch cancels the sandboxed evaluations during which the heap grew by
// more than the memory bound. OPA has no memory limit of its own, but it
// checks for cancellation at every evaluation step.
func (g *guard) watch() {
	defer g.wg.Done()
	tick := time.NewTicker(watchEvery)
	defer tick.Stop()
	var lastGC time.Time
	for {
		select {
		case <-g.done:
			return
		case <-tick.C:
		}
		g.mu.Lock()
		base, found := uint64(0), false
		for r := range g.running {
			if !found || r.heap < base {
				base, found = r.heap, true
			}
		}
		g.mu.Unlock()
		if !found || heapInUse() <= base+g.memory || time.Since(lastGC) < minGCGap {
			continue
		}
		// Dead objects count as in use until a collection frees them:
		// only what survives one is growth.
		runtime.GC()
		lastGC = time.Now()
		live := heapLive()
		g.mu.Lock()
		alone := len(g.running) == 1
		for r := range g.running {
			if live > r.heap+g.memory {
				r.cancel(g.memoryBound(alone))
			}
		}
		g.mu.Unlock()
	}
}

func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// heapInUse is the heap occupied by objects, live or not yet swept.
func heapInUse() uint64 { return readMetric("/memory/classes/heap/objects:bytes") }

// heapLive is the heap marked live by the last collection.
func heapLive() uint64 { return readMetric("/gc/heap/live:bytes") }
