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

	parent("AWS::EKS::Nodegroup", model.KindEKSNodeGroup, func(b *builder) {
		a := model.KindEKSNodeGroup.Must(b.target)
		a.Name = b.nameProp("NodegroupName")
		a.ClusterName = b.str("ClusterName", "cluster_name", "")
		a.NodeRoleARN = b.str("NodeRole", "node_role_arn", "")
		a.CapacityType = b.str("CapacityType", "capacity_type", "ON_DEMAND")
		// Left out, EKS picks them at creation: the AMI type for the
		// version, the cluster's version, the latest release of it.
		for _, p := range []struct {
			prop, path string
			to         *string
		}{{"AmiType", "ami_type", &a.AMIType}, {"Version", "version", &a.Version}, {"ReleaseVersion", "release_version", &a.ReleaseVersion}} {
			if !b.has(p.prop) {
				b.r.MarkUnknown(p.path)
				continue
			}
			*p.to = b.str(p.prop, p.path, "")
		}
		a.Subnets = b.strs("Subnets", "subnets")
		if a.Subnets == nil {
			a.Subnets = []string{}
		}
		a.RemoteAccess.EC2SSHKey = b.str("RemoteAccess.Ec2SshKey", "remote_access.ec2_ssh_key", "")
		a.RemoteAccess.SourceSecurityGroupIDs = b.strs("RemoteAccess.SourceSecurityGroups", "remote_access.source_security_group_ids")
		if a.RemoteAccess.SourceSecurityGroupIDs == nil {
			a.RemoteAccess.SourceSecurityGroupIDs = []string{}
		}
		a.LaunchTemplate.ID = b.str("LaunchTemplate.Id", "launch_template.id", "")
		a.LaunchTemplate.Name = b.str("LaunchTemplate.Name", "launch_template.name", "")
		a.LaunchTemplate.Version = b.str("LaunchTemplate.Version", "launch_template.version", "")
	})
}
