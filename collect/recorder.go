package collect

import (
	"fmt"
	"sort"
	"sync"

	"github.com/vigil-sec/vigil/model"
)

// A read call fills some attributes of one resource. When it fails, what
// it fills must stay unknown, never the empty value the attribute struct
// starts with: an unread bucket policy is not "no policy", and a rule
// reading it must give no verdict. The recorder does this, not each
// service: a service names what each call fills, and the recorder marks
// those paths unknown when the call fails, names the resource or kinds in
// the error, and counts the unit partial or failed.

// Classify turns a provider error from operation op into an Error (the
// recorder sets Resource and Kinds). once reports an error that fails
// every later call of the unit for the same reason (a tripped circuit
// breaker): the unit keeps the first such error, as many would bury it.
type Classify func(op string, err error) (e Error, once bool)

// KindFills names, by kind, the attribute paths a call fills on every
// resource of that kind in a unit; a kind with no paths is one the call
// lists (its resources are unread when the call fails).
type KindFills map[string][]string

// Recorder records one unit: the resources it read, what its failed calls
// left unknown, its errors and facts. It hands each resource on to the
// sink as it is added, so a unit reading a whole account's estate does not
// hold it in memory; that makes two orders a rule, checked on every call
// (a service that breaks one panics, and its unit fails):
//   - a kind-wide read that fills attributes comes before the unit adds
//     any resource of those kinds;
//   - a resource's own reads come before it is added, and it is final
//     when added.
//
// It is safe for concurrent use by the unit's own goroutines.
type Recorder struct {
	unit     model.Unit
	kinds    []string
	classify Classify
	sink     Sink

	mu sync.Mutex
	// added marks the kinds the unit added resources of.
	added map[string]bool
	count int
	// kindUnknown holds, by kind, the paths failed kind-wide reads left
	// unknown on every resource of the kind.
	kindUnknown map[string][]string
	errs        []Error
	onceKept    bool
	// partial: a read failed, its paths are unknown; failed: resources
	// may be missing, of the kinds in unread (all when all is set).
	partial, failed, all bool
	unread               map[string]bool
	facts                []any
}

// NewRecorder starts recording unit u, whose service produces kinds; it
// hands what it records to sink (shared with other units: see Locked).
func NewRecorder(u model.Unit, kinds []string, classify Classify, sink Sink) *Recorder {
	return &Recorder{unit: u, kinds: kinds, classify: classify, sink: sink}
}

// Unit is the unit being recorded.
func (r *Recorder) Unit() model.Unit { return r.unit }

// Add records a finished resource of the unit, with what failed kind-wide
// reads left unknown on its kind, and hands it on to the sink at once: the
// unit must not change it after.
func (r *Recorder) Add(res *model.Resource) {
	r.mu.Lock()
	for _, p := range r.kindUnknown[res.Kind] {
		res.MarkUnknown(p)
	}
	if r.added == nil {
		r.added = map[string]bool{}
	}
	r.added[res.Kind] = true
	r.count++
	r.mu.Unlock()
	r.sink.Resource(res)
}

// Fail records that a call the unit depends on failed (a listing): the
// resources of every kind of the unit may be missing, so the unit failed
// and all its kinds are unread.
func (r *Recorder) Fail(op string, err error) { r.fail(op, "", nil, err, true) }

// FailResource records that a resource could not be read at all (its
// describe call failed) and is missing: the unit failed, all its kinds
// unread.
func (r *Recorder) FailResource(op, id string, err error) { r.fail(op, id, nil, err, true) }

// fail records an error; whole marks a unit whose resources may be
// missing.
func (r *Recorder) fail(op, id string, kinds []string, err error, whole bool) {
	e, once := r.classify(op, err)
	e.Resource = id
	e.Kinds = kinds
	r.mu.Lock()
	defer r.mu.Unlock()
	if whole {
		r.failed, r.all = true, true
	} else {
		r.partial = true
	}
	if once {
		if r.onceKept {
			return
		}
		r.onceKept = true
	}
	r.errs = append(r.errs, e)
}

// Reads starts the read calls of the resource with this id.
func (r *Recorder) Reads(id string) *Reads { return &Reads{r: r, id: id} }

// Reads gathers the outcome of one resource's read calls; it belongs to
// the goroutine reading that resource.
type Reads struct {
	r       *Recorder
	id      string
	unknown []string
	added   bool
}

