package drift

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestReadStateFixture(t *testing.T) {
	st := readFixture(t)
	var addrs []string
	kinds := map[string]string{}
	for _, m := range st.Managed {
		addrs = append(addrs, m.Address)
		kinds[m.Address] = m.Resource.Kind + " " + m.Resource.ID + " " + m.Resource.Account + "/" + m.Resource.Region
	}
	// for_each and count keys, modules; the deposed web group, the bucket's
	// split resources (joined into it) and the policy attachment (read
	// through its role) are no resources of their own.
	same(t, "managed", addrs, []string{
		"aws_cloudwatch_log_group.app", "aws_ebs_volume.data", "aws_ecr_repository.app", "aws_instance.web",
		`aws_s3_bucket.app["assets"]`, `aws_s3_bucket.app["data"]`, `aws_s3_bucket.app["logs"]`,
		"aws_security_group.legacy", "aws_security_group.web", "aws_security_group.web_admin",
		"aws_sns_topic.alerts", "aws_sqs_queue.jobs", "aws_subnet.app[0]", "aws_vpc.main",
		"module.iam.aws_iam_role.runner",
	})
	for addr, want := range map[string]string{
		`aws_s3_bucket.app["logs"]`:      "aws.s3.bucket arn:aws:s3:::acme-app-logs 111111111111/us-east-1",
		"module.iam.aws_iam_role.runner": "aws.iam.role arn:aws:iam::111111111111:role/app-runner 111111111111/",
		"aws_subnet.app[0]":              "aws.ec2.subnet arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0d0d0d0d0d0d00011 111111111111/us-east-1",
	} {
		if kinds[addr] != want {
			t.Errorf("%s: %q, want %q", addr, kinds[addr], want)
		}
	}
	if st.DataSources != 1 {
		t.Errorf("data sources %d, want 1", st.DataSources)
	}
	var unsupported []string
	for _, u := range st.Unsupported {
		unsupported = append(unsupported, u.Type+": "+u.Reason)
	}
	same(t, "unsupported", unsupported, []string{
		"aws_kms_key: " + reasonNoID,
		"aws_route53_zone: " + reasonNoID,
		"random_id: " + reasonNotAWS,
	})
	// The joins ran: the versioning resource reached its bucket.
	for _, m := range st.Managed {
		if m.Address == `aws_s3_bucket.app["assets"]` {
			b, _ := json.Marshal(m.Resource.Attributes)
			if !strings.Contains(string(b), `"versioning":{"enabled":true`) {
				t.Errorf("assets versioning not joined: %s", b)
			}
		}
	}
}

func TestReadStateRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"v3", `{"version": 3, "modules": []}`, "version 3 (Terraform 0.11 or older) is not supported"},
		{"v5", `{"version": 5}`, "version 5 is not supported"},
		{"no version", `{"resources": []}`, `no "version"`},
		{"not json", `resource "aws_s3_bucket" "b" {}`, "not a Terraform state"},
		{"binary", "{\"version\": 4, \"x\": \"\x00\"}", "not a text file"},
		{"deep", `{"version": 4, "x": ` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `}`, "nest"},
		{"bad shape", `{"version": 4, "resources": {"a": 1}}`, "invalid state"},
	} {
		_, err := ReadState(strings.NewReader(tc.doc), "x.tfstate")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	_, err := ReadState(strings.NewReader(`{"version": 4, "pad": "`+strings.Repeat("x", MaxStateBytes)+`"}`), "big.tfstate")
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized state: %v", err)
	}
}

// A state holds secrets in clear; nothing read from it carries them on.
func TestReadStateKeepsNoSecrets(t *testing.T) {
	doc := `{"version": 4, "resources": [
	  {"mode": "managed", "type": "aws_db_instance", "name": "db", "instances": [{"attributes": {
	    "arn": "arn:aws:rds:us-east-1:111111111111:db:main", "identifier": "main", "password": "hunter2-SECRET", "storage_encrypted": true}}]},
	  {"mode": "managed", "type": "aws_sqs_queue", "name": "q", "instances": [{"attributes": {
	    "arn": "arn:aws:sqs:us-east-1:111111111111:q", "name": "q", "redrive_policy": "hunter2-SECRET"}}]}]}`
	st, err := ReadState(strings.NewReader(doc), "s.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Managed) != 1 {
		t.Fatalf("managed %d, want the queue", len(st.Managed))
	}
	b, _ := json.Marshal(st)
	if strings.Contains(string(b), "hunter2") {
		t.Errorf("a secret from the state reached the result: %s", b)
	}
}
