package collect

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// A toy collector: one service producing "toy.box" and "toy.lid".
var (
	toyUnit  = model.Unit{Provider: "toy", Account: "a1", Region: "r1", Service: "boxes"}
	toyKinds = []string{"toy.box", "toy.lid"}
	errNo    = errors.New("denied")
)

func toyClassify(op string, err error) (Error, bool) {
	return Error{Account: "a1", Region: "r1", Service: "boxes", Operation: op, Code: "Denied", Message: err.Error()}, false
}

type toyAttrs struct {
	Color  string   `json:"color"`
	Size   int      `json:"size"`
	Labels []string `json:"labels"`
}

func toyResource(id, kind string) *model.Resource {
	return &model.Resource{ID: id, Kind: kind, Provider: "toy", Attributes: &toyAttrs{}}
}

func fail() error { return errNo }
func ok() error   { return nil }

func record(t *testing.T, fn func(rec *Recorder)) (*Slice, model.UnitOutcome) {
	t.Helper()
	var got Slice
	rec := NewRecorder(toyUnit, toyKinds, toyClassify, &got)
	fn(rec)
	o, _ := rec.End()
	if len(got.Units) != 1 || !reflect.DeepEqual(got.Units[0], o) {
		t.Fatalf("the sink got units %+v, End returned %+v", got.Units, o)
	}
	return &got, o
}

func byID(rs []*model.Resource) map[string]*model.Resource {
	out := map[string]*model.Resource{}
	for _, r := range rs {
		out[r.ID] = r
	}
	return out
}

func TestCompleteUnit(t *testing.T) {
	got, o := record(t, func(rec *Recorder) {
		rd := rec.Reads("box-1")
		rd.Call("GetColor", []string{"color"}, ok)
		rd.Add(toyResource("box-1", "toy.box"))
		rec.ReadKind("ListLids", KindFills{"toy.lid": nil}, ok)
		rec.Add(toyResource("lid-1", "toy.lid"))
	})
	want := model.UnitOutcome{Unit: toyUnit, Status: model.UnitComplete, Kinds: toyKinds, Resources: 2}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("outcome %+v, want %+v", o, want)
	}
	for _, r := range got.Resources {
		if len(r.Unknown) > 0 {
			t.Errorf("%s: unknown %v after every call answered", r.ID, r.Unknown)
		}
	}
	if len(got.Errors) > 0 {
		t.Errorf("errors: %v", got.Errors)
	}
}

// A failed read leaves exactly what it fills unknown on the resource,
// names it, and makes the unit partial.
func TestFailedReadMarksItsFillsUnknown(t *testing.T) {
	got, o := record(t, func(rec *Recorder) {
		rd := rec.Reads("box-1")
		rd.Call("GetColor", []string{"color"}, fail)
		rd.Call("GetSize", []string{"size"}, ok)
		rd.Add(toyResource("box-1", "toy.box"))

		two := rec.Reads("box-2")
		two.Call("GetLabels", []string{"labels", model.TagsPath}, fail)
		two.Unread("size")
		two.Add(toyResource("box-2", "toy.box"))

		fine := rec.Reads("box-3")
		fine.Call("GetColor", []string{"color"}, ok)
		fine.Add(toyResource("box-3", "toy.box"))
	})
	rs := byID(got.Resources)
	if u := rs["box-1"].Unknown; !reflect.DeepEqual(u, []string{"color"}) {
		t.Errorf("box-1 unknown %v, want [color]", u)
	}
	if u := rs["box-2"].Unknown; !reflect.DeepEqual(u, []string{"labels", model.TagsPath, "size"}) {
		t.Errorf("box-2 unknown %v, want [labels tags size]", u)
	}
	if u := rs["box-3"].Unknown; len(u) > 0 {
		t.Errorf("box-3 unknown %v", u)
	}
	if len(got.Errors) != 2 || got.Errors[0].Resource != "box-1" || got.Errors[0].Operation != "GetColor" ||
		got.Errors[1].Resource != "box-2" || got.Errors[1].Code != "Denied" {
		t.Errorf("errors %+v", got.Errors)
	}
	if o.Status != model.UnitPartial || len(o.Unread) > 0 || o.Errors != 2 || o.Resources != 3 {
		t.Errorf("outcome %+v, want partial, nothing unread", o)
	}
}