// Call runs one read call that fills the attribute paths fills
// (model.TagsPath for the tags). fn returns nil when the call answered,
// including the answers that mean "not configured" (NoSuchBucketPolicy),
// which fn turns into the attribute's effective value itself. When fn
// fails, the paths are unknown on the resource and the error names it.
// Every call comes before Add.
func (rd *Reads) Call(op string, fills []string, fn func() error) bool {
	rd.mustNotBeAdded(op)
	err := fn()
	if err == nil {
		return true
	}
	rd.r.fail(op, rd.id, nil, err, false)
	rd.Unread(fills...)
	return false
}

// Unread marks paths unknown without a call of their own: what a failed
// call would have decided them from.
func (rd *Reads) Unread(paths ...string) {
	rd.mustNotBeAdded("unread")
	rd.unknown = append(rd.unknown, paths...)
}

// mustNotBeAdded panics on a read after Add: the resource may be handed on
// already, and what the read leaves unknown could not be marked.
func (rd *Reads) mustNotBeAdded(op string) {
	if rd.added {
		panic(fmt.Sprintf("collect: %s of %s after the resource was added", op, rd.id))
	}
}

// Add records the resource these reads are about, with whatever its
// failed calls left unknown. Its ID is the one the reads started with.
func (rd *Reads) Add(res *model.Resource) *model.Resource {
	rd.mustNotBeAdded("a second Add")
	rd.added = true
	res.ID = rd.id
	for _, p := range rd.unknown {
		res.MarkUnknown(p)
	}
	rd.r.Add(res)
	return res
}

// ReadKind runs one call about every resource of some kinds in this unit:
// a listing, or a join such as DescribeFlowLogs for every VPC. When it
// fails, the error names the kinds, the paths are unknown on every
// resource of those kinds the unit adds, and the kinds the call lists are
// unread. A call that fills paths of a kind comes before the unit adds
// any resource of it.
func (r *Recorder) ReadKind(op string, fills KindFills, fn func() error) bool {
	r.mustPrecede(op, fills)
	err := fn()
	// A resource of the kinds added meanwhile (by another of the unit's
	// goroutines) would miss the marks.
	r.mustPrecede(op, fills)
	if err == nil {
		return true
	}
	kinds := make([]string, 0, len(fills))
	for k := range fills {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	r.fail(op, "", kinds, err, false)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kindUnknown == nil {
		r.kindUnknown = map[string][]string{}
	}
	for _, k := range kinds {
		paths := fills[k]
		if len(paths) == 0 {
			r.failed = true
			if r.unread == nil {
				r.unread = map[string]bool{}
			}
			r.unread[k] = true
			continue
		}
		r.kindUnknown[k] = append(r.kindUnknown[k], paths...)
	}
	return false
}

// mustPrecede panics when the unit added resources of a kind whose paths
// the kind-wide read op fills.
func (r *Recorder) mustPrecede(op string, fills KindFills) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, paths := range fills {
		if len(paths) > 0 && r.added[k] {
			panic(fmt.Sprintf("collect: %s fills %v of %s after the unit added resources of that kind", op, paths, k))
		}
	}
}

// Fact records an account- or region-wide setting the unit read (the
// provider's own type); facts reach the collector's assembler with the
// unit's end, and the assembler builds the synthetic resources from them
// once every unit ended.
func (r *Recorder) Fact(f any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.facts = append(r.facts, f)
}

// End ends the unit: it hands its errors to the sink, then its outcome,
// which it returns with the unit's facts.
func (r *Recorder) End() (model.UnitOutcome, []any) {
	r.mu.Lock()
	errs, facts := r.errs, r.facts
	r.errs, r.facts = nil, nil
	o := model.UnitOutcome{Unit: r.unit, Status: model.UnitComplete, Kinds: r.kinds, Resources: r.count, Errors: len(errs)}
	switch {
	case r.all:
		o.Status, o.Unread = model.UnitFailed, r.kinds
	case r.failed:
		o.Status = model.UnitFailed
		for k := range r.unread {
			o.Unread = append(o.Unread, k)
		}
		sort.Strings(o.Unread)
	case r.partial:
		o.Status = model.UnitPartial
	}
	r.mu.Unlock()
	for _, e := range errs {
		r.sink.Error(e)
	}
	r.sink.Unit(o)
	return o, facts
}
