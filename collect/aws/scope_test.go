package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/collect"
	"github.com/vigil-sec/vigil/model"
)

// runUnit runs one service's collector as the unit of account
// 123456789012 in us-east-1 against cfg, and returns what the unit handed
// on when it ended.
func runUnit(cfg aws.Config, service string, fn func(context.Context, *scope)) *collect.Slice {
	u := model.Unit{Provider: "aws", Account: "123456789012", Region: "us-east-1", Service: service}
	var got collect.Slice
	rec := collect.NewRecorder(u, serviceKinds[service], classify(u.Account, u.Region, service), &got)
	fn(context.Background(), &scope{c: &collector{facts: newFacts()}, cfg: cfg, account: u.Account, region: u.Region, service: service, rec: rec})
	rec.End()
	return &got
}