// panics reports whether fn panics with a message containing want.
func panics(fn func(), want string) (ok bool) {
	defer func() {
		v := recover()
		ok = v != nil && strings.Contains(fmt.Sprint(v), want)
	}()
	fn()
	return false
}

// A resource is handed on soon after it is added: a read after Add, or a
// kind-wide read filling a kind after the unit added resources of it,
// could not mark what it leaves unknown, so either panics (the pool turns
// that into a failed unit), whether the call succeeds or not.
func TestReadAfterAddPanics(t *testing.T) {
	for _, call := range []func() error{ok, fail} {
		rec := NewRecorder(toyUnit, toyKinds, toyClassify, &Slice{})
		rd := rec.Reads("box-1")
		rd.Add(toyResource("box-1", "toy.box"))
		if !panics(func() { rd.Call("GetColor", []string{"color"}, call) }, "GetColor of box-1 after the resource was added") {
			t.Error("a read after Add did not panic")
		}
		if !panics(func() { rd.Unread("size") }, "after the resource was added") {
			t.Error("Unread after Add did not panic")
		}
		if !panics(func() { rec.ReadKind("DescribeFlowLogs", KindFills{"toy.box": {"labels"}}, call) }, "fills [labels] of toy.box after") {
			t.Error("a kind-wide read after Add did not panic")
		}
		// Listing another kind, or one already added, marks nothing.
		rec.ReadKind("ListLids", KindFills{"toy.box": nil, "toy.lid": {"color"}}, call)
	}
}

// A failed kind-wide read leaves its paths unknown on every resource of
// the kinds; a kind it lists is unread.
func TestFailedKindReadMarksEveryResourceOfTheKind(t *testing.T) {
	got, o := record(t, func(rec *Recorder) {
		rec.ReadKind("DescribeLids", KindFills{"toy.box": {"labels"}, "toy.lid": nil}, fail)
		rec.Add(toyResource("box-1", "toy.box"))
		rd := rec.Reads("box-2")
		rd.Call("GetColor", []string{"color"}, ok)
		rd.Add(toyResource("box-2", "toy.box"))
	})
	for _, r := range got.Resources {
		if !reflect.DeepEqual(r.Unknown, []string{"labels"}) {
			t.Errorf("%s unknown %v, want [labels]", r.ID, r.Unknown)
		}
	}
	if len(got.Errors) != 1 || !reflect.DeepEqual(got.Errors[0].Kinds, []string{"toy.box", "toy.lid"}) || got.Errors[0].Resource != "" {
		t.Errorf("errors %+v", got.Errors)
	}
	if !strings.Contains(got.Errors[0].Where(), "(every toy.box, toy.lid)") {
		t.Errorf("where: %s", got.Errors[0].Where())
	}
	if o.Status != model.UnitFailed || !reflect.DeepEqual(o.Unread, []string{"toy.lid"}) {
		t.Errorf("outcome %+v, want failed with toy.lid unread", o)
	}
}

// A kind-wide read that fills paths only leaves the unit partial.
func TestFailedKindJoinIsPartial(t *testing.T) {
	_, o := record(t, func(rec *Recorder) {
		rec.ReadKind("DescribeFlowLogs", KindFills{"toy.box": {"labels"}}, fail)
		rec.Add(toyResource("box-1", "toy.box"))
	})
	if o.Status != model.UnitPartial || len(o.Unread) > 0 {
		t.Errorf("outcome %+v, want partial", o)
	}
}

