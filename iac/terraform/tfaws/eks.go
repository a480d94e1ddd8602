package tfaws

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// EKS clusters.
func init() {
	registerParent("aws_eks_cluster", model.KindEKSCluster, func(b *Builder) {
		a := model.KindEKSCluster.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Version = b.String("version", "version", "")
		a.EndpointPublicAccess = b.Bool("vpc_config[0].endpoint_public_access", "endpoint_public_access", true)
		a.EndpointPrivateAccess = b.Bool("vpc_config[0].endpoint_private_access", "endpoint_private_access", false)
		var cidrs []string
		if b.Has("vpc_config[0].public_access_cidrs") {
			cidrs = b.Strings("vpc_config[0].public_access_cidrs", "public_access_cidrs")
		}
		if len(cidrs) > 0 || b.R.IsUnknown("public_access_cidrs") {
			a.PublicAccessCIDRs = cidrs
		} else if a.EndpointPublicAccess {
			// EKS opens a public endpoint to the whole internet by default,
			// also when the list is empty: the provider then sends none.
			a.PublicAccessCIDRs = []string{"0.0.0.0/0"}
			b.locate("vpc_config[0].public_access_cidrs", "public_access_cidrs")
		}
		for i, ec := range b.Blocks("encryption_config") {
			res, _ := ec["resources"].([]any)
			for _, r := range res {
				if instance.IsUnknown(r) {
					b.Target().MarkUnknown("secrets_encryption")
				}
				if r == "secrets" {
					a.SecretsEncryption = true
					b.locate(model.Path("encryption_config", i), "secrets_encryption")
				}
			}
		}
		a.EnabledLogTypes = b.Strings("enabled_cluster_log_types", "enabled_log_types")
		if a.EnabledLogTypes == nil {
			a.EnabledLogTypes = []string{}
		}
	})
}
