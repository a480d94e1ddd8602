package aws

import (
	"encoding/json"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/model"
)

// service is one service collector. Global services run once per account
// (in us-east-1 or the first region); the others once per region.
type service struct {
	name    string
	global  bool
	collect func(ctx contextT, s *scope)
}

var (
	registry   = map[string]*service{}
	registryMu sync.Mutex
)

// register adds a service collector; called from init functions.
func register(name string, global bool, fn func(ctx contextT, s *scope)) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = &service{name: name, global: global, collect: fn}
}

// scope is what a service collector works with: the config for one
// account and region, and where to put what it found.
type scope struct {
	c       *collector
	cfg     aws.Config
	account string
	region  string
	service string
	// mu guards out and kindUnknown: forEach reads resources
	// concurrently.
	mu  sync.Mutex
	out []*model.Resource
	// kindUnknown holds, by kind, the paths failed readKind calls left
	// unknown on every resource of the kind.
	kindUnknown map[string][]string
}

// Config returns the SDK config for this account and region.
func (s *scope) Config() aws.Config { return s.cfg }

// fail records a collection error for one operation and lets the
// collector go on with the rest.
func (s *scope) fail(op string, err error) {
	s.c.fail(s.account, s.region, s.service, op, err)
}

// failResource records a collection error for a read call about one
// resource, naming it.
func (s *scope) failResource(op, id string, err error) {
	s.c.failResource(s.account, s.region, s.service, op, id, err)
}

// add records a resource found in this scope. attrs must be the kind's
// attribute struct; raw is the provider's payload kept as evidence.
func (s *scope) add(id, kind, name string, attrs any, raw any, tags map[string]string, rels ...model.Relation) *model.Resource {
	r := &model.Resource{
		ID:         id,
		Kind:       kind,
		Provider:   "aws",
		Account:    s.account,
		Region:     s.region,
		Source:     model.SourceLive,
		Name:       name,
		Tags:       tags,
		Attributes: attrs,
		Relations:  rels,
	}
	if raw != nil {
		if b, err := json.Marshal(raw); err == nil {
			r.Raw = b
		}
	}
	s.mu.Lock()
	s.out = append(s.out, r)
	s.mu.Unlock()
	return r
}

// regionFact records a region-wide fact (nil value = could not be read).
func (s *scope) regionFact(key string, v *bool) {
	s.c.facts.setRegion(s.account, s.region, key, v)
}

// accountFact records an account-wide fact.
func (s *scope) accountFact(fn func(a *model.AWSAccount)) {
	s.c.facts.updateAccount(s.account, fn)
}

// forEach reads items concurrently, up to the account's in-flight limit
// at once: per-resource calls (a key's policy, a role's attachments)
// dominate large estates, and run one after another they would leave the
// allowed concurrency idle while one service's unit finishes.
func forEach[T any](s *scope, items []T, fn func(T)) {
	workers := min(s.c.opts.MaxInFlight, len(items))
	if workers <= 1 {
		for _, it := range items {
			fn(it)
		}
		return
	}
	next := make(chan T)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
}
