package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	i2types "github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("inspector2", false, collectInspector2) }

var inspector2Fills = []string{"ec2_scanning", "ecr_scanning", "lambda_scanning", "lambda_code_scanning"}

// collectInspector2 reads the account's Amazon Inspector status in the
// region (BatchGetAccountStatus for the account itself) into one
// aws.inspector2.account_status: an account that never turned Inspector
// on reads as every scan type disabled.
func collectInspector2(ctx context.Context, s *scope) {
	client := inspector2.NewFromConfig(s.Config())
	a := &model.Inspector2AccountStatus{}
	var raw any
	rd := s.reads("arn:" + svcPartition(s.region) + ":inspector2:" + s.region + ":" + s.account + ":account-status")
	// The status is all the resource is: unread, there is none (the
	// failure names it, so its old findings are not resolved).
	read := rd.call("BatchGetAccountStatus", inspector2Fills, func() error {
		out, err := client.BatchGetAccountStatus(ctx, &inspector2.BatchGetAccountStatusInput{AccountIds: []string{s.account}})
		if err != nil {
			return err
		}
		raw = out
		for _, f := range out.FailedAccounts {
			if aws.ToString(f.AccountId) == s.account {
				// The account's status could not be read (ACCESS_DENIED ...).
				return &smithy.GenericAPIError{Code: string(f.ErrorCode), Message: aws.ToString(f.ErrorMessage)}
			}
		}
		for _, st := range out.Accounts {
			if aws.ToString(st.AccountId) != s.account || st.ResourceState == nil {
				continue
			}
			on := func(x *i2types.State) bool { return x != nil && x.Status == i2types.StatusEnabled }
			r := st.ResourceState
			a.EC2Scanning, a.ECRScanning, a.LambdaScanning, a.LambdaCodeScanning = on(r.Ec2), on(r.Ecr), on(r.Lambda), on(r.LambdaCode)
		}
		return nil
	})
	if !read {
		return
	}
	rd.add(model.KindInspector2AccountStatus.With(a), "Amazon Inspector ("+s.region+")", raw, nil)
}
