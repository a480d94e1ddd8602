package aws

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
)

// recorded collects every operation any test's collection sent, so that
// after the run the least-privilege policy can be checked against all of
// them.
var recorded = NewOperationRecorder()

var updatePolicy = flag.Bool("update-iam-policy", false, "rewrite docs/aws-iam-policy.json from the operations the tests' collections sent")

const policyPath = "../../docs/aws-iam-policy.json"

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	moto.StopShared()
	if code == 0 {
		if err := checkPolicy(); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL: least privilege:", err)
			code = 1
		}
	}
	os.Exit(code)
}

type iamPolicy struct {
	Version   string         `json:"Version"`
	Statement []iamStatement `json:"Statement"`
}

type iamStatement struct {
	Sid      string   `json:"Sid"`
	Effect   string   `json:"Effect"`
	Action   []string `json:"Action"`
	Resource string   `json:"Resource"`
}

// checkPolicy fails when the collector called an operation whose IAM action
// docs/aws-iam-policy.json does not grant, or when the file grants anything
// that is not read-only.
func checkPolicy() error {
	called := map[string]bool{}
	for op := range recorded.Operations() {
		svc, name := splitOp(op)
		called[IAMAction(svc, name)] = true
	}
	// The identity that runs the scan assumes the audit role; the role
	// itself (what this file describes) never needs sts:AssumeRole. The
	// README documents it for the scanning identity.
	delete(called, "sts:AssumeRole")
	var doc iamPolicy
	b, err := os.ReadFile(policyPath)
	if err == nil {
		err = json.Unmarshal(b, &doc)
	}
	if err != nil && !*updatePolicy {
		return fmt.Errorf("reading %s: %v", policyPath, err)
	}
	granted := map[string]bool{}
	for _, st := range doc.Statement {
		for _, a := range st.Action {
			granted[a] = true
		}
	}
	if *updatePolicy {
		for a := range called {
			granted[a] = true
		}
		actions := make([]string, 0, len(granted))
		for a := range granted {
			actions = append(actions, a)
		}
		sort.Strings(actions)
		doc = iamPolicy{Version: "2012-10-17", Statement: []iamStatement{{Sid: "VigilReadOnlyCollection", Effect: "Allow", Action: actions, Resource: "*"}}}
		out, _ := json.MarshalIndent(doc, "", "  ")
		return os.WriteFile(policyPath, append(out, '\n'), 0o644)
	}
	var missing, writes []string
	for a := range called {
		if !granted[a] {
			missing = append(missing, a)
		}
	}
	for a := range granted {
		if !readOnlyAction(a) {
			writes = append(writes, a)
		}
	}
	sort.Strings(missing)
	sort.Strings(writes)
	if len(missing) > 0 {
		return fmt.Errorf("%s does not grant %v, which the collector calls (go test ./collect/aws -update-iam-policy)", policyPath, missing)
	}
	if len(writes) > 0 {
		return fmt.Errorf("%s grants actions that are not read-only: %v", policyPath, writes)
	}
	return nil
}

func splitOp(op string) (string, string) {
	for i := len(op) - 1; i >= 0; i-- {
		if op[i] == ':' {
			return op[:i], op[i+1:]
		}
	}
	return op, ""
}
