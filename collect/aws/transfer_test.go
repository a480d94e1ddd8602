package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/transfer"
	transfertypes "github.com/aws/aws-sdk-go-v2/service/transfer/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedTransfer creates a public server accepting FTP, without logging and
// on the 2018 policy, and a VPC SFTP server with structured logs and a
// current policy.
func seedTransfer(t *testing.T, srv *moto.Server) map[string]string {
	t.Helper()
	client := transfer.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	ids := map[string]string{}
	open, err := client.CreateServer(ctx, &transfer.CreateServerInput{
		Protocols:          []transfertypes.Protocol{transfertypes.ProtocolSftp, transfertypes.ProtocolFtp},
		EndpointType:       transfertypes.EndpointTypePublic,
		SecurityPolicyName: aws.String("TransferSecurityPolicy-2018-11"),
		Tags:               []transfertypes.Tag{{Key: aws.String("team"), Value: aws.String("partners")}}})
	if err != nil {
		t.Fatal(err)
	}
	ids["open"] = aws.ToString(open.ServerId)
	closed, err := client.CreateServer(ctx, &transfer.CreateServerInput{
		Protocols:                 []transfertypes.Protocol{transfertypes.ProtocolSftp},
		EndpointType:              transfertypes.EndpointTypeVpc,
		EndpointDetails:           &transfertypes.EndpointDetails{VpcId: aws.String("vpc-0a1b2c3d"), SubnetIds: []string{"subnet-0a1b2c3d"}},
		SecurityPolicyName:        aws.String("TransferSecurityPolicy-2024-01"),
		StructuredLogDestinations: []string{"arn:aws:logs:us-east-1:" + moto.Account + ":log-group:/aws/transfer/orders:*"}})
	if err != nil {
		t.Fatal(err)
	}
	ids["closed"] = aws.ToString(closed.ServerId)
	return ids
}

func TestTransferAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ids := seedTransfer(t, srv)
	res := collectMoto(t, srv, []string{"transfer"})
	noErrors(t, res)

	servers := byKind(res, "aws.transfer.server")
	open, closed := servers[ids["open"]], servers[ids["closed"]]
	if len(servers) != 2 || open == nil || closed == nil || open.Tags["team"] != "partners" {
		t.Fatalf("servers: %v", servers)
	}
	if a := open.Attributes.(*model.TransferServer); len(a.Protocols) != 2 || a.EndpointType != "PUBLIC" || a.StructuredLogs ||
		a.SecurityPolicyName != "TransferSecurityPolicy-2018-11" {
		t.Errorf("open: %+v", a)
	}
	if a := closed.Attributes.(*model.TransferServer); a.EndpointType != "VPC" || !a.StructuredLogs {
		t.Errorf("closed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-TRANSFER-001", "AWS-TRANSFER-002", "AWS-TRANSFER-003", "AWS-TRANSFER-004"} {
		if !fails[ids["open"]][id] || fails[ids["closed"]][id] {
			t.Errorf("%s: open %v, closed %v", id, fails[ids["open"]], fails[ids["closed"]])
		}
	}
}
