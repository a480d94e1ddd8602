package policy

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/vigil-sec/vigil/model"
)

// customRule writes a one-rule policy directory and returns it. The body
// starts on line 8 of the file.
func customRule(t *testing.T, id, body string) string {
	t.Helper()
	return addRule(t, t.TempDir(), id, body)
}

// addRule writes a rule into a policy directory, in a file named for its id.
func addRule(t *testing.T, dir, id, body string) string {
	t.Helper()
	pkg := "acme.test." + strings.ToLower(strings.ReplaceAll(id, "-", "_"))
	text := fmt.Sprintf(`# METADATA
# title: Test rule %s
# custom:
#   id: %s
#   severity: low
#   kinds: [aws.s3.bucket]
package %s
%s
`, id, id, pkg, body)
	if err := os.MkdirAll(filepath.Join(dir, "aws", "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "aws", "s3", strings.ToLower(id)+".rego"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// restrictedCallsUnderTest calls each restricted built-in with arguments
// of the right types.
var restrictedCallsUnderTest = map[string]string{
	"http.send":               `http.send({"method": "get", "url": "http://127.0.0.1:1/"})`,
	"net.lookup_ip_addr":      `net.lookup_ip_addr("example.com")`,
	"opa.runtime":             `opa.runtime()`,
	"json.match_schema":       `json.match_schema("{}", {"$ref": "file:///etc/passwd"})`,
	"json.verify_schema":      `json.verify_schema({"$ref": "file:///etc/passwd"})`,
	"strings.render_template": `strings.render_template("{{range 1000000000000}}{{end}}", {})`,
	"graph.reachable_paths":   `graph.reachable_paths({"a": ["b"], "b": ["a"]}, ["a"])`,
}

func TestRestrictedBuiltinsRefused(t *testing.T) {
	for name := range restricted {
		call, ok := restrictedCallsUnderTest[name]
		if !ok {
			t.Errorf("no test call for restricted built-in %s", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			dir := customRule(t, "ACME-S3-100", "\ndeny contains \"x\" if {\n\tx := "+call+"\n\tx != null\n}")
			_, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
			if err == nil {
				t.Fatalf("a rule calling %s loaded", name)
			}
			for _, want := range []string{filepath.Join(dir, "aws", "s3", "acme-s3-100.rego") + ":10:", "rule ACME-S3-100", "calls " + name, "--allow-builtin " + name} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error should name %q: %v", want, err)
				}
			}
		})
	}
}

// A built-in passed in place of a function with `with` is called as well.
func TestRestrictedBuiltinRefusedInWith(t *testing.T) {
	dir := customRule(t, "ACME-S3-101", `
lookup(name) := [name]

deny contains "x" if {
	count(lookup("example.com")) > 0 with lookup as net.lookup_ip_addr
}`)
	_, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "acme-s3-101.rego:12:") || !strings.Contains(err.Error(), "net.lookup_ip_addr") {
		t.Fatalf("want the with-replacement refused at line 12, got %v", err)
	}
}

// Guard against an OPA upgrade: every built-in OPA marks non-deterministic
// (its marker for side effects: network, time, randomness) is restricted
// or allowed on purpose (see the comment on restricted).
func TestNondeterministicBuiltinsClassified(t *testing.T) {
	allowed := map[string]bool{"time.now_ns": true, "rand.intn": true, "uuid.rfc4122": true,
		"io.jwt.decode_verify": true, "io.jwt.encode_sign": true, "io.jwt.encode_sign_raw": true}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if !b.Nondeterministic {
			continue
		}
		if _, ok := restricted[b.Name]; !ok && !allowed[b.Name] {
			t.Errorf("OPA built-in %s is non-deterministic: restrict it or allow it on purpose", b.Name)
		}
	}
	for name := range restricted {
		if _, ok := ast.BuiltinMap[name]; !ok {
			t.Errorf("restricted built-in %s no longer exists in OPA", name)
		}
	}
}

