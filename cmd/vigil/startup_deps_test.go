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
