// Package aws collects a live AWS estate, read-only, into normalized
// resources: every account and region, a bounded pool of workers across
// account x region x service, and every failure kept as a collection error
// rather than a gap.
package aws

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go/middleware"

	"github.com/vigil-sec/vigil/collect"
	"github.com/vigil-sec/vigil/model"
)

// Options select what to collect and how.
type Options struct {
	// Profile is the shared-config profile ("" = the default chain).
	Profile string
	// Regions to scan; empty means every region enabled for the account.
	Regions []string
	// Services to scan by name (see Services()); empty means all.
	Services []string
	// Concurrency bounds the workers across account x region x service
	// (default 16).
	Concurrency int
	// CallTimeout bounds one API operation, retries included (default 60s).
	CallTimeout time.Duration
	// MaxAttempts per call for the adaptive retryer (default 10).
	MaxAttempts int
	// AssumeRole is a role name assumed in each of Accounts (or in every
	// account of the organization with Organization).
	AssumeRole   string
	Accounts     []string
	Organization bool
	ExternalID   string
	// AccountConcurrency bounds accounts scanned at once (default 4).
	AccountConcurrency int
	// MaxInFlight bounds the API requests in flight per account (default
	// 32), whatever the workers and per-resource reads: the concurrency
	// AWS sees, and the bound a scan's speed is measured against.
	MaxInFlight int
	// Progress receives an event as each unit of work ends.
	Progress func(Event)
	// LoadOptions are extra config options (tests: static credentials).
	LoadOptions []func(*config.LoadOptions) error
	// APIOptions are extra middleware for every client (tests record the
	// operations called).
	APIOptions []func(*middleware.Stack) error
	// HTTPClient overrides the SDK's (tests: fault injection).
	HTTPClient aws.HTTPClient
}

// Event reports progress: a unit ended. Region is "" for a global
// service's unit, as in its model.Unit.
type Event struct {
	Account, Region, Service string
	Resources                int
	Errors                   int
	Done, Total              int // units of work
}

// Summary is what a collection did, beside what it read (which went to
// the sink).
type Summary struct {
	Accounts []string
	Regions  []string
	// Calls counts API operations sent (retries not included); Attempts
	// counts HTTP requests, retries included.
	Calls    int64
	Attempts int64
	Duration time.Duration
}

// Result is what a collection found, gathered in memory by Collect.
type Result struct {
	Summary
	Resources []*model.Resource
	Errors    []CollectionError
	// Units is the outcome of every unit (account x region x service;
	// Region "" for a global service), sorted.
	Units []model.UnitOutcome
}

// Collect scans the accounts and regions the options select and returns
// everything it read at once: Run into a collect.Slice. A caller that
// does not need the whole estate in memory (a store, a count) uses Run.
func Collect(ctx context.Context, opts Options) (*Result, error) {
	var got collect.Slice
	sum, err := Run(ctx, opts, &got)
	if sum == nil {
		return nil, err
	}
	got.Sort()
	return &Result{Summary: *sum, Resources: got.Resources, Errors: got.Errors, Units: got.Units}, err
}

