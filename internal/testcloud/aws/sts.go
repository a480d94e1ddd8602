package aws

import (
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// stsWorld is empty: STS answers from the world's accounts.
type stsWorld struct{}

func init() {
	register(&service{name: "sts", signing: "sts", protocol: protoQuery, global: true,
		xmlns:    "https://sts.amazonaws.com/doc/2011-06-15/",
		newWorld: func() any { return &stsWorld{} },
		ops: map[string]op{
			"GetCallerIdentity": func(c *call) (any, error) {
				return &sts.GetCallerIdentityOutput{Account: aws.String(c.account.ID),
					Arn: aws.String("arn:aws:iam::" + c.account.ID + ":user/vigil"), UserId: aws.String("AIDATESTCLOUDVIGIL")}, nil
			},
			"AssumeRole": assumeRole,
		}})
}

// assumeRole mints credentials for any role in an account of the world,
// and denies the rest as AWS does for a role that does not exist or does
// not trust the caller.
func assumeRole(c *call) (any, error) {
	roleARN := c.param("RoleArn")
	parts := strings.Split(roleARN, ":")
	if len(parts) < 6 || c.srv.world.Account(parts[4]) == nil {
		return nil, &apiError{status: 403, code: "AccessDenied",
			msg: "User: arn:aws:iam::" + c.account.ID + ":user/vigil is not authorized to perform: sts:AssumeRole on resource: " + roleARN}
	}
	key := "ASIA" + strings.ToUpper(requestID()[:16])
	c.srv.mu.Lock()
	c.srv.keys[key] = parts[4]
	c.srv.mu.Unlock()
	return &sts.AssumeRoleOutput{
		Credentials: &ststypes.Credentials{AccessKeyId: aws.String(key), SecretAccessKey: aws.String("test-cloud-secret"),
			SessionToken: aws.String("test-cloud-session"), Expiration: aws.Time(time.Now().Add(time.Hour).UTC())},
		AssumedRoleUser: &ststypes.AssumedRoleUser{AssumedRoleId: aws.String("AROATESTCLOUD:" + c.param("RoleSessionName")),
			Arn: aws.String(strings.Replace(roleARN, ":role/", ":assumed-role/", 1) + "/" + c.param("RoleSessionName"))},
	}, nil
}
