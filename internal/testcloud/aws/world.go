// Package aws is Vigil's own fake of the AWS APIs: an HTTP server that
// speaks the wire protocols the SDK uses, answering from a declarative
// world of accounts, regions and resources. It routes each request by its
// SigV4 scope (service, region) and access key (account), as AWS does.
//
// A world describes resources in the shapes of the AWS APIs themselves:
// each service's part of the world is a struct whose lists hold the SDK's
// own types (ec2 types.Instance, iam types.Role, ...), written in YAML
// with the API's member names. The server only selects, pages and encodes
// them, so whatever the API can say, a world can hold.
package aws

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Global is the key under an account's resources for account-wide
// services (IAM, Organizations, CloudFront, the S3 account settings).
const Global = "global"

// World is the declarative description of the estate the fake serves.
type World struct {
	// Regions enabled in every account (DescribeRegions).
	Regions  []string  `yaml:"regions"`
	Accounts []Account `yaml:"accounts"`
	// Faults make the cloud slow, throttled, denying or down.
	Faults Faults `yaml:"faults,omitempty"`
}

// Account is one AWS account and what lives in it.
type Account struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// AccessKey identifies the account's own credentials; assumed-role
	// credentials get keys of their own.
	AccessKey string `yaml:"access_key"`
	// Resources by region ("global" for account-wide services), then by
	// service: resources.eu-west-1.ec2.instances, resources.global.iam.users.
	Resources map[string]map[string]any `yaml:"resources"`

	// worlds holds the decoded resources: region -> service -> *T.
	worlds map[string]map[string]any
}

// Faults are the knobs that make the fake behave like AWS under load or
// misconfiguration.
type Faults struct {
	// Latency delays every answer; Jitter adds up to that much at random.
	Latency Duration `yaml:"latency,omitempty"`
	Jitter  Duration `yaml:"jitter,omitempty"`
	// RateLimits are token buckets per account (and region, for regional
	// services), keyed by "service:Operation", "service" (its world name)
	// or "default", the most specific applying.
	RateLimits map[string]RateLimit `yaml:"rate_limits,omitempty"`
	// Deny answers AccessDenied to the calls each entry matches.
	Deny []Match `yaml:"deny,omitempty"`
	// HangRegions never answer: calls wait until the client gives up.
	HangRegions []string `yaml:"hang_regions,omitempty"`
}

// RateLimit is a token bucket: Burst calls at once, refilled at Rate per
// second, as AWS throttles its control planes.
type RateLimit struct {
	Rate  float64 `yaml:"rate"`
	Burst int     `yaml:"burst"`
	// PerOperation gives each operation a bucket of its own, as EC2 and
	// Lambda meter each API separately.
	PerOperation bool `yaml:"per_operation,omitempty"`
}

// AWSRateLimits are token buckets shaped like AWS's published request
// quotas: EC2's non-mutating actions (100 tokens, 20 a second, per API,
// account and region), Lambda's control plane (15 a second per API), S3's
// 5,500 GETs a second, KMS's per-operation quotas of about a thousand a
// second. Services that publish none get 50 a second with bursts of 100.
func AWSRateLimits() map[string]RateLimit {
	return map[string]RateLimit{
		"ec2":     {Rate: 20, Burst: 100, PerOperation: true},
		"lambda":  {Rate: 15, Burst: 15, PerOperation: true},
		"s3":      {Rate: 5500, Burst: 5500},
		"kms":     {Rate: 1000, Burst: 1000, PerOperation: true},
		"default": {Rate: 50, Burst: 100},
	}
}

// Match selects calls; an empty field matches anything.
type Match struct {
	Account   string `yaml:"account"`
	Region    string `yaml:"region"`
	Service   string `yaml:"service"`
	Operation string `yaml:"operation"`
}

func (m Match) matches(acct, region, svc, op string) bool {
	return (m.Account == "" || m.Account == acct) && (m.Region == "" || m.Region == region) &&
		(m.Service == "" || m.Service == svc) && (m.Operation == "" || m.Operation == op)
}

// Duration is a time.Duration written as "30ms" in YAML.
type Duration time.Duration

// UnmarshalYAML parses Go duration syntax.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes Go duration syntax.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

