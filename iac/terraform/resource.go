package terraform

import (
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
	"github.com/zclconf/go-cty/cty"
)

// resState is one resource or data block of a module instance, expanded.
type resState struct {
	state int
	insts []*resInst
	ref   cty.Value // what aws_x.y evaluates to in expressions
}

type resInst struct {
	inst  *instance.Instance
	attrs map[string]cty.Value
}

// idFromAttr names the config attribute that is the resource's id for the
// types where Terraform defines it so; joins by value then still work.
var idFromAttr = map[string]string{
	"aws_s3_bucket": "bucket", "aws_iam_role": "name", "aws_iam_user": "name", "aws_iam_group": "name",
	"aws_sqs_queue": "url", "aws_sns_topic": "arn", "aws_iam_policy": "arn", "aws_kms_alias": "name",
	"aws_cloudwatch_log_group": "name", "aws_lambda_function": "function_name", "aws_ecr_repository": "name",
}

func (sc *scope) resource(addr string) *resState {
	rs := sc.resources[addr]
	if rs != nil {
		if rs.state == 1 {
			return &resState{ref: cty.DynamicVal}
		}
		return rs
	}
	rs = &resState{state: 1, ref: cty.DynamicVal}
	sc.resources[addr] = rs
	d := sc.cfg.resByAddr[addr]
	if d == nil || !sc.s.enter(d.rng) {
		rs.state = 2
		return rs
	}
	defer func() { sc.s.chain-- }()
	loc := rangeLoc(d.rng)
	holder := &model.Resource{Location: &loc}
	file.AttachIgnores(holder, d.file.ignores, d.file.comments)
	refs := sc.topRefs(d)
	exp := sc.expand(d.count, d.forEach, d.rng)
	vals := make([]cty.Value, 0, len(exp.keys))
	for i, key := range exp.keys {
		if !sc.s.countResource(d) {
			break
		}
		it := exp.iters[i]
		ctx := sc.ctxFor(d.traversals, it)
		ranges := map[string]model.Location{}
		var attrs map[string]cty.Value
		if sb, ok := d.body.(*hclsyntax.Body); ok {
			attrs = sc.evalBody(sb, ctx, "", true, ranges)
		} else {
			attrs = sc.evalJSONBody(d.body, ctx, ranges)
		}
		addr := sc.addrPrefix + d.addr + keySuffix(key)
		in := &instance.Instance{
			Address: addr, Module: sc.modPath, Mode: d.mode, Type: d.typ, Name: d.name, Key: key,
			Values: toValues(attrs), File: d.file.rel, Range: loc, AttrRanges: ranges, Refs: refs, Ignores: holder.Ignores,
		}
		rs.insts = append(rs.insts, &resInst{inst: in, attrs: attrs})
		vals = append(vals, sc.refObject(d, addr, attrs))
	}
	exp.keys, exp.iters = exp.keys[:len(vals)], exp.iters[:len(vals)] // fewer when the file's bound cut them
	rs.ref = composite(exp, vals)
	rs.state = 2
	return rs
}

// countResource counts one more instance declared in d's file; past
// file.MaxResources the file's other instances are not evaluated.
func (s *scanner) countResource(d *resourceDecl) bool {
	n := s.perFile[d.file.rel] + 1
	if n > file.MaxResources {
		s.warnOnce("resources:"+d.file.rel, file.Errorf(d.file.rel, d.rng.Start.Line,
			"more than %d resource instances in this file; from here on they are not scanned", file.MaxResources))
		return false
	}
	s.perFile[d.file.rel] = n
	return true
}

