package terraform

import (
	"encoding/base64"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/go-cty-funcs/cidr"
	"github.com/hashicorp/go-cty-funcs/crypto"
	"github.com/hashicorp/go-cty-funcs/encoding"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// baseFuncs are the functions that do not depend on the module's place on
// disk; built once.
var baseFuncs = map[string]function.Function{
	"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc, "log": stdlib.LogFunc,
	"max": stdlib.MaxFunc, "min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc,
	"signum": stdlib.SignumFunc,

	"chomp": stdlib.ChompFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
	"indent": stdlib.IndentFunc, "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc, "upper": stdlib.UpperFunc,
	"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "split": stdlib.SplitFunc,
	"strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc,
	"trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
	"trimspace": stdlib.TrimSpaceFunc,

	"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
	"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
	"distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc,
	"index": stdlib.IndexFunc, "keys": stdlib.KeysFunc, "lookup": stdlib.LookupFunc, "merge": stdlib.MergeFunc,
	"range": stdlib.RangeFunc, "reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
	"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc,
	"slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,

	"csvdecode": stdlib.CSVDecodeFunc, "jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc,
	"formatdate": stdlib.FormatDateFunc, "timeadd": stdlib.TimeAddFunc,

	"base64encode": encoding.Base64EncodeFunc, "base64decode": encoding.Base64DecodeFunc, "urlencode": encoding.URLEncodeFunc,
	"cidrhost": cidr.HostFunc, "cidrnetmask": cidr.NetmaskFunc, "cidrsubnet": cidr.SubnetFunc, "cidrsubnets": cidr.SubnetsFunc,
	"md5": crypto.Md5Func, "sha1": crypto.Sha1Func, "sha256": crypto.Sha256Func, "sha512": crypto.Sha512Func,

	"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,

	"tostring": toFunc(cty.String), "tonumber": toFunc(cty.Number), "tobool": toFunc(cty.Bool),
	"tolist": toFunc(cty.List(cty.DynamicPseudoType)), "toset": toFunc(cty.Set(cty.DynamicPseudoType)),
	"tomap": toFunc(cty.Map(cty.DynamicPseudoType)),

	"length": lengthFunc, "replace": replaceFunc, "startswith": prefixFunc(strings.HasPrefix),
	"endswith": prefixFunc(strings.HasSuffix), "strcontains": prefixFunc(strings.Contains),
	"sensitive": identityFunc, "nonsensitive": identityFunc, "one": oneFunc,
	"alltrue": boolsFunc(true), "anytrue": boolsFunc(false), "sum": sumFunc,
	"basename": stringFunc(path.Base), "dirname": stringFunc(path.Dir),
	// Values only apply knows.
	"timestamp": unknownFunc(cty.String), "uuid": unknownFunc(cty.String), "bcrypt": unknownFunc(cty.String),
	"plantimestamp": unknownFunc(cty.String),
}

// unguarded functions take expressions, not values (hclsyntax hands them
// closures by their parameter type), so they cannot be wrapped; they do
// no work of their own.
var unguarded = map[string]bool{"try": true, "can": true}

// guardedBase is baseFuncs wrapped by guard, with the internal functions
// instrument inserts; built once per scan.
func (s *scanner) guardedBase() map[string]function.Function {
	if s.base != nil {
		return s.base
	}
	s.base = make(map[string]function.Function, len(baseFuncs)+len(s.internal))
	for k, v := range baseFuncs {
		if !unguarded[k] {
			v = s.guard(k, v)
		}
		s.base[k] = v
	}
	for k, v := range s.internal {
		s.base[k] = v
	}
	return s.base
}

// functions returns the function table of a module: the base functions
// plus file functions that resolve paths like Terraform (relative to the
// root module) and read only inside the scan root or the module. Tables
// are shared by the instances of a module.
func (s *scanner) functions(rootDir, modDir string) map[string]function.Function {
	key := rootDir + "\x00" + modDir
	if fs, ok := s.funcTables[key]; ok {
		return fs
	}
	base := s.guardedBase()
	fs := make(map[string]function.Function, len(base)+5)
	for k, v := range base {
		fs[k] = v
	}
	abs := func(p string) string {
		if !filepath.IsAbs(p) {
			p = filepath.Join(rootDir, p)
		}
		return filepath.Clean(p)
	}
	read := func(name string) ([]byte, error) {
		p := abs(name)
		if !within(s.root, p) && !within(modDir, p) {
			return nil, errOutside
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() || st.Size() > s.maxSize {
			return nil, errTooBig
		}
		return os.ReadFile(p)
	}
	fs["file"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), nil
			}
			if file.CheckText("", b) != nil {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(string(b)), nil
		},
	})
	fs["filebase64"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
		},
	})
	fs["fileexists"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			_, err := read(args[0].AsString())
			return cty.BoolVal(err == nil), nil
		},
	})
	fs["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := read(args[0].AsString())
			if err != nil || !args[1].IsWhollyKnown() || !args[1].CanIterateElements() {
				return cty.DynamicVal, nil
			}
			if e := file.CheckShape(s.rel(abs(args[0].AsString())), b, file.HCLTemplate); e != nil {
				return cty.NilVal, limitError(e.Error())
			}
			tmpl, diags := hclsyntax.ParseTemplate(b, args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.DynamicVal, nil
			}
			instrument(tmpl)
			vars := map[string]cty.Value{}
			for it := args[1].ElementIterator(); it.Next(); {
				k, v := it.Element()
				if k.Type() == cty.String {
					vars[k.AsString()] = v
				}
			}
			// No file functions inside templates: no recursion.
			v, diags := tmpl.Value(&hcl.EvalContext{Variables: vars, Functions: s.guardedBase()})
			if _, le, ok := limitFrom(diags); ok {
				return cty.NilVal, le
			}
			if diags.HasErrors() {
				return cty.DynamicVal, nil
			}
			return v, nil
		},
	})
	for _, k := range []string{"file", "filebase64", "fileexists", "templatefile"} {
		fs[k] = s.guard(k, fs[k])
	}
	s.funcTables[key] = fs
	return fs
}

