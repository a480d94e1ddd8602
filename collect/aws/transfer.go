package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	transfertypes "github.com/aws/aws-sdk-go-v2/service/transfer/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("transfer", false, collectTransfer) }

// transferFills are the settings DescribeServer fills beyond what
// ListServers answers (endpoint type and logging role).
var transferFills = []string{"protocols", "structured_logs", "security_policy_name"}

// collectTransfer reads every Transfer Family server (ListServers, then
// DescribeServer) into aws.transfer.server.
func collectTransfer(ctx context.Context, s *scope) {
	client := transfer.NewFromConfig(s.Config())
	var servers []transfertypes.ListedServer
	p := transfer.NewListServersPaginator(client, &transfer.ListServersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListServers", err)
			return
		}
		servers = append(servers, page.Servers...)
	}
	forEach(s, servers, func(ls transfertypes.ListedServer) {
		a := &model.TransferServer{EndpointType: string(ls.EndpointType), LoggingRole: aws.ToString(ls.LoggingRole), Protocols: []string{}}
		raw := map[string]any{"ListedServer": ls}
		var tags map[string]string
		rd := s.reads(aws.ToString(ls.Arn))
		rd.call("DescribeServer", append(transferFills, model.TagsPath), func() error {
			out, err := client.DescribeServer(ctx, &transfer.DescribeServerInput{ServerId: ls.ServerId})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			d := out.Server
			if d == nil {
				return nil
			}
			raw["Server"] = d
			for _, p := range d.Protocols {
				a.Protocols = append(a.Protocols, string(p))
			}
			// Only SFTP when none is named (the API's default).
			if len(a.Protocols) == 0 {
				a.Protocols = []string{string(transfertypes.ProtocolSftp)}
			}
			a.StructuredLogs = len(d.StructuredLogDestinations) > 0
			a.SecurityPolicyName = aws.ToString(d.SecurityPolicyName)
			tags = addTags(tags, d.Tags, func(t transfertypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		rd.add(model.KindTransferServer.With(a), aws.ToString(ls.ServerId), raw, tags)
	})
}