// refObject is what expressions see of one instance: its configured
// attributes, id and arn placeholders (known strings, so documents that
// interpolate them stay known), and unknown for any other attribute read.
func (sc *scope) refObject(d *resourceDecl, addr string, attrs map[string]cty.Value) cty.Value {
	obj := make(map[string]cty.Value, len(attrs)+4)
	for k, v := range attrs {
		obj[k] = v
	}
	if d.mode == "managed" {
		if _, ok := obj["id"]; !ok {
			obj["id"] = cty.StringVal(addr + ".id")
			if a := idFromAttr[d.typ]; a != "" {
				if v, ok := attrs[a]; ok {
					obj["id"] = v
				}
			}
		}
		if _, ok := obj["arn"]; !ok {
			obj["arn"] = cty.StringVal(addr + ".arn")
		}
	}
	if d.typ == "aws_iam_policy_document" && d.mode == "data" {
		j := policyDocumentJSON(attrs)
		obj["json"] = j
		obj["minified_json"] = j
	}
	for a := range sc.cfg.attrRefs[d.addr] {
		if _, ok := obj[a]; !ok {
			obj[a] = cty.DynamicVal
		}
	}
	return cty.ObjectVal(obj)
}

// evalBody evaluates a native body: attributes, nested blocks (each type a
// list of objects) and dynamic blocks, recording where each path is set.
func (sc *scope) evalBody(b *hclsyntax.Body, ctx *hcl.EvalContext, prefix string, top bool, ranges map[string]model.Location) map[string]cty.Value {
	out := make(map[string]cty.Value, len(b.Attributes)+len(b.Blocks))
	for name, a := range b.Attributes {
		if top && metaAttrs[name] {
			continue
		}
		ranges[prefix+name] = rangeLoc(a.SrcRange)
		v := sc.eval(a.Expr, ctx)
		if v.IsKnown() && v.IsNull() {
			continue
		}
		out[name] = v
	}
	blocks := map[string][]cty.Value{}
	add := func(typ string, rng hcl.Range, body *hclsyntax.Body, bctx *hcl.EvalContext) {
		if !sc.s.spend(rng) {
			return
		}
		p := prefix + typ + "[" + strconv.Itoa(len(blocks[typ])) + "]"
		loc := rangeLoc(rng)
		ranges[p] = loc
		if _, ok := ranges[prefix+typ]; !ok {
			ranges[prefix+typ] = loc
		}
		// Reserve the slot before evaluating, so nested blocks see the index.
		blocks[typ] = append(blocks[typ], cty.NilVal)
		i := len(blocks[typ]) - 1
		blocks[typ][i] = cty.ObjectVal(sc.evalBody(body, bctx, p+".", false, ranges))
	}
	for _, blk := range b.Blocks {
		if top && metaBlocks[blk.Type] {
			continue
		}
		if blk.Type == "dynamic" {
			sc.evalDynamic(blk, ctx, add)
			continue
		}
		add(blk.Type, blk.Range(), blk.Body, ctx)
	}
	for typ, objs := range blocks {
		if _, clash := out[typ]; clash {
			continue
		}
		out[typ] = cty.TupleVal(objs)
	}
	return out
}

// evalDynamic expands a dynamic block: one block per element of its
// for_each, with the iterator bound in a child context. An unknown
// for_each yields one block with an unknown iterator, so its settings are
// marked unknown rather than silently absent.
func (sc *scope) evalDynamic(blk *hclsyntax.Block, ctx *hcl.EvalContext, add func(string, hcl.Range, *hclsyntax.Body, *hcl.EvalContext)) {
	if len(blk.Labels) != 1 {
		return
	}
	label := blk.Labels[0]
	iterName := label
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
			break
		}
	}
	fe := blk.Body.Attributes["for_each"]
	if content == nil || fe == nil {
		return
	}
	if a := blk.Body.Attributes["iterator"]; a != nil {
		if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
			iterName = kw
		}
	}
	bind := func(k, v cty.Value) {
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iterName: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		add(label, content.Range(), content.Body, child)
	}
	v := sc.eval(fe.Expr, ctx)
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		bind(cty.DynamicVal, cty.DynamicVal)
		return
	}
	if v.IsNull() || !(v.CanIterateElements()) {
		return
	}
	n := 0
	for it := v.ElementIterator(); it.Next(); n++ {
		if n >= maxInstances {
			break
		}
		k, ev := it.Element()
		if v.Type().IsSetType() {
			k = ev
		}
		bind(k, ev)
	}
}

