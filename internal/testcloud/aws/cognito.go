package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	ciptypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// cognitoIDPWorld is Cognito user pools in one region, as
// DescribeUserPool answers them (Arn is filled in when absent).
type cognitoIDPWorld struct {
	UserPools []ciptypes.UserPoolType `json:"userPools"`
}

// cognitoIdentityWorld is Cognito identity pools in one region, as
// DescribeIdentityPool answers them.
type cognitoIdentityWorld struct {
	IdentityPools []cognitoidentity.DescribeIdentityPoolOutput `json:"identityPools"`
}

// Both listings require MaxResults, 1-60.
const cognitoMaxPage = 60

func init() {
	register(&service{name: "cognito-idp", signing: "cognito-idp", protocol: protoJSON11,
		newWorld: func() any { return &cognitoIDPWorld{} },
		ops: map[string]op{
			"ListUserPools": func(c *call) (any, error) {
				var in cognitoidentityprovider.ListUserPoolsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if n := aws.ToInt32(in.MaxResults); n < 1 || n > cognitoMaxPage {
					return nil, badRequest("InvalidParameterException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint")
				}
				var all []ciptypes.UserPoolDescriptionType
				for _, p := range worldOf[cognitoIDPWorld](c).UserPools {
					all = append(all, ciptypes.UserPoolDescriptionType{Id: p.Id, Name: p.Name, CreationDate: p.CreationDate,
						LastModifiedDate: p.LastModifiedDate, LambdaConfig: p.LambdaConfig})
				}
				items, next, err := page(all, aws.ToString(in.NextToken), int(aws.ToInt32(in.MaxResults)))
				if err != nil {
					return nil, badRequest("InvalidParameterException", "The pagination token is invalid.")
				}
				return &cognitoidentityprovider.ListUserPoolsOutput{UserPools: append([]ciptypes.UserPoolDescriptionType{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeUserPool": func(c *call) (any, error) {
				var in cognitoidentityprovider.DescribeUserPoolInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				for _, p := range worldOf[cognitoIDPWorld](c).UserPools {
					if aws.ToString(p.Id) == aws.ToString(in.UserPoolId) {
						if p.Arn == nil {
							p.Arn = aws.String(c.arn("cognito-idp", "userpool/"+aws.ToString(p.Id)))
						}
						return &cognitoidentityprovider.DescribeUserPoolOutput{UserPool: &p}, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "User pool %s does not exist.", aws.ToString(in.UserPoolId))
			},
		}})
	register(&service{name: "cognito-identity", signing: "cognito-identity", protocol: protoJSON11,
		newWorld: func() any { return &cognitoIdentityWorld{} },
		ops: map[string]op{
			"ListIdentityPools": func(c *call) (any, error) {
				var in cognitoidentity.ListIdentityPoolsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if n := aws.ToInt32(in.MaxResults); n < 1 || n > cognitoMaxPage {
					return nil, badRequest("InvalidParameterException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint")
				}
				var all []citypes.IdentityPoolShortDescription
				for _, p := range worldOf[cognitoIdentityWorld](c).IdentityPools {
					all = append(all, citypes.IdentityPoolShortDescription{IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName})
				}
				items, next, err := page(all, aws.ToString(in.NextToken), int(aws.ToInt32(in.MaxResults)))
				if err != nil {
					return nil, badRequest("InvalidParameterException", "The pagination token is invalid.")
				}
				return &cognitoidentity.ListIdentityPoolsOutput{IdentityPools: append([]citypes.IdentityPoolShortDescription{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeIdentityPool": func(c *call) (any, error) {
				var in cognitoidentity.DescribeIdentityPoolInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				for _, p := range worldOf[cognitoIdentityWorld](c).IdentityPools {
					if aws.ToString(p.IdentityPoolId) == aws.ToString(in.IdentityPoolId) {
						return &p, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "IdentityPool '%s' not found.", aws.ToString(in.IdentityPoolId))
			},
		}})
}
