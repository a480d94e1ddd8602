package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/report"
)

// Planted secrets (shaped like real ones, valid nowhere), spread over every
// place Vigil scans in IaC: no report format and nothing the store keeps
// (resources, raw payloads, versions, findings) may carry one, while the
// findings name each place.
var planted = []string{
	"AKIAZ7VRSQ5TLWJRXQ4M",
	"ghp_4eK9aQ2mZ7xP1rT8vW3nB6cY0dF5gH2jL9sR",
	"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
}

func TestSecretsNeverLeaveTheScan(t *testing.T) {
	dir := t.TempDir()
	lt := base64.StdEncoding.EncodeToString([]byte("#!/bin/bash\nexport GITHUB_TOKEN=" + planted[1] + "\n"))
	files := map[string]string{
		"main.tf": `
resource "aws_instance" "bastion" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=` + planted[0] + `\n"
}
resource "aws_launch_template" "web" {
  name      = "web"
  user_data = "` + lt + `"
}
resource "aws_lambda_function" "hook" {
  function_name = "hook"
  role          = "arn:aws:iam::123456789012:role/hook"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "hook.zip"
  environment {
    variables = { SLACK = "` + planted[2] + `" }
  }
}
resource "aws_ssm_parameter" "token" {
  name  = "/ci/token"
  type  = "String"
  value = "` + planted[1] + `"
}
resource "aws_cloudformation_stack" "ci" {
  name         = "ci"
  template_url = "https://s3.amazonaws.com/acme/ci.yaml"
  parameters   = { Token = "` + planted[1] + `" }
}
`,
		"stack.cfn.yaml": `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export AWS_ACCESS_KEY_ID=` + planted[0] + `
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: ` + lt + `
  Hook:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/hook
      Code: {S3Bucket: b, S3Key: k}
      Environment:
        Variables:
          SLACK: ` + planted[2] + `
  Token:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: ` + planted[1] + `
  Nested:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/acme/ci.yaml
      Parameters:
        Token: ` + planted[2] + `
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "v.db")
	for _, f := range report.Formats() {
		out, errs, _ := run(t, "scan", dir, "-q", "--format", f, "--db", db)
		if out == "" {
			t.Fatalf("%s: no report: %s", f, errs)
		}
		for _, p := range planted {
			if strings.Contains(out, p) || strings.Contains(errs, p) {
				t.Errorf("the %s report carries a planted secret %.8s...", f, p)
			}
		}
		if f != "json" {
			continue
		}
		// Every place is named, with the kind of secret.
		for _, want := range []string{
			"AWS-SECRET-001", "AWS-SECRET-002", "AWS-SECRET-003", "AWS-SECRET-004", "AWS-SECRET-005",
			"aws-access-token", "github-pat", "slack-bot-token",
			"user data line 2", "environment variable SLACK", "parameter Token",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("the json report does not name %q", want)
			}
		}
	}
	// The store: every byte of the database and its journal.
	matches, _ := filepath.Glob(db + "*")
	if len(matches) == 0 {
		t.Fatal("no database written")
	}
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range planted {
			if strings.Contains(string(b), p) {
				t.Errorf("%s keeps a planted secret %.8s...", filepath.Base(m), p)
			}
		}
	}
}
