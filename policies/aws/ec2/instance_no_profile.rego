# METADATA
# title: EC2 instance has no IAM instance profile
# description: >-
#   An instance without an instance profile has no role, so software on it that calls AWS needs
#   long-lived access keys stored on the instance, which leak with its disk, its user data or its
#   backups; an instance role gives it short-lived credentials instead (CIS AWS Foundations 1.18).
#   Terminated instances are not judged.
# custom:
#   id: AWS-EC2-200
#   severity: low
#   kinds: [aws.ec2.instance]
#   remediation: Create a role for the instance's workload, put it in an instance profile and attach it (iam_instance_profile on aws_instance; aws ec2 associate-iam-instance-profile on a running instance); remove any access keys stored on the instance.
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html]
#   compliance:
#     cis-aws-3.0: ["1.18"]
#     cis-aws-5.0: ["1.17"]
#     cis-aws-7.0: ["2.16"]
#     nist-800-53-r5: ["IA-5(7)", "AC-6"]
package vigil.rules.aws.ec2.instance_no_profile

gone := {"terminated", "shutting-down"}

deny contains {"msg": msg, "path": "iam_instance_profile"} if {
	not gone[input.attributes.state]
	input.attributes.iam_instance_profile == ""
	msg := sprintf("instance %s has no IAM instance profile", [input.name])
}