type fnError string

func (e fnError) Error() string { return string(e) }

const (
	errOutside = fnError("path is outside the scanned directory")
	errTooBig  = fnError("file too large")
)

func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

func toFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true}},
		Type: func(args []cty.Value) (cty.Type, error) {
			if !args[0].IsKnown() && args[0].Type() == cty.DynamicPseudoType {
				return cty.DynamicPseudoType, nil
			}
			c, err := fastConvert(args[0], ty)
			if err != nil {
				return cty.NilType, err
			}
			return c.Type(), nil
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if retType == cty.DynamicPseudoType {
				return cty.DynamicVal, nil
			}
			return fastConvert(args[0], retType)
		},
	})
}

var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type() == cty.String {
			if !v.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			return stdlib.Strlen(v)
		}
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if !v.CanIterateElements() {
			return cty.NilVal, fnError("argument must be a string, a collection type, or a structural type")
		}
		return v.Length(), nil
	},
})

// replaceFunc is Terraform's replace: a substring wrapped in slashes is a
// regular expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/' {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(re.ReplaceAllString(str, rep)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, rep)), nil
	},
})

func prefixFunc(f func(s, p string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

func stringFunc(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() {
			return cty.NilVal, fnError("must be a list, set or tuple")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, fnError("must have no more than one element")
	},
})

func boolsFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if !e.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				if !e.IsNull() && e.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Number)}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		total := cty.NumberIntVal(0)
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if e.IsNull() {
				return cty.NilVal, fnError("null element")
			}
			total = total.Add(e)
		}
		return total, nil
	},
})

func unknownFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
		Type:     function.StaticReturnType(ty),
		Impl:     func([]cty.Value, cty.Type) (cty.Value, error) { return cty.UnknownVal(ty), nil },
	})
}
