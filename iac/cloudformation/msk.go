package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::MSK::Cluster", model.KindMSKCluster, func(b *builder) {
		a := model.KindMSKCluster.Must(b.target)
		a.Type = "PROVISIONED"
		// AWS's defaults: TLS from clients, TLS between brokers.
		a.ClientBrokerEncryption = b.str("EncryptionInfo.EncryptionInTransit.ClientBroker", "client_broker_encryption", "TLS")
		a.InClusterEncryption = b.boolean("EncryptionInfo.EncryptionInTransit.InCluster", "in_cluster_encryption", true)
		a.KMSKeyID = b.str("EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.PublicAccess = b.str("BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type", "public_access", "DISABLED") != "DISABLED"
		a.IAMAuth = b.boolean("ClientAuthentication.Sasl.Iam.Enabled", "iam_auth", false)
		a.SCRAMAuth = b.boolean("ClientAuthentication.Sasl.Scram.Enabled", "scram_auth", false)
		a.TLSAuth = b.boolean("ClientAuthentication.Tls.Enabled", "tls_auth", b.has("ClientAuthentication.Tls.CertificateAuthorityArnList"))
		unauth := b.boolean("ClientAuthentication.Unauthenticated.Enabled", "unauthenticated_access", false)
		// No authentication configured: MSK serves any client.
		a.UnauthenticatedAccess = unauth || !(a.IAMAuth || a.SCRAMAuth || a.TLSAuth)
		for _, dest := range []string{"CloudWatchLogs", "Firehose", "S3"} {
			if b.boolean("LoggingInfo.BrokerLogs."+dest+".Enabled", "broker_logging", false) {
				a.BrokerLogging = true
			}
		}
	})
	// Serverless clusters: TLS and IAM always, nothing public.
	parent("AWS::MSK::ServerlessCluster", model.KindMSKCluster, func(b *builder) {
		a := model.KindMSKCluster.Must(b.target)
		a.Type, a.ClientBrokerEncryption, a.InClusterEncryption, a.IAMAuth = "SERVERLESS", "TLS", true, true
	})
}
