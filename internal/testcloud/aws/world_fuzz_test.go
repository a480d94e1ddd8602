package aws

import (
	"os"
	"testing"
)

// A world file is user input: whatever it holds, ParseWorld answers a
// world or an error, never a panic.
func FuzzParseWorld(f *testing.F) {
	if b, err := os.ReadFile("../../../examples/aws-demo/world.yaml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("accounts: [{id: '111111111111', access_key: K, resources: {us-east-1: {sqs: {queues: [{name: q}]}}}}]"))
	f.Add([]byte("faults: {rate_limits: {ec2: {rate: 0, burst: 0}}}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		w, err := ParseWorld(b)
		if err == nil && len(w.Accounts) == 0 {
			t.Error("a world without accounts was accepted")
		}
	})
}