// A failed listing, or a resource that could not be read at all, fails
// the unit: any of its kinds may be missing.
func TestFailedListingFailsTheUnit(t *testing.T) {
	for name, fn := range map[string]func(rec *Recorder){
		"listing":  func(rec *Recorder) { rec.Fail("ListBoxes", errNo) },
		"resource": func(rec *Recorder) { rec.FailResource("DescribeBox", "box-9", errNo) },
	} {
		t.Run(name, func(t *testing.T) {
			got, o := record(t, func(rec *Recorder) {
				rec.Add(toyResource("lid-1", "toy.lid"))
				fn(rec)
			})
			if o.Status != model.UnitFailed || !reflect.DeepEqual(o.Unread, toyKinds) || o.Errors != 1 || o.Resources != 1 {
				t.Errorf("outcome %+v, want failed with every kind unread", o)
			}
			if len(got.Resources) != 1 || len(got.Errors) != 1 {
				t.Errorf("sink: %d resources, errors %v", len(got.Resources), got.Errors)
			}
		})
	}
}

// An error that cuts a unit off (a tripped breaker) is kept once.
func TestOnceErrorKeptOnce(t *testing.T) {
	var got Slice
	rec := NewRecorder(toyUnit, toyKinds, func(op string, err error) (Error, bool) {
		e, _ := toyClassify(op, err)
		return e, strings.HasPrefix(err.Error(), "breaker")
	}, &got)
	for i := 0; i < 3; i++ {
		rec.Reads(fmt.Sprint("box-", i)).Call("GetColor", []string{"color"}, func() error { return errors.New("breaker open") })
	}
	rec.Reads("box-9").Call("GetColor", []string{"color"}, fail)
	o, _ := rec.End()
	if len(got.Errors) != 2 || o.Errors != 2 || o.Status != model.UnitPartial {
		t.Errorf("errors %v, outcome %+v: want the breaker's once and the denial", got.Errors, o)
	}
}

func TestFactsReturnedAtEnd(t *testing.T) {
	rec := NewRecorder(toyUnit, toyKinds, toyClassify, &Slice{})
	rec.Fact("a")
	rec.Fact("b")
	_, facts := rec.End()
	if !reflect.DeepEqual(facts, []any{"a", "b"}) {
		t.Errorf("facts %v", facts)
	}
}

// serialSink fails the test if two calls overlap: the pool must hand it
// one call at a time when wrapped in Locked.
type serialSink struct {
	t       *testing.T
	inside  atomic.Int32
	got     Slice
	perUnit map[string]int
}

func (s *serialSink) enter() func() {
	if s.inside.Add(1) != 1 {
		s.t.Error("the sink was called concurrently")
	}
	return func() { s.inside.Add(-1) }
}

func (s *serialSink) Resource(r *model.Resource) {
	defer s.enter()()
	s.got.Resource(r)
	if s.perUnit == nil {
		s.perUnit = map[string]int{}
	}
	s.perUnit[r.Region]++
}

func (s *serialSink) Error(e Error) {
	defer s.enter()()
	s.got.Error(e)
}

func (s *serialSink) Unit(o model.UnitOutcome) {
	defer s.enter()()
	s.got.Unit(o)
}

