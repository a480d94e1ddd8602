# METADATA
# title: "EKS managed node group allows SSH from the internet"
# description: "A managed node group given an EC2 SSH key for remote access but no source security groups gets a security group from EKS that opens port 22 (3389 on Windows nodes) to 0.0.0.0/0 on every node. The nodes then answer SSH or RDP from the whole internet, wherever their subnets route it; a node's compromise exposes the kubelet's credentials, the node role and every pod on it. A node group launched from a launch template cannot use remote access (its key and security groups are the template's), so EKS opens nothing and this rule passes it."
# custom:
#   id: AWS-EKS-021
#   severity: medium
#   kinds: [aws.eks.node_group]
#   remediation: "Name the security groups allowed to reach the nodes (source_security_group_ids in the remote_access block of aws_eks_node_group, RemoteAccess.SourceSecurityGroups on AWS::EKS::Nodegroup), e.g. a bastion's, or remove remote access and reach nodes through AWS Systems Manager Session Manager. Remote access is set at creation: changing it replaces the node group."
#   references: [https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html, https://docs.aws.amazon.com/eks/latest/userguide/create-managed-node-group.html]
#   compliance:
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["AC-17", "SC-7"]
package vigil.rules.aws.eks.node_group_ssh_open

deny contains {"msg": sprintf("EKS node group %s has SSH key %s and no source security groups: EKS opens port 22 (3389 on Windows) on its nodes to 0.0.0.0/0", [object.get(input, "name", input.id), ra.ec2_ssh_key]), "path": "remote_access.source_security_group_ids"} if {
	ra := input.attributes.remote_access
	ra.ec2_ssh_key != ""
	count(ra.source_security_group_ids) == 0
}
