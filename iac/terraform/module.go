package terraform

import (
	"os"
	"path/filepath"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/zclconf/go-cty/cty"
)

// callState is one module block of a module instance, expanded into child
// module instances.
type callState struct {
	state    int
	exp      expansion
	children []*scope // nil entries never occur; empty when the source is missing
	missing  bool
}

func (sc *scope) call(name string) *callState {
	cs := sc.calls[name]
	if cs != nil {
		if cs.state == 1 {
			return &callState{missing: true}
		}
		return cs
	}
	cs = &callState{state: 1}
	sc.calls[name] = cs
	defer func() { cs.state = 2 }()
	c := sc.cfg.callByKey[name]
	if c == nil {
		cs.missing = true
		return cs
	}
	dir, ok := sc.resolveSource(c)
	if !ok {
		cs.missing = true
		return cs
	}
	if sc.ancestors[dir] {
		sc.s.errs = append(sc.s.errs, file.Errorf(c.rng.Filename, c.rng.Start.Line, "module %q calls itself (directly or indirectly); not evaluated", name))
		cs.missing = true
		return cs
	}
	if sc.depth+1 > maxModuleDepth {
		sc.s.errs = append(sc.s.errs, file.Errorf(c.rng.Filename, c.rng.Start.Line, "module %q nests deeper than %d levels; not evaluated", name, maxModuleDepth))
		cs.missing = true
		return cs
	}
	if sc.s.modInsts >= maxInstances {
		sc.s.warnOnce("modules", file.Errorf(c.rng.Filename, c.rng.Start.Line,
			"more than %d module instances in this scan; from here on they are not evaluated", maxInstances))
		cs.missing = true
		return cs
	}
	if !sc.s.enter(c.rng) {
		cs.missing = true
		return cs
	}
	defer func() { sc.s.chain-- }()
	cfg := sc.s.loadModule(dir)
	cs.exp = sc.expand(c.count, c.forEach, c.rng)
	anc := make(map[string]bool, len(sc.ancestors)+1)
	for k := range sc.ancestors {
		anc[k] = true
	}
	anc[dir] = true
	modPath := "module." + name
	keyPath := name
	if sc.modPath != "" {
		modPath = sc.modPath + "." + modPath
		keyPath = sc.keyPath + "." + name
	}
	for i, key := range cs.exp.keys {
		if sc.s.modInsts >= maxInstances {
			sc.s.warnOnce("modules", file.Errorf(c.rng.Filename, c.rng.Start.Line,
				"more than %d module instances in this scan; from here on they are not evaluated", maxInstances))
			break
		}
		sc.s.modInsts++
		ch := newScope(sc.s, cfg)
		ch.modPath = modPath
		ch.addrPrefix = sc.addrPrefix + "module." + name + keySuffix(key) + "."
		ch.keyPath = keyPath
		ch.depth = sc.depth + 1
		ch.rootDir = sc.rootDir
		ch.ancestors = anc
		ch.installed = sc.installed
		ch.parent = sc
		ch.parentIter = cs.exp.iters[i]
		ch.inputs = c.inputs
		ch.finish()
		cs.children = append(cs.children, ch)
	}
	// Fewer children when the bound cut them: module.x holds those.
	cs.exp.keys, cs.exp.iters = cs.exp.keys[:len(cs.children)], cs.exp.iters[:len(cs.children)]
	return cs
}

// resolveSource finds the directory of a module call: local paths relative
// to the calling module, anything else through what terraform init
// recorded in .terraform/modules/modules.json. A missing source is
// reported at the module block; its outputs are unknown.
func (sc *scope) resolveSource(c *moduleCall) (string, bool) {
	var dir string
	if isLocalSource(c.source) {
		dir = filepath.Clean(filepath.Join(sc.cfg.dir, c.source))
	} else {
		key := c.name
		if sc.keyPath != "" {
			key = sc.keyPath + "." + c.name
		}
		dir = sc.installed[key]
	}
	if dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, true
		}
	}
	what := "source " + c.source
	if c.source == "" {
		what = "no source"
	}
	key := "mod:" + c.rng.String()
	if !sc.s.warned[key] {
		sc.s.warned[key] = true
		sc.s.errs = append(sc.s.errs, &ModuleNotFoundError{Module: c.name, Source: c.source,
			Err: file.Errorf(c.rng.Filename, c.rng.Start.Line,
				"module %q (%s) not found locally (run terraform init); its resources are not scanned and its outputs are unknown", c.name, what)})
	}
	return "", false
}

// ModuleNotFoundError is a module call whose source is not on disk. The
// scan counts it among what it could not judge; it unwraps to the
// *file.Error that says where.
type ModuleNotFoundError struct {
	Module, Source string
	Err            *file.Error
}

func (e *ModuleNotFoundError) Error() string { return e.Err.Error() }
func (e *ModuleNotFoundError) Unwrap() error { return e.Err }

// moduleValue is module.NAME as expressions see it: an object of the
// outputs read (outs nil = all), a tuple under count, an object under
// for_each.
func (sc *scope) moduleValue(name string, outs map[string]bool) cty.Value {
	cs := sc.call(name)
	if cs.missing {
		return cty.DynamicVal
	}
	vals := make([]cty.Value, 0, len(cs.children))
	for _, ch := range cs.children {
		m := map[string]cty.Value{}
		if outs == nil {
			for n := range ch.cfg.outputs {
				m[n] = ch.output(n)
			}
		} else {
			for n := range outs {
				if ch.cfg.outputs[n] != nil {
					m[n] = ch.output(n)
				}
			}
		}
		vals = append(vals, cty.ObjectVal(m))
	}
	return composite(cs.exp, vals)
}
