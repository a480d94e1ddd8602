package policy

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Sandbox confines custom rules: which restricted built-ins they may call,
// which hosts the network built-ins may reach once allowed, and how much
// time and memory one evaluation may take. Built-in rules are compiled under
// the same built-in restrictions.
type Sandbox struct {
	// AllowBuiltins are restricted built-ins (see RestrictedBuiltins) the user lets
	// rules call, by name.
	AllowBuiltins []string
	// AllowNet are the hosts http.send and net.lookup_ip_addr may reach
	// once allowed; no other host is reachable.
	AllowNet []string
	// Timeout bounds one evaluation of one custom rule over one batch of
	// resources; 0 means DefaultTimeout.
	Timeout time.Duration
	// Memory bounds, in bytes, how much the heap may grow while one custom
	// rule evaluates; 0 means DefaultMemory.
	Memory uint64
}

const (
	// DefaultTimeout is far above what a real rule needs for a batch
	// (milliseconds), and short enough that a rule that never ends costs a
	// scan one pause, not one per batch: a rule that exceeds it is stopped
	// for the rest of the scan.
	DefaultTimeout = 5 * time.Second
	// DefaultMemory is the heap growth one custom rule may cause.
	DefaultMemory = 512 << 20
)

// restricted are the built-ins no rule may call unless the user allows
// them by name, and why. The sandbox keeps a rule inside the process: no
// network, no files, no environment, and nothing that can run without
// bound inside one call, where the time bound cannot reach it (OPA checks
// for cancellation between evaluation steps, never inside a built-in).
//
// Allowed on purpose although OPA marks them non-deterministic: time.now_ns
// (rules about key or certificate age need the time; it reaches nothing
// outside), rand.intn and uuid.rfc4122 (harmless, if pointless in a rule),
// and the io.jwt functions (they only verify or sign what they are given).
// print and trace stay callable but inert: print statements are compiled
// away and no tracer is attached.
var restricted = map[string]string{
	"http.send": "network access; it also reads local files and environment variables " +
		"through its tls_*_file and tls_*_env_variable options",
	"net.lookup_ip_addr": "DNS resolution, a network request (and a way to send data out in the name looked up)",
	"opa.runtime":        "it exists to reveal the host (environment, configuration); Vigil gives rules none",
	"json.match_schema":  "a file:// $ref in the schema reads local files, and match errors quote their content",
	"json.verify_schema": "a file:// $ref in the schema reads local files",
	"strings.render_template": "a Go template can loop without bound inside one call, " +
		"beyond the reach of the time and memory bounds",
	"graph.reachable_paths": "it enumerates every path of a graph inside one call: exponential time and " +
		"memory beyond the reach of the time and memory bounds",
}

// networkBuiltins need hosts in AllowNet once allowed.
var networkBuiltins = []string{"http.send", "net.lookup_ip_addr"}

// validate checks the user's opt-ins: each names a restricted built-in, and
// the network ones come with the hosts they may reach.
func (s Sandbox) validate() error {
	net := false
	for _, name := range s.AllowBuiltins {
		if _, ok := restricted[name]; ok {
			net = net || slices.Contains(networkBuiltins, name)
			continue
		}
		if _, ok := ast.BuiltinMap[name]; ok {
			return fmt.Errorf("--allow-builtin %s: %s is not restricted, every rule may call it (restricted: %s)",
				name, name, strings.Join(RestrictedBuiltins(), ", "))
		}
		return fmt.Errorf("--allow-builtin %s: no such OPA built-in (restricted: %s)", name, strings.Join(RestrictedBuiltins(), ", "))
	}
	if net && len(s.AllowNet) == 0 {
		return errors.New("allowing a network built-in (http.send, net.lookup_ip_addr) needs the hosts it may reach: " +
			"--allow-net HOST (repeatable) or sandbox.allow_net in vigil.yaml")
	}
	if !net && len(s.AllowNet) > 0 {
		return fmt.Errorf("--allow-net %s has no effect: no rule may use the network unless --allow-builtin http.send "+
			"or --allow-builtin net.lookup_ip_addr allows it", strings.Join(s.AllowNet, ","))
	}
	return nil
}

// RestrictedBuiltins names the built-ins rules may call only when the user
// allows them (Sandbox.AllowBuiltins), sorted.
func RestrictedBuiltins() []string {
	names := make([]string, 0, len(restricted))
	for n := range restricted {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// capabilities are OPA's built-ins less the restricted ones the user did
// not allow. AllowNet is never nil: nil would let the network built-ins
// (and remote JSON-schema $refs) reach any host.
func (s Sandbox) capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	allowed := s.allowed()
	builtins := make([]*ast.Builtin, 0, len(caps.Builtins))
	for _, b := range caps.Builtins {
		if _, ok := restricted[b.Name]; ok && !allowed[b.Name] {
			continue
		}
		builtins = append(builtins, b)
	}
	caps.Builtins = builtins
	caps.AllowNet = append([]string{}, s.AllowNet...)
	return caps
}

func (s Sandbox) allowed() map[string]bool {
	m := map[string]bool{}
	for _, n := range s.AllowBuiltins {
		m[n] = true
	}
	return m
}

func (s Sandbox) timeout() time.Duration {
	if s.Timeout <= 0 {
		return DefaultTimeout
	}
	return s.Timeout
}

func (s Sandbox) memory() uint64 {
	if s.Memory == 0 {
		return DefaultMemory
	}
	return s.Memory
}

// builtinCall is one place a module calls (or passes, in a `with`) a
// built-in.
type builtinCall struct {
	name string
	row  int
}

// restrictedCalls finds the calls of restricted built-ins that the sandbox
// does not allow, so that loading fails with the file, line and name
// rather than with the compiler's "undefined function".
func restrictedCalls(m *ast.Module, allowed map[string]bool) []builtinCall {
	var out []builtinCall
	note := func(name string, loc *ast.Location) {
		if _, ok := restricted[name]; !ok || allowed[name] {
			return
		}
		row := 0
		if loc != nil {
			row = loc.Row
		}
		out = append(out, builtinCall{name: name, row: row})
	}
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			note(e.Operator().String(), e.Location)
		}
		for _, w := range e.With { // `with f as http.send` calls it in f's place
			if r, ok := w.Value.Value.(ast.Ref); ok {
				note(r.String(), w.Location)
			}
		}
		return false
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			note(c[0].String(), t.Location)
		}
		return false
	})
	sort.Slice(out, func(i, j int) bool { return out[i].row < out[j].row })
	return out
}

// checkRestricted reports every call of a restricted built-in that is not
// allowed, one error per call, naming the file, line, rule and built-in
// and how to allow it.
func checkRestricted(modules map[string]*ast.Module, ruleOf map[string]string, sb Sandbox) error {
	allowed := sb.allowed()
	files := make([]string, 0, len(modules))
	for f := range modules {
		files = append(files, f)
	}
	sort.Strings(files)
	var errs []error
	for _, f := range files {
		for _, c := range restrictedCalls(modules[f], allowed) {
			who := "module"
			if id := ruleOf[f]; id != "" {
				who = "rule " + id
			}
			errs = append(errs, fmt.Errorf("%s:%d: %s calls %s, which the rule sandbox forbids (%s); "+
				"to allow it, pass --allow-builtin %s or list it under sandbox.allow_builtins in vigil.yaml",
				f, c.row, who, c.name, restricted[c.name], c.name))
		}
	}
	return errors.Join(errs...)
}
