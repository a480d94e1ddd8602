package policy

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// BenchmarkEvaluateBuiltin measures resource x rule evaluations per second
// with every built-in rule over a mixed inventory.
func BenchmarkEvaluateBuiltin(b *testing.B) {
	benchEvaluate(b, Options{})
}

// BenchmarkEvaluateSandboxed runs the same rules loaded as custom rules
// (from the source tree), so under the sandbox: one guarded query per rule
// and batch instead of one aggregated query per kind and batch.
func BenchmarkEvaluateSandboxed(b *testing.B) {
	benchEvaluate(b, Options{NoBuiltin: true, Dirs: []string{"../policies/aws", "../policies/kubernetes", "../policies/lib"}})
}

func benchEvaluate(b *testing.B, opts Options) {
	e, err := New(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	var rs []*model.Resource
	kinds := []string{"aws.s3.bucket", "aws.ec2.security_group", "aws.rds.instance", "aws.iam.role", "aws.ec2.instance", "kubernetes.deployment", "aws.kms.key", "aws.lambda.function"}
	for i := 0; i < 10000; i++ {
		k := kinds[i%len(kinds)]
		ki, _ := model.LookupKind(k)
		rs = append(rs, &model.Resource{ID: fmt.Sprintf("r%d", i), Kind: k, Provider: "aws", Source: "terraform", Attributes: ki.New()})
	}
	evals := 0
	for _, r := range rs {
		evals += len(e.byKind[r.Kind])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Evaluate(context.Background(), rs, EvalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(evals*b.N)/b.Elapsed().Seconds(), "evals/s")
	b.ReportMetric(float64(len(rs)*b.N)/b.Elapsed().Seconds(), "resources/s")
}
