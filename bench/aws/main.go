// Command aws measures Vigil's AWS collector against a generated world
// served by Vigil's test cloud, with AWS-like latency and rate limits.
// The test cloud runs in a child process, and the collection streams into
// a sink that counts and drops what it reads, so the peak memory reported
// is the collector's own.
//
//	go run ./bench/aws                                  # 10,000 resources, 2 accounts, 4 regions, 30 ms, AWS rate limits
//	go run ./bench/aws -resources 100000 -latency 0 -rate-limits=false
//
// It prints wall time, API calls and attempts (retries), calls per
// resource, throttled and repeated requests, peak memory, and the ratio of
// wall time to the API-bound minimum: calls x latency / allowed
// concurrency (in-flight requests per account x accounts at once).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/internal/gctarget"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
)

func main() {
	resources := flag.Int("resources", 10000, "resources in the generated world")
	accounts := flag.Int("accounts", 2, "accounts (the first is the organization's management account)")
	regions := flag.Int("regions", 4, "regions")
	seed := flag.Uint64("seed", 1, "generator seed")
	latency := flag.Duration("latency", 30*time.Millisecond, "latency of every call")
	limits := flag.Bool("rate-limits", true, "throttle like AWS (token buckets per account, region and service or API)")
	inFlight := flag.Int("max-in-flight", 32, "collector: API requests in flight per account")
	showOps := flag.Int("ops", 0, "also print the N most called operations")
	services := flag.String("services", "", "collect only these services (comma-separated; default all)")
	heapProfile := flag.String("heapprofile", "", "write the collector's heap profile, taken when its live heap was highest, to this file (go tool pprof)")
	serve := flag.Bool("serve", false, "internal: generate and serve the world (the child process)")
	flag.Parse()
	gctarget.Apply(gctarget.Collection) // as vigil scan aws does, so the memory measured is the CLI's
	o := aws.GenerateOptions{Resources: *resources, Accounts: *accounts, Regions: *regions, Seed: *seed}
	var err error
	if *serve {
		err = serveChild(o, *latency, *limits)
	} else {
		var svcs []string
		if *services != "" {
			svcs = strings.Split(*services, ",")
		}
		err = run(o, *latency, *limits, *inFlight, *showOps, svcs, *heapProfile)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/aws:", err)
		os.Exit(1)
	}
}

// serveChild generates the world, serves it on loopback and prints its
// address and management key; it stops when its input closes.
func serveChild(o aws.GenerateOptions, latency time.Duration, limits bool) error {
	w, sum, err := aws.Generate(o)
	if err != nil {
		return err
	}
	w.Faults.Latency = aws.Duration(latency)
	if limits {
		w.Faults.RateLimits = aws.AWSRateLimits()
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = http.Serve(l, aws.NewServer(w)) }()
	fmt.Printf("READY http://%s %s %d\n", l.Addr(), w.Accounts[0].AccessKey, sum.Total())
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	return nil
}

func run(o aws.GenerateOptions, latency time.Duration, limits bool, inFlight, showOps int, services []string, heapProfile string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	child := exec.Command(self, "-serve", "-resources", strconv.Itoa(o.Resources), "-accounts", strconv.Itoa(o.Accounts),
		"-regions", strconv.Itoa(o.Regions), "-seed", strconv.FormatUint(o.Seed, 10), "-latency", latency.String(),
		"-rate-limits="+strconv.FormatBool(limits))
	child.Stderr = os.Stderr
	stdin, err := child.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := child.StdoutPipe()
	if err != nil {
		return err
	}
	if err := child.Start(); err != nil {
		return err
	}
	defer func() { stdin.Close(); _ = child.Wait() }()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) != 4 || f[0] != "READY" {
		return fmt.Errorf("the test cloud did not start: %q %v", line, err)
	}
	url, key := f[1], f[2]
	generated, _ := strconv.Atoi(f[3])

	accountsAtOnce := min(o.Accounts, 4)
	stopWatch := watchHeap(heapProfile)
	start := time.Now()
	type finished struct {
		unit string
		at   time.Duration
	}
	var mu sync.Mutex
	var ends []finished
	// The collection streams into a sink that counts and drops: the
	// memory measured is the collector's, not an estate held in a slice.
	var count counter
	res, err := awscollect.Run(context.Background(), awscollect.Options{
		Progress: func(ev awscollect.Event) {
			mu.Lock()
			region := ev.Region
			if region == "" {
				region = "global"
			}
			ends = append(ends, finished{ev.Account + " " + region + " " + ev.Service, time.Since(start)})
			mu.Unlock()
		},
		Services:           services,
		AssumeRole:         "OrganizationAccountAccessRole",
		Organization:       true,
		AccountConcurrency: accountsAtOnce,
		MaxInFlight:        inFlight,
		LoadOptions: []func(*config.LoadOptions) error{
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(url),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(key, "bench", "")),
			config.WithSharedConfigFiles([]string{}),
			config.WithSharedCredentialsFiles([]string{}),
		},
	}, &count)
	if err != nil {
		return err
	}
	wall := time.Since(start)
	peakLive, peakTotal, breakdown, err := stopWatch()
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	var st aws.Stats
	resp, err := http.Get(url + aws.StatsPath)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return err
	}

	fmt.Printf("world: %d resources generated, %d accounts, %d regions, latency %v, AWS rate limits %v\n",
		generated, o.Accounts, o.Regions, latency, limits)
	fmt.Printf("collected: %d resources of %d kinds, %d collection errors\n", count.resources, len(count.kinds), count.errors)
	for _, e := range count.firstErrors {
		fmt.Printf("  %s\n", e)
	}
	if n := count.errors - len(count.firstErrors); n > 0 {
		fmt.Printf("  ... %d more\n", n)
	}
	fmt.Printf("units: %s\n", count.unitSummary())
	fmt.Printf("wall time: %.2f s\n", wall.Seconds())
	fmt.Printf("API calls: %d operations, %d HTTP attempts (%d retries), %.2f calls per resource\n",
		res.Calls, res.Attempts, res.Attempts-res.Calls, float64(res.Calls)/float64(max(count.resources, 1)))
	fmt.Printf("test cloud: %d requests answered, %d throttled, %d repeated after a success, %d unhandled operations\n",
		st.Calls, st.Throttled, st.Repeated, len(st.Unhandled))
	if latency > 0 {
		concurrency := inFlight * accountsAtOnce
		minimum := time.Duration(float64(res.Calls) * float64(latency) / float64(concurrency))
		fmt.Printf("API-bound minimum: %d calls x %v / %d in flight = %.2f s; wall time is %.2fx that\n",
			res.Calls, latency, concurrency, minimum.Seconds(), wall.Seconds()/minimum.Seconds())
		if st.RateFloor > minimum {
			// The rate limits allow less concurrency than the collector's
			// in-flight limit for the busiest bucket: that bucket bounds.
			fmt.Printf("rate-limit floor: %.2f s (bucket %s: its calls beyond the burst at its rate); wall time is %.2fx that\n",
				st.RateFloor.Seconds(), st.RateFloorBucket, wall.Seconds()/st.RateFloor.Seconds())
		}
	}
	fmt.Printf("peak memory (collector process): %s resident; live heap at most %d MB, runtime total at most %d MB\n",
		peakRSS(), peakLive>>20, peakTotal>>20)
	fmt.Printf("runtime memory at its highest: %s\n", strings.Join(breakdown, ", "))
	if n := len(ends); n > 0 {
		fmt.Printf("last units to finish:")
		for _, e := range ends[max(0, n-4):] {
			fmt.Printf(" %s at %.1fs;", e.unit, e.at.Seconds())
		}
		fmt.Println()
	}
	if showOps > 0 {
		ops := make([]string, 0, len(st.Operations))
		for op := range st.Operations {
			ops = append(ops, op)
		}
		sort.Slice(ops, func(i, j int) bool { return st.Operations[ops[i]] > st.Operations[ops[j]] })
		for _, op := range ops[:min(showOps, len(ops))] {
			fmt.Printf("  %6d %s\n", st.Operations[op], op)
		}
	}
	return nil
}

