# METADATA
# title: "EKS managed node group allows SSH to its nodes"
# description: "A managed node group with remote access has an EC2 key pair installed on every node and port 22 (3389 on Windows) open to its source security groups. The Amazon EKS best practices guide advises against SSH to nodes: keys are long-lived shared secrets, sessions are not logged in CloudTrail, and shell access to a node reaches the kubelet's credentials, the node role and every pod on it. AWS Systems Manager Session Manager gives the same access through IAM, with an audit trail and no open port. A node group launched from a launch template keeps its key, if any, in the template, which this rule does not read: it gives no verdict on it."
# custom:
#   id: AWS-EKS-022
#   severity: low
#   kinds: [aws.eks.node_group]
#   remediation: "Create the node group without remote access (no remote_access block on aws_eks_node_group, no RemoteAccess on AWS::EKS::Nodegroup) and reach nodes through Session Manager (the AmazonSSMManagedInstanceCore policy on the node role). Remote access is set at creation: removing it replaces the node group."
#   references: [https://docs.aws.amazon.com/eks/latest/best-practices/protecting-the-infrastructure.html, https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html]
#   compliance:
#     nist-800-53-r5: ["AC-17", "CM-7"]
package vigil.rules.aws.eks.node_group_remote_access

deny contains {"msg": sprintf("EKS node group %s allows SSH to its nodes with key %s", [object.get(input, "name", input.id), input.attributes.remote_access.ec2_ssh_key]), "path": "remote_access.ec2_ssh_key"} if {
	input.attributes.remote_access.ec2_ssh_key != ""
}

deny contains {"msg": sprintf("EKS node group %s launches from a launch template, whose key pair is not read", [object.get(input, "name", input.id)]), "unknown": true} if {
	input.attributes.remote_access.ec2_ssh_key == ""
	lt := input.attributes.launch_template
	concat("", [lt.id, lt.name]) != ""
}
