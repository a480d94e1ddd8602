package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	dms "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("dms", false, collectDMS) }

// collectDMS reads the replication instances (DescribeReplicationInstances),
// endpoints (DescribeEndpoints) and replication tasks with their settings
// (DescribeReplicationTasks).
func collectDMS(ctx context.Context, s *scope) {
	client := dms.NewFromConfig(s.Config())
	ip := dms.NewDescribeReplicationInstancesPaginator(client, &dms.DescribeReplicationInstancesInput{})
	for ip.HasMorePages() {
		page, err := ip.NextPage(ctx)
		if err != nil {
			s.fail("DescribeReplicationInstances", err)
			return
		}
		for _, ri := range page.ReplicationInstances {
			a := &model.DMSReplicationInstance{PubliclyAccessible: ri.PubliclyAccessible, AutoMinorVersionUpgrade: ri.AutoMinorVersionUpgrade, MultiAZ: ri.MultiAZ}
			var rels []model.Relation
			if k := aws.ToString(ri.KmsKeyId); k != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
			}
			for _, sg := range ri.VpcSecurityGroups {
				rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: aws.ToString(sg.VpcSecurityGroupId)})
			}
			s.add(aws.ToString(ri.ReplicationInstanceArn), model.KindDMSReplicationInstance.With(a), aws.ToString(ri.ReplicationInstanceIdentifier), ri, nil, rels...)
		}
	}
	ep := dms.NewDescribeEndpointsPaginator(client, &dms.DescribeEndpointsInput{})
	for ep.HasMorePages() {
		page, err := ep.NextPage(ctx)
		if err != nil {
			s.fail("DescribeEndpoints", err)
			return
		}
		for _, e := range page.Endpoints {
			a := &model.DMSEndpoint{EndpointType: string(e.EndpointType), EngineName: aws.ToString(e.EngineName), SSLMode: string(e.SslMode)}
			if a.SSLMode == "" {
				a.SSLMode = "none"
			}
			// Identity only: the engine settings may carry connection
			// attributes with credentials.
			raw := map[string]any{"EndpointArn": aws.ToString(e.EndpointArn), "EndpointIdentifier": aws.ToString(e.EndpointIdentifier),
				"EndpointType": e.EndpointType, "EngineName": a.EngineName, "SslMode": e.SslMode, "ServerName": aws.ToString(e.ServerName),
				"Port": e.Port, "DatabaseName": aws.ToString(e.DatabaseName), "KmsKeyId": aws.ToString(e.KmsKeyId)}
			s.add(aws.ToString(e.EndpointArn), model.KindDMSEndpoint.With(a), aws.ToString(e.EndpointIdentifier), raw, nil)
		}
	}
	tp := dms.NewDescribeReplicationTasksPaginator(client, &dms.DescribeReplicationTasksInput{})
	for tp.HasMorePages() {
		page, err := tp.NextPage(ctx)
		if err != nil {
			s.fail("DescribeReplicationTasks", err)
			return
		}
		for _, t := range page.ReplicationTasks {
			a := &model.DMSReplicationTask{}
			rd := s.reads(aws.ToString(t.ReplicationTaskArn))
			if on, err := model.DMSTaskLogging(aws.ToString(t.ReplicationTaskSettings)); err != nil {
				rd.unread("logging_enabled")
			} else {
				a.LoggingEnabled = on
			}
			raw := map[string]any{"ReplicationTaskArn": aws.ToString(t.ReplicationTaskArn), "ReplicationTaskIdentifier": aws.ToString(t.ReplicationTaskIdentifier),
				"MigrationType": t.MigrationType, "Status": aws.ToString(t.Status), "ReplicationInstanceArn": aws.ToString(t.ReplicationInstanceArn),
				"SourceEndpointArn": aws.ToString(t.SourceEndpointArn), "TargetEndpointArn": aws.ToString(t.TargetEndpointArn), "ReplicationTaskSettings": aws.ToString(t.ReplicationTaskSettings)}
			rd.add(model.KindDMSReplicationTask.With(a), aws.ToString(t.ReplicationTaskIdentifier), raw, nil)
		}
	}
}
