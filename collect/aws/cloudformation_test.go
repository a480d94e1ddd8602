package aws

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// cfnRunnerTemplate takes a token as a plain parameter and outputs
// another, as a careless template does. moto gap (5.x): it answers NoEcho
// parameters in clear where AWS masks them (****), so the masked case is
// the test cloud's (testdata/world/cloudformation.yaml).
const cfnRunnerTemplate = `{
  "Parameters": {
    "Token": {"Type": "String"}
  },
  "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}},
  "Outputs": {
    "QueueUrl": {"Value": {"Ref": "Queue"}},
    "Notify": {"Value": "` + plantedSlackBot + `"}
  }
}`

func TestCloudFormationAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := cloudformation.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	create := func(name, token string) {
		t.Helper()
		_, err := client.CreateStack(ctx, &cloudformation.CreateStackInput{StackName: aws.String(name), TemplateBody: aws.String(cfnRunnerTemplate),
			Parameters: []cfntypes.Parameter{{ParameterKey: aws.String("Token"), ParameterValue: aws.String(token)}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	create("leaky", plantedGitHubPAT)
	create("plain", "/ci/token-name")
	res := collectMoto(t, srv, []string{"cloudformation"})
	noErrors(t, res)
	stacks := byKind(res, "aws.cloudformation.stack")
	leaky, plain := stacks["leaky"], stacks["plain"]
	if leaky == nil || plain == nil {
		t.Fatalf("stacks: %v", stacks)
	}
	la, pa := leaky.Attributes.(*model.CloudFormationStack), plain.Attributes.(*model.CloudFormationStack)
	if !reflect.DeepEqual(la.SecretsInParameters, []model.SecretFinding{{Kind: "github-pat", Location: "parameter Token"}}) || len(pa.SecretsInParameters) != 0 {
		t.Errorf("parameters: %+v / %+v", la.SecretsInParameters, pa.SecretsInParameters)
	}
	// Both stacks output the same Slack token.
	want := []model.SecretFinding{{Kind: "slack-bot-token", Location: "output Notify"}}
	if !reflect.DeepEqual(la.SecretsInOutputs, want) || !reflect.DeepEqual(pa.SecretsInOutputs, want) {
		t.Errorf("outputs: %+v / %+v", la.SecretsInOutputs, pa.SecretsInOutputs)
	}
	for _, r := range res.Resources {
		if b, _ := json.Marshal(r); strings.Contains(string(b), plantedGitHubPAT) || strings.Contains(string(b), plantedSlackBot) {
			t.Errorf("%s keeps a secret: %s", r.ID, b)
		}
	}
	fails := failing(t, res.Resources)
	if !fails["leaky"]["AWS-SECRET-005"] || fails["plain"]["AWS-SECRET-005"] || !fails["plain"]["AWS-SECRET-006"] {
		t.Errorf("verdicts: %v", fails)
	}
}
