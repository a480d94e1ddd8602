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
	out     []*model.Resource
	errors  int
}

// Config returns the SDK config for this account and region.
func (s *scope) Config() aws.Config { return s.cfg }

// fail records a collection error for one operation and lets the
// collector go on with the rest.
func (s *scope) fail(op string, err error) {
	s.errors++
	s.c.fail(s.account, s.region, s.service, op, err)
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
	s.out = append(s.out, r)
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
