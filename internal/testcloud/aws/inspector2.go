package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	i2types "github.com/aws/aws-sdk-go-v2/service/inspector2/types"
)

// inspector2World is Amazon Inspector in one region: the calling
// account's state per scan type. Without one, Inspector was never turned
// on: every type DISABLED.
type inspector2World struct {
	ResourceState *i2types.ResourceState `json:"resourceState"`
}

func init() {
	register(&service{name: "inspector2", signing: "inspector2", protocol: protoRESTJSON,
		names:    names{camel: true},
		newWorld: func() any { return &inspector2World{} },
		routes: []route{
			{method: "POST", pattern: "/status/batch/get", op: "BatchGetAccountStatus"},
		},
		ops: map[string]op{
			"BatchGetAccountStatus": func(c *call) (any, error) {
				var in inspector2.BatchGetAccountStatusInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				ids := in.AccountIds
				if len(ids) == 0 {
					ids = []string{c.account.ID}
				}
				out := &inspector2.BatchGetAccountStatusOutput{Accounts: []i2types.AccountState{}, FailedAccounts: []i2types.FailedAccount{}}
				for _, id := range ids {
					if id != c.account.ID {
						out.FailedAccounts = append(out.FailedAccounts, i2types.FailedAccount{AccountId: aws.String(id),
							ErrorCode: i2types.ErrorCodeAccessDenied, ErrorMessage: aws.String("The account is not a member of this organization"), Status: i2types.StatusDisabled})
						continue
					}
					rs := worldOf[inspector2World](c).ResourceState
					if rs == nil {
						off := &i2types.State{Status: i2types.StatusDisabled}
						rs = &i2types.ResourceState{Ec2: off, Ecr: off, Lambda: off, LambdaCode: off, CodeRepository: off}
					}
					overall := i2types.StatusDisabled
					for _, st := range []*i2types.State{rs.Ec2, rs.Ecr, rs.Lambda, rs.LambdaCode} {
						if st != nil && st.Status == i2types.StatusEnabled {
							overall = i2types.StatusEnabled
						}
					}
					out.Accounts = append(out.Accounts, i2types.AccountState{AccountId: aws.String(id), ResourceState: rs, State: &i2types.State{Status: overall}})
				}
				return out, nil
			},
		}})
}