// LoadWorld reads a world file.
func LoadWorld(path string) (*World, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	w, err := ParseWorld(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return w, nil
}

// ParseWorld decodes and checks a world.
func ParseWorld(b []byte) (*World, error) {
	var w World
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	if err := w.check(); err != nil {
		return nil, err
	}
	return &w, nil
}

func (w *World) check() error {
	if len(w.Accounts) == 0 {
		return fmt.Errorf("world: no accounts")
	}
	if len(w.Regions) == 0 {
		w.Regions = []string{"us-east-1"}
	}
	regions := map[string]bool{Global: true}
	for _, r := range w.Regions {
		regions[r] = true
	}
	keys, ids := map[string]bool{}, map[string]bool{}
	for i := range w.Accounts {
		a := &w.Accounts[i]
		if len(a.ID) != 12 || strings.Trim(a.ID, "0123456789") != "" {
			return fmt.Errorf("world: accounts[%d]: id %q is not a 12-digit account id", i, a.ID)
		}
		if ids[a.ID] {
			return fmt.Errorf("world: account %s appears twice", a.ID)
		}
		ids[a.ID] = true
		if a.AccessKey == "" {
			return fmt.Errorf("world: account %s: access_key is required", a.ID)
		}
		if keys[a.AccessKey] {
			return fmt.Errorf("world: access key %s is used twice", a.AccessKey)
		}
		keys[a.AccessKey] = true
		if err := a.decode(regions); err != nil {
			return fmt.Errorf("world: account %s: %w", a.ID, err)
		}
	}
	for name, lim := range w.Faults.RateLimits {
		if lim.Rate <= 0 || lim.Burst < 1 {
			return fmt.Errorf("world: faults.rate_limits.%s: want a positive rate and a burst of at least 1", name)
		}
		svc, _, _ := strings.Cut(name, ":")
		if _, ok := services[svc]; !ok && name != "default" {
			return fmt.Errorf("world: faults.rate_limits: unknown service %q (known: %s)", name, strings.Join(ServiceNames(), ", "))
		}
	}
	return nil
}

// decode turns the account's raw resources into each service's typed
// world, rejecting unknown services and fields.
func (a *Account) decode(regions map[string]bool) error {
	a.worlds = map[string]map[string]any{}
	for region, svcs := range a.Resources {
		if !regions[region] {
			return fmt.Errorf("resources: region %q is not in the world's regions", region)
		}
		for name, raw := range svcs {
			svc, ok := services[name]
			if !ok {
				return fmt.Errorf("resources.%s: unknown service %q (known: %s)", region, name, strings.Join(ServiceNames(), ", "))
			}
			if svc.global != (region == Global) {
				where := "a region"
				if svc.global {
					where = "global"
				}
				return fmt.Errorf("resources.%s.%s: %s is account-wide data and belongs under %s", region, name, name, where)
			}
			v := svc.newWorld()
			if err := decodeInto(raw, v); err != nil {
				return fmt.Errorf("resources.%s.%s: %w", region, name, err)
			}
			if a.worlds[region] == nil {
				a.worlds[region] = map[string]any{}
			}
			a.worlds[region][name] = v
		}
	}
	return nil
}

// decodeInto fills v (a service world) from YAML-decoded data. It goes
// through JSON so the SDK's types, which carry no YAML tags, match their
// API member names, case-insensitively as the APIs write them.
func decodeInto(raw any, v any) error {
	b, err := json.Marshal(jsonable(raw))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// jsonable turns YAML's map[any]any leftovers into JSON-encodable values.
func jsonable(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = jsonable(x)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[fmt.Sprint(k)] = jsonable(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = jsonable(x)
		}
		return out
	case time.Time:
		return t.UTC().Format(time.RFC3339Nano)
	}
	return v
}

// Account returns the world's account with the id, or nil.
func (w *World) Account(id string) *Account {
	for i := range w.Accounts {
		if w.Accounts[i].ID == id {
			return &w.Accounts[i]
		}
	}
	return nil
}

// worldOf returns the account's typed world for a service in a region
// ("global" for account-wide services), or nil.
func (a *Account) worldOf(svc, region string) any {
	return a.worlds[region][svc]
}

// Set replaces the account's world for a service in a region; generators
// and tests build worlds in Go with it.
func (a *Account) Set(region, svc string, v any) {
	if a.worlds == nil {
		a.worlds = map[string]map[string]any{}
	}
	if a.worlds[region] == nil {
		a.worlds[region] = map[string]any{}
	}
	a.worlds[region][svc] = v
}

// ServiceNames lists the services a world can describe.
func ServiceNames() []string { return slices.Sorted(maps.Keys(services)) }
