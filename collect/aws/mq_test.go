package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	mqtypes "github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedMQ creates a public ActiveMQ broker without logs or automatic
// upgrades, and a private one with both logs and upgrades.
func seedMQ(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := mq.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	for _, b := range []struct {
		name string
		on   bool
	}{{"open", false}, {"closed", true}} {
		must(client.CreateBroker(ctx, &mq.CreateBrokerInput{BrokerName: aws.String(b.name),
			EngineType: mqtypes.EngineTypeActivemq, EngineVersion: aws.String("5.18"), HostInstanceType: aws.String("mq.t3.micro"),
			DeploymentMode: mqtypes.DeploymentModeSingleInstance, PubliclyAccessible: aws.Bool(!b.on),
			AutoMinorVersionUpgrade: aws.Bool(b.on), Logs: &mqtypes.Logs{General: aws.Bool(b.on), Audit: aws.Bool(b.on)},
			Users: []mqtypes.User{{Username: aws.String("app"), Password: aws.String("password12345")}},
			Tags:  map[string]string{"team": b.name},
		}))
	}
}

func TestMQAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedMQ(t, srv)
	res := collectMoto(t, srv, []string{"mq"})
	noErrors(t, res)

	brokers := byKind(res, "aws.mq.broker")
	if len(brokers) != 2 {
		t.Fatalf("brokers: %v", brokers)
	}
	if o := brokers["open"]; o.Tags["team"] != "open" {
		t.Errorf("open: tags %v", o.Tags)
	}
	if a := brokers["open"].Attributes.(*model.MQBroker); a.EngineType != "ACTIVEMQ" || !a.PubliclyAccessible || a.GeneralLogs || a.AuditLogs || a.AutoMinorVersionUpgrade {
		t.Errorf("open: %+v", a)
	}
	if a := brokers["closed"].Attributes.(*model.MQBroker); a.PubliclyAccessible || !a.GeneralLogs || !a.AuditLogs || !a.AutoMinorVersionUpgrade {
		t.Errorf("closed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-MQ-001", "AWS-MQ-002", "AWS-MQ-003", "AWS-MQ-004"} {
		if !fails["open"][id] || fails["closed"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open"], fails["closed"])
		}
	}
}
