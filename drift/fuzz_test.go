package drift

import (
	"bytes"
	"os"
	"testing"
)

// FuzzReadState: whatever a state file holds, reading it ends with a State
// or an error, never a panic or a stack overflow.
func FuzzReadState(f *testing.F) {
	if b, err := os.ReadFile("testdata/terraform.tfstate"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`{"version": 4, "resources": [{"mode": "managed", "type": "aws_s3_bucket", "name": "b", "instances": [{"index_key": 1.5, "attributes": {"bucket": 7}}]}]}`,
		`{"version": 4, "resources": [{"type": "aws_s3_bucket_policy", "instances": [{"attributes": {"bucket": "b", "policy": "{\"Statement\": 1}"}}]}]}`,
		`{"version": 4, "resources": [{"type": "aws_instance", "instances": [{"attributes": {"arn": "arn:::::", "root_block_device": [{"volume_id": 1}, 2]}}]}]}`,
		`{"version": 4, "resources": [{"module": "module.a[\"x\"]", "type": "aws_security_group", "instances": [{"attributes": {"ingress": "no", "tags_all": [1]}}]}]}`,
		`{"version": "4"}`, `[]`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := ReadState(bytes.NewReader(b), "fuzz.tfstate")
		if err == nil && st == nil {
			t.Fatal("no state and no error")
		}
	})
}