func TestBuiltinRulesNeedNothingRestricted(t *testing.T) {
	n := 0
	srcs, err := loadSources(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		m, err := ast.ParseModuleWithOpts(src.file, src.text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, c := range restrictedCalls(m, nil) {
			t.Errorf("built-in %s:%d calls restricted %s", src.file, c.row, c.name)
		}
	}
	if n < 100 {
		t.Fatalf("read %d built-in modules", n)
	}
	// And they compile under the sandbox's capabilities.
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.prepare(context.Background(), keysOf(e.ofKind)); err != nil {
		t.Fatal(err)
	}
}

func TestSandboxOptInsValidated(t *testing.T) {
	for _, c := range []struct {
		sb   Sandbox
		want string
	}{
		{Sandbox{AllowBuiltins: []string{"http.sned"}}, "no such OPA built-in"},
		{Sandbox{AllowBuiltins: []string{"count"}}, "not restricted"},
		{Sandbox{AllowBuiltins: []string{"http.send"}}, "--allow-net"},
		{Sandbox{AllowNet: []string{"example.com"}}, "has no effect"},
	} {
		_, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{"testdata/custom"}, Sandbox: c.sb})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: want an error with %q, got %v", c.sb, c.want, err)
		}
	}
}

func TestAllowedHTTPSendReachesOnlyAllowedHosts(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"verdict": "bucket %s is on the deny list"}`, r.URL.Query().Get("b"))
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	viaName := "http://localhost:" + u.Port() // the same server under a host name not allowed
	dir := customRule(t, "ACME-S3-102", fmt.Sprintf(`
deny contains resp.body.verdict if {
	resp := http.send({"method": "get", "url": sprintf("%s/?b=%%s", [input.attributes.name])})
}`, srv.URL))
	addRule(t, dir, "ACME-S3-103", fmt.Sprintf(`
deny contains "reached a host not allowed" if {
	http.send({"method": "get", "url": "%s/", "raise_error": false}).status_code == 200
}`, viaName))
	addRule(t, dir, "ACME-S3-104", fmt.Sprintf(`
