package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// MSK: aws_msk_cluster and aws_msk_serverless_cluster become
// aws.msk.cluster.
func init() {
	registerParent("aws_msk_cluster", model.KindMSKCluster, func(b *Builder) {
		a := model.KindMSKCluster.Must(b.R)
		b.NameFrom("cluster_name")
		a.Type = "PROVISIONED"
		// Provider and API defaults: TLS from clients, TLS between brokers.
		a.ClientBrokerEncryption = b.String("encryption_info[0].encryption_in_transit[0].client_broker", "client_broker_encryption", "TLS")
		a.InClusterEncryption = b.Bool("encryption_info[0].encryption_in_transit[0].in_cluster", "in_cluster_encryption", true)
		a.KMSKeyID = b.String("encryption_info[0].encryption_at_rest_kms_key_arn", "kms_key_id", "")
		pub := b.String("broker_node_group_info[0].connectivity_info[0].public_access[0].type", "public_access", "DISABLED")
		a.PublicAccess = pub != "DISABLED"
		a.IAMAuth = b.Bool("client_authentication[0].sasl[0].iam", "iam_auth", false)
		a.SCRAMAuth = b.Bool("client_authentication[0].sasl[0].scram", "scram_auth", false)
		a.TLSAuth = b.HasBlock("client_authentication[0].tls")
		unauth := b.Bool("client_authentication[0].unauthenticated", "unauthenticated_access", false)
		// No authentication configured: MSK serves any client.
		a.UnauthenticatedAccess = unauth || !(a.IAMAuth || a.SCRAMAuth || a.TLSAuth)
		for _, dest := range []string{"cloudwatch_logs", "firehose", "s3"} {
			if b.Bool("logging_info[0].broker_logs[0]."+dest+"[0].enabled", "broker_logging", false) {
				a.BrokerLogging = true
			}
		}
	})
	// Serverless clusters: TLS and IAM always, nothing public.
	registerParent("aws_msk_serverless_cluster", model.KindMSKCluster, func(b *Builder) {
		a := model.KindMSKCluster.Must(b.R)
		b.NameFrom("cluster_name")
		a.Type, a.ClientBrokerEncryption, a.InClusterEncryption, a.IAMAuth = "SERVERLESS", "TLS", true, true
	})
}
