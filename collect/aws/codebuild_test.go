package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	cbtypes "github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedCodeBuild creates a privileged project with an AWS key and a Slack
// bot token (planted, valid nowhere) in PLAINTEXT variables, a password
// in its source URL, no logs and unencrypted artifacts; and one built as
// it should be.
func seedCodeBuild(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := codebuild.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateProject(ctx, &codebuild.CreateProjectInput{Name: aws.String("legacy"),
		ServiceRole: aws.String("arn:aws:iam::123456789012:role/codebuild-legacy"),
		Source:      &cbtypes.ProjectSource{Type: cbtypes.SourceTypeBitbucket, Location: aws.String("https://deploy:Winter2024Release@bitbucket.org/example/legacy.git")},
		Artifacts:   &cbtypes.ProjectArtifacts{Type: cbtypes.ArtifactsTypeS3, Location: aws.String("legacy-artifacts"), EncryptionDisabled: aws.Bool(true)},
		Environment: &cbtypes.ProjectEnvironment{Type: cbtypes.EnvironmentTypeLinuxContainer, Image: aws.String("aws/codebuild/standard:7.0"),
			ComputeType: cbtypes.ComputeTypeBuildGeneral1Small, PrivilegedMode: aws.Bool(true),
			EnvironmentVariables: []cbtypes.EnvironmentVariable{
				{Name: aws.String("AWS_ACCESS_KEY_ID"), Value: aws.String("AKIAZQ3DRSTUVWXY2345"), Type: cbtypes.EnvironmentVariableTypePlaintext},
				{Name: aws.String("SLACK_TOKEN"), Value: aws.String("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"), Type: cbtypes.EnvironmentVariableTypePlaintext},
			}},
		LogsConfig: &cbtypes.LogsConfig{CloudWatchLogs: &cbtypes.CloudWatchLogsConfig{Status: cbtypes.LogsConfigStatusTypeDisabled},
			S3Logs: &cbtypes.S3LogsConfig{Status: cbtypes.LogsConfigStatusTypeDisabled}},
	}))
	must(client.CreateProject(ctx, &codebuild.CreateProjectInput{Name: aws.String("web"),
		ServiceRole: aws.String("arn:aws:iam::123456789012:role/codebuild-web"),
		Source:      &cbtypes.ProjectSource{Type: cbtypes.SourceTypeGithub, Location: aws.String("https://github.com/example/web.git")},
		Artifacts:   &cbtypes.ProjectArtifacts{Type: cbtypes.ArtifactsTypeS3, Location: aws.String("web-artifacts")},
		Environment: &cbtypes.ProjectEnvironment{Type: cbtypes.EnvironmentTypeLinuxContainer, Image: aws.String("aws/codebuild/standard:7.0"),
			ComputeType: cbtypes.ComputeTypeBuildGeneral1Small,
			EnvironmentVariables: []cbtypes.EnvironmentVariable{
				{Name: aws.String("STAGE"), Value: aws.String("prod"), Type: cbtypes.EnvironmentVariableTypePlaintext},
				{Name: aws.String("SLACK_TOKEN"), Value: aws.String("web/slack"), Type: cbtypes.EnvironmentVariableTypeSecretsManager},
			}},
		LogsConfig: &cbtypes.LogsConfig{CloudWatchLogs: &cbtypes.CloudWatchLogsConfig{Status: cbtypes.LogsConfigStatusTypeEnabled},
			S3Logs: &cbtypes.S3LogsConfig{Status: cbtypes.LogsConfigStatusTypeEnabled, Location: aws.String("web-logs/build")}},
	}))
}

// moto has no ListSourceCredentials: the answer below follows the shape
// in the CodeBuild API reference.
func TestCodeBuildAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedCodeBuild(t, srv)
	fake, _ := fakeJSON(t, srv, map[string][]jsonReply{"CodeBuild_20161006.ListSourceCredentials": {{body: `{"sourceCredentialsInfos":[
		{"arn":"arn:aws:codebuild:us-east-1:123456789012:token/github","serverType":"GITHUB","authType":"PERSONAL_ACCESS_TOKEN"},
		{"arn":"arn:aws:codebuild:us-east-1:123456789012:token/gitlab","serverType":"GITLAB","authType":"CODECONNECTIONS","resource":"arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d"}]}`}}})
	res := collectMoto(t, fake, []string{"codebuild"})
	noErrors(t, res)

	pr := byKind(res, "aws.codebuild.project")
	if pr["legacy"] == nil || pr["web"] == nil {
		t.Fatalf("projects: %v", pr)
	}
	if pr["legacy"].ID != "arn:aws:codebuild:us-east-1:123456789012:project/legacy" {
		t.Errorf("id: %s", pr["legacy"].ID)
	}
	a := pr["legacy"].Attributes.(*model.CodeBuildProject)
	if !a.PrivilegedMode || a.CloudWatchLogs || a.S3Logs || len(a.SourceURLCredentials) != 1 || len(a.UnencryptedArtifacts) != 1 ||
		len(a.PlaintextVariableNames) != 2 || len(a.SecretsFound) == 0 {
		t.Errorf("legacy: %+v", a)
	}
	if b := pr["web"].Attributes.(*model.CodeBuildProject); b.PrivilegedMode || !b.CloudWatchLogs || !b.S3Logs || len(b.SecretsFound) != 0 ||
		len(b.PlaintextVariableNames) != 1 || len(b.SourceURLCredentials) != 0 {
		t.Errorf("web: %+v", b)
	}
	creds := byKind(res, "aws.codebuild.source_credential")
	if len(creds) != 2 || creds["GITHUB"] == nil || creds["GITHUB"].Attributes.(*model.CodeBuildSourceCredential).AuthType != "PERSONAL_ACCESS_TOKEN" {
		t.Errorf("source credentials: %v", creds)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-CB-001", "AWS-CB-002", "AWS-CB-003", "AWS-CB-004", "AWS-CB-005", "AWS-CB-007"} {
		if !fails["legacy"][id] || fails["web"][id] {
			t.Errorf("%s: legacy %v, web %v", id, fails["legacy"], fails["web"])
		}
	}
	if !fails["GITHUB"]["AWS-CB-008"] || fails["GITLAB"]["AWS-CB-008"] {
		t.Errorf("AWS-CB-008: %v %v", fails["GITHUB"], fails["GITLAB"])
	}
}
