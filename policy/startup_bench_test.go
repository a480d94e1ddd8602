package policy

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policies"
)

// BenchmarkStartup measures what a fresh process pays before and while
// judging: reading the built-in rules' catalog, building the engine, and
// evaluating nothing (empty) or a few resources of ten kinds (ten-kinds),
// which compiles and prepares those kinds' rules. `go run ./bench/startup`
// measures the whole CLI.
func BenchmarkStartup(b *testing.B) {
	digest, err := buildinfo.Digest(policies.FS)
	if err != nil {
		b.Fatal(err)
	}
	kinds := []string{"aws.s3.bucket", "aws.ec2.security_group", "aws.iam.role", "aws.iam.policy", "aws.sqs.queue",
		"aws.logs.log_group", "aws.ec2.instance", "aws.rds.instance", "aws.ec2.volume", "aws.kms.key"}
	var rs []*model.Resource
	for i := 0; i < 200; i++ {
		k := kinds[i%len(kinds)]
		ki, ok := model.LookupKind(k)
		if !ok {
			b.Fatalf("kind %s", k)
		}
		rs = append(rs, &model.Resource{ID: fmt.Sprintf("r%d", i), Kind: k, Provider: "aws", Source: model.SourceTerraform, Attributes: ki.New()})
	}
	for _, c := range []struct {
		name string
		rs   []*model.Resource
	}{{"empty", nil}, {"ten-kinds", rs}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				cat, err := loadBuiltinCatalog(digestOf(digest))
				if err != nil {
					b.Fatal(err)
				}
				e, err := newEngine(context.Background(), Options{}, cat, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.Evaluate(context.Background(), c.rs, EvalOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
