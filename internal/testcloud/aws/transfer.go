package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	transfertypes "github.com/aws/aws-sdk-go-v2/service/transfer/types"
)

// transferWorld is Transfer Family in one region: DescribeServer's servers
// (Arn is filled in when absent).
type transferWorld struct {
	Servers []transfertypes.DescribedServer `json:"servers"`
}

// ListServers answers up to 1000 servers a page.
const transferMaxPage = 1000

func init() {
	register(&service{name: "transfer", signing: "transfer", protocol: protoJSON11,
		newWorld: func() any { return &transferWorld{} },
		ops: map[string]op{
			"ListServers": func(c *call) (any, error) {
				var in transfer.ListServersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				size := int(aws.ToInt32(in.MaxResults))
				if size == 0 {
					size = transferMaxPage
				}
				if size < 1 || size > transferMaxPage {
					return nil, badRequest("InvalidRequestException", "MaxResults must be between 1 and %d", transferMaxPage)
				}
				var all []transfertypes.ListedServer
				for _, s := range transferServers(c) {
					all = append(all, transfertypes.ListedServer{Arn: s.Arn, ServerId: s.ServerId, Domain: s.Domain,
						EndpointType: s.EndpointType, IdentityProviderType: s.IdentityProviderType, LoggingRole: s.LoggingRole,
						State: s.State, UserCount: s.UserCount})
				}
				items, next, err := page(all, aws.ToString(in.NextToken), size)
				if err != nil {
					return nil, badRequest("InvalidNextTokenException", "The NextToken is invalid.")
				}
				return &transfer.ListServersOutput{Servers: append([]transfertypes.ListedServer{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeServer": func(c *call) (any, error) {
				var in transfer.DescribeServerInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				for _, s := range transferServers(c) {
					if aws.ToString(s.ServerId) == aws.ToString(in.ServerId) {
						return &transfer.DescribeServerOutput{Server: &s}, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "Unknown server: %s", aws.ToString(in.ServerId))
			},
		}})
}

// transferServers are the region's servers with their ARNs.
func transferServers(c *call) []transfertypes.DescribedServer {
	var out []transfertypes.DescribedServer
	for _, s := range worldOf[transferWorld](c).Servers {
		if s.Arn == nil {
			s.Arn = aws.String(c.arn("transfer", "server/"+aws.ToString(s.ServerId)))
		}
		out = append(out, s)
	}
	return out
}
