package aws

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestCloudFormationCollector(t *testing.T) {
	w := fragmentWorld(t, "cloudformation")
	res, srv := collect(t, w, "cloudformation")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	// Three stacks at two a page in us-east-1, and the other regions' one
	// empty page each.
	if n := srv.Stats().Operations["cloudformation:DescribeStacks"]; n < 3 {
		t.Errorf("DescribeStacks calls: %d, want the two pages of us-east-1 and one per other region", n)
	}
	stacks := byKind(res.Resources)["aws.cloudformation.stack"]
	if len(stacks) != 2 || stacks["old-batch"] != nil {
		t.Fatalf("stacks (the deleted one left out): %v", stacks)
	}
	web, ci := stacks["web"], stacks["ci-runner"]
	if web == nil || ci == nil {
		t.Fatalf("stacks: %v", stacks)
	}
	if a := web.Attributes.(*model.CloudFormationStack); a.Status != "UPDATE_COMPLETE" || len(a.SecretsInParameters) != 0 || len(a.SecretsInOutputs) != 0 {
		t.Errorf("web: %+v", a)
	}
	a := ci.Attributes.(*model.CloudFormationStack)
	if !reflect.DeepEqual(a.SecretsInParameters, []model.SecretFinding{{Kind: "github-pat", Location: "parameter GitHubToken"}}) ||
		!reflect.DeepEqual(a.SecretsInOutputs, []model.SecretFinding{{Kind: "slack-bot-token", Location: "output NotifyToken"}}) {
		t.Errorf("ci-runner: %+v", a)
	}
	if web.Tags["team"] != "web" || !strings.HasPrefix(ci.ID, "arn:aws:cloudformation:us-east-1:111111111111:stack/ci-runner/") {
		t.Errorf("identity: %+v / %+v", web, ci)
	}
	for _, r := range res.Resources {
		b, _ := json.Marshal(r)
		for _, v := range []string{"ghp_4eK9", "xoxb-1234", "t3.small", "web.example.com"} {
			if strings.Contains(string(b), v) {
				t.Errorf("%s keeps a parameter or output value (%s): %s", r.ID, v, b)
			}
		}
		if !strings.Contains(string(b), "GitHubToken") && r.Name == "ci-runner" {
			t.Errorf("raw lost the parameter keys: %s", b)
		}
	}
}
