package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/vigil-sec/vigil/model"
)

// Engine holds the rules, compiling and preparing those of a kind when it
// first evaluates a resource of that kind. It is safe for concurrent use.
type Engine struct {
	rules []*Rule
	set   *ruleSet
	// ofKind lists the enabled rules by kind.
	ofKind  map[string][]*Rule
	sandbox Sandbox

	mu sync.Mutex
	// groups holds each kind's compiled rules, once a resource of the kind
	// was evaluated.
	groups map[string]*prepared
}

// prepared is the compiled state of the rules of some kinds.
type prepared struct {
	// kinds whose enabled rules are ready.
	kinds    map[string]bool
	compiler *ast.Compiler
	byKind   map[string][]*compiledRule
	kindAgg  map[string]*aggQuery
	// inventory is set when a prepared rule reads data.inventory: each
	// Evaluate then builds it.
	inventory bool
	// sandboxed is set when a custom rule is prepared: evaluations then
	// run under the guard's time and memory bounds.
	sandboxed bool
}

// aggQuery evaluates every built-in rule of one kind.
type aggQuery struct {
	rego.PreparedEvalQuery
}

type compiledRule struct {
	*Rule
	compiler *ast.Compiler
	// once prepares batch and single: for a built-in rule only when its
	// kind's aggregate query fails, for a custom one with its kind.
	once sync.Once
	err  error
	// batch evaluates the rule over a whole array of resources in one
	// query, so the per-query cost is paid per rule and batch, not per
	// resource.
	batch rego.PreparedEvalQuery
	// single evaluates one resource; used to isolate an error in a batch.
	single rego.PreparedEvalQuery
	// sandboxed rules (the custom ones) run under the time and memory
	// bounds, one query per rule, outside the kind aggregates: a rule that
	// exceeds a bound can then be stopped without stopping the others.
	sandboxed bool
}

// New loads the rules: the built-in ones from their catalog, the custom
// ones parsed and compiled, so that an error in them is reported here.
// The rules of a kind are compiled and prepared when a resource of that
// kind is first evaluated.
func New(ctx context.Context, opts Options) (*Engine, error) {
	if err := opts.Sandbox.validate(); err != nil {
		return nil, err
	}
	custom, err := customSources(opts)
	if err != nil {
		return nil, err
	}
	cat := &catalog{}
	if !opts.NoBuiltin {
		if cat, err = builtinCatalog(); err != nil {
			return nil, err
		}
	} else {
		cat.index()
	}
	return newEngine(ctx, opts, cat, custom)
}

// newFromSources builds an engine from sources, the built-in ones among
// them described by a catalog derived here.
func newFromSources(ctx context.Context, opts Options, srcs []source) (*Engine, error) {
	var builtin, custom []source
	for _, s := range srcs {
		if s.builtin {
			builtin = append(builtin, s)
		} else {
			custom = append(custom, s)
		}
	}
	cat, err := buildCatalog(builtin)
	if err != nil {
		return nil, err
	}
	return newEngine(ctx, opts, cat, custom)
}

