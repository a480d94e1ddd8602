package collect

import (
	"context"
	"fmt"
	"sync"

	"github.com/vigil-sec/vigil/model"
)

// Task is one unit of collection work: the unit, the kinds its service
// produces, how to describe its errors, and the work itself.
type Task struct {
	Unit     model.Unit
	Kinds    []string
	Classify Classify
	Run      func(ctx context.Context, rec *Recorder)
}

// Pool runs tasks on a bounded number of workers. Each task gets its own
// Recorder; a panic in a task is recovered as an error that fails the
// unit; when the task returns, its resources, errors and outcome go to
// Sink (shared by the workers: give it Locked(s) unless it is safe for
// concurrent use) and Ended receives the outcome and the unit's facts.
type Pool struct {
	Workers int
	Sink    Sink
	// Ended, if set, is called once per task, from the worker that ran
	// it, after the sink received the unit.
	Ended func(o model.UnitOutcome, facts []any)
}

// Run runs the tasks, in order, and returns when every started task has
// ended. Once ctx is done no task starts; each one left reports an
// outcome with every kind unread.
func (p Pool) Run(ctx context.Context, tasks []Task) {
	jobs := make(chan Task)
	var wg sync.WaitGroup
	for w := 0; w < max(p.Workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range jobs {
				if ctx.Err() != nil {
					p.unread(t)
					continue
				}
				p.run(ctx, t)
			}
		}()
	}
	next := 0
send:
	for next < len(tasks) && ctx.Err() == nil {
		select {
		case jobs <- tasks[next]:
			next++
		case <-ctx.Done():
			break send
		}
	}
	close(jobs)
	wg.Wait()
	for _, t := range tasks[next:] {
		p.unread(t)
	}
}

// unread reports a task that never started.
func (p Pool) unread(t Task) {
	o := Unread(t.Unit, t.Kinds)
	p.Sink.Unit(o)
	if p.Ended != nil {
		p.Ended(o, nil)
	}
}

func (p Pool) run(ctx context.Context, t Task) {
	rec := NewRecorder(t.Unit, t.Kinds, t.Classify, p.Sink)
	func() {
		defer func() {
			if v := recover(); v != nil {
				rec.Fail("", fmt.Errorf("collector panic: %v", v))
			}
		}()
		t.Run(ctx, rec)
	}()
	o, facts := rec.End()
	if p.Ended != nil {
		p.Ended(o, facts)
	}
}