// knownMaps are attributes whose JSON object values are maps, not blocks.
var knownMaps = map[string]bool{"tags": true, "tags_all": true, "labels": true, "variables": true, "parameters": true,
	"triggers": true, "environment_variables": true, "metadata": true, "annotations": true, "default_tags": true}

// evalJSONBody evaluates a JSON-syntax body. JSON cannot tell blocks from
// attributes without the provider schema, so an object value is taken as a
// single nested block unless it is a well-known map attribute.
func (sc *scope) evalJSONBody(body hcl.Body, ctx *hcl.EvalContext, ranges map[string]model.Location) map[string]cty.Value {
	attrs, _ := body.JustAttributes()
	out := make(map[string]cty.Value, len(attrs))
	for name, a := range attrs {
		if metaAttrs[name] || metaBlocks[name] || name == "dynamic" {
			continue
		}
		ranges[name] = rangeLoc(a.Range)
		v := sc.eval(a.Expr, ctx)
		if v.IsKnown() && v.IsNull() {
			continue
		}
		if v.IsKnown() && v.Type().IsObjectType() && !knownMaps[name] {
			v = cty.TupleVal([]cty.Value{v})
		}
		out[name] = v
	}
	return out
}

// topRefs maps each top-level attribute (and nested block type) to the
// resources its expressions read, following locals.
func (sc *scope) topRefs(d *resourceDecl) map[string][]string {
	out := map[string][]string{}
	addExpr := func(name string, expr hcl.Expression) {
		set := map[string]bool{}
		for _, tr := range sc.s.traversals(expr) {
			sc.traversalRefs(tr, set, 0)
		}
		for a := range set {
			out[name] = append(out[name], a)
		}
	}
	if sb, ok := d.body.(*hclsyntax.Body); ok {
		for name, a := range sb.Attributes {
			if !metaAttrs[name] {
				addExpr(name, a.Expr)
			}
		}
	} else {
		attrs, _ := d.body.JustAttributes()
		for name, a := range attrs {
			if !metaAttrs[name] {
				addExpr(name, a.Expr)
			}
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

// traversalRefs adds to set the resource addresses a traversal reads,
// directly or through locals (depth locals deep so far).
func (sc *scope) traversalRefs(tr hcl.Traversal, set map[string]bool, depth int) {
	prefix := ""
	if sc.modPath != "" {
		prefix = sc.modPath + "."
	}
	switch root := tr.RootName(); root {
	case "local":
		for _, a := range sc.localRefs(attrAt(tr, 1), depth+1) {
			set[a] = true
		}
	case "data":
		if a := "data." + attrAt(tr, 1) + "." + attrAt(tr, 2); sc.cfg.resByAddr[a] != nil {
			set[prefix+a] = true
		}
	default:
		if a := root + "." + attrAt(tr, 1); sc.cfg.resByAddr[a] != nil {
			set[prefix+a] = true
		}
	}
}

// localRefs follows locals reading locals at most maxRefChain deep: each
// link recurses.
func (sc *scope) localRefs(name string, depth int) []string {
	if r, ok := sc.refCache[name]; ok {
		return r
	}
	a := sc.cfg.locals[name]
	if a == nil || sc.refBusy[name] || depth > maxRefChain {
		return nil
	}
	sc.refBusy[name] = true
	set := map[string]bool{}
	for _, tr := range sc.s.traversals(a.Expr) {
		sc.traversalRefs(tr, set, depth)
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	sc.refCache[name] = out
	delete(sc.refBusy, name)
	return out
}

func rangeLoc(r hcl.Range) model.Location {
	return model.Location{File: r.Filename, StartLine: r.Start.Line, EndLine: r.End.Line}
}
