// Package collect is the contract every live collector fills (AWS today;
// Azure, GCP and Kubernetes next): a collector declares its units (account
// x region x service, or cluster x resource type) and the kinds each
// produces, runs each unit through a Recorder, and streams what it reads
// to a Sink. The recorder, not each service, marks what a failed read
// would have filled as unknown and records each unit's outcome, so a
// verdict on an unread setting cannot happen and a unit that failed tells
// the store which resources are unread rather than gone.
package collect

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/vigil-sec/vigil/model"
)

// A Sink receives what a collection reads: each resource as its unit reads
// it, then, when the unit ends, its errors and its outcome (a unit's
// resources always come before its outcome). Collectors call a sink
// from one goroutine at a time (see Locked), so an implementation need
// not be safe for concurrent use. A resource handed to the sink is the
// sink's: the collector no longer changes or holds it.
type Sink interface {
	Resource(*model.Resource)
	Error(Error)
	Unit(model.UnitOutcome)
}

// Error is one thing a collection could not read. It never stops a
// collection; it is shown and stored with the scan so that a gap is never
// mistaken for a clean result.
type Error struct {
	Account   string `json:"account"`
	Region    string `json:"region,omitempty"`
	Service   string `json:"service"`
	Operation string `json:"operation,omitempty"`
	// Resource is the resource whose settings the call would have read,
	// for calls about one resource; its unread settings are unknown.
	Resource string `json:"resource,omitempty"`
	// Kinds are set for a call about every resource of some kinds in the
	// unit (DescribeFlowLogs for the VPCs, DescribeVolumes for volumes and
	// the instances' block devices): what it reads is unknown on each.
	Kinds []string `json:"kinds,omitempty"`
	// Code is the provider's error code (AccessDenied, Throttling ...) or
	// one of Timeout, Unreachable, Canceled, Error.
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e Error) String() string {
	return fmt.Sprintf("%s: %s: %s", e.Where(), e.Code, e.Message)
}

// Where names what could not be read: "account/region service:Operation".
func (e Error) Where() string {
	where := e.Account
	if e.Region != "" {
		where += "/" + e.Region
	}
	op := e.Service
	if e.Operation != "" {
		op += ":" + e.Operation
	}
	where += " " + op
	if e.Resource != "" {
		where += " " + e.Resource
	} else if len(e.Kinds) > 0 {
		where += " (every " + strings.Join(e.Kinds, ", ") + ")"
	}
	return where
}

// Locked returns a sink that passes each call on to s under a lock: what
// a collector's concurrent units share.
func Locked(s Sink) Sink {
	if l, ok := s.(*locked); ok {
		return l
	}
	return &locked{s: s}
}

type locked struct {
	mu sync.Mutex
	s  Sink
}

func (l *locked) Resource(r *model.Resource) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.s.Resource(r)
}

func (l *locked) Error(e Error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.s.Error(e)
}

func (l *locked) Unit(o model.UnitOutcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.s.Unit(o)
}

// Slice is a sink that keeps everything, for callers that want the whole
// collection in memory (a one-shot scan, tests).
type Slice struct {
	Resources []*model.Resource
	Errors    []Error
	Units     []model.UnitOutcome
}

func (s *Slice) Resource(r *model.Resource) { s.Resources = append(s.Resources, r) }
func (s *Slice) Error(e Error)              { s.Errors = append(s.Errors, e) }
func (s *Slice) Unit(o model.UnitOutcome)   { s.Units = append(s.Units, o) }

// Sort puts errors and units in a stable order (resources keep the order
// they were read in).
func (s *Slice) Sort() {
	sort.Slice(s.Errors, func(i, j int) bool { return s.Errors[i].String() < s.Errors[j].String() })
	SortUnits(s.Units)
}

// SortUnits orders outcomes by provider, account, region and service.
func SortUnits(us []model.UnitOutcome) {
	sort.Slice(us, func(i, j int) bool {
		a, b := us[i].Unit, us[j].Unit
		if a.Provider != b.Provider {
			return a.Provider < b.Provider
		}
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		return a.Service < b.Service
	})
}

// Unread is the outcome of a unit that could not run at all (its account's
// credentials or region list failed, or the collection was stopped first):
// every kind it produces is unread.
func Unread(u model.Unit, kinds []string) model.UnitOutcome {
	return model.UnitOutcome{Unit: u, Status: model.UnitFailed, Kinds: kinds, Unread: kinds}
}