// Run scans the accounts and regions the options select and streams what
// it reads to sink: each resource as a unit reads it, each unit's errors
// and outcome as it ends, and last the synthetic aws.account and
// aws.region resources assembled from the units' facts. The collector
// keeps no resource it handed on. sink is called from one goroutine at a
// time. The error is one that stopped the scan before it began
// (configuration, credentials), or ctx's.
func Run(ctx context.Context, opts Options, sink collect.Sink) (*Summary, error) {
	start := time.Now()
	if opts.Concurrency <= 0 {
		opts.Concurrency = 16
	}
	if opts.AccountConcurrency <= 0 {
		opts.AccountConcurrency = 4
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 32
	}
	if opts.CallTimeout <= 0 {
		opts.CallTimeout = 60 * time.Second
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 10
	}
	services, err := selectServices(opts.Services)
	if err != nil {
		return nil, err
	}
	c := &collector{opts: opts, services: services, sink: collect.Locked(sink), facts: newFacts(),
		breakers: newBreakers(opts.CallTimeout)}
	base, err := c.loadConfig(ctx)
	if err != nil {
		return nil, err
	}
	accounts, err := c.accounts(ctx, base)
	if err != nil {
		return nil, err
	}
	// Every account's units are planned before any runs, so progress
	// counts toward the scan's whole total from its first unit.
	plans := c.plan(ctx, accounts)
	sem := make(chan struct{}, opts.AccountConcurrency)
	var wg sync.WaitGroup
	for _, tasks := range plans {
		if len(tasks) == 0 {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(tasks []collect.Task) {
			defer wg.Done()
			defer func() { <-sem }()
			collect.Pool{Workers: c.opts.Concurrency, Sink: c.sink, Ended: c.ended}.Run(ctx, tasks)
		}(tasks)
	}
	wg.Wait()
	// Every unit ended: the facts are whole.
	c.mu.Lock()
	c.facts.emit(c.sink)
	c.mu.Unlock()
	sum := &Summary{Calls: c.calls.Load(), Attempts: c.attempts.Load(), Duration: time.Since(start)}
	for _, a := range accounts {
		sum.Accounts = append(sum.Accounts, a.id)
	}
	sum.Regions = c.regionsSeen()
	return sum, ctx.Err()
}

type collector struct {
	opts     Options
	services []*service
	// self is the account of the credentials the scan started from.
	self     string
	calls    atomic.Int64
	attempts atomic.Int64
	sink     collect.Sink // Locked
	breakers *breakers

	mu      sync.Mutex
	facts   *facts
	regions map[string]bool
	done    int
	total   int
}

// loadConfig builds the base SDK config: the standard credential chain,
// the adaptive retryer, endpoint overrides from the environment
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>), and Vigil's middleware.
func (c *collector) loadConfig(ctx context.Context) (aws.Config, error) {
	lo := []func(*config.LoadOptions) error{
		config.WithRetryer(func() aws.Retryer {
			// Standard retries with the backoff capped at 2 s (the SDK's
			// grows to 20 s) and no retry quota: the in-flight limit and
			// each service's congestion window (middleware.go) pace a
			// throttled service. Adaptive retries and the quota, made for
			// clients that cannot see their own load, left a throttled
			// service's bucket idle and could fail a scan's calls outright.
			r := retry.NewStandard(func(so *retry.StandardOptions) {
				so.MaxAttempts = c.opts.MaxAttempts
				so.RateLimiter = ratelimit.None
			})
			return retry.AddWithMaxBackoffDelay(r, 2*time.Second)
		}),
	}
	if c.opts.Profile != "" {
		lo = append(lo, config.WithSharedConfigProfile(c.opts.Profile))
	}
	if c.opts.HTTPClient != nil {
		lo = append(lo, config.WithHTTPClient(c.opts.HTTPClient))
	}
	lo = append(lo, c.opts.LoadOptions...)
	cfg, err := config.LoadDefaultConfig(ctx, lo...)
	if err != nil {
		return cfg, fmt.Errorf("loading AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1" // only for the calls that find the rest
	}
	cfg.APIOptions = append(cfg.APIOptions, c.middleware()...)
	cfg.APIOptions = append(cfg.APIOptions, c.opts.APIOptions...)
	return cfg, nil
}

// customEndpoint reports whether the SDK is pointed at a non-AWS endpoint
// (moto, LocalStack, the test cloud), where S3 needs path-style addressing.
func customEndpoint(cfg aws.Config) bool {
	return cfg.BaseEndpoint != nil || os.Getenv("AWS_ENDPOINT_URL") != ""
}

// account is one account to scan with its credentials.
type account struct {
	id  string
	cfg aws.Config
}

// plan finds each account's enabled regions (all accounts at once, a call
// each) and returns each account's units, global services first; an
// account whose regions cannot be read is failed whole and has none.
func (c *collector) plan(ctx context.Context, accounts []account) [][]collect.Task {
	plans := make([][]collect.Task, len(accounts))
	sem := make(chan struct{}, c.opts.MaxInFlight)
	var wg sync.WaitGroup
	for i, a := range accounts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			a.cfg = a.cfg.Copy()
			a.cfg.APIOptions = append(a.cfg.APIOptions[:len(a.cfg.APIOptions):len(a.cfg.APIOptions)], inFlightLimit(c.opts.MaxInFlight, c.breakers, a.id))
			regions, err := c.enabledRegions(ctx, a)
			if err != nil {
				c.failAccount(a.id, "ec2", "DescribeRegions", err)
				return
			}
			plans[i] = c.accountTasks(a, regions)
		}()
	}
	wg.Wait()
	for _, p := range plans {
		c.total += len(p)
	}
	return plans
}

