package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/zclconf/go-cty/cty"
)

// varSource is one file of variable values (terraform.tfvars, -var-file).
type varSource map[string]hcl.Expression

// loadVarFiles reads the -var-file files, in order.
func (s *scanner) loadVarFiles() []varSource {
	var out []varSource
	for _, p := range s.opts.VarFiles {
		if vs := s.loadVarFile(p, p); vs != nil {
			out = append(out, vs)
		}
	}
	return out
}

func (s *scanner) loadVarFile(path, name string) varSource {
	data, err := os.ReadFile(path)
	if err != nil {
		s.errs = append(s.errs, file.Errorf(name, 0, "cannot read variables file: %v", err))
		return nil
	}
	if int64(len(data)) > s.maxSize {
		s.errs = append(s.errs, file.Errorf(name, 0, "variables file exceeds %d bytes; skipped", s.maxSize))
		return nil
	}
	isJSON := strings.HasSuffix(path, ".json")
	if e := checkInput(name, data, isJSON); e != nil {
		s.errs = append(s.errs, e)
		return nil
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if isJSON {
		f, diags = hcljson.Parse(data, name)
	} else {
		var warn *file.Error
		f, diags, warn = parseNative(data, name)
		if warn != nil {
			s.errs = append(s.errs, warn)
		}
		if b, ok := f.Body.(*hclsyntax.Body); ok && !diags.HasErrors() {
			instrument(b)
		}
	}
	s.report(diags)
	if f == nil || f.Body == nil {
		return nil
	}
	attrs, diags := f.Body.JustAttributes()
	s.report(diags)
	vs := varSource{}
	for n, a := range attrs {
		vs[n] = a.Expr
	}
	return vs
}

// rootVarValues gathers the values given to a root module's variables, in
// Terraform's precedence: terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars(.json) in lexical order, -var-file, -var; later wins.
func (s *scanner) rootVarValues(m *moduleConfig, global []varSource) map[string]cty.Value {
	var sources []varSource
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		p := filepath.Join(m.dir, n)
		if _, err := os.Stat(p); err == nil {
			if vs := s.loadVarFile(p, s.rel(p)); vs != nil {
				sources = append(sources, vs)
			}
		}
	}
	if entries, err := os.ReadDir(m.dir); err == nil {
		var auto []string
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				auto = append(auto, n)
			}
		}
		sort.Strings(auto)
		for _, n := range auto {
			p := filepath.Join(m.dir, n)
			if vs := s.loadVarFile(p, s.rel(p)); vs != nil {
				sources = append(sources, vs)
			}
		}
	}
	sources = append(sources, global...)
	out := map[string]cty.Value{}
	for _, vs := range sources {
		for n, expr := range vs {
			if m.variables[n] == nil {
				continue
			}
			v, diags := expr.Value(s.literalCtx())
			if diags.HasErrors() {
				s.report(diags)
				continue
			}
			if err := checkValue(v); err != nil {
				s.errs = append(s.errs, file.Errorf(expr.Range().Filename, expr.Range().Start.Line, "var.%s: %v; treated as unknown", n, err))
				v = cty.DynamicVal
			}
			out[n] = v
		}
	}
	for n, raw := range s.opts.Vars {
		if d := m.variables[n]; d != nil {
			out[n] = parseCLIVar(d, raw)
		}
	}
	return out
}

// parseCLIVar reads a -var value as Terraform does: a literal string for
// variables of primitive (or no) type, an HCL expression otherwise.
func parseCLIVar(d *variableDecl, raw string) cty.Value {
	if d.typ != nil {
		if ty, _, diags := typeConstraint(d.typ); !diags.HasErrors() && !ty.IsPrimitiveType() && ty != cty.DynamicPseudoType {
			if expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value for var."+d.name+">", hcl.InitialPos); !diags.HasErrors() {
				if v, diags := expr.Value(nil); !diags.HasErrors() {
					return v
				}
			}
		}
	}
	return cty.StringVal(raw)
}

// typeConstraint parses a variable's type expression.
func typeConstraint(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, hcl.Diagnostics) {
	ty, defs, diags := typeexpr.TypeConstraintWithDefaults(expr)
	return ty, defs, diags
}