// The pool runs every task, recovers a panic as an error that fails its
// unit, and hands everything to the sink, one call at a time, although
// each unit adds from several goroutines.
func TestPoolStreamsEverythingToTheSink(t *testing.T) {
	sink := &serialSink{t: t}
	var tasks []Task
	const units, perUnit = 40, 50
	for i := 0; i < units; i++ {
		u := toyUnit
		u.Region = fmt.Sprint("r", i)
		tasks = append(tasks, Task{Unit: u, Kinds: toyKinds, Classify: toyClassify, Run: func(_ context.Context, rec *Recorder) {
			var wg sync.WaitGroup
			for g := 0; g < 5; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := 0; j < perUnit/5; j++ {
						r := toyResource(fmt.Sprintf("%s/box-%d-%d", u.Region, g, j), "toy.box")
						r.Region = u.Region
						rec.Reads(r.ID).Call("GetColor", []string{"color"}, ok)
						rec.Add(r)
					}
				}()
			}
			wg.Wait()
			rec.Fact(u.Region)
			if i == 7 {
				panic("boom")
			}
		}})
	}
	var mu sync.Mutex
	ended := map[string]bool{}
	facts := 0
	Pool{Workers: 8, Sink: Locked(sink), Ended: func(o model.UnitOutcome, f []any) {
		mu.Lock()
		defer mu.Unlock()
		ended[o.Region] = true
		facts += len(f)
	}}.Run(context.Background(), tasks)

	if len(sink.got.Resources) != units*perUnit || len(sink.got.Units) != units || len(ended) != units || facts != units {
		t.Fatalf("%d resources, %d outcomes, %d ended, %d facts; want %d, %d, %d, %d",
			len(sink.got.Resources), len(sink.got.Units), len(ended), facts, units*perUnit, units, units, units)
	}
	for r, n := range sink.perUnit {
		if n != perUnit {
			t.Errorf("%s: %d resources, want %d", r, n, perUnit)
		}
	}
	sink.got.Sort()
	for _, o := range sink.got.Units {
		panicked := o.Region == "r7"
		if panicked != (o.Status == model.UnitFailed) || (panicked && !reflect.DeepEqual(o.Unread, toyKinds)) {
			t.Errorf("outcome %+v", o)
		}
	}
	if len(sink.got.Errors) != 1 || !strings.Contains(sink.got.Errors[0].Message, "collector panic: boom") || sink.got.Errors[0].Region != "r1" {
		t.Errorf("errors %v: want the panic, once", sink.got.Errors)
	}
}

// Once the collection is stopped, no task starts, and every one left
// reports an outcome with its kinds unread: stopped is not empty.
func TestPoolStoppedReportsUnstartedUnitsUnread(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got Slice
	var tasks []Task
	ran := 0
	for i := 0; i < 5; i++ {
		u := toyUnit
		u.Region = fmt.Sprint("r", i)
		tasks = append(tasks, Task{Unit: u, Kinds: toyKinds, Classify: toyClassify, Run: func(_ context.Context, rec *Recorder) {
			ran++
			rec.Add(toyResource(u.Region, "toy.box"))
			if i == 1 {
				cancel()
			}
		}})
	}
	Pool{Workers: 1, Sink: &got}.Run(ctx, tasks)
	if ran != 2 || len(got.Units) != 5 || len(got.Resources) != 2 {
		t.Fatalf("ran %d, %d outcomes, %d resources; want 2, 5, 2", ran, len(got.Units), len(got.Resources))
	}
	for _, o := range got.Units[2:] {
		if o.Status != model.UnitFailed || !reflect.DeepEqual(o.Unread, toyKinds) {
			t.Errorf("unstarted %+v", o)
		}
	}
}

// A unit hands each resource on as it adds it, not all at its end: a unit
// reading a whole account's estate does not hold it in memory.
func TestRecorderStreamsBeforeTheUnitEnds(t *testing.T) {
	var got Slice
	rec := NewRecorder(toyUnit, toyKinds, toyClassify, &got)
	for i := 0; i < 100; i++ {
		rec.Add(toyResource(fmt.Sprint("box-", i), "toy.box"))
		if len(got.Resources) != i+1 {
			t.Fatalf("after %d resources the sink has %d", i+1, len(got.Resources))
		}
	}
	if len(got.Units) != 0 {
		t.Fatalf("an outcome before End: %+v", got.Units)
	}
	o, _ := rec.End()
	if len(got.Resources) != 100 || o.Resources != 100 || len(got.Units) != 1 {
		t.Errorf("after End: %d resources, outcome %+v", len(got.Resources), o)
	}
}