// accountTasks lists an account's units. Global services go first: each
// is one unit holding an account's whole IAM or S3 estate, the longest
// units of a scan, and started last they would run on alone after
// everything else has finished.
func (c *collector) accountTasks(a account, regions []string) []collect.Task {
	var tasks []collect.Task
	for _, s := range c.services {
		if s.global {
			tasks = append(tasks, c.task(a, globalRegion(regions), s))
		}
	}
	for _, s := range c.services {
		if !s.global {
			for _, r := range regions {
				tasks = append(tasks, c.task(a, r, s))
			}
		}
	}
	return tasks
}

// task is one service's unit in an account and region (a global service's
// unit is called in region, and reports Region "").
func (c *collector) task(a account, region string, s *service) collect.Task {
	u := model.Unit{Provider: "aws", Account: a.id, Region: region, Service: s.name}
	if s.global {
		u.Region = ""
	}
	return collect.Task{Unit: u, Kinds: s.kinds, Classify: classify(a.id, region, s.name),
		Run: func(ctx context.Context, rec *collect.Recorder) {
			cfg := a.cfg.Copy()
			cfg.Region = region
			s.collect(ctx, &scope{c: c, cfg: cfg, account: a.id, region: region, service: s.name, rec: rec})
			c.mu.Lock()
			if c.regions == nil {
				c.regions = map[string]bool{}
			}
			c.regions[region] = true
			c.mu.Unlock()
		}}
}

// ended takes an ended unit's facts and reports progress.
func (c *collector) ended(o model.UnitOutcome, facts []any) {
	c.mu.Lock()
	c.facts.add(facts)
	c.done++
	ev := Event{Account: o.Account, Region: o.Region, Service: o.Service, Resources: o.Resources,
		Errors: o.Errors, Done: c.done, Total: c.total}
	c.mu.Unlock()
	if c.opts.Progress != nil {
		c.opts.Progress(ev)
	}
}

// failAccount records an error that stops a whole account (its role
// cannot be assumed, its regions cannot be listed): every service's
// kinds are unread in every region of it.
func (c *collector) failAccount(acct, svc, op string, err error) {
	c.sink.Error(newCollectionError(acct, "", svc, op, err))
	for _, s := range c.services {
		c.sink.Unit(collect.Unread(model.Unit{Provider: "aws", Account: acct, Service: s.name}, s.kinds))
	}
}

// globalRegion is where global services (IAM, Organizations, S3's bucket
// list) are called: us-east-1 when scanned, else the first region.
func globalRegion(regions []string) string {
	for _, r := range regions {
		if r == "us-east-1" {
			return r
		}
	}
	if len(regions) > 0 {
		return regions[0]
	}
	return "us-east-1"
}

func (c *collector) regionsSeen() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.regions))
	for r := range c.regions {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// enabledRegions is --regions, or every region enabled for the account.
func (c *collector) enabledRegions(ctx context.Context, a account) ([]string, error) {
	if len(c.opts.Regions) > 0 {
		return c.opts.Regions, nil
	}
	out, err := ec2.NewFromConfig(a.cfg).DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	if err != nil {
		return nil, err
	}
	var regions []string
	for _, r := range out.Regions {
		status := aws.ToString(r.OptInStatus)
		if status == "" || status == "opt-in-not-required" || status == "opted-in" {
			regions = append(regions, aws.ToString(r.RegionName))
		}
	}
	sort.Strings(regions)
	return regions, nil
}

// Services lists the service collectors by name.
func Services() []string {
	out := make([]string, 0, len(registry))
	for _, s := range registry {
		out = append(out, s.name)
	}
	sort.Strings(out)
	return out
}

// KindsOf lists, sorted, the kinds the named services produce (every
// service's when names is empty); none when a name is unknown (the
// collection refuses it).
func KindsOf(services []string) []string {
	sel, _ := selectServices(services)
	seen := map[string]bool{}
	var out []string
	for _, s := range sel {
		for _, k := range s.kinds {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func selectServices(names []string) ([]*service, error) {
	if len(names) == 0 {
		out := make([]*service, 0, len(registry))
		for _, s := range registry {
			out = append(out, s)
		}
		sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
		return out, nil
	}
	var out []*service
	for _, n := range names {
		s, ok := registry[strings.ToLower(strings.TrimSpace(n))]
		if !ok {
			return nil, fmt.Errorf("unknown service %q (known: %s)", n, strings.Join(Services(), ", "))
		}
		out = append(out, s)
	}
	return out, nil
}

// svcPartition is the ARN partition of a region, for ARNs built by hand.
func svcPartition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	}
	return "aws"
}