deny contains "read a file" if {
	http.send({"method": "get", "url": "%s/", "tls_ca_cert_file": "/etc/passwd"}).status_code == 200
}`, srv.URL))
	sb := Sandbox{AllowBuiltins: []string{"http.send"}, AllowNet: []string{u.Hostname()}}
	if _, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}}); err == nil {
		t.Fatal("http.send loaded without being allowed")
	}
	e, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}, Sandbox: sb})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.Evaluate(context.Background(), []*model.Resource{bucket("b1", "logs", true, nil)}, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fs {
		got[f.RuleID] = string(f.Status) + ": " + f.Message
	}
	if got["ACME-S3-102"] != "fail: bucket logs is on the deny list" {
		t.Errorf("the allowed request should decide the verdict: %q", got["ACME-S3-102"])
	}
	if got["ACME-S3-103"] != "pass: passed" {
		t.Errorf("a request to a host not allowed got through: %q", got["ACME-S3-103"])
	}
	if s := got["ACME-S3-104"]; !strings.HasPrefix(s, "error: ") || !strings.Contains(s, "tls_ca_cert_file") {
		t.Errorf("the file option should be an evaluation error naming it: %q", s)
	}
	if hits.Load() != 1 {
		t.Errorf("want exactly the one allowed request, the server saw %d", hits.Load())
	}
}

// A rule that never ends, one that asks one built-in for too much, and one
// whose memory grows without end are each stopped with an error finding on
// every resource, and the other rules still give their verdicts.
func TestHostileRulesStoppedOthersRun(t *testing.T) {
	for _, c := range []struct {
		dir   string
		sb    Sandbox
		bound map[string]string // rule id -> words its error must carry
	}{
		{"testdata/hostile-time", Sandbox{Timeout: time.Second},
			map[string]string{"TEST-LOOP-001": "time bound", "TEST-RANGE-001": "numbers.range: the result would have more than"}},
		// OPA grows a heap at some 50-100 MB/s, so a small memory bound
		// and a long time bound make sure the memory bound is the one hit.
		{"testdata/hostile-memory", Sandbox{Timeout: time.Minute, Memory: 32 << 20},
			map[string]string{"TEST-MEM-001": "memory bound"}},
	} {
		t.Run(filepath.Base(c.dir), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a hang fails instead of blocking
			defer cancel()
			e, err := New(ctx, Options{NoBuiltin: true, Dirs: []string{"testdata/custom", c.dir}, Sandbox: c.sb})
			if err != nil {
				t.Fatal(err)
			}
			var rs []*model.Resource
			for i := 0; i < 600; i++ { // three batches on two workers
				rs = append(rs, bucket("b"+strconv.Itoa(i), "n", i%2 == 0, nil))
			}
			fs, err := e.Evaluate(ctx, rs, EvalOptions{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			count := map[string]int{}
			for _, f := range fs {
				key := f.RuleID + " " + string(f.Status)
				if words, ok := c.bound[f.RuleID]; ok && strings.Contains(f.Message, words) {
					key += " (bound named)"
				}
				count[key]++
			}
			want := map[string]int{"TEST-S3-001 fail": 300, "TEST-S3-001 pass": 300, "TEST-S3-002 fail": 600}
			for id := range c.bound {
				want[id+" error (bound named)"] = 600
			}
			for k, n := range want {
				if count[k] != n {
					t.Errorf("%s: want %d findings, got %d (all: %v)", k, n, count[k], count)
				}
			}
			if len(fs) != 600*len(want)-600 {
				t.Errorf("want one finding per rule and bucket, got %d", len(fs))
			}
			if hwm := peakRSS(t); hwm > 1<<30 {
				t.Errorf("the test process peaked at %d MiB, over 1 GiB", hwm>>20)
			} else {
				t.Logf("peak RSS so far %d MiB", hwm>>20)
			}
		})
	}
}

// peakRSS is the process's peak resident memory (VmHWM), in bytes.
func peakRSS(t *testing.T) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}

func TestGuardAbandonsAStuckEvaluationAndStopsTheRule(t *testing.T) {
	g := newGuard(Sandbox{Timeout: 50 * time.Millisecond})
	defer g.close()
	release := make(chan struct{})
	defer close(release)
	cr := &compiledRule{}
	done := make(chan error, 1)
	go func() {
		// A step OPA cannot interrupt: it ignores the context.
		_, err := g.eval(context.Background(), cr, func(context.Context) (rego.ResultSet, error) {
			<-release
			return nil, nil
		})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "time bound") {
			t.Fatalf("want the time bound, got %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the guard waited for a stuck evaluation")
	}
	ran := false
	_, err := g.eval(context.Background(), cr, func(context.Context) (rego.ResultSet, error) { ran = true; return nil, nil })
	if ran || err == nil || !strings.Contains(err.Error(), "time bound") {
		t.Fatalf("a stopped rule must not run again: ran=%v err=%v", ran, err)
	}
}

// Two evaluations run when the heap outgrows the bound: both are
// cancelled, each is retried alone, and only the one that allocates is
// stopped.
func TestGuardBlamesTheRuleThatAllocates(t *testing.T) {
	g := newGuard(Sandbox{Timeout: time.Minute, Memory: 64 << 20})
	defer g.close()
	hungry, modest := &compiledRule{}, &compiledRule{}
	started := make(chan struct{})
	errs := make(chan error, 2)
	go func() {
		first := true
		_, err := g.eval(context.Background(), modest, func(ctx context.Context) (rego.ResultSet, error) {
			if first {
				first = false
				close(started)
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(500 * time.Millisecond):
				return rego.ResultSet{}, nil
			}
		})
		errs <- err
	}()
	<-started
	var hold [][]byte
	_, err := g.eval(context.Background(), hungry, func(ctx context.Context) (rego.ResultSet, error) {
		hold = nil
		for ctx.Err() == nil {
			hold = append(hold, make([]byte, 1<<20))
			if len(hold) > 2048 {
				return nil, fmt.Errorf("allocated 2 GiB without being stopped")
			}
			time.Sleep(100 * time.Microsecond)
		}
		return nil, ctx.Err()
	})
	hold = nil
	if err == nil || !strings.Contains(err.Error(), "memory bound") {
		t.Fatalf("the allocating evaluation: want the memory bound, got %v", err)
	}
	if err := <-errs; err != nil {
		t.Fatalf("the modest evaluation should succeed on its retry, got %v", err)
	}
}

// evalBounded evaluates one Rego expression under the sandbox's
// capabilities, returning the error it raises.
func evalBounded(t *testing.T, body string) error {
	t.Helper()
	pq, err := rego.New(rego.Query(body), rego.Capabilities(Sandbox{}.capabilities())).PrepareForEval(context.Background())
	if err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = pq.Eval(ctx)
	return err
}

// dag builds a value of 2^(n+1) leaves from n+1 small arrays, each holding
// the previous one twice: tiny in memory, huge once printed or walked.
func dag(n int, leaf string) string {
	parts := []string{fmt.Sprintf("d0 := [%s, %s]", leaf, leaf)}
	for i := 1; i <= n; i++ {
		parts = append(parts, fmt.Sprintf("d%d := [d%d, d%d]", i, i-1, i-1))
	}
	return strings.Join(parts, "; ")
}

func TestBoundedBuiltins(t *testing.T) {
	mb := `s := sprintf("%1000000s", ["x"])` // one MiB
	two := mb + `; s2 := concat("", [s, s])`
	hundred := `"` + strings.Repeat("x", 100) + `"` // a leaf of 2^17 makes 13 MB
	cases := []struct {
		builtin, refused, allowed string
	}{
		{"numbers.range", `x := numbers.range(1, 1e10)`, `x := numbers.range(0, 65535)`},
		{"numbers.range_step", `x := numbers.range_step(1, 1e12, 10)`, `x := numbers.range_step(0, 100, 10)`},
		{"net.cidr_expand", `x := net.cidr_expand("10.0.0.0/8")`, `x := net.cidr_expand("10.0.0.0/30")`},
		{"array.concat", `a := split(sprintf("%600000s", ["x"]), ""); x := array.concat(a, a)`, `x := array.concat([1], [2])`},
		{"split", two + `; x := split(s2, "")`, `x := split("a,b", ",")`},
		{"indexof_n", two + `; x := indexof_n(s2, " ")`, `x := indexof_n("a a", " ")`},
		{"regex.split", two + `; x := regex.split(" ", s2)`, `x := regex.split(",", "a,b")`},
		{"regex.find_n", two + `; x := regex.find_n(" ", s2, -1)`, two + `; x := regex.find_n(" ", s2, 5)`},
		{"regex.find_all_string_submatch_n", two + `; x := regex.find_all_string_submatch_n("( )", s2, -1)`, `x := regex.find_all_string_submatch_n("(a)", "aa", -1)`},
		{"walk", dag(19, "1") + `; x := [p | walk(d19, [p, _])]`, `x := [p | walk([1, [2]], [p, _])]`},
		{"mul", `n := 1e6000; x := n * n`, `x := 3 * 4`},
		{"bits.lsh", `x := bits.lsh(1, 100000)`, `x := bits.lsh(1, 10)`},
		{"sprintf", `x := sprintf("%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d", [1, 2, 3, 4, 5, 6, 7, 8, 9])`, `x := sprintf("%-10s|%d", ["a", 1])`},
		{"sprintf", dag(16, hundred) + `; x := sprintf("%v", [d16])`, `x := sprintf("%v", [[1, [2]]])`},
		{"concat", mb + `; x := concat("", [s, s, s, s, s, s, s, s, s])`, `x := concat(",", ["a", "b"])`},
		{"replace", mb + `; x := replace(s, " ", "0123456789")`, `x := replace("a-b", "-", "_")`},
		{"strings.replace_n", mb + `; x := strings.replace_n({" ": "0123456789"}, s)`, `x := strings.replace_n({"-": "_"}, "a-b")`},
		{"regex.replace", mb + `; x := regex.replace(s, " ", "0123456789")`, `x := regex.replace("a1b2", "[0-9]", "<$0>")`},
		{"json.marshal", dag(16, hundred) + `; x := json.marshal(d16)`, `x := json.marshal({"a": [1, 2]})`},
		{"json.marshal_with_options", dag(16, "1") + `; x := json.marshal_with_options(d16, {"indent": "` + strings.Repeat(" ", 200) + `"})`, `x := json.marshal_with_options({"a": 1}, {"pretty": true})`},
		{"yaml.marshal", dag(16, hundred) + `; x := yaml.marshal(d16)`, `x := yaml.marshal({"a": [1, 2]})`},
	}
	tested := map[string]bool{"http.send": true} // see TestAllowedHTTPSendReachesOnlyAllowedHosts
	for _, c := range cases {
		tested[c.builtin] = true
		if err := evalBounded(t, c.refused); err == nil || !strings.Contains(err.Error(), c.builtin+": the result would") {
			t.Errorf("%s: want the call refused by the sandbox, got %v", c.builtin, err)
		}
		if err := evalBounded(t, c.allowed); err != nil {
			t.Errorf("%s: an ordinary call was refused: %v", c.builtin, err)
		}
	}
	for name := range boundedBuiltins {
		if !tested[name] {
			t.Errorf("bounded built-in %s has no test case", name)
		}
	}
}

func TestFormatPadding(t *testing.T) {
	args := func(i int) int { return []int{7, 3}[i%2] }
	for format, want := range map[string]int{
		"plain":        0,
		"%d %s":        0,
		"%10d|%-5s":    15,
		"%8.3f":        11,
		"%*d":          7,
		"%[2]*[1]d":    3,
		"100%% %5d":    5,
		"%.*f %*.*f %": 7 + 3 + 7,
	} {
		if got, err := formatPadding(format, args); err != nil || got != want {
			t.Errorf("%q: got %d (%v), want %d", format, got, err, want)
		}
	}
}
