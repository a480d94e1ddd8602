package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	kafkatypes "github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedMSK creates an open provisioned cluster (plaintext, unauthenticated,
// no logs), a closed one and a serverless one.
func seedMSK(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := kafka.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	nodes := func(public string) *kafkatypes.BrokerNodeGroupInfo {
		return &kafkatypes.BrokerNodeGroupInfo{InstanceType: aws.String("kafka.m5.large"),
			ClientSubnets: []string{"subnet-1", "subnet-2", "subnet-3"}, SecurityGroups: []string{"sg-1"},
			ConnectivityInfo: &kafkatypes.ConnectivityInfo{PublicAccess: &kafkatypes.PublicAccess{Type: aws.String(public)}}}
	}
	// CreateCluster (v1): moto's CreateClusterV2 keeps no encryption,
	// authentication or logging settings.
	must(client.CreateCluster(ctx, &kafka.CreateClusterInput{ClusterName: aws.String("open"),
		KafkaVersion: aws.String("3.6.0"), NumberOfBrokerNodes: aws.Int32(3),
		BrokerNodeGroupInfo: nodes("SERVICE_PROVIDED_EIPS"),
		EncryptionInfo: &kafkatypes.EncryptionInfo{EncryptionInTransit: &kafkatypes.EncryptionInTransit{
			ClientBroker: kafkatypes.ClientBrokerTlsPlaintext, InCluster: aws.Bool(false)}},
		ClientAuthentication: &kafkatypes.ClientAuthentication{Unauthenticated: &kafkatypes.Unauthenticated{Enabled: aws.Bool(true)}},
		Tags:                 map[string]string{"team": "analytics"},
	}))
	must(client.CreateCluster(ctx, &kafka.CreateClusterInput{ClusterName: aws.String("closed"),
		KafkaVersion: aws.String("3.6.0"), NumberOfBrokerNodes: aws.Int32(3),
		BrokerNodeGroupInfo: nodes("DISABLED"),
		EncryptionInfo: &kafkatypes.EncryptionInfo{
			EncryptionInTransit: &kafkatypes.EncryptionInTransit{ClientBroker: kafkatypes.ClientBrokerTls, InCluster: aws.Bool(true)},
			EncryptionAtRest:    &kafkatypes.EncryptionAtRest{DataVolumeKMSKeyId: aws.String("arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809")}},
		ClientAuthentication: &kafkatypes.ClientAuthentication{Sasl: &kafkatypes.Sasl{Iam: &kafkatypes.Iam{Enabled: aws.Bool(true)}}},
		LoggingInfo: &kafkatypes.LoggingInfo{BrokerLogs: &kafkatypes.BrokerLogs{
			CloudWatchLogs: &kafkatypes.CloudWatchLogs{Enabled: aws.Bool(true), LogGroup: aws.String("/msk/closed")}}},
	}))
	must(client.CreateClusterV2(ctx, &kafka.CreateClusterV2Input{ClusterName: aws.String("serverless"),
		Serverless: &kafkatypes.ServerlessRequest{VpcConfigs: []kafkatypes.VpcConfig{{SubnetIds: []string{"subnet-1", "subnet-2"}}},
			ClientAuthentication: &kafkatypes.ServerlessClientAuthentication{Sasl: &kafkatypes.ServerlessSasl{Iam: &kafkatypes.Iam{Enabled: aws.Bool(true)}}}},
	}))
}

func TestMSKAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedMSK(t, srv)
	res := collectMoto(t, srv, []string{"msk"})
	noErrors(t, res)

	cl := byKind(res, "aws.msk.cluster")
	if len(cl) != 3 {
		t.Fatalf("clusters: %v", cl)
	}
	if o := cl["open"]; o.Tags["team"] != "analytics" {
		t.Errorf("open: tags %v", o.Tags)
	}
	if a := cl["open"].Attributes.(*model.MSKCluster); a.Type != "PROVISIONED" || a.ClientBrokerEncryption != "TLS_PLAINTEXT" || a.InClusterEncryption ||
		!a.PublicAccess || !a.UnauthenticatedAccess || a.BrokerLogging || a.KMSKeyID != "" {
		t.Errorf("open: %+v", a)
	}
	if a := cl["closed"].Attributes.(*model.MSKCluster); a.ClientBrokerEncryption != "TLS" || !a.InClusterEncryption || a.PublicAccess ||
		a.UnauthenticatedAccess || !a.IAMAuth || !a.BrokerLogging || a.KMSKeyID == "" {
		t.Errorf("closed: %+v", a)
	}
	if a := cl["serverless"].Attributes.(*model.MSKCluster); a.Type != "SERVERLESS" || !a.IAMAuth || a.UnauthenticatedAccess {
		t.Errorf("serverless: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-MSK-001", "AWS-MSK-002", "AWS-MSK-003", "AWS-MSK-004", "AWS-MSK-005", "AWS-MSK-006"} {
		if !fails["open"][id] || fails["closed"][id] || fails["serverless"][id] {
			t.Errorf("%s: open %v, closed %v, serverless %v", id, fails["open"], fails["closed"], fails["serverless"])
		}
	}
}