// counter is a sink that counts what the collector streams and keeps
// only the first few errors. The collector calls it from one goroutine at
// a time.
type counter struct {
	resources   int
	kinds       map[string]int
	errors      int
	firstErrors []awscollect.CollectionError
	units       map[model.UnitStatus]int
}

func (c *counter) Resource(r *model.Resource) {
	c.resources++
	if c.kinds == nil {
		c.kinds = map[string]int{}
	}
	c.kinds[r.Kind]++
}

func (c *counter) Error(e awscollect.CollectionError) {
	c.errors++
	if len(c.firstErrors) < 5 {
		c.firstErrors = append(c.firstErrors, e)
	}
}

func (c *counter) Unit(o model.UnitOutcome) {
	if c.units == nil {
		c.units = map[model.UnitStatus]int{}
	}
	c.units[o.Status]++
}

func (c *counter) unitSummary() string {
	return fmt.Sprintf("%d complete, %d partial, %d failed", c.units[model.UnitComplete], c.units[model.UnitPartial], c.units[model.UnitFailed])
}

// peakRSS is the process's high-water resident set (VmHWM).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return fmt.Sprintf("%d MB", kb/1024)
		}
	}
	return "unknown"
}

// watchHeap samples the runtime's memory every 100 ms and, when path is
// set, writes a heap profile each time the live heap reaches a new high
// (by a tenth), so the last one written shows what the collector held at
// its peak. stop ends the sampling and returns the highest live heap and
// the highest memory the runtime held from the system.
func watchHeap(path string) (stop func() (live, total uint64, breakdown []string, err error)) {
	done := make(chan struct{})
	type result struct {
		live, total uint64
		breakdown   []string
		err         error
	}
	out := make(chan result, 1)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}}
		var res result
		var profiled uint64
		var classes []metrics.Sample
		for _, d := range metrics.All() {
			if strings.HasPrefix(d.Name, "/memory/classes/") && d.Name != "/memory/classes/total:bytes" {
				classes = append(classes, metrics.Sample{Name: d.Name})
			}
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				out <- res
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			live, total := sample[0].Value.Uint64(), sample[1].Value.Uint64()
			if total > res.total {
				metrics.Read(classes)
				res.breakdown = res.breakdown[:0]
				for _, c := range classes {
					if v := c.Value.Uint64(); v >= 1<<20 {
						res.breakdown = append(res.breakdown, fmt.Sprintf("%s %d MB", strings.TrimSuffix(strings.TrimPrefix(c.Name, "/memory/classes/"), ":bytes"), v>>20))
					}
				}
			}
			res.live, res.total = max(res.live, live), max(res.total, total)
			if path == "" || res.err != nil || live <= profiled+profiled/10 {
				continue
			}
			profiled = live
			f, err := os.Create(path)
			if err == nil {
				err = pprof.WriteHeapProfile(f)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			res.err = err
		}
	}()
	return func() (uint64, uint64, []string, error) {
		close(done)
		r := <-out
		return r.live, r.total, r.breakdown, r.err
	}
}