func newEngine(ctx context.Context, opts Options, cat *catalog, custom []source) (*Engine, error) {
	set, err := resolve(cat, custom)
	if err != nil {
		return nil, err
	}
	rules := set.rules
	ruleOf := map[string]string{}
	for _, r := range rules {
		ruleOf[r.File] = r.ID
	}
	// The built-in modules call nothing restricted
	// (TestBuiltinRulesNeedNothingRestricted).
	if err := checkRestricted(set.custom, ruleOf, opts.Sandbox); err != nil {
		return nil, err
	}
	disabled := map[string]bool{}
	for _, id := range opts.Disabled {
		disabled[id] = true
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	for id := range disabled {
		if !known[id] {
			return nil, fmt.Errorf("cannot disable rule %s: no such rule (see `vigil rules list`)", id)
		}
	}
	for id := range opts.Severities {
		if !known[id] {
			return nil, fmt.Errorf("cannot re-rate rule %s: no such rule (see `vigil rules list`)", id)
		}
	}
	for _, r := range rules {
		if disabled[r.ID] {
			r.Enabled = false
		}
		if s, ok := opts.Severities[r.ID]; ok {
			r.Severity = s
		}
	}
	e := &Engine{rules: rules, set: set, ofKind: map[string][]*Rule{}, sandbox: opts.Sandbox, groups: map[string]*prepared{}}
	if len(set.custom) > 0 {
		// What the custom rules read, through the built-in helpers they
		// use too; the built-in rules' reads are in their catalog.
		files := map[string]bool{}
		for _, m := range set.custom {
			cat.closure(files, cat.dependsOn(m, ""), set.skip)
		}
		modules, err := cat.parseModules(keysOf(files))
		if err != nil {
			return nil, err
		}
		for f, m := range set.custom {
			modules[f] = m
		}
		reads := packageReads(modules)
		for _, r := range rules {
			if r.Builtin {
				continue
			}
			pr := reads[r.Package]
			r.Reads = mergeReads(r.Reads, pr.attrs)
			r.RelatedReads = mergeRelated(r.RelatedReads, pr.related)
			r.inventory = pr.inventory || len(r.RelatedReads) > 0
		}
	}
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		for _, k := range r.Kinds {
			e.ofKind[k] = append(e.ofKind[k], r)
		}
	}
	if len(set.custom) > 0 {
		// Compile the custom rules now, so an error in one stops the scan
		// before it reads anything, as it always did.
		if _, err := e.compile(ctx, nil); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// prepare returns the compiled state of kinds, compiling the kinds not
// compiled yet (in parallel): their enabled rules, the modules those need
// and, with a custom rule, the custom modules. A kind once compiled is not
// compiled again.
// Prepare compiles the rules of kinds now, so that Evaluate does not wait
// for them: a scan calls it with the kinds its source is about to produce
// while the reading goes on. Evaluate compiles whatever kinds are left.
func (e *Engine) Prepare(ctx context.Context, kinds []string) error {
	_, err := e.prepare(ctx, kinds)
	return err
}

func (e *Engine) prepare(ctx context.Context, kinds []string) (*prepared, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var missing []string
	for _, k := range kinds {
		if len(e.ofKind[k]) > 0 && e.groups[k] == nil && !slices.Contains(missing, k) {
			missing = append(missing, k)
		}
	}
	// One compiler per core, each given kinds of about the same number of
	// rules: the helpers and the rules of several kinds compile once per
	// compiler, not once per kind.
	buckets := make([]map[string]bool, min(runtime.GOMAXPROCS(0), len(missing)))
	load := make([]int, len(buckets))
	sort.Slice(missing, func(i, j int) bool { return len(e.ofKind[missing[i]]) > len(e.ofKind[missing[j]]) })
	for _, k := range missing {
		b := 0
		for i := range load {
			if load[i] < load[b] {
				b = i
			}
		}
		if buckets[b] == nil {
			buckets[b] = map[string]bool{}
		}
		buckets[b][k] = true
		load[b] += len(e.ofKind[k])
	}
	groups := make([]*prepared, len(buckets))
	errs := make([]error, len(buckets))
	var wg sync.WaitGroup
	for i := range buckets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			groups[i], errs[i] = e.compile(ctx, buckets[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, b := range buckets {
		for k := range b {
			e.groups[k] = groups[i]
		}
	}
	view := &prepared{kinds: map[string]bool{}, byKind: map[string][]*compiledRule{}, kindAgg: map[string]*aggQuery{}}
	for _, k := range kinds {
		g := e.groups[k]
		if g == nil {
			continue
		}
		view.kinds[k] = true
		view.byKind[k] = g.byKind[k]
		if a := g.kindAgg[k]; a != nil {
			view.kindAgg[k] = a
		}
		view.inventory = view.inventory || g.inventory
		view.sandboxed = view.sandboxed || g.sandboxed
	}
	return view, nil
}

// compile compiles the enabled rules of kinds (with the modules they
// need) and every custom module, and prepares their queries.
func (e *Engine) compile(ctx context.Context, kinds map[string]bool) (*prepared, error) {
	cat := e.set.cat
	p := &prepared{kinds: kinds, byKind: map[string][]*compiledRule{}, kindAgg: map[string]*aggQuery{}}
	var rules, builtin []*Rule
	seen := map[*Rule]bool{}
	for _, k := range keysOf(kinds) {
		for _, r := range e.ofKind[k] {
			if !seen[r] {
				seen[r] = true
				rules = append(rules, r)
			}
		}
	}
	if len(rules) == 0 && len(e.set.custom) == 0 {
		return p, nil
	}
	files := map[string]bool{}
	for _, r := range rules {
		if r.Builtin {
			builtin = append(builtin, r)
			cat.closure(files, []string{r.File}, e.set.skip)
		}
	}
	// Custom modules join the compilation when a custom rule does (or to
	// check them, with no kinds): a built-in rule never refers to them.
	custom := len(kinds) == 0
	for _, r := range rules {
		custom = custom || !r.Builtin
	}
	if custom {
		for _, m := range e.set.custom {
			cat.closure(files, cat.dependsOn(m, ""), e.set.skip)
		}
	}
	modules, err := cat.parseModules(keysOf(files))
	if err != nil {
		return nil, err
	}
	if custom {
		for f, m := range e.set.custom {
			modules[f] = m
		}
	}
	aggs := kindAggregates(builtin, kinds)
	for name, m := range aggs.modules {
		modules[name] = m
	}
	// Built-in and custom rules compile under the same capabilities: the
	// built-in ones need nothing the sandbox forbids.
	compiler := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(e.sandbox.capabilities())
	metadata := false
	for f, m := range modules {
		if cm := cat.byFile[f]; cm != nil {
			metadata = metadata || cm.Metadata
		} else {
			metadata = metadata || readsMetadata(m)
		}
	}
	if !metadata {
		// A tenth of the compile time walks every rule for calls that
		// none of these modules makes.
		compiler = compiler.WithSkipStages(ast.StageRewriteRegoMetadataCalls)
	}
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, fmt.Errorf("compiling rules: %w", compiler.Errors)
	}
	p.compiler = compiler
	for kind, pkg := range aggs.pkgs {
		q, err := ast.ParseBody(batchQuery(fmt.Sprintf("data.%s.all", pkg), "a"))
		if err != nil {
			return nil, err
		}
		pq, err := rego.New(rego.Compiler(compiler), rego.ParsedQuery(q)).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("preparing rules of kind %s: %w", kind, err)
		}
		p.kindAgg[kind] = &aggQuery{pq}
	}
	for _, r := range rules {
		cr := &compiledRule{Rule: r, compiler: compiler, sandboxed: !r.Builtin}
		if cr.sandboxed {
			if err := cr.prepare(ctx); err != nil {
				return nil, err
			}
		}
		p.sandboxed = p.sandboxed || cr.sandboxed
		p.inventory = p.inventory || r.inventory
		for _, k := range r.Kinds {
			if kinds[k] {
				p.byKind[k] = append(p.byKind[k], cr)
			}
		}
	}
	return p, nil
}

// prepare prepares the rule's own queries, once.
func (cr *compiledRule) prepare(ctx context.Context) error {
	cr.once.Do(func() {
		ref := "data." + cr.Package + ".deny"
		batchQ, err := ast.ParseBody(batchQuery(ref, "d"))
		if err != nil {
			cr.err = err
			return
		}
		singleQ, err := ast.ParseBody(fmt.Sprintf(`out := [d | some d in %s]`, ref))
		if err != nil {
			cr.err = err
			return
		}
		if cr.batch, err = rego.New(rego.Compiler(cr.compiler), rego.ParsedQuery(batchQ)).PrepareForEval(ctx); err != nil {
			cr.err = fmt.Errorf("%s: preparing rule %s: %w", cr.File, cr.ID, err)
			return
		}
		if cr.single, err = rego.New(rego.Compiler(cr.compiler), rego.ParsedQuery(singleQ)).PrepareForEval(ctx); err != nil {
			cr.err = fmt.Errorf("%s: preparing rule %s: %w", cr.File, cr.ID, err)
		}
	})
	return cr.err
}

// batchQuery evaluates ref once per resource of a batch, yielding [index,
// value] pairs (each element of the value when elem is "d").
func batchQuery(ref, elem string) string {
	each := "a := " + ref + " with input as x"
	if elem == "d" {
		each = "ds := " + ref + " with input as x; some d in ds"
	}
	return fmt.Sprintf(`out := [[i, %s] | some i; x := input[i]; %s]`, elem, each)
}

// Rules lists every loaded rule (enabled or not), by id.
func (e *Engine) Rules() []*Rule { return e.rules }

// Rule returns a rule by id.
func (e *Engine) Rule(id string) (*Rule, bool) {
	i := sort.Search(len(e.rules), func(i int) bool { return e.rules[i].ID >= id })
	if i < len(e.rules) && e.rules[i].ID == id {
		return e.rules[i], true
	}
	return nil, false
}

// EvalOptions tune one evaluation.
type EvalOptions struct {
	// Workers evaluating in parallel; 0 means one per CPU.
	Workers int
	// BatchSize is the number of resources per query; 0 means 256.
	BatchSize int
	// Progress, when set, is called with the number of resources done.
	Progress func(done int)
	// Unread lists what the collection could not list (a failed listing
	// names its kinds): rules that read those kinds of the inventory give
	// no verdict in that account.
	Unread []Unread
}

// input is the document a rule sees as `input`.
type input struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"`
	Name       string            `json:"name"`
	Provider   string            `json:"provider"`
	Account    string            `json:"account"`
	Region     string            `json:"region"`
	Source     string            `json:"source"`
	Tags       map[string]string `json:"tags"`
	Attributes any               `json:"attributes"`
	Relations  []model.Relation  `json:"relations"`
}

type job struct {
	kind  string
	rules []*compiledRule
	res   []*model.Resource
	// conv holds the resources already converted (when an inventory was
	// built); nil means convert them in the job.
	conv []converted
}

// evalEnv is what every job of one Evaluate shares.
type evalEnv struct {
	*prepared
	guard *guard
	// opts carry data.inventory to the queries (a resolver), when a rule
	// reads it.
	opts  []rego.EvalOption
	joins *joins
}

// Evaluate runs every enabled rule on every resource of its kinds and
// returns one finding per (rule, resource): fail for each deny result,
// pass when the rule found nothing, suppressed for inline-ignored
// failures, error when the rule could not be evaluated.
func (e *Engine) Evaluate(ctx context.Context, resources []*model.Resource, opts EvalOptions) ([]model.Finding, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	var kinds []string
	seenKind := map[string]bool{}
	for _, r := range resources {
		if !seenKind[r.Kind] {
			seenKind[r.Kind] = true
			kinds = append(kinds, r.Kind)
		}
	}
	p, err := e.prepare(ctx, kinds)
	if err != nil {
		return nil, err
	}
	env := &evalEnv{prepared: p}
	var convs []converted
	if p.inventory {
		var err error
		if convs, err = convertAll(resources, opts.Workers); err != nil {
			return nil, err
		}
		env.opts = []rego.EvalOption{rego.EvalResolver(inventoryRef, inventoryResolver{buildInventory(resources, convs)})}
		env.joins = newJoins(resources, opts.Unread)
	}
	byKind := map[string][]int{}
	var kindOrder []string
	for i, r := range resources {
		if _, ok := byKind[r.Kind]; !ok {
			kindOrder = append(kindOrder, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], i)
	}
	var jobs []job
	for _, k := range kindOrder {
		rules := p.byKind[k]
		if len(rules) == 0 {
			continue
		}
		idx := byKind[k]
		for i := 0; i < len(idx); i += opts.BatchSize {
			j := job{kind: k, rules: rules}
			for _, n := range idx[i:min(i+opts.BatchSize, len(idx))] {
				j.res = append(j.res, resources[n])
				if convs != nil {
					j.conv = append(j.conv, convs[n])
				}
			}
			jobs = append(jobs, j)
		}
	}
	if p.sandboxed {
		env.guard = newGuard(e.sandbox)
		defer env.guard.close()
	}
	results := make([][]model.Finding, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = e.evalJob(ctx, env, jobs[i])
				if opts.Progress != nil {
					mu.Lock()
					done += len(jobs[i].res)
					opts.Progress(done)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	total := 0
	for i, fs := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		total += len(fs)
	}
	// Findings are large: size the result once rather than grow it.
	out := make([]model.Finding, 0, total)
	for _, fs := range results {
		out = append(out, fs...)
	}
	return out, nil
}

// evalJob evaluates every rule of one kind over a batch of resources: the
// built-in rules in one aggregated query, the custom ones one by one under
// the guard.
func (e *Engine) evalJob(ctx context.Context, env *evalEnv, j job) ([]model.Finding, error) {
	if j.conv == nil {
		j.conv = make([]converted, len(j.res))
		for i, r := range j.res {
			c, err := convert(r)
			if err != nil {
				return nil, err
			}
			j.conv[i] = c
		}
	}
	docs := make([]any, len(j.res))
	terms := make([]*ast.Term, len(j.res))
	for i, c := range j.conv {
		docs[i] = c.doc
		terms[i] = ast.NewTerm(c.val)
	}
	b := &batchInput{arr: ast.NewArray(terms...), vals: j.conv, env: env}
	var trusted, sandboxed []*compiledRule
	for _, cr := range j.rules {
		if cr.sandboxed {
			sandboxed = append(sandboxed, cr)
		} else {
			trusted = append(trusted, cr)
		}
	}
	var out []model.Finding // findings are large: each is copied once at most
	if len(trusted) > 0 {
		var ok bool
		if out, ok = e.evalKind(ctx, j, docs, b); !ok {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			var err error
			if out, err = e.evalRules(ctx, nil, trusted, j, docs, b); err != nil {
				return nil, err
			}
		}
	}
	if len(sandboxed) == 0 {
		return out, nil
	}
	fs, err := e.evalRules(ctx, env.guard, sandboxed, j, docs, b)
	if err != nil {
		return nil, err
	}
	return append(out, fs...), nil
}

// evalRules evaluates rules one by one over a batch, and when a rule's
// batch query fails, over one resource at a time, so only the resources
// that fail to evaluate get an error finding. With a guard, a rule that
// exceeds a bound gets an error finding on every resource instead, here
// and in every later batch.
func (e *Engine) evalRules(ctx context.Context, g *guard, rules []*compiledRule, j job, docs []any, b *batchInput) ([]model.Finding, error) {
	eval := func(cr *compiledRule, q *rego.PreparedEvalQuery, input ast.Value) (rego.ResultSet, error) {
		opts := append([]rego.EvalOption{rego.EvalParsedInput(input)}, b.env.opts...)
		if g == nil {
			return q.Eval(ctx, opts...)
		}
		return g.eval(ctx, cr, func(ctx context.Context) (rego.ResultSet, error) {
			return q.Eval(ctx, opts...)
		})
	}
	var out []model.Finding
	for _, cr := range rules {
		if err := cr.prepare(ctx); err != nil {
			for _, r := range j.res {
				out = append(out, errorFinding(cr.Rule, r, "rule evaluation failed: "+err.Error()))
			}
			continue
		}
		rs, err := eval(cr, &cr.batch, b.arr)
		if err == nil {
			denies := make([][]any, len(j.res))
			eachIndexed(rs, len(j.res), func(i int, d any) { denies[i] = append(denies[i], d) })
			for i, r := range j.res {
				out = append(out, findings(cr.Rule, r, docs[i], denies[i], b.env.joins)...)
			}
			continue
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var be *boundError
		if errors.As(err, &be) {
			for _, r := range j.res {
				out = append(out, stoppedFinding(cr.Rule, r, be))
			}
			continue
		}
		for i, r := range j.res {
			rs, err := eval(cr, &cr.single, b.vals[i].val)
			switch {
			case errors.As(err, &be):
				out = append(out, stoppedFinding(cr.Rule, r, be))
			case err != nil:
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				out = append(out, errorFinding(cr.Rule, r, "rule evaluation failed: "+err.Error()))
			default:
				out = append(out, findings(cr.Rule, r, docs[i], resultList(rs), b.env.joins)...)
			}
		}
	}
	return out, nil
}

// batchInput builds the input of a job's queries, with or without the
// inventory.
type batchInput struct {
	arr  *ast.Array
	vals []converted
	env  *evalEnv
}

func errorFinding(rule *Rule, r *model.Resource, msg string) model.Finding {
	return model.Finding{RuleID: rule.ID, Title: rule.Title, Severity: rule.Severity,
		Status: model.StatusError, Message: msg,
		Resource: r.Ref(), Location: r.Location, Compliance: rule.Compliance}
}

// stoppedFinding reports a resource a stopped rule gave no verdict on.
func stoppedFinding(rule *Rule, r *model.Resource, be *boundError) model.Finding {
	return errorFinding(rule, r, "rule stopped by the sandbox: "+be.Error()+
		"; it gives no verdict on any resource for the rest of the scan")
}

// eachIndexed walks the [resource index, value] pairs a batch query
// returns, skipping anything malformed or out of range.
func eachIndexed(rs rego.ResultSet, n int, fn func(i int, v any)) {
	for _, pair := range resultList(rs) {
		p, _ := pair.([]any)
		if len(p) != 2 {
			continue
		}
		if i, ok := toIndex(p[0]); ok && i >= 0 && i < n {
			fn(i, p[1])
		}
	}
}

func resultList(rs rego.ResultSet) []any {
	if len(rs) == 0 {
		return nil
	}
	l, _ := rs[0].Bindings["out"].([]any)
	return l
}

func toIndex(v any) (int, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	}
	return 0, false
}

// toDoc turns a resource into the generic document rules read.
func toDoc(r *model.Resource) (any, error) {
	b, err := json.Marshal(input{ID: r.ID, Kind: r.Kind, Name: r.Name, Provider: r.Provider,
		Account: r.Account, Region: r.Region, Source: r.Source, Tags: r.Tags,
		Attributes: r.Attributes, Relations: r.Relations})
	if err != nil {
		return nil, err
	}
	var doc any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// findings turns a rule's deny results on one resource into findings.
//
// A deny entry with "unknown": true is not a failure: the rule says it
// cannot judge (a related resource it needs is not in the inventory), and
// the resource gets no pass from it. What the rule reads of related
// resources (js) voids a pass or a failure as its own reads do.
func findings(rule *Rule, r *model.Resource, doc any, denies []any, js *joins) []model.Finding {
	base := model.Finding{RuleID: rule.ID, Title: rule.Title, Severity: rule.Severity,
		Resource: r.Ref(), Compliance: rule.Compliance, Remediation: rule.Remediation}
	var out []model.Finding
	seen := map[string]bool{}
	mayPass, mayFail := true, true
	if len(rule.RelatedReads) > 0 {
		mayPass, mayFail = js.verdicts(rule, r)
	}
	undecided := false
	if len(denies) > 0 {
		kept := denies[:0:0]
		for _, d := range denies {
			if m, ok := d.(map[string]any); ok && m["unknown"] == true {
				undecided = true
				continue
			}
			kept = append(kept, d)
		}
		denies = kept
	}
	if len(denies) > 0 && !mayFail {
		return nil
	}
	// A failure stands unless it was decided at an unknown path, or the
	// rule reads a value that is unknown as a whole (a setting a live scan
	// could not read): then it may have decided on the empty value left in
	// its place. An unknown path deep inside what the rule reads (one
	// rule's CIDR among a security group's rules) does not void a failure
	// found elsewhere.
	if len(denies) > 0 && readsWhollyUnknown(rule, r) {
		return nil
	}
	for _, d := range denies {
		msg, path := denyParts(d)
		if path != "" && r.IsUnknown(path) {
			continue // decided by a value not known before apply
		}
		if seen[msg+"\x00"+path] {
			continue
		}
		seen[msg+"\x00"+path] = true
		f := base
		f.Status = model.StatusFail
		f.Message = msg
		if f.Message == "" {
			f.Message = rule.Title
		}
		f.Location = r.LocationOf(path)
		if path != "" {
			v, _ := valueAt(doc, path)
			f.Evidence = []model.Evidence{{Path: path, Value: plain(v)}}
		}
		if ig, ok := ignored(r, rule.ID); ok {
			f.Status = model.StatusSuppressed
			f.SuppressedBy = "inline vigil:ignore at " + ig.At.String()
			if ig.Reason != "" {
				f.SuppressedBy += ": " + ig.Reason
			}
		}
		out = append(out, f)
	}
	if len(out) == 0 && len(denies) == 0 {
		if undecided || !mayPass {
			return nil
		}
		// A pass vouches for everything the rule reads.
		for _, p := range rule.Reads {
			if r.IsUnknown(p) {
				return nil // no verdict on what could not be read
			}
		}
		f := base
		f.Status = model.StatusPass
		f.Message = "passed"
		f.Location = r.Location
		out = append(out, f)
	}
	return out
}

// readsWhollyUnknown reports whether some attribute the rule reads lies at
// or below an unknown path.
func readsWhollyUnknown(rule *Rule, r *model.Resource) bool {
	for _, p := range rule.Reads {
		if r.WhollyUnknown(p) {
			return true
		}
	}
	return false
}

func ignored(r *model.Resource, id string) (model.Ignore, bool) {
	for _, ig := range r.Ignores {
		if ig.RuleID == id || ig.RuleID == "*" || strings.EqualFold(ig.RuleID, "all") {
			return ig, true
		}
	}
	return model.Ignore{}, false
}

func denyParts(d any) (msg, path string) {
	switch v := d.(type) {
	case string:
		return v, ""
	case map[string]any:
		msg, _ = v["msg"].(string)
		path, _ = v["path"].(string)
		path = strings.TrimPrefix(path, "attributes.")
		return msg, path
	}
	return fmt.Sprint(d), ""
}

// valueAt finds the value at an attribute path in a resource document.
func valueAt(doc any, path string) (any, bool) {
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, false
	}
	cur := m["attributes"]
	for _, part := range strings.Split(path, ".") {
		name, idx := part, []int{}
		for {
			open := strings.LastIndexByte(name, '[')
			if open < 0 || !strings.HasSuffix(name, "]") {
				break
			}
			var n int
			if _, err := fmt.Sscanf(name[open+1:len(name)-1], "%d", &n); err != nil {
				return nil, false
			}
			idx = append([]int{n}, idx...)
			name = name[:open]
		}
		if name != "" {
			mm, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			cur = mm[name]
		}
		for _, n := range idx {
			l, ok := cur.([]any)
			if !ok || n < 0 || n >= len(l) {
				return nil, false
			}
			cur = l[n]
		}
	}
	return cur, true
}

// plain turns json.Number back into ordinary numbers for reports.
func plain(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	}
	return v
}

// evalKind evaluates every rule of the job's kind in one query: one
// `with input` per resource instead of one per resource and rule. It
// reports false when the query fails, and the caller falls back to one
// query per rule, which isolates the rule (and resource) at fault.
func (e *Engine) evalKind(ctx context.Context, j job, docs []any, b *batchInput) ([]model.Finding, bool) {
	q := b.env.kindAgg[j.kind]
	if q == nil {
		return nil, false
	}
	rs, err := q.Eval(ctx, append([]rego.EvalOption{rego.EvalParsedInput(b.arr)}, b.env.opts...)...)
	if err != nil {
		return nil, false
	}
	perResource := make([]map[string]any, len(j.res))
	eachIndexed(rs, len(j.res), func(i int, v any) { perResource[i], _ = v.(map[string]any) })
	out := make([]model.Finding, 0, len(j.res)*len(j.rules))
	for i, r := range j.res {
		for _, cr := range j.rules {
			if cr.sandboxed {
				continue // not in the aggregate
			}
			denies, _ := perResource[i][cr.ID].([]any)
			out = append(out, findings(cr.Rule, r, docs[i], denies, b.env.joins)...)
		}
	}
	return out, true
}

type aggregates struct {
	modules map[string]*ast.Module
	pkgs    map[string]string // kind -> package path
}

// kindAggregates generates, for each of kinds, a module whose `all`
// document maps the id of every enabled rule of that kind to its deny set.
func kindAggregates(rules []*Rule, kinds map[string]bool) aggregates {
	byKind := map[string][]*Rule{}
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		for _, k := range r.Kinds {
			if !kinds[k] {
				continue
			}
			byKind[k] = append(byKind[k], r)
		}
	}
	out := aggregates{modules: map[string]*ast.Module{}, pkgs: map[string]string{}}
	for n, k := range keysOf(byKind) {
		pkg := fmt.Sprintf("vigil_internal.kinds.k%d", n)
		var b strings.Builder
		fmt.Fprintf(&b, "package %s\n\nall := {\n", pkg)
		for _, r := range byKind[k] {
			fmt.Fprintf(&b, "\t%q: data.%s.deny,\n", r.ID, r.Package)
		}
		b.WriteString("}\n")
		m, err := ast.ParseModuleWithOpts(pkg+".rego", b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			continue // the per-rule path still works
		}
		out.modules["internal:"+pkg] = m
		out.pkgs[k] = pkg
	}
	return out
}
