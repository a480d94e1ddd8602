package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryKindHasAHandle: each registered kind comes from one exported
// package-level handle (var KindX = NewKind[T]("name", ...)), and every
// handle is registered, so sources can name every kind without a literal.
// A handle's name is Kind + its struct when the struct has one kind.
func TestEveryKindHasAHandle(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	handles := map[string]string{} // kind name -> handle variable
	structKinds := map[string]int{}
	type decl struct{ handle, kind, attrs string }
	var decls []decl
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Every NewKind call must be the value of a top-level var.
		atTop := map[*ast.CallExpr]decl{}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if len(vs.Names) != 1 || len(vs.Values) != 1 {
					continue
				}
				call, ok := vs.Values[0].(*ast.CallExpr)
				if !ok {
					continue
				}
				ix, ok := call.Fun.(*ast.IndexExpr)
				if !ok || !isIdent(ix.X, "NewKind") {
					continue
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: %s: kind name is not a literal", fset.Position(call.Pos()), vs.Names[0].Name)
					continue
				}
				name, _ := strconv.Unquote(lit.Value)
				attrs, _ := ix.Index.(*ast.Ident)
				if attrs == nil {
					t.Errorf("%s: %s: attribute type is not a local struct", fset.Position(call.Pos()), name)
					continue
				}
				atTop[call] = decl{vs.Names[0].Name, name, attrs.Name}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if ix, ok := call.Fun.(*ast.IndexExpr); ok && isIdent(ix.X, "NewKind") {
				d, ok := atTop[call]
				if !ok {
					t.Errorf("%s: NewKind outside a package-level var of its own", fset.Position(call.Pos()))
					return true
				}
				decls = append(decls, d)
				structKinds[d.attrs]++
			}
			return true
		})
	}
	for _, d := range decls {
		if !strings.HasPrefix(d.handle, "Kind") || !ast.IsExported(d.handle) {
			t.Errorf("handle %s of %s: want an exported Kind... name", d.handle, d.kind)
		}
		if structKinds[d.attrs] == 1 && d.handle != "Kind"+d.attrs {
			t.Errorf("handle of %s is %s, want Kind%s (named after its struct)", d.kind, d.handle, d.attrs)
		}
		if prev, dup := handles[d.kind]; dup {
			t.Errorf("kind %s has two handles: %s and %s", d.kind, prev, d.handle)
		}
		handles[d.kind] = d.handle
	}
	for _, k := range Kinds() {
		if _, ok := handles[k.Name]; !ok {
			t.Errorf("kind %s is registered without a handle", k.Name)
		}
	}
	if len(handles) != len(Kinds()) {
		t.Errorf("%d handles, %d registered kinds", len(handles), len(Kinds()))
	}
	if len(handles) < 60 {
		t.Errorf("found only %d handles: is the parse missing files?", len(handles))
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func TestKindHandle(t *testing.T) {
	b := &S3Bucket{Name: "logs"}
	r := KindS3Bucket.Resource("arn:aws:s3:::logs", b)
	if r.Kind != "aws.s3.bucket" || KindS3Bucket.String() != "aws.s3.bucket" {
		t.Fatalf("kind %q / %q", r.Kind, KindS3Bucket)
	}
	if got, ok := KindS3Bucket.Attrs(r); !ok || got != b {
		t.Fatalf("Attrs = %v, %v", got, ok)
	}
	// Same struct, other kind; and right kind, wrong struct.
	if _, ok := KindKubernetesPod.Attrs(KindKubernetesDeployment.Resource("d", &KubernetesWorkload{})); ok {
		t.Error("a deployment read as a pod")
	}
	if _, ok := KindS3Bucket.Attrs(&Resource{Kind: "aws.s3.bucket", Attributes: &SQSQueue{}}); ok {
		t.Error("an SQS struct read as a bucket")
	}
	if _, ok := KindS3Bucket.Attrs(&Resource{Kind: "aws.s3.bucket"}); ok {
		t.Error("a bucket without attributes read")
	}
	ka := KindSQSQueue.With(&SQSQueue{})
	if _, ok := ka.Attrs().(*SQSQueue); !ok || ka.Kind() != "aws.sqs.queue" {
		t.Errorf("With = %q %T", ka.Kind(), ka.Attrs())
	}
	if k, ok := LookupKind("aws.sqs.queue"); !ok {
		t.Error("aws.sqs.queue not registered")
	} else if _, ok := k.New().(*SQSQueue); !ok {
		t.Errorf("New() = %T", k.New())
	}
	defer func() {
		if recover() == nil {
			t.Error("Must on a resource of another kind did not panic")
		}
	}()
	KindS3Bucket.Must(KindSQSQueue.Resource("q", &SQSQueue{}))
}

func TestNewKindRefusesDuplicates(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a kind registered twice did not panic")
		}
	}()
	NewKind[S3Bucket]("aws.s3.bucket", "again")
}

// TestSourcesNameKindsByHandle: the sources, adapters, drift and scan name
// kinds through handles, so a misspelled kind cannot compile; a kind
// string literal in their non-test code is a regression. (Rules keep
// string kinds: they are data, checked by policies.)
func TestSourcesNameKindsByHandle(t *testing.T) {
	names := map[string]bool{}
	for _, k := range Kinds() {
		names[k.Name] = true
	}
	fset := token.NewFileSet()
	seen := 0
	for _, dir := range []string{"../collect", "../iac", "../drift", "../scan"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			seen++
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && names[s] {
						t.Errorf("%s: kind literal %s: use its model.Kind... handle", fset.Position(lit.Pos()), lit.Value)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if seen < 100 {
		t.Errorf("read only %d source files", seen)
	}
}
