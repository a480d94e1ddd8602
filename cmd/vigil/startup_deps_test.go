package main

import (
	"os/exec"
	"strings"
	"testing"
)

// schemaTablesAllowed are the AWS SDK schema packages the binary may link:
// the sign-in and SSO clients that aws-sdk-go-v2/config itself requires, too
// small to matter (under 1 ms of start-up together).
var schemaTablesAllowed = map[string]bool{
	"github.com/aws/aws-sdk-go-v2/service/signin/schemas":  true,
	"github.com/aws/aws-sdk-go-v2/service/sso/schemas":     true,
	"github.com/aws/aws-sdk-go-v2/service/ssooidc/schemas": true,
}

// TestNoAWSSchemaTablesLinked keeps every `vigil` start cheap. AWS SDK
// service modules released since August 2026 build their whole API model as
// package variables at process start ("schema-based (de)serialization"):
// 27 of the services Vigil reads cost 75-120 ms and 19 MB before main ran,
// on every scan, Terraform-only ones included. go.mod pins those service
// modules to their last release before the change; this test fails when an
// upgrade (go get -u) brings a schema table back, so the pin is not lost
// silently. Unpin a service when the SDK builds its tables lazily.
func TestNoAWSSchemaTablesLinked(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/aws/aws-sdk-go-v2/") && strings.HasSuffix(pkg, "/schemas") && !schemaTablesAllowed[pkg] {
			t.Errorf("vigil links %s: its module builds the service's API model at every process start; pin the module to its last release before \"Enable schema-based (de)serialization\" (see its CHANGELOG.md)", pkg)
		}
	}
}

// TestLinkerKeepsOnlyUsedMethods keeps the linker's dead-method elimination
// on. When anything in the binary may call reflect's Method or MethodByName
// with a name not known at build time (text/template and html/template do
// as soon as a template is executed, cobra's SetVersionTemplate and
// SetUsageTemplate among them), the linker must keep every exported method
// of every reachable type: each AWS client's hundreds of operations the
// collector never calls. That tripled the binary (98 MB to 348 MB) and
// added 10 ms of page faults and itab set-up to every start. The linker's
// dependency dump marks such a caller <ReflectMethod>; this test fails on
// one and names it.
func TestLinkerKeepsOnlyUsedMethods(t *testing.T) {
	if testing.Short() {
		t.Skip("links the binary")
	}
	out, err := exec.Command("go", "build", "-ldflags=-dumpdep", "-o", t.TempDir()+"/vigil", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -ldflags=-dumpdep: %v\n%.2000s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if from, _, ok := strings.Cut(line, " -> "); ok && strings.Contains(from, "<ReflectMethod>") {
			t.Errorf("%s may call a method by a name known only at run time, so the linker keeps every exported method in the binary; find who reaches it (go build -ldflags=-dumpdep) and avoid it (e.g. no text/template or html/template Execute)", strings.TrimSuffix(from, " <ReflectMethod>"))
		}
	}
}
