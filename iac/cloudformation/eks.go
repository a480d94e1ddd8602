package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::EKS::Cluster", model.KindEKSCluster, func(b *builder) {
		a := model.KindEKSCluster.Must(b.target)
		a.Name = b.nameProp("Name")
		a.Version = b.str("Version", "version", "")
		if !b.has("Version") {
			b.r.MarkUnknown("version") // the latest at creation
		}
		const v = "ResourcesVpcConfig."
		a.EndpointPublicAccess = b.boolean(v+"EndpointPublicAccess", "endpoint_public_access", true)
		a.EndpointPrivateAccess = b.boolean(v+"EndpointPrivateAccess", "endpoint_private_access", false)
		a.PublicAccessCIDRs = b.strs(v+"PublicAccessCidrs", "public_access_cidrs")
		if !b.has(v + "PublicAccessCidrs") {
			a.PublicAccessCIDRs = []string{"0.0.0.0/0"}
		}
		n := b.count("EncryptionConfig", "secrets_encryption")
		for i := 0; i < n; i++ {
			for _, r := range b.strs(model.Path("EncryptionConfig", i, "Resources"), "secrets_encryption") {
				if r == "secrets" {
					a.SecretsEncryption = true
					b.relate(model.RelEncryptedBy, b.str(model.Path("EncryptionConfig", i, "Provider.KeyArn"), "", ""))
				}
			}
		}
		a.EnabledLogTypes = []string{}
		n = b.count("Logging.ClusterLogging.EnabledTypes", "enabled_log_types")
		for i := 0; i < n; i++ {
			if t := b.str(model.Path("Logging.ClusterLogging.EnabledTypes", i, "Type"), "enabled_log_types", ""); t != "" {
				a.EnabledLogTypes = append(a.EnabledLogTypes, t)
			}
		}
	})
}
