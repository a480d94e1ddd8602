package aws

import (
	"encoding/json"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/collect"
	"github.com/vigil-sec/vigil/model"
)

// service is one service collector. Global services run once per account
// (in us-east-1 or the first region); the others once per region.
type service struct {
	name    string
	global  bool
	kinds   []string // the kinds its units produce (kinds.go)
	collect func(ctx contextT, s *scope)
}

var (
	registry   = map[string]*service{}
	registryMu sync.Mutex
)

// register adds a service collector; called from init functions. The
// kinds it produces are declared in serviceKinds.
func register(name string, global bool, fn func(ctx contextT, s *scope)) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = &service{name: name, global: global, kinds: serviceKinds[name], collect: fn}
}

// scope is what a service collector works with: the config for one
// account and region, and the unit's recorder, where what it reads goes.
type scope struct {
	c       *collector
	cfg     aws.Config
	account string
	region  string
	service string
	rec     *collect.Recorder
}

// Config returns the SDK config for this account and region.
func (s *scope) Config() aws.Config { return s.cfg }

// fail records a collection error for a call the unit depends on (a
// listing): the unit failed, and its resources may be missing.
func (s *scope) fail(op string, err error) { s.rec.Fail(op, err) }

// failResource records a collection error for a resource that could not
// be read at all, naming it: it is missing, so the unit failed.
func (s *scope) failResource(op, id string, err error) { s.rec.FailResource(op, id, err) }

// add records a resource found in this scope. ka is the kind with its
// attributes (model.KindX.With(attrs): the struct is checked at compile
// time); raw is the provider's payload kept as evidence. The resource may
// be finished (its region) until the unit ends.
func (s *scope) add(id string, ka model.KindAttrs, name string, raw any, tags map[string]string, rels ...model.Relation) *model.Resource {
	r := s.resource(id, ka, name, raw, tags, rels)
	s.rec.Add(r)
	return r
}

// resource builds a resource of this scope.
func (s *scope) resource(id string, ka model.KindAttrs, name string, raw any, tags map[string]string, rels []model.Relation) *model.Resource {
	r := &model.Resource{
		ID:         id,
		Kind:       ka.Kind(),
		Provider:   "aws",
		Account:    s.account,
		Region:     s.region,
		Source:     model.SourceLive,
		Name:       name,
		Tags:       tags,
		Attributes: ka.Attrs(),
		Relations:  rels,
	}
	if raw != nil {
		if b, err := json.Marshal(raw); err == nil {
			r.Raw = b
		}
	}
	return r
}

// regionFact records a region-wide fact (nil value = could not be read).
func (s *scope) regionFact(key string, v *bool) {
	s.updateRegionFact(func(r *model.AWSRegion) { setRegionFact(r, key, v) })
}

// updateRegionFact records a region-wide fact that is not a simple yes/no.
func (s *scope) updateRegionFact(fn func(r *model.AWSRegion)) {
	s.rec.Fact(regionFact{account: s.account, region: s.region, set: fn})
}

// accountFact records an account-wide fact.
func (s *scope) accountFact(fn func(a *model.AWSAccount)) {
	s.rec.Fact(accountFact{account: s.account, set: fn})
}

// multiRegionTrail records that a logging multi-region trail covers every
// region of the account, including those whose own calls failed.
func (s *scope) multiRegionTrail() { s.rec.Fact(multiRegionTrail{account: s.account}) }

// forEach reads items concurrently, up to the account's in-flight limit
// at once: per-resource calls (a key's policy, a role's attachments)
// dominate large estates, and run one after another they would leave the
// allowed concurrency idle while one service's unit finishes. A panic in
// fn is raised again in the caller once every item ran, where the unit's
// recovery turns it into a failed unit rather than a crashed scan.
func forEach[T any](s *scope, items []T, fn func(T)) {
	workers := min(s.c.opts.MaxInFlight, len(items))
	if workers <= 1 {
		for _, it := range items {
			fn(it)
		}
		return
	}
	var (
		mu       sync.Mutex
		panicked any
	)
	run := func(it T) {
		defer func() {
			if v := recover(); v != nil {
				mu.Lock()
				if panicked == nil {
					panicked = v
				}
				mu.Unlock()
			}
		}()
		fn(it)
	}
	next := make(chan T)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				run(it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
