package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	kafkatypes "github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("msk", false, collectMSK) }

// collectMSK reads provisioned and serverless clusters (ListClustersV2
// answers each whole) into aws.msk.cluster.
func collectMSK(ctx context.Context, s *scope) {
	client := kafka.NewFromConfig(s.Config())
	p := kafka.NewListClustersV2Paginator(client, &kafka.ListClustersV2Input{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListClustersV2", err)
			return
		}
		for _, c := range page.ClusterInfoList {
			a, rels := mskCluster(c)
			s.add(aws.ToString(c.ClusterArn), model.KindMSKCluster.With(a), aws.ToString(c.ClusterName), c, c.Tags, rels...)
		}
	}
}

func mskCluster(c kafkatypes.Cluster) (*model.MSKCluster, []model.Relation) {
	a := &model.MSKCluster{Type: string(c.ClusterType)}
	var rels []model.Relation
	if c.Serverless != nil {
		// Serverless clusters always speak TLS, inside and out, and take
		// IAM authentication only; they have no public access and no
		// broker logs or keys to choose.
		a.Type = string(kafkatypes.ClusterTypeServerless)
		a.ClientBrokerEncryption, a.InClusterEncryption, a.IAMAuth = string(kafkatypes.ClientBrokerTls), true, true
		return a, rels
	}
	p := c.Provisioned
	if p == nil {
		p = &kafkatypes.Provisioned{}
	}
	if a.Type == "" {
		a.Type = string(kafkatypes.ClusterTypeProvisioned)
	}
	// AWS's defaults: TLS only from clients, TLS between brokers.
	a.ClientBrokerEncryption, a.InClusterEncryption = string(kafkatypes.ClientBrokerTls), true
	if e := p.EncryptionInfo; e != nil {
		if t := e.EncryptionInTransit; t != nil {
			if t.ClientBroker != "" {
				a.ClientBrokerEncryption = string(t.ClientBroker)
			}
			if t.InCluster != nil {
				a.InClusterEncryption = *t.InCluster
			}
		}
		if r := e.EncryptionAtRest; r != nil {
			a.KMSKeyID = aws.ToString(r.DataVolumeKMSKeyId)
		}
	}
	if a.KMSKeyID != "" {
		rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
	}
	if b := p.BrokerNodeGroupInfo; b != nil {
		if ci := b.ConnectivityInfo; ci != nil && ci.PublicAccess != nil {
			t := aws.ToString(ci.PublicAccess.Type)
			a.PublicAccess = t != "" && t != "DISABLED"
		}
		for _, sg := range b.SecurityGroups {
			rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: sg})
		}
	}
	unauth := false
	if ca := p.ClientAuthentication; ca != nil {
		if ca.Sasl != nil {
			a.IAMAuth = ca.Sasl.Iam != nil && aws.ToBool(ca.Sasl.Iam.Enabled)
			a.SCRAMAuth = ca.Sasl.Scram != nil && aws.ToBool(ca.Sasl.Scram.Enabled)
		}
		a.TLSAuth = ca.Tls != nil && aws.ToBool(ca.Tls.Enabled)
		unauth = ca.Unauthenticated != nil && aws.ToBool(ca.Unauthenticated.Enabled)
	}
	// With no client authentication at all, any client that reaches a
	// broker is served.
	a.UnauthenticatedAccess = unauth || !(a.IAMAuth || a.SCRAMAuth || a.TLSAuth)
	if l := p.LoggingInfo; l != nil && l.BrokerLogs != nil {
		bl := l.BrokerLogs
		a.BrokerLogging = (bl.CloudWatchLogs != nil && aws.ToBool(bl.CloudWatchLogs.Enabled)) ||
			(bl.Firehose != nil && aws.ToBool(bl.Firehose.Enabled)) || (bl.S3 != nil && aws.ToBool(bl.S3.Enabled))
	}
	return a, rels
}
