package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// ctxFor builds the evaluation context for expressions reading trs: only
// the variables, locals, resources and module outputs they name are
// evaluated and put in, so a context costs what the expression reads, not
// what the module holds.
func (sc *scope) ctxFor(trs []hcl.Traversal, it *iter) *hcl.EvalContext {
	vars := map[string]cty.Value{}
	var (
		varM, localM   map[string]cty.Value
		allVars, allLo bool
		resM           map[string]map[string]cty.Value
		dataM          map[string]map[string]cty.Value
		modOuts        map[string]map[string]bool // call -> outputs read (nil = all)
	)
	for _, tr := range trs {
		root := tr.RootName()
		switch root {
		case "var":
			if allVars {
				continue
			}
			name := attrAt(tr, 1)
			if name == "" {
				allVars = true
				continue
			}
			if varM == nil {
				varM = map[string]cty.Value{}
			}
			if _, ok := varM[name]; !ok {
				varM[name] = sc.variable(name)
			}
		case "local":
			if allLo {
				continue
			}
			name := attrAt(tr, 1)
			if name == "" {
				allLo = true
				continue
			}
			if localM == nil {
				localM = map[string]cty.Value{}
			}
			if _, ok := localM[name]; !ok {
				localM[name] = sc.local(name)
			}
		case "count":
			if it != nil && it.count != cty.NilVal {
				vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": it.count})
			}
		case "each":
			if it != nil && it.eachKey != cty.NilVal {
				vars["each"] = cty.ObjectVal(map[string]cty.Value{"key": it.eachKey, "value": it.eachVal})
			}
		case "path":
			vars["path"] = sc.pathVal
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "module":
			name := attrAt(tr, 1)
			if name == "" || sc.cfg.callByKey[name] == nil {
				continue
			}
			if modOuts == nil {
				modOuts = map[string]map[string]bool{}
			}
			outs, seen := modOuts[name]
			if seen && outs == nil {
				continue
			}
			out := outputAfterKeys(tr)
			if out == "" {
				modOuts[name] = nil
				continue
			}
			if outs == nil {
				outs = map[string]bool{}
				modOuts[name] = outs
			}
			outs[out] = true
		case "data":
			typ, name := attrAt(tr, 1), attrAt(tr, 2)
			if name == "" || sc.cfg.resByAddr["data."+typ+"."+name] == nil {
				continue
			}
			if dataM == nil {
				dataM = map[string]map[string]cty.Value{}
			}
			if dataM[typ] == nil {
				dataM[typ] = map[string]cty.Value{}
			}
			if _, ok := dataM[typ][name]; !ok {
				dataM[typ][name] = sc.resource("data." + typ + "." + name).ref
			}
		default:
			name := attrAt(tr, 1)
			if name == "" || sc.cfg.resByAddr[root+"."+name] == nil {
				continue
			}
			if resM == nil {
				resM = map[string]map[string]cty.Value{}
			}
			if resM[root] == nil {
				resM[root] = map[string]cty.Value{}
			}
			if _, ok := resM[root][name]; !ok {
				resM[root][name] = sc.resource(root + "." + name).ref
			}
		}
	}
	if allVars {
		varM = map[string]cty.Value{}
		for _, n := range sc.cfg.varOrder {
			varM[n] = sc.variable(n)
		}
	}
	if allLo {
		localM = map[string]cty.Value{}
		for n := range sc.cfg.locals {
			localM[n] = sc.local(n)
		}
	}
	if varM != nil {
		vars["var"] = cty.ObjectVal(varM)
	}
	if localM != nil {
		vars["local"] = cty.ObjectVal(localM)
	}
	for typ, m := range resM {
		vars[typ] = cty.ObjectVal(m)
	}
	if dataM != nil {
		dm := make(map[string]cty.Value, len(dataM))
		for typ, m := range dataM {
			dm[typ] = cty.ObjectVal(m)
		}
		vars["data"] = cty.ObjectVal(dm)
	}
	if modOuts != nil {
		mm := make(map[string]cty.Value, len(modOuts))
		for name, outs := range modOuts {
			mm[name] = sc.moduleValue(name, outs)
		}
		vars["module"] = cty.ObjectVal(mm)
	}
	return &hcl.EvalContext{Variables: vars, Functions: sc.funcs}
}

// attrAt is the attribute name at step i of tr, or "".
func attrAt(tr hcl.Traversal, i int) string {
	if i < len(tr) {
		if a, ok := tr[i].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// outputAfterKeys is the output name in module.x.out or module.x[0].out.
func outputAfterKeys(tr hcl.Traversal) string {
	for i := 2; i < len(tr); i++ {
		switch s := tr[i].(type) {
		case hcl.TraverseAttr:
			return s.Name
		case hcl.TraverseIndex:
			continue
		default:
			return ""
		}
	}
	return ""
}
