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
	registerParent("aws_eks_node_group", model.KindEKSNodeGroup, func(b *Builder) {
		a := model.KindEKSNodeGroup.Must(b.R)
		a.Name = b.NameFrom("node_group_name")
		if a.Name == "" {
			b.Target().MarkUnknown("name") // generated from node_group_name_prefix
		}
		a.ClusterName = b.String("cluster_name", "cluster_name", "")
		a.NodeRoleARN = b.String("node_role_arn", "node_role_arn", "")
		a.CapacityType = b.String("capacity_type", "capacity_type", "ON_DEMAND")
		// Left out, EKS picks them at creation: the AMI type for the
		// version (and none with a launch template's custom AMI), the
		// cluster's version, the latest release of the version.
		a.AMIType = eksNodeGroupDefault(b, "ami_type")
		a.Version = eksNodeGroupDefault(b, "version")
		a.ReleaseVersion = eksNodeGroupDefault(b, "release_version")
		a.Subnets = b.Strings("subnet_ids", "subnets")
		if a.Subnets == nil {
			a.Subnets = []string{}
		}
		a.RemoteAccess.EC2SSHKey = b.String("remote_access[0].ec2_ssh_key", "remote_access.ec2_ssh_key", "")
		a.RemoteAccess.SourceSecurityGroupIDs = b.Strings("remote_access[0].source_security_group_ids", "remote_access.source_security_group_ids")
		if a.RemoteAccess.SourceSecurityGroupIDs == nil {
			a.RemoteAccess.SourceSecurityGroupIDs = []string{}
			if v, ok := b.Lookup("remote_access"); ok && instance.IsUnknown(v) {
				b.Target().MarkUnknown("remote_access")
			}
		}
		a.LaunchTemplate.ID = b.String("launch_template[0].id", "launch_template.id", "")
		a.LaunchTemplate.Name = b.String("launch_template[0].name", "launch_template.name", "")
		a.LaunchTemplate.Version = b.String("launch_template[0].version", "launch_template.version", "")
	})
}

// eksNodeGroupDefault reads a node group setting EKS decides when the
// configuration leaves it out: absent, it is unknown until apply.
func eksNodeGroupDefault(b *Builder, attr string) string {
	if !b.Has(attr) {
		b.Target().MarkUnknown(attr)
		return ""
	}
	return b.String(attr, attr, "")
}
